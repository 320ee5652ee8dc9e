import { describe, expect, it } from 'vitest';
import { WorkerProcess, type WorkerLike } from './worker-host';
import { createWorkerCore, warmUp } from './worker-core';
import type { HostMessage, WorkerMessage } from './protocol';
import { imageFs, T0 } from './test-helpers';
import type { OutputEvent, ProcessSpec } from './process';

/** A worker pair in one thread: messages are cloned and delivered asynchronously, like postMessage. */
function fakeWorker(onMessage: (m: WorkerMessage) => void): WorkerLike & { terminated: boolean } {
  let alive = true;
  const core = createWorkerCore((m) => {
    const copy = structuredClone(m);
    setTimeout(() => alive && onMessage(copy), 0);
  });
  return {
    terminated: false,
    postMessage(m: HostMessage) {
      const copy = structuredClone(m);
      setTimeout(() => alive && core(copy), 0);
    },
    terminate() {
      alive = false;
      this.terminated = true;
    },
  };
}

function spawn(spec: ProcessSpec) {
  let proc: WorkerProcess | null = null;
  const w = fakeWorker((m) => proc!.handle(m));
  proc = new WorkerProcess(1, 'sh', w, spec, { wallNow: () => 0, setInterval: (cb, ms) => setInterval(cb, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) });
  const events: OutputEvent[] = [];
  proc.onOutput((e) => events.push(e));
  return { proc, w, events };
}

