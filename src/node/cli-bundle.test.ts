/**
 * The CLI's prebuilt bundle (bin/cli-bundle.cjs): the same command prints the same through the bundle as through
 * the TypeScript sources, the bundle is reused while its inputs are unchanged and rebuilt when one changes, and a
 * command that uses no deferred part never reads the deferred bundle. The package's bin (bin/layerlab.cjs), run as
 * a program, starts Node without its extra CA certificates and gives commands the environment they were given.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-bundle-'));
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function layerlab(args: string[], extra: Record<string, string> = {}, argv = [process.execPath, BIN]) {
  const r = spawnSync(argv[0], [...argv.slice(1), ...args], {
    cwd: dir,
    env: { ...process.env, LAYERLAB_STATE: join(dir, 'state.json'), LAYERLAB_CLI_CACHE: cache, LAYERLAB_TSX: '', ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const bundleDir = () => join(cache, readdirSync(cache).find((d) => d.startsWith('cli-'))!);
const current = () => JSON.parse(readFileSync(join(bundleDir(), 'current.json'), 'utf8')) as { key: string; inputs: [string, string][] };

describe('the CLI bundle', { timeout: 120_000 }, () => {
  it('prints what the sources print, then reuses the bundle and its code cache', () => {
    const viaSources = layerlab(['version', '--format', '{{.Server.Version}} {{.Client.Version}}'], { LAYERLAB_TSX: '1' });
    const first = layerlab(['version', '--format', '{{.Server.Version}} {{.Client.Version}}']);
    expect(first).toEqual(viaSources);
    expect(first.code).toBe(0);
    const { key, inputs } = current();
    // Inputs are kept as absolute paths, so a start checks them without joining paths.
    expect(inputs.map(([p]) => p)).toEqual(expect.arrayContaining(['src/node/main.ts', 'src/engine/engine.ts', 'bin/cli-bundle.cjs'].map((p) => join(ROOT, p))));
    const bundle = join(bundleDir(), `${key}.cjs`);
    const built = statSync(bundle).mtimeMs;
    expect(readdirSync(bundleDir())).toContain(`${key}.cjs.v8cache`);

    expect(layerlab(['version', '--format', '{{.Client.Version}}']).out).toBe('28.2.2\n');
    expect(statSync(bundle).mtimeMs).toBe(built);
  });

  it('rebuilds when an input changed since the bundle was made', () => {
    const before = current();
    // As if src/engine/engine.ts had been edited after the bundle was built.
    const stale = before.inputs.map(([p, sig]): [string, string] => [p, p === join(ROOT, 'src/engine/engine.ts') ? `0:${sig}` : sig]);
    writeFileSync(join(bundleDir(), 'current.json'), JSON.stringify({ key: before.key, inputs: stale }));
    expect(layerlab(['version', '--format', '{{.Client.Version}}']).out).toBe('28.2.2\n');
    expect(current().inputs).toEqual(before.inputs);
  });

  it('loads the packages it keeps out of the bundle (yaml, fflate) when a command first uses them', () => {
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: busybox\n    command: echo hi\n');
    const config = layerlab(['compose', 'config']);
    expect(config.err).toBe('');
    expect(config.out).toContain('services:\n  web:\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox\nRUN echo zipped | gzip > /z.gz && zcat /z.gz\n');
    const build = layerlab(['build', '--progress', 'plain', '-t', 'z', '.']);
    expect(build.code).toBe(0);
    expect(build.err).toContain('zipped');
  });

  it('keeps the code cache to what most commands run: a command that loads a deferred part neither writes nor replaces it', () => {
    const cacheFile = join(bundleDir(), `${current().key}.cjs.v8cache`);
    rmSync(cacheFile, { force: true });
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: busybox\n');
    expect(layerlab(['compose', 'config']).code).toBe(0);
    expect(existsSync(cacheFile)).toBe(false);
    expect(layerlab(['ps']).out).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    const written = statSync(cacheFile).mtimeMs;
    expect(layerlab(['compose', 'config']).code).toBe(0);
    expect(statSync(cacheFile).mtimeMs).toBe(written);
  });

  it('reads the deferred bundle only for a command that uses a deferred part', () => {
    const deferred = join(bundleDir(), `${current().key}.deferred.cjs`);
    const text = readFileSync(deferred, 'utf8');
    const images = ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'];
    const listed = layerlab(images);
    expect(listed.out).toMatch(/^z:latest [0-9a-f]{12} /);
    // A deferred bundle that fails as soon as it is evaluated (bundle files are no inputs: no rebuild).
    writeFileSync(deferred, `(function () { throw new Error('deferred bundle evaluated'); })`);
    try {
      expect(layerlab(images)).toEqual(listed);
      expect(layerlab(['ps', '-a']).code).toBe(0);
      expect(layerlab(['compose', 'config']).err).toContain('deferred bundle evaluated');
    } finally {
      writeFileSync(deferred, text);
    }
    expect(layerlab(['compose', 'config']).code).toBe(0);
  });
});

describe('the bin run as a program', { timeout: 120_000 }, () => {
  const bin = join(ROOT, 'bin/layerlab.cjs');
  it('starts Node without reading NODE_EXTRA_CA_CERTS, and commands still see its value', () => {
    // Node warns at start-up when the file cannot be read: through `node`, it is read; through the bin, it is not.
    const missing = join(dir, 'no-such-ca.pem');
    expect(layerlab(['version', '--format', '{{.Client.Version}}'], { NODE_EXTRA_CA_CERTS: missing }).err).toContain('no-such-ca.pem');
    const run = layerlab(['version', '--format', '{{.Client.Version}}'], { NODE_EXTRA_CA_CERTS: missing }, [bin]);
    expect(run).toEqual({ code: 0, out: '28.2.2\n', err: '' });
    // A build argument without a value takes it from the environment, as docker's does.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox\nARG NODE_EXTRA_CA_CERTS\nRUN echo "ca=[$NODE_EXTRA_CA_CERTS]"\n');
    const build = layerlab(['build', '--progress', 'plain', '--build-arg', 'NODE_EXTRA_CA_CERTS', '.'], { NODE_EXTRA_CA_CERTS: missing }, [bin]);
    expect(build.code).toBe(0);
    expect(build.err).toContain(`ca=[${missing}]`);
  });
});
