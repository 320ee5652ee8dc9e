/**
 * The worker side of the worker hosts: receives HostMessages, runs one process on a MemoryFs built from the
 * snapshot, and posts WorkerMessages. Used by src/ui/runtime/worker.ts and src/node/runtime/worker-main.ts.
 */
import { KernelProcess } from './in-process-host';
import { resolveExecutable, standardBinaries } from './executables';
import { encodeText } from './fs-helpers';
import { MemoryFs, applyFsChange, changedPaths } from './memory-fs';
import type { HostMessage, WorkerMessage } from './protocol';
import { DEFAULT_FS_BYTES, type PeerLookup, type PeerNetwork, type PeerReply } from './process';
import { provideNpmRegistry } from './packages/npm-registry/source';

/**
 * Caps how many bytes the process may add to its filesystem: a write that would grow it past `limit` fails with
 * ENOSPC (`No space left on device`), as on a container whose writable layer is full; nothing of it is kept.
 */
function limitFsGrowth(fs: MemoryFs, limit: number): void {
  let grown = 0;
  const write = fs.writeFile.bind(fs);
  const rm = fs.rm.bind(fs);
  fs.writeFile = (path, data, mode) => {
    const before = fs.stat(path);
    const delta = data.length - (before?.type === 'file' ? before.size : 0);
    if (delta > 0 && grown + delta > limit) return 'ENOSPC';
    const r = write(path, data, mode);
    if (r === null) grown += delta;
    return r;
  };
  fs.rm = (path) => {
    const before = fs.lstat?.(path) ?? fs.stat(path);
    const r = rm(path);
    if (r === null && before?.type === 'file') grown -= before.size;
    return r;
  };
}

export interface WorkerCore {
  (m: HostMessage): void;
  /** Feed the platform's unhandled-rejection events here (Node: process 'unhandledRejection'; browsers:
   * 'unhandledrejection' with preventDefault()). */
  unhandledRejection(reason: unknown): void;
}