describe('worker protocol', () => {
  it('runs a shell session in the worker and writes files back to the host filesystem', async () => {
    const fs = imageFs('busybox', { '/diamol/ch03.txt': 'Lab solution, by: ' });
    const { proc, w, events } = spawn({ argv: ['sh'], env: { PATH: '/bin' }, cwd: '/diamol', hostname: 'abc', tty: false, interactive: true, fs, startTime: T0 });
    proc.write('echo Elton >> ch03.txt\ncat ch03.txt\n');
    proc.closeStdin();
    const exit = await proc.exited;
    expect(exit).toMatchObject({ code: 0, reason: 'exit' });
    expect(events.map((e) => e.text).join('')).toBe('Lab solution, by: Elton\n');
    expect(new TextDecoder().decode(fs.readFile('/diamol/ch03.txt')!)).toBe('Lab solution, by: Elton\n');
    expect(w.terminated).toBe(true);
  });

  it("relays a program's request to another container through the host's network (peer / peer-reply)", async () => {
    const asked: string[] = [];
    const network: ProcessSpec['network'] = {
      request: async (host, port, req) => {
        asked.push(`${host}:${port}${req.path}`);
        return host === 'api' ? { kind: 'response', ip: '172.18.0.2', res: { status: 200, headers: {}, body: 'hi from api\n' } } : { kind: 'unresolvable' };
      },
    };
    const { proc, events } = spawn({ argv: ['sh', '-c', 'wget -qO- http://api:3000/x; wget -qO- http://db/'], env: { PATH: '/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs: imageFs('busybox'), startTime: T0, network });
    for (let t = T0; !proc.exitStatus() && t < T0 + 5000; t += 50) await proc.advanceTo(t);
    expect(asked).toEqual(['api:3000/x', 'db:80/']);
    expect(events.map((e) => e.text).join('')).toBe("hi from api\nwget: bad address 'db'\n");
  });

  it('carries a package manager\'s synthetic files, owners and links back to the host filesystem', async () => {
    const fs = imageFs('busybox', {
      '/sbin/apk': { content: '#!layerlab apk\n', mode: 0o755 },
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n',
      '/etc/group': 'root:x:0:root\n',
    });
    const { proc } = spawn({ argv: ['sh', '-c', 'apk add --no-cache jq && adduser -D app && ln -s /usr/bin/jq /usr/bin/jq2'], env: { PATH: '/sbin:/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs, startTime: T0 });
    await proc.advanceTo(T0 + 60_000);
    expect(await proc.exited).toMatchObject({ code: 0 });
    expect(fs.stat('/usr/bin/jq')?.size).toBe(179_405);
    expect(fs.owner('/home/app')).toEqual({ uid: 1000, gid: 1000 });
    expect(fs.readlink('/usr/bin/jq2')).toBe('/usr/bin/jq');
  });

  it('SIGKILL ends the process at once and terminates the worker', async () => {
    const fs = imageFs('node');
    const { proc, w } = spawn({ argv: ['node', '-e', 'setInterval(() => {}, 1000)'], env: { PATH: '/usr/local/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs, startTime: T0 });
    await proc.advanceTo(T0 + 5000);
    expect(proc.now()).toBe(T0 + 5000);
    await proc.kill('SIGKILL');
    expect(proc.exitStatus()).toMatchObject({ code: 137, reason: 'killed', time: T0 + 5000 });
    expect(w.terminated).toBe(true);
  });
});

describe('warming up an idle worker', () => {
  it('runs its throwaway node and shell programs to a clean exit', async () => {
    const ran = await warmUp();
    expect(ran.map((r) => [r.argv[0], r.code])).toEqual([
      ['node', 0],
      ['sh', 0],
    ]);
    expect(ran[0].output).toBe('/tmp/w.txt {"a":[1,"b"]} 1 1970-01-01T00:00:00.000Z\nwarm\n2\n');
    expect(ran[1].output).toBe('warm\n1\n2\n');
  });
});

describe('limits the worker cannot switch off', () => {
  /** A worker that never answers (its thread is stuck in a loop). */
  function silentWorker(): WorkerLike & { terminated: boolean } {
    return {
      terminated: false,
      postMessage() {},
      terminate() {
        this.terminated = true;
      },
    };
  }

  it('kills a worker that forges an end of slice and then stops answering (137, cpu-limit)', async () => {
    let now = 0;
    const timers: { cb: () => void }[] = [];
    const w = silentWorker();
    const proc = new WorkerProcess(1, 'node', w, { argv: ['node'], env: {}, cwd: '/', hostname: 'h', tty: false, interactive: false, fs: imageFs('node'), startTime: T0, limits: { cpuMsPerSlice: 500 } }, {
      wallNow: () => now,
      setInterval: (cb) => timers.push({ cb }),
      clearInterval: () => {},
    });
    proc.handle({ t: 'slice', phase: 'start' });
    proc.handle({ t: 'slice', phase: 'end' });
    for (let i = 0; i < 10 && !proc.exitStatus(); i++) {
      now += 100;
      timers.forEach((t) => t.cb());
    }
    expect(proc.exitStatus()).toMatchObject({ code: 137, reason: 'cpu-limit' });
    expect(now).toBeLessThanOrEqual(700);
    expect(w.terminated).toBe(true);
  });

  it('keeps a worker that answers its pings, however long it is busy between slices', async () => {
    let now = 0;
    const timers: { cb: () => void }[] = [];
    let proc: WorkerProcess | null = null;
    const w: WorkerLike = {
      postMessage: (m: HostMessage) => {
        if (m.t === 'ping') queueMicrotask(() => proc!.handle({ t: 'pong', n: m.n }));
      },
      terminate() {},
    };
    proc = new WorkerProcess(1, 'node', w, { argv: ['node'], env: {}, cwd: '/', hostname: 'h', tty: false, interactive: false, fs: imageFs('node'), startTime: T0, limits: { cpuMsPerSlice: 500 } }, {
      wallNow: () => now,
      setInterval: (cb) => timers.push({ cb }),
      clearInterval: () => {},
    });
    proc.handle({ t: 'slice', phase: 'start' });
    for (let i = 0; i < 30; i++) {
      now += 100;
      timers.forEach((t) => t.cb());
      await Promise.resolve();
    }
    expect(proc.exitStatus()).toBeNull();
  });

  it('gives a worker starved by a busy machine (no CPU used) up to five times the limit of wall time', () => {
    let now = 0;
    const timers: { cb: () => void }[] = [];
    const w = silentWorker();
    const proc = new WorkerProcess(1, 'node', w, { argv: ['node'], env: {}, cwd: '/', hostname: 'h', tty: false, interactive: false, fs: imageFs('node'), startTime: T0, limits: { cpuMsPerSlice: 500 } }, {
      wallNow: () => now,
      cpuNow: () => 0,
      setInterval: (cb) => timers.push({ cb }),
      clearInterval: () => {},
    });
    proc.handle({ t: 'slice', phase: 'start' });
    const tick = () => {
      now += 100;
      timers.forEach((t) => t.cb());
    };
    while (now < 2000) tick();
    expect(proc.exitStatus()).toBeNull();
    while (now < 3000) tick();
    expect(proc.exitStatus()).toMatchObject({ code: 137, reason: 'cpu-limit' });
  });

  it('brings the worker\'s copy of the files up to date with changes made outside it (an edited bind mount), without echoing them', async () => {
    const fs = imageFs('node', { '/app/msg.txt': 'v1' });
    const server = "require('http').createServer((q, s) => s.end(require('fs').readFileSync('/app/msg.txt', 'utf8'))).listen(3000)";
    const { proc } = spawn({ argv: ['node', '-e', server], env: { PATH: '/usr/local/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs, startTime: T0 });
    for (let t = T0; !proc.listeningPorts().includes(3000) && t < T0 + 2000; t += 50) await proc.advanceTo(t);
    expect((await proc.httpRequest(3000, { method: 'GET', path: '/' })).body).toBe('v1');
    let echoed = 0;
    const write = fs.writeFile.bind(fs);
    fs.writeFile = (...a) => (echoed++, write(...a));
    proc.updateFiles([{ op: 'writeFile', path: '/app/msg.txt', data: new TextEncoder().encode('v2'), mode: 0o644 }]);
    expect((await proc.httpRequest(3000, { method: 'GET', path: '/' })).body).toBe('v2');
    expect(echoed).toBe(0);
    await proc.kill('SIGKILL');
  });
});
