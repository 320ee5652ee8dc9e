/**
 * The learners' chapter-3 journey (seed notes 000-004) through the docker CLI, with the real sandbox runtime
 * and a manual clock: pull, run -d --name, logs, -e overrides, rm -f, the Node REPL, -p and curl, the lab.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO, stringStdin, type CliIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';

function setup() {
  const env = testEnv();
  const engine = new Engine({ env });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null; // terminal pull progress without real-time pacing
  const run = async (argv: string[], opts: Partial<CliIO> = {}) => {
    const io = bufferIO(opts);
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { env, engine, run };
}

const TTY = { stdinIsTTY: true, stdoutIsTTY: true };

/** Lets pending promise chains run until `cond` holds (a command started without await). */
async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(cond()).toBe(true);
}

describe('Running the web-ping container (chapter 3)', () => {
  it('runs detached with a name, shows in ps, and logs a start line and one request per interval', async () => {
    const { env, run } = setup();
    expect((await run(['image', 'pull', 'diamol/ch03-web-ping'])).code).toBe(0);
    const r = await run(['container', 'run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.err).toBe('');
    env.clock.advance(2 * 60_000 + 1_000);
    const ps = await run(['ps']);
    expect(ps.out.split('\n')[0]).toBe('CONTAINER ID   IMAGE                  COMMAND                  CREATED         STATUS         PORTS     NAMES');
    expect(ps.out.split('\n')[1]).toBe(`${r.out.slice(0, 12)}   diamol/ch03-web-ping   "docker-entrypoint.s…"   2 minutes ago   Up 2 minutes             web-ping`);
    const logs = await run(['container', 'logs', 'web-ping']);
    const lines = logs.out.trimEnd().split('\n');
    expect(lines[0]).toBe('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals');
    expect(lines[1]).toMatch(/^Making request number: 1; at \d{13}$/);
    expect(lines[2]).toMatch(/^Got response status: 200 at \d{13}; duration: \d+ms$/);
    expect(lines.filter((l) => l.startsWith('Making request number:'))).toHaveLength(40);
    const tail = await run(['logs', '--tail', '2', 'web-ping']);
    expect(tail.out.trimEnd().split('\n')).toEqual(lines.slice(-2));
    const ts = await run(['logs', '-t', '-n', '1', 'web-ping']);
    expect(ts.out).toMatch(/^2026-11-23T09:\d\d:\d\d\.\d{9}Z (Making|Got) /);
  });

  it('replays a detached container in a fresh engine (the headless CLI) with the same log', async () => {
    const { env, engine, run } = setup();
    await run(['run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping']);
    env.clock.advance(10_000);
    const first = (await run(['logs', 'web-ping'])).out;
    // A new process: restore the snapshot, later.
    const snap = JSON.parse(JSON.stringify(engine.snapshot()));
    env.clock.advance(10_000);
    const next = new Engine({ env, snapshot: snap });
    next.sandbox = new InProcessHost();
    const io = bufferIO();
    await next.run(['logs', 'web-ping'], io);
    expect(io.out.startsWith(first)).toBe(true);
    expect(io.out.match(/Making request number/g)).toHaveLength(6);
    // The same replay again gives byte-identical output.
    const again = new Engine({ env, snapshot: snap });
    again.sandbox = new InProcessHost();
    const io2 = bufferIO();
    await again.run(['logs', 'web-ping'], io2);
    expect(io2.out).toBe(io.out);
  });

  it('uses --env to ping google.com in the foreground until Ctrl-C', async () => {
    const { env, engine, run } = setup();
    await run(['pull', 'diamol/ch03-web-ping']);
    const ac = new AbortController();
    const io = bufferIO({ signal: ac.signal });
    const done = engine.run(['container', 'run', '--env', 'TARGET=google.com', 'diamol/ch03-web-ping'], io);
    await until(() => engine.containers.list().some((c) => c.state.Status === 'running'));
    for (let i = 0; i < 7; i++) {
      env.clock.advance(1000);
      await engine.containers.advance();
    }
    ac.abort();
    expect(await done).toBe(0);
    expect(io.out).toContain('** web-ping ** Pinging: google.com; method: HEAD; 3000ms intervals\n');
    expect(io.out).toMatch(/Got response status: 301 at \d+; duration: \d+ms/);
    const ps = await run(['ps', '-a', '--format', '{{.Status}}']);
    expect(ps.out).toMatch(/^Exited \(0\) /);
  });

  it('refuses a second container with the same name, citing the full ID, and rm -f removes a running one', async () => {
    const { run } = setup();
    const id = (await run(['run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping'])).out.trim();
    const again = await run(['run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping']);
    expect(again.code).toBe(125);
    expect(again.err).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web-ping" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
    );
    const rm = await run(['rm', 'web-ping']);
    expect(rm).toEqual({
      code: 1,
      out: '',
      err: 'Error response from daemon: cannot remove container "/web-ping": container is running: stop the container before removing or force remove\n',
    });
    expect(await run(['rm', '-f', 'web-ping'])).toEqual({ code: 0, out: 'web-ping\n', err: '' });
    expect(await run(['rm', 'nope'])).toEqual({ code: 1, out: '', err: 'Error response from daemon: No such container: nope\n' });
    expect((await run(['ps', '-aq'])).out).toBe('');
  });
});

describe('Removing images that containers use', () => {
  it('gives Docker\'s rmi conflicts for running and stopped containers, and removes the image once they are gone', async () => {
    const { engine, run } = setup();
    const cid = (await run(['run', '-d', '--name', 'wp', 'diamol/ch03-web-ping'])).out.slice(0, 12);
    const img = engine.images.get('diamol/ch03-web-ping')!.id.slice(7, 19);
    expect((await run(['rmi', 'diamol/ch03-web-ping'])).err).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "diamol/ch03-web-ping" (must force) - container ${cid} is using its referenced image ${img}\n`,
    );
    expect((await run(['rmi', img])).err).toBe(`Error response from daemon: conflict: unable to delete ${img} (cannot be forced) - image is being used by running container ${cid}\n`);
    await run(['stop', 'wp']);
    expect((await run(['rmi', img])).err).toBe(`Error response from daemon: conflict: unable to delete ${img} (must be forced) - image is being used by stopped container ${cid}\n`);
    await run(['rm', 'wp']);
    const ok = await run(['rmi', 'diamol/ch03-web-ping']);
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toBe('Untagged: diamol/ch03-web-ping:latest');
  });
});

describe('Running images from Docker Hub', () => {
  it('prints hello-world\'s message after the implicit pull on stderr', async () => {
    const { run } = setup();
    const r = await run(['run', 'hello-world']);
    expect(r.code).toBe(0);
    expect(r.err.split('\n')[0]).toBe("Unable to find image 'hello-world:latest' locally");
    expect(r.err).toContain('Status: Downloaded newer image for hello-world:latest\n');
    expect(r.err).not.toContain('docker.io/library/hello-world:latest');
    expect(r.out.startsWith('\nHello from Docker!\n')).toBe(true);
    const ps = await run(['ps', '-a']);
    expect(ps.out).toMatch(/"\/hello"\s+Less than a second ago\s+Exited \(0\) Less than a second ago\s+[a-z]+_[a-z]+\d?\n$/);
  });

  it('needs a TTY for -it and then runs the Node REPL on it', async () => {
    const { run } = setup();
    const noTty = await run(['run', '-it', 'node']);
    expect(noTty).toEqual({ code: 1, out: '', err: 'the input device is not a TTY\n' });
    const r = await run(['run', '-it', 'node'], { ...TTY, stdin: stringStdin('1 + 1\n.exit\n') });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Welcome to Node\.js v23\.3\.0\.\r?\nType "\.help" for more information\.\r?\n> /);
    // Node colours REPL results on a terminal (2 in yellow).
    expect(r.out).toMatch(/1 \+ 1\r?\n(\x1b\[33m)?2(\x1b\[39m)?\r?\n> /);
    const exited = await run(['run', 'node']);
    expect(exited.code).toBe(0);
    expect((await run(['ps', '-a', '--format', '{{.Status}}'])).out.split('\n')[0]).toMatch(/^Exited \(0\)/);
  });

  it('reports a missing command with Docker 28\'s OCI error and status 127, leaving the container Created', async () => {
    const { run } = setup();
    const r = await run(['run', 'alpine', 'nope']);
    expect(r.code).toBe(127);
    expect(r.err).toContain(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
    );
    expect((await run(['ps', '-a', '--format', '{{.Status}} {{.Command}}'])).out).toBe('Created "nope"\n');
  });

  it('gives a container only the image env, Docker\'s values and -e, never the host\'s', async () => {
    const { run } = setup();
    const r = await run(['run', '--rm', '-e', 'TARGET=google.com', '--hostname', 'box', 'diamol/ch03-web-ping', 'printenv'], { env: { SECRET_HOST_VAR: 'x' } });
    expect(r.out).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=box\nNODE_VERSION=10.16.0\nYARN_VERSION=1.16.0\nTARGET=google.com\nMETHOD=HEAD\nINTERVAL=3000\nHOME=/root\n',
    );
    expect((await run(['ps', '-aq'])).out).toBe('');
  });
});

describe('Publishing ports', () => {
  it('routes engine.http and layerlab curl to the container publishing the port, and refuses a taken port', async () => {
    const { engine, run } = setup();
    const server = 'require("http").createServer((q,s)=>{console.log(q.method+" "+q.url);s.end("hello from node\\n")}).listen(80)';
    const r = await run(['run', '-d', '-p', '3000:80', '--name', 'web', 'node', 'node', '-e', server]);
    expect(r.code).toBe(0);
    const ps = await run(['ps', '--format', '{{.Ports}}']);
    expect(ps.out).toBe('0.0.0.0:3000->80/tcp, [::]:3000->80/tcp\n');
    const res = await engine.http(3000, { method: 'GET', path: '/' });
    expect(res.ok && res.value.status).toBe(200);
    expect(res.ok && res.value.body).toBe('hello from node\n');
    expect(await run(['curl', 'http://localhost:3000/hi'])).toEqual({ code: 0, out: 'hello from node\n', err: '' });
    expect(await run(['curl', 'http://localhost:3001/'])).toEqual({ code: 7, out: '', err: "curl: (7) Failed to connect to localhost port 3001 after 0 ms: Couldn't connect to server\n" });
    expect((await run(['logs', 'web'])).out).toBe('GET /\nGET /hi\n');
    expect((await run(['port', 'web'])).out).toBe('80/tcp -> 0.0.0.0:3000\n80/tcp -> [::]:3000\n');
    const taken = await run(['run', '-d', '-p', '3000:80', 'node']);
    expect(taken.code).toBe(125);
    expect(taken.err).toMatch(/^docker: Error response from daemon: driver failed programming external connectivity on endpoint \w+ \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:3000 failed: port is already allocated\n/);
  });
});

describe('Official web server images', () => {
  it('serves nginx\'s welcome page on a published port and logs each request', async () => {
    const { run } = setup();
    expect((await run(['run', '-d', '-p', '8080:80', '--name', 'web', 'nginx'])).code).toBe(0);
    const page = await run(['curl', 'http://localhost:8080/']);
    expect(page.out).toContain('<h1>Welcome to nginx!</h1>');
    const logs = await run(['logs', 'web']);
    expect(logs.out).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    expect(logs.out).toMatch(/172\.17\.0\.1 - - \[23\/Nov\/2026:09:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" "-"\n$/);
    expect(logs.err).toContain('[notice] 1#1: start worker processes\n');
    expect((await run(['stop', 'web'])).code).toBe(0);
    expect((await run(['ps', '-a', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(0\)/);
  });

  it('serves httpd\'s It works! page', async () => {
    const { run } = setup();
    await run(['run', '-d', '-p', '8081:80', 'httpd']);
    expect((await run(['curl', 'localhost:8081'])).out).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });
});

describe('The chapter-3 lab: a container becomes an image', () => {
  it('appends a name in an interactive shell, commits the container and runs the new image', async () => {
    const { run } = setup();
    const session = await run(['container', 'run', '-it', '--name', 'ch03lab', 'diamol/ch03-lab'], { ...TTY, stdin: stringStdin('echo Elton >> ch03.txt\nexit\n') });
    expect(session.code).toBe(0);
    expect(session.out).toContain('/diamol # ');
    expect((await run(['diff', 'ch03lab'])).out).toBe('C /diamol\nC /diamol/ch03.txt\n');
    const commit = await run(['container', 'commit', 'ch03lab', 'ch03-lab-soln']);
    expect(commit.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const r = await run(['container', 'run', 'ch03-lab-soln', 'cat', 'ch03.txt']);
    expect(r.out).toBe('Lab solution, by: Elton\n');
    const history = (await run(['image', 'history', '--format', '{{.CreatedBy}}', 'ch03-lab-soln'])).out.split('\n');
    expect(history[0]).toBe('/bin/sh');
  });

  it('applies commit -c changes and -m messages to the new image', async () => {
    const { engine, run } = setup();
    await run(['run', '--name', 'c1', 'alpine', 'touch', '/hello.txt']);
    const commit = await run(['commit', '-m', 'add hello', '-c', 'CMD ["ls", "/"]', '-c', 'ENV GREETING=hi', 'c1', 'withhello:v1']);
    expect(commit.code).toBe(0);
    const img = engine.images.get('withhello:v1')!;
    expect(img.config.config.Cmd).toEqual(['ls', '/']);
    expect(img.config.config.Env).toContain('GREETING=hi');
    expect(img.config.history[img.config.history.length - 1].comment).toBe('add hello');
    expect((await run(['run', '--rm', 'withhello:v1'])).out).toContain('hello.txt\n');
  });
});

describe('Container lifecycle', () => {
  it('stops, starts, renames, inspects and prunes', async () => {
    const { run } = setup();
    await run(['run', '-d', '--name', 'pinger', 'diamol/ch03-web-ping']);
    expect(await run(['stop', 'pinger'])).toEqual({ code: 0, out: 'pinger\n', err: '' });
    expect((await run(['ps', '-a', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(\d+\) /);
    expect((await run(['exec', 'pinger', 'ls'])).err).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
    expect(await run(['start', 'pinger'])).toEqual({ code: 0, out: 'pinger\n', err: '' });
    expect(await run(['rename', 'pinger', 'web-ping'])).toEqual({ code: 0, out: '', err: '' });
    const inspect = JSON.parse((await run(['container', 'inspect', 'web-ping'])).out);
    expect(inspect[0].Name).toBe('/web-ping');
    expect(inspect[0].State.Status).toBe('running');
    expect(inspect[0].Config.Env).toContain('TARGET=blog.sixeyed.com');
    expect(inspect[0].Config.Cmd).toEqual(['node', '/web-ping/app.js']);
    expect((await run(['exec', 'web-ping', 'cat', '/etc/os-release'])).out).toContain('Alpine Linux');
    expect((await run(['kill', 'web-ping'])).out).toBe('web-ping\n');
    expect((await run(['ps', '-a', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(137\) /);
    const prune = await run(['container', 'prune'], { stdin: stringStdin('y\n') });
    expect(prune.out).toMatch(/^WARNING! This will remove all stopped containers\.\nAre you sure you want to continue\? \[y\/N\] Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  });
});
