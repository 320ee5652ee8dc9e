/**
 * `go` (golang images, `apk add go`): `go mod download` fills the module cache from go.mod's requirements,
 * `go build`/`go install` write a binary whose size follows the sources (and the build cache), `go version`.
 * Tests and vet are not run: go says so.
 */
import { getopt, pkgApplet, type PkgCtx } from './context';
import { walk } from '../fs-helpers';

const NO_MOD = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n";

function requirements(modText: string): RegExpMatchArray[] {
  return [...modText.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+)\s+(v\S+)/gm)];
}

export async function go(p: PkgCtx): Promise<number> {
  const { values, operands } = getopt(p.argv.slice(1), 'o');
  const [sub] = operands;
  if (sub === 'version') {
    p.out(`go version go${(p.vars.GOLANG_VERSION || '1.22.10').replace(/^go/, '')} linux/amd64\n`);
    return 0;
  }
  const modText = p.read('go.mod');
  if (sub === 'mod') {
    if (modText === null) {
      p.err(NO_MOD);
      return 1;
    }
    for (const r of requirements(modText)) {
      p.writeSynthetic(`/go/pkg/mod/cache/download/${r[1]}/@v/${r[2]}.zip`, { seed: `gomod:${r[1]}@${r[2]}`, size: p.rand('gm' + r[1], 200, 4000) * 1000 });
      await p.spend(300);
    }
    return 0;
  }
  if (sub === 'build' || sub === 'install') {
    // Before Go 1.16, outside modules (no go.mod) `go build` builds the current directory's package (GOPATH mode).
    const gopathMode = /^(?:go)?1\.(?:[0-9]|1[0-5])(?:\.|$)/.test(p.vars.GOLANG_VERSION ?? '') && p.vars.GO111MODULE !== 'on';
    if (modText === null && !gopathMode && !operands.slice(1).some((o) => o.endsWith('.go'))) {
      p.err(NO_MOD);
      return 1;
    }
    const mod = /^module\s+(\S+)/m.exec(modText ?? '')?.[1] ?? 'main';
    const out = values.get('o') ?? mod.split('/').pop()!;
    const srcBytes = walk(p.fs, p.cwd)
      .filter((e) => e.stat.type === 'file' && e.path.endsWith('.go'))
      .reduce((s, e) => s + e.stat.size, 0);
    const size = 1_900_000 + srcBytes * 20 + p.rand('gobin' + mod, 0, 4_000_000);
    const reqs = requirements(modText ?? '');
    for (const r of reqs) if (!p.exists(`/go/pkg/mod/cache/download/${r[1]}/@v/${r[2]}.zip`)) p.err(`go: downloading ${r[1]} ${r[2]}\n`);
    await p.spend(4000 + srcBytes / 50 + reqs.length * 800);
    p.writeSynthetic(out, { seed: `gobuild:${mod}:${srcBytes}:${out}`, size }, 0o755);
    p.writeSynthetic('/root/.cache/go-build/cache.bin', { seed: `gocache:${mod}`, size: 25_000_000 + srcBytes * 40 });
    return 0;
  }
  if (sub === 'env' && operands[1]) {
    const known: Record<string, string> = { GOPATH: p.vars.GOPATH || '/go', GOOS: 'linux', GOARCH: 'amd64', GOROOT: '/usr/local/go', CGO_ENABLED: p.vars.CGO_ENABLED ?? '1' };
    for (const k of operands.slice(1)) p.out(`${known[k] ?? ''}\n`);
    return 0;
  }
  p.err(`go: Layerlab's go builds (go build, go install, go mod download) but does not run Go code; \`go ${sub ?? ''}\` is not simulated\n`);
  return 1;
}

export const GO_PROGRAMS = { go: pkgApplet(go) };
