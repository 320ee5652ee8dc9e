/**
 * One shell everywhere: every case of the BusyBox table (src/engine/runtime/shell/testdata/cases.ts, recorded
 * from real BusyBox ash) runs as a Dockerfile RUN step with both builders and must give the same stdout, stderr,
 * exit status and files as BusyBox did, as it does under `docker run` (busybox.spec.test.ts). The RUN keeps the
 * script's streams and status in files of the image, as a learner would: `> out 2> err; echo $? > code`.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine';
import { testEnv } from '../src/engine/core/env';
import { memoryContext } from '../src/engine/core/host';
import { bufferIO } from '../src/engine/core/io';
import type { UnionFs } from '../src/engine/fs/union';
import { CASES } from '../src/engine/runtime/shell/testdata/cases';
import { missingApplets as missing, recorded, type Recorded } from '../src/engine/runtime/shell/testdata/recorded';

/** The files under `dir`, listed as the recorder lists them (directories with a trailing slash, sorted). */
function filesUnder(fs: UnionFs, dir: string, prefix = ''): Recorded['files'] {
  const out: Recorded['files'] = [];
  for (const name of [...fs.readdir(dir)].sort()) {
    const p = `${dir}/${name}`;
    const st = fs.lstat(p)!;
    if (st.type === 'dir') {
      out.push({ path: `${prefix}${name}/`, mode: st.mode & 0o7777, content: '' });
      out.push(...filesUnder(fs, p, `${prefix}${name}/`));
    } else out.push({ path: prefix + name, mode: st.mode & 0o7777, content: fs.readText(p) });
  }
  return out;
}

const DOCKERFILE = [
  'FROM busybox',
  'COPY r/ /r/',
  'COPY w/ /w/',
  'RUN rm /w/.keep && cd /w && env -i PATH=/bin HOME=/root PWD=/w sh -c "$(cat /r/script.sh)" > /r/out 2> /r/err < /r/in; echo $? > /r/code',
  '',
].join('\n');

const BUILDERS: { name: string; env: Record<string, string> }[] = [
  { name: 'BuildKit', env: {} },
  { name: 'the legacy builder', env: { DOCKER_BUILDKIT: '0' } },
];

describe.each(BUILDERS)('a RUN step with $name behaves like busybox ash', ({ env }) => {
  for (const c of CASES) {
    const want = recorded.get(c.name);
    const lacking = missing(c.needs);
    // `$(cat ...)` drops a script's trailing newlines; the few cases that end in one behave the same without it.
    it.skipIf(!want || lacking.length > 0)(c.name, async () => {
      const files: Record<string, string | { content: string; mode: number }> = {
        Dockerfile: DOCKERFILE,
        'r/script.sh': c.script,
        'r/in': c.stdin ?? '',
        'w/.keep': '',
      };
      for (const [p, f] of Object.entries(c.files ?? {})) files[`w/${p}`] = f;
      const engine = new Engine({ env: testEnv(), context: memoryContext(files) });
      if (engine.registry) engine.registry.sleep = null;
      const io = bufferIO({ env });
      const code = await engine.run(['build', '-q', '-t', 'case', '.'], io);
      expect(code, io.err).toBe(0);
      const fs = engine.images.rootfs(engine.images.resolve('case')!);
      const got = {
        stdout: fs.readText('/r/out'),
        stderr: c.stderr === false ? '' : fs.readText('/r/err'),
        code: Number(fs.readText('/r/code').trim()),
        files: filesUnder(fs, '/w'),
      };
      expect(got).toEqual({ stdout: want!.stdout, stderr: c.stderr === false ? '' : want!.stderr, code: want!.code, files: want!.files });
    });
  }
});
