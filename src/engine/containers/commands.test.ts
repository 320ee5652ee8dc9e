/** Container commands beyond the journey: exec, cp, diff, ps filters and sizes, top, stats, logs -f, inspect. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO, stringStdin, type CliIO } from '../core/io';

function setup() {
  const env = testEnv();
  const engine = new Engine({ env, context: memoryContext({ 'app/server.js': 'console.log("hi")\n', 'note.txt': 'hello\n' }) });
  engine.registry.sleep = null;
  const run = async (argv: string[], opts: Partial<CliIO> = {}) => {
    const io = bufferIO(opts);
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { env, engine, run };
}

describe('Working inside a running container', () => {
  it('runs an interactive shell with exec -it, with the container env and -e/-w', async () => {
    const { run } = setup();
    const id = (await run(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping'])).out.trim();
    const sh = await run(['exec', '-it', 'wp', 'sh'], { stdinIsTTY: true, stdoutIsTTY: true, stdin: stringStdin('echo $TARGET $HOSTNAME\nexit\n') });
    expect(sh.code).toBe(0);
    expect(sh.out).toContain(`blog.sixeyed.com ${id.slice(0, 12)}`);
    expect(sh.out).toContain('/web-ping # ');
    expect((await run(['exec', '-e', 'X=1', '-w', '/tmp', 'wp', 'sh', '-c', 'pwd; echo $X'])).out).toBe('/tmp\n1\n');
    expect(await run(['exec', 'wp', 'nope'])).toEqual({
      code: 127,
      out: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n',
      err: '',
    });
  });

  it('gives every container its own /etc/hostname, outside the writable layer', async () => {
    const { run } = setup();
    const r = await run(['run', '--name', 'hn', 'busybox', 'sh', '-c', 'cat /etc/hostname; echo other > /etc/hostname; cat /etc/hostname']);
    expect(r.code, r.err).toBe(0);
    const id = r.out;
    const ps = await run(['ps', '-a', '--no-trunc', '--format', '{{.ID}}']);
    expect(id).toBe(`${ps.out.trim().slice(0, 12)}\nother\n`);
    expect((await run(['diff', 'hn'])).out).toBe('');
  });

  it('gives every container the /etc/hosts Docker Engine 28 writes (its address and hostname), outside the writable layer', async () => {
    const { run } = setup();
    const head = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
    const one = await run(['run', '--rm', 'busybox', 'cat', '/etc/hosts']);
    expect(one.code, one.err).toBe(0);
    const host = one.out.split('\n')[6].split('\t')[1];
    expect(host).toMatch(/^[0-9a-f]{12}$/);
    expect(one.out).toBe(`${head}172.17.0.2\t${host}\n`);
    // The address is the one docker inspect shows: with one container running, the next one gets .3.
    await run(['run', '-d', '--name', 'first', 'busybox', 'sleep', '1000']);
    await run(['run', '-d', '--name', 'second', '--hostname', 'web.example.com', 'busybox', 'sleep', '1000']);
    const ip = (await run(['inspect', '-f', '{{.NetworkSettings.IPAddress}}', 'second'])).out.trim();
    expect(ip).toBe('172.17.0.3');
    expect((await run(['exec', 'second', 'cat', '/etc/hosts'])).out).toBe(`${head}${ip}\tweb.example.com web\n`);
    expect((await run(['exec', 'first', 'cat', '/etc/hosts'])).out).toMatch(/\n172\.17\.0\.2\t[0-9a-f]{12}\n$/);
    // Processes may change it; docker diff and docker commit never see it.
    expect((await run(['exec', 'second', 'sh', '-c', 'echo "10.0.0.9 db" >> /etc/hosts; tail -1 /etc/hosts'])).out).toBe('10.0.0.9 db\n');
    expect((await run(['diff', 'second'])).out).toBe('');
    expect((await run(['commit', 'second', 'snap'])).code).toBe(0);
    const fromSnap = await run(['run', '--rm', '--hostname', 'snap', 'snap', 'cat', '/etc/hosts']);
    expect(fromSnap.out).toBe(`${head}172.17.0.4\tsnap\n`);
    // A restart writes it afresh, with the address of the new run.
    await run(['stop', '-t', '0', 'first', 'second']);
    await run(['start', 'second']);
    expect((await run(['exec', 'second', 'cat', '/etc/hosts'])).out).toBe(`${head}172.17.0.2\tweb.example.com web\n`);
  });

  it('copies files in from the host context and shows them in diff', async () => {
    const { run } = setup();
    await run(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping']);
    expect((await run(['cp', 'note.txt', 'wp:/web-ping/'])).code).toBe(0);
    expect((await run(['cp', 'app', 'wp:/srv/'])).code).toBe(0);
    expect((await run(['exec', 'wp', 'cat', '/web-ping/note.txt', '/srv/app/server.js'])).out).toBe('hello\nconsole.log("hi")\n');
    expect((await run(['cp', 'wp:/web-ping/note.txt', '-'])).out).toBe('hello\n');
    expect((await run(['diff', 'wp'])).out).toBe('C /srv\nA /srv/app\nA /srv/app/server.js\nC /web-ping\nA /web-ping/note.txt\n');
    expect((await run(['cp', 'missing.txt', 'wp:/'])).err).toBe('lstat missing.txt: no such file or directory\n');
  });
});

describe('Listing and inspecting containers', () => {
  it('filters ps, shows sizes, top and one-shot stats', async () => {
    const { run } = setup();
    const id = (await run(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping'])).out.trim();
    await run(['run', '--name', 'done', 'alpine', 'true']);
    expect((await run(['ps', '-q'])).out).toBe(`${id.slice(0, 12)}\n`);
    expect((await run(['ps', '-a', '--filter', 'status=exited', '--format', '{{.Names}}'])).out).toBe('done\n');
    expect((await run(['ps', '-a', '--filter', 'ancestor=alpine', '--format', '{{.Names}} {{.Image}}'])).out).toBe('done alpine\n');
    expect((await run(['ps', '--no-trunc', '-q'])).out).toBe(`${id}\n`);
    expect((await run(['ps', '-s', '--format', '{{.Size}}'])).out).toMatch(/^0B \(virtual 75\.5MB\)\n$/);
    expect((await run(['ps', '--filter', 'bogus=1'])).err).toBe("Error response from daemon: invalid filter 'bogus'\n");
    const top = (await run(['top', 'wp'])).out.split('\n');
    expect(top[0]).toMatch(/^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD$/);
    expect(top[1]).toMatch(/^root\s+\d+\s+\d+\s+0\s+09:00\s+\?\s+00:00:00\s+docker-entrypoint\.sh node \/web-ping\/app\.js$/);
    const stats = (await run(['stats', '--no-stream'])).out.split('\n');
    expect(stats[0]).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       BLOCK I/O   PIDS');
    expect(stats[1]).toMatch(/^[0-9a-f]{12} {3}wp {8}\d\.\d\d% {5}[\d.]+MiB \/ 7\.66GiB/);
  });

  it('inspects a container as a JSON array with Docker\'s fields', async () => {
    const { run } = setup();
    await run(['run', '-d', '-p', '8080:80', '--name', 'web', 'nginx']);
    const [c] = JSON.parse((await run(['container', 'inspect', 'web'])).out);
    expect(Object.keys(c).slice(0, 6)).toEqual(['Id', 'Created', 'Path', 'Args', 'State', 'Image']);
    expect(c.Name).toBe('/web');
    expect(c.Created).toBe('2026-11-23T09:00:00Z');
    expect(c.Config.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(c.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(c.Mounts).toEqual([]);
    expect((await run(['container', 'inspect', '-f', '{{.Config.StopSignal}}', 'web'])).out).toBe('SIGQUIT\n');
    expect(await run(['container', 'inspect', 'nope'])).toEqual({ code: 1, out: '[]\n', err: 'Error: No such container: nope\n' });
  });

  it('follows logs with -f until Ctrl-C', async () => {
    const { env, engine, run } = setup();
    await run(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping']);
    const ac = new AbortController();
    const io = bufferIO({ signal: ac.signal });
    const following = engine.run(['logs', '-f', 'wp'], io);
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(io.out).toBe('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals\n');
    env.clock.advance(3000);
    await engine.containers.advance();
    expect(io.out).toMatch(/Making request number: 1; at \d+\n$/);
    ac.abort();
    expect(await following).toBe(0);
  });
});

describe('Restart policies', () => {
  it('restarts a failing container with on-failure until its retry limit, with Docker\'s backoff', async () => {
    const { env, engine, run } = setup();
    await run(['run', '-d', '--name', 'flaky', '--restart', 'on-failure:3', 'alpine', 'sh', '-c', 'echo boom; exit 3']);
    expect((await run(['ps', '--format', '{{.Status}}'])).out).toMatch(/^Restarting \(3\) Less than a second ago\n$/);
    env.clock.advance(5_000);
    await engine.containers.advance();
    const c = engine.containers.get('flaky')!;
    expect(c.restartCount).toBe(3);
    expect(c.state.Status).toBe('exited');
    expect((await run(['logs', 'flaky'])).out).toBe('boom\nboom\nboom\nboom\n');
    expect((await run(['run', '--rm', '--restart', 'always', 'alpine'])).err).toBe(
      "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n",
    );
  });

  it('does not restart an always-restart container after docker stop', async () => {
    const { env, engine, run } = setup();
    await run(['run', '-d', '--name', 'pinger', '--restart', 'always', 'diamol/ch03-web-ping']);
    await run(['stop', 'pinger']);
    env.clock.advance(60_000);
    await engine.containers.advance();
    expect(engine.containers.get('pinger')!.state.Status).toBe('exited');
    expect(engine.containers.get('pinger')!.restartCount).toBe(0);
  });
});

describe('Programs inside images', () => {
  it('runs curl from diamol/base over the simulated network as time passes', async () => {
    const { env, engine, run } = setup();
    await run(['pull', 'diamol/base']);
    const io = bufferIO();
    const done = engine.run(['run', '--rm', 'diamol/base', 'curl', '-s', '-I', 'https://blog.sixeyed.com'], io);
    for (let i = 0; i < 50 && !engine.containers.list().some((c) => c.state.Status === 'running'); i++) await new Promise((r) => setTimeout(r, 0));
    env.clock.advance(3000);
    await engine.containers.advance();
    expect(await done).toBe(0);
    expect(io.out).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('says plainly when a program of a real image is not simulated', async () => {
    const { run } = setup();
    expect(await run(['run', '--rm', 'python:slim'])).toMatchObject({
      code: 126,
      out: '',
      err: expect.stringMatching(/python3: Layerlab cannot run Python code \(it runs pip, venv and --version\); the interactive interpreter was not run\n$/),
    });
    expect(await run(['run', '--rm', 'python:slim', 'pip', '--version'])).toMatchObject({ code: 0, out: 'pip 24.3.1 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\n' });
  });
});

describe('docker wait', () => {
  it('blocks until the container exits and prints its exit code', async () => {
    const { env, engine, run } = setup();
    await run(['run', '-d', '--name', 'sleeper', 'alpine', 'sh', '-c', 'sleep 5; exit 4']);
    const io = bufferIO();
    const waiting = engine.run(['wait', 'sleeper'], io);
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(io.out).toBe('');
    env.clock.advance(6000);
    await engine.containers.advance();
    expect(await waiting).toBe(0);
    expect(io.out).toBe('4\n');
  });
});

describe('docker attach', () => {
  it('joins a detached interactive shell, and Ctrl-P Ctrl-Q leaves it running', async () => {
    const { run } = setup();
    await run(['run', '-dit', '--name', 'box', 'alpine']);
    const tty = { stdinIsTTY: true, stdoutIsTTY: true };
    const detach = await run(['attach', 'box'], { ...tty, stdin: stringStdin('echo one\n\x10\x11') });
    expect(detach).toMatchObject({ code: 0, err: 'read escape sequence\n' });
    expect(detach.out).toContain('one\r\n');
    expect((await run(['ps', '--format', '{{.Names}}'])).out).toBe('box\n');
    const done = await run(['attach', 'box'], { ...tty, stdin: stringStdin('exit\n') });
    expect(done.code).toBe(0);
    expect((await run(['ps', '-a', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(0\)/);
    expect((await run(['attach', 'box'])).err).toBe('You cannot attach to a stopped container, start it first\n');
  });
});


describe('What a container process sees', () => {
  it('is pid 1 with HOSTNAME and HOME; an exec is a higher pid whose ps shows pid 1', async () => {
    const { run } = setup();
    const main = await run(['run', '--name', 'one', 'busybox', 'sh', '-c', 'echo $$ $HOSTNAME $HOME; ps']);
    expect(main.code).toBe(0);
    const [first, header, ...rows] = main.out.split('\n');
    expect(first).toMatch(/^1 [0-9a-f]{12} \/root$/);
    expect(header).toBe('PID   USER     TIME  COMMAND');
    expect(rows[0]).toMatch(/^ +1 root +0:00 sh -c echo/);
    await run(['run', '-d', '--name', 'sleeper', 'busybox', 'sleep', '1000']);
    const ex = await run(['exec', 'sleeper', 'ps']);
    expect(ex.out.split('\n')[1]).toMatch(/^ +1 root +0:00 sleep 1000$/);
    expect(ex.out).toMatch(/\n +\d{2,} root +0:00 ps\n/);
    const tty = await run(['exec', '-t', 'sleeper', 'sh', '-c', 'echo $TERM'], { stdoutIsTTY: true });
    expect(tty.out).toBe('xterm\r\n');
  });

  it('has the bridge address docker inspect shows, kept while others come and go', async () => {
    const { run } = setup();
    await run(['run', '-d', '--name', 'a1', 'busybox', 'sleep', '1000']);
    await run(['run', '-d', '--name', 'a2', 'busybox', 'sleep', '1000']);
    const ip = (n: string) => run(['inspect', '-f', '{{.NetworkSettings.IPAddress}}', n]).then((r) => r.out.trim());
    expect(await ip('a1')).toBe('172.17.0.2');
    expect(await ip('a2')).toBe('172.17.0.3');
    expect((await run(['exec', 'a2', 'sh', '-c', 'ifconfig eth0 | grep inet'])).out).toContain('inet addr:172.17.0.3 ');
    await run(['rm', '-f', 'a1']);
    expect(await ip('a2')).toBe('172.17.0.3');
    // The freed address goes to the next container.
    expect((await run(['run', '--rm', 'busybox', 'sh', '-c', 'ifconfig eth0 | grep inet'])).out).toContain('inet addr:172.17.0.2 ');
  });

  it('refuses a binary the sandbox cannot run with exit 126 and says why', async () => {
    const { run } = setup();
    await run(['run', '--name', 'mk', 'busybox', 'sh', '-c', "printf '\\177ELF\\002\\001' > /prog && chmod +x /prog && echo echo text > /script && chmod +x /script"]);
    expect((await run(['commit', 'mk', 'withprog'])).code).toBe(0);
    const r = await run(['run', '--rm', 'withprog', '/prog']);
    expect(r.code).toBe(126);
    expect(r.err).toContain('exec: "/prog": Layerlab does not simulate this program (containers can run node, sh and busybox tools)');
    await run(['run', '-d', '--name', 'up', 'withprog', 'sleep', '100']);
    const ex = await run(['exec', 'up', '/prog']);
    expect(ex.code).toBe(126);
    expect(ex.out).toContain('Layerlab does not simulate this program');
    // A text file without an interpreter line is no program for the kernel (a shell would run it as a script).
    const text = await run(['run', '--rm', 'withprog', '/script']);
    expect(text.code).toBe(126);
    expect(text.err).toContain('exec: "/script": exec format error');
    expect((await run(['run', '--rm', 'withprog', 'sh', '-c', '/script'])).out).toBe('text\n');
  });
});
