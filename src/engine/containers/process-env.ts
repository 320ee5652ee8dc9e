/** The environment Docker gives a container's processes, a user's home directory from the image's /etc/passwd, and the sandbox limits its flags set. */
import type { UnionFs } from '../fs/union';
import type { ProcessLimits } from '../runtime/process';
import type { Container } from './types';

export const DEFAULT_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** PATH, HOSTNAME, TERM (tty), the config's Env, `extra`, then HOME. `fs` is read only to find a user's home. */
export function processEnv(c: Container, fs: () => UnionFs, extra: string[] = [], tty = c.config.Tty): Record<string, string> {
  const list = [DEFAULT_PATH_ENV, `HOSTNAME=${c.config.Hostname}`];
  if (tty) list.push('TERM=xterm');
  const merge = (kv: string) => {
    const eq = kv.indexOf('=');
    if (eq <= 0) return;
    const k = kv.slice(0, eq);
    const i = list.findIndex((e) => e.startsWith(k + '='));
    if (i >= 0) list[i] = kv;
    else list.push(kv);
  };
  for (const kv of c.config.Env) merge(kv);
  for (const kv of extra) merge(kv);
  const env: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  if (env.HOME === undefined) env.HOME = homeOf(fs, c.config.User);
  return env;
}

/** A user's (name or uid, optionally ":group") home: /root for root, else the passwd entry's, else "/". */
export function homeOf(fs: () => UnionFs, user: string): string {
  const name = user.split(':')[0];
  if (!name || name === 'root' || name === '0') return '/root';
  try {
    const passwd = fs().readText('/etc/passwd');
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === name || f[2] === name) return f[5] || '/';
    }
  } catch {
    // no /etc/passwd
  }
  return '/';
}

/** The sandbox limits `docker run --memory` / `--pids-limit` set for the container's processes (none: defaults). */
export function limitsOf(c: Container): { limits?: ProcessLimits } {
  const memory = c.hostConfig.Memory ?? 0;
  const pids = c.hostConfig.PidsLimit ?? null;
  const limits: ProcessLimits = {};
  if (memory > 0) limits.memoryBytes = memory;
  if (pids !== null && pids > 0) limits.pids = pids;
  else if (pids !== null) limits.pids = Number.MAX_SAFE_INTEGER;
  return Object.keys(limits).length ? { limits } : {};
}