/** `wallNow`: the worker's clock (performance.now), for the kernel's loop check (see Kernel spin()). */
export function createWorkerCore(post: (m: WorkerMessage) => void, wallNow?: () => number): WorkerCore {
  let proc: KernelProcess | null = null;
  let files: MemoryFs | null = null;
  const peers = new Map<number, (r: PeerReply) => void>();
  const lookups = new Map<number, (r: PeerLookup) => void>();
  let peerId = 0;
  const network: PeerNetwork = {
    request: (host, port, req, time) =>
      new Promise<PeerReply>((resolve) => {
        const id = ++peerId;
        peers.set(id, resolve);
        post({ t: 'peer', id, host, port, req, time });
      }),
    lookup: (host) =>
      new Promise<PeerLookup>((resolve) => {
        const id = ++peerId;
        lookups.set(id, resolve);
        post({ t: 'peer-lookup', id, host });
      }),
  };
  const fail = (message: string) => post({ t: 'fatal', message });
  const core = ((m: HostMessage) => {
    try {
      if (m.t === 'ping') return post({ t: 'pong', n: m.n });
      if (m.t === 'peer-reply') {
        const resolve = peers.get(m.id);
        peers.delete(m.id);
        return resolve?.(m.reply);
      }
      if (m.t === 'peer-lookup-reply') {
        const resolve = lookups.get(m.id);
        lookups.delete(m.id);
        return resolve?.(m.lookup);
      }
      if (m.t === 'files') {
        // The host already has these files: applied without reporting them back.
        const fs = files;
        if (!fs) return;
        const report = fs.onChange;
        fs.onChange = undefined;
        try {
          for (const c of m.changes) applyFsChange(fs, c);
        } finally {
          fs.onChange = report;
        }
        void proc?.kernel.filesChanged(changedPaths(m.changes));
        return;
      }
      if (m.t === 'npm-registry') return provideNpmRegistry(m.data);
      if (m.t === 'spawn') {
        const fs = MemoryFs.from(m.files);
        files = fs;
        limitFsGrowth(fs, m.spec.limits?.fsBytes ?? DEFAULT_FS_BYTES);
        fs.onChange = (change) => post({ t: 'fs', change });
        const r = resolveExecutable(fs, m.spec.argv, m.spec.env, m.spec.cwd);
        if (!r.ok) return fail(r.error.message);
        proc = new KernelProcess(m.spec.pid ?? 1, r.value.kind, m.spec, fs, m.spec.argv, {
          exit: (e) => post({ t: 'exit', e }),
          ports: (ports) => post({ t: 'ports', ports }),
          slice: (phase) => post({ t: 'slice', phase }),
        }, undefined, wallNow, network);
        fs.now = () => proc?.now() ?? m.spec.startTime;
        proc.onOutput((e) => post({ t: 'output', e }));
        return;
      }
      if (!proc) return fail('no process');
      const p = proc;
      switch (m.t) {
        case 'stdin':
          p.write(m.text);
          return;
        case 'stdin-end':
          p.closeStdin();
          return;
        case 'kill':
          void p.kill(m.signal).then(() => post({ t: 'done', id: m.id, now: p.now() }));
          return;
        case 'advance':
          void p.advanceTo(m.time).then(() => post({ t: 'done', id: m.id, now: p.now() }));
          return;
        case 'http':
          p.httpRequest(m.port, m.req).then(
            (res) => post({ t: 'http-response', id: m.id, res }),
            (e: unknown) => post({ t: 'http-response', id: m.id, error: e instanceof Error ? e.message : String(e) }),
          );
          return;
      }
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }) as WorkerCore;
  core.unhandledRejection = (reason) => proc?.kernel.unhandledRejection(reason);
  return core;
}

/**
 * What `warmUp` runs: a node program and a shell script touching the paths most containers take. No network
 * (curl, wget, http): net-client.ts numbers requests in a module-level counter that picks their latencies, so a
 * warm-up request would change the virtual times of the real process's requests.
 */
const WARM_UP: string[][] = [
  [
    'node',
    '-e',
    "const fs = require('fs'); const path = require('path'); const t = setInterval(() => {}, 1000); " +
      "setTimeout(() => { clearInterval(t); fs.writeFileSync('/tmp/w.txt', JSON.stringify({ a: [1, 'b'] })); " +
      "console.log(path.join('/tmp', 'w.txt'), fs.readFileSync('/tmp/w.txt', 'utf8'), process.argv.length, new Date(0).toISOString()); " +
      "console.error(new Error('warm').message); Promise.resolve(2).then((x) => console.log(x)); }, 10);",
  ],
  ['sh', '-c', 'echo warm > /tmp/w.sh.txt && cat /tmp/w.sh.txt | grep warm; for i in 1 2; do echo $i; done; exit 0'],
];

/**
 * Runs short throwaway processes (`WARM_UP`) on a scratch filesystem in this realm and discards their output,
 * so the first real process of a freshly started worker does not pay for compiling the runtime's code paths
 * (about 10 ms of a `docker run`). For idle workers started ahead of time (src/ui/runtime/). Nothing of them
 * is visible to a later process: each has its own kernel, filesystem, global object and seeded randomness, as when
 * InProcessHost runs several processes in one realm. Never throws; resolves with what ran (for tests).
 */
export async function warmUp(wallNow?: () => number): Promise<{ argv: string[]; code: number | null; output: string }[]> {
  const done: { argv: string[]; code: number | null; output: string }[] = [];
  try {
    const fs = MemoryFs.from([...standardBinaries('node'), { path: '/tmp', type: 'dir', mode: 0o1777 }, { path: '/root', type: 'dir', mode: 0o700 }]);
    fs.load({ path: '/etc/hostname', type: 'file', mode: 0o644, data: encodeText('warmup\n') });
    const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'warmup', HOME: '/root' };
    for (const argv of WARM_UP) {
      const r = resolveExecutable(fs, argv, env, '/');
      if (!r.ok) continue;
      const spec = { argv, env, cwd: '/', hostname: 'warmup', tty: false, interactive: false, startTime: 0 };
      const p = new KernelProcess(1, r.value.kind, spec, fs, argv, {}, undefined, wallNow);
      let output = '';
      p.onOutput((e) => (output += e.text));
      await p.advanceTo(1000);
      if (!p.exitStatus()) await p.kill('SIGKILL');
      done.push({ argv, code: p.exitStatus()?.code ?? null, output });
    }
  } catch {
    // only a head start; the real process does not depend on it
  }
  return done;
}
