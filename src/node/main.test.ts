/**
 * The headless CLI as users run it: `node bin/layerlab.mjs ...` in a child process, with a temporary state file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function layerlab(args: string[], opts: { state?: string; input?: string } = {}) {
  const state = opts.state ?? join(dir, `state-${n++}.json`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, LAYERLAB_STATE: state },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, state };
}

describe('layerlab headless CLI', { timeout: 60_000 }, () => {
  it('prints the version block and says it is simulated, without touching the state; a command on it saves it', () => {
    const r = layerlab(['version']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Client:\n Version:           28.2.2\n');
    expect(r.out).toContain('Server: Layerlab simulated Docker Engine\n');
    expect(r.err).toBe('');
    // As docker's, `version` reads and writes no state.
    expect(existsSync(r.state)).toBe(false);
    expect(layerlab(['ps'], { state: r.state }).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(r.state, 'meta.json'), 'utf8'));
    expect(saved.snapshot.version).toBe(1);
  });

  it('treats `layerlab docker <args>` like `layerlab <args>`', () => {
    const a = layerlab(['docker', 'version', '--format', '{{.Client.Version}}']);
    const b = layerlab(['version', '--format', '{{.Client.Version}}']);
    expect(a).toMatchObject({ code: 0, out: '28.2.2\n', err: '' });
    expect(b).toMatchObject({ code: 0, out: '28.2.2\n', err: '' });
  });

  it('answers an unknown command like docker, exit 1', () => {
    const r = layerlab(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe("docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n");
  });

  it('answers an unknown flag like docker, exit 125', () => {
    const r = layerlab(['docker', 'version', '--bogus']);
    expect(r.code).toBe(125);
    expect(r.err).toBe("unknown flag: --bogus\n\nUsage:  docker version [OPTIONS]\n\nRun 'docker version --help' for more information\n");
  });

  it('moves a damaged state file aside with a message and starts fresh', () => {
    const state = join(dir, 'damaged.json');
    writeFileSync(state, '{"version": 1, "images": ');
    const r = layerlab(['ps'], { state });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^layerlab: state file .*damaged\.json is damaged \(.*\); moved it to .*damaged\.json\.damaged and started with an empty engine\n$/);
    expect(readFileSync(`${state}.damaged`, 'utf8')).toBe('{"version": 1, "images": ');
    expect(JSON.parse(readFileSync(join(state, 'meta.json'), 'utf8')).snapshot.version).toBe(1);
  });

  it('leaves no temporary files next to the state', () => {
    const r = layerlab(['ps'], { state: join(dir, 'clean', 'state.json') });
    expect(existsSync(r.state)).toBe(true);
    expect(readdirSync(join(dir, 'clean'))).toEqual(['state.json']);
  });

  it('keeps images and build cache between invocations, building the working directory', () => {
    const work = join(dir, 'project');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), 'FROM busybox\nCOPY a.txt /\nRUN cat /a.txt\n');
    writeFileSync(join(work, 'a.txt'), 'hi\n');
    const state = join(dir, 'persist.json');
    const build = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout: 60_000 });
    const first = build(['build', '--progress=plain', '-t', 'demo', '.']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/#\d+ \[3\/3\] RUN cat \/a.txt\n#\d+ [\d.]+ hi\n/);
    const images = build(['images', '--format', '{{.Repository}}:{{.Tag}}']);
    expect(images.stdout.split('\n')).toContain('demo:latest');
    const second = build(['docker', 'build', '--progress=plain', '-t', 'demo', '.']);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/\[3\/3\] RUN cat \/a.txt\n#\d+ CACHED/);
  }, 120_000);

  it('saves what each command changes, and a command that changes nothing (ps, image ls, inspect) writes nothing', () => {
    const state = join(dir, 'changes');
    const cli = (args: string[]) => {
      const r = layerlab(args, { state });
      expect(r.code, r.err).toBe(0);
      return r.out;
    };
    cli(['pull', 'busybox']);
    cli(['tag', 'busybox', 'mine:v1']);
    cli(['network', 'create', 'net1']);
    cli(['volume', 'create', 'vol1']);
    cli(['create', '--name', 'box', 'busybox', 'true']);
    cli(['rename', 'box', 'box2']);
    const meta = join(state, 'meta.json');
    const before = readFileSync(meta, 'utf8');
    const files = readdirSync(state, { recursive: true }).sort();
    expect(cli(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']).split('\n')).toEqual(expect.arrayContaining(['busybox:latest', 'mine:v1']));
    expect(cli(['network', 'ls', '--format', '{{.Name}}'])).toContain('net1\n');
    expect(cli(['volume', 'ls', '-q'])).toBe('vol1\n');
    expect(cli(['ps', '-a', '--format', '{{.Names}} {{.Status}}'])).toBe('box2 Created\n');
    cli(['inspect', 'box2']);
    expect(readFileSync(meta, 'utf8')).toBe(before);
    expect(readdirSync(state, { recursive: true }).sort()).toEqual(files);
    cli(['rmi', 'mine:v1']);
    expect(cli(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).toBe('busybox:latest\n');
  }, 120_000);

  it('starts the build cache empty when its record is damaged, says so once and keeps a copy; images stay', () => {
    const work = join(dir, 'damaged-cache');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), 'FROM busybox\nCOPY a.txt /\n');
    writeFileSync(join(work, 'a.txt'), 'hi\n');
    const state = join(dir, 'damaged-cache-state');
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout: 60_000 });
    expect(cli(['build', '-q', '-t', 'demo', '.']).status).toBe(0);
    const [section] = readdirSync(join(state, 'sections'));
    writeFileSync(join(state, 'sections', section), '{"cache":');
    expect(cli(['image', 'ls', '--format', '{{.Repository}}']).stdout).toBe('demo\n');
    const df = cli(['system', 'df']);
    expect(df.status).toBe(0);
    expect(df.stderr).toMatch(/^layerlab: state .* is partly damaged \(the build cache and history could not be read and start empty: build record [0-9a-f]{64} is damaged \(.*\)\); kept a copy of its meta\.json at .*meta\.json\.damaged\n$/);
    expect(readFileSync(join(state, 'sections', `${section}.damaged`), 'utf8')).toBe('{"cache":');
    const again = cli(['build', '--progress=plain', '-t', 'demo', '.']);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toMatch(/damaged|CACHED/);
    expect(cli(['build', '--progress=plain', '-t', 'demo', '.']).stderr).toMatch(/COPY a\.txt \/\n#\d+ CACHED/);
  }, 120_000);

  it('bind-mounts folders of the working directory both ways and keeps named volumes between invocations', () => {
    const work = join(dir, 'binds');
    mkdirSync(join(work, 'src'), { recursive: true });
    writeFileSync(join(work, 'src', 'index.txt'), 'from disk\n');
    const state = join(dir, 'binds.json');
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout: 60_000 });
    const r = cli(['run', '--rm', '-v', `${work}/src:/app/src`, '-v', 'data:/data', 'busybox', 'sh', '-c', 'cat /app/src/index.txt; echo written > /app/src/out.txt; echo kept > /data/f']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('from disk\n');
    expect(readFileSync(join(work, 'src', 'out.txt'), 'utf8')).toBe('written\n');
    expect(cli(['run', '--rm', '-v', '.:/w', '-v', 'data:/data', 'busybox', 'sh', '-c', 'ls /w/src; cat /data/f']).stdout).toBe('index.txt\nout.txt\nkept\n');
    expect(cli(['run', '--rm', '-v', '/etc:/x', 'busybox', 'true']).stderr).toContain(`Layerlab bind-mounts only folders inside the working directory ${work}, not /etc`);
  }, 120_000);

  it('exits promptly even when stdin stays open', async () => {
    const child = spawn(process.execPath, [BIN, 'version'], {
      cwd: dir,
      env: { ...process.env, LAYERLAB_STATE: join(dir, 'open-stdin.json') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // stdin is never ended: the CLI must not wait for it.
    const code = await new Promise<number | null>((res, rej) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        rej(new Error('layerlab did not exit with stdin left open'));
      }, 20_000);
      child.on('exit', (c) => {
        clearTimeout(t);
        res(c);
      });
    });
    expect(code).toBe(0);
  });
});

describe('Headless CLI with the worker sandbox', { timeout: 120_000 }, () => {
  it('stops a container whose program loops forever (shell loop), exit 137 and an explanation in inspect', () => {
    const state = join(dir, 'loop-sh.json');
    const t0 = Date.now();
    const r = layerlab(['run', '--name', 'spin', 'busybox', 'sh', '-c', 'while true; do :; done'], { state });
    expect(r.code).toBe(137);
    expect(Date.now() - t0).toBeLessThan(25_000);
    const ps = layerlab(['ps', '-a', '--format', '{{.Names}} {{.Status}}'], { state });
    expect(ps.out).toMatch(/^spin Exited \(137\) /);
    const st = layerlab(['inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Error}}', 'spin'], { state });
    expect(st.out).toMatch(/^137 false the process ran for more than 2\.0 s without waiting for anything \(an endless loop\?\)/);
  });

  it('stops a node program that loops forever, exit 137', () => {
    const r = layerlab(['run', 'node', 'node', '-e', 'for(;;){}']);
    expect(r.code).toBe(137);
  });

  it('keeps a detached container running across invocations, exits promptly, and replays the same logs', async () => {
    const state = join(dir, 'detached.json');
    const run = layerlab(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping'], { state });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^[0-9a-f]{64}\n$/);
    await new Promise((res) => setTimeout(res, 4_500));
    const t0 = Date.now();
    const first = layerlab(['logs', '-t', 'wp'], { state });
    // An idle worker must not keep the CLI alive: logs returns as soon as the replay is done.
    expect(Date.now() - t0).toBeLessThan(15_000);
    const second = layerlab(['logs', '-t', 'wp'], { state });
    expect(first.code).toBe(0);
    expect(first.out).toContain('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals\n');
    expect(first.out).toMatch(/Making request number: 1; at \d+\n/);
    // Same process, same virtual times: the later replay starts with exactly the earlier one's bytes.
    expect(second.out.startsWith(first.out)).toBe(true);
    const ps = layerlab(['ps', '--format', '{{.Names}} {{.Status}}'], { state });
    expect(ps.out).toMatch(/^wp Up /);
  });

  it('runs CMD ["npm", "start"] of a node image built from the working directory', () => {
    const work = join(dir, 'npm-app');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), 'FROM diamol/node\nWORKDIR /app\nCOPY package.json server.js ./\nCMD ["npm", "start"]\n');
    writeFileSync(join(work, 'package.json'), '{"name":"app","version":"1.0.0","scripts":{"start":"node server.js"}}\n');
    writeFileSync(join(work, 'server.js'), "console.log('started by', process.env.npm_lifecycle_event)\n");
    const state = join(dir, 'npm-app.json');
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout: 60_000 });
    expect(cli(['build', '-q', '-t', 'app', '.']).status).toBe(0);
    const r = cli(['run', '--rm', 'app']);
    expect(r.stdout).toBe('\n> app@1.0.0 start /app\n> node server.js\n\nstarted by start\n');
    expect(r.status).toBe(0);
  });
});
