/**
 * What the sandbox child processes are started with, probed once per CLI invocation: Node's permission model
 * (always), and a fresh network namespace from `unshare -rn` (an unprivileged user namespace) where the kernel
 * allows it; when the network boundary is missing, `netnsWhy` says why (see README.md, "Isolation model").
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Isolation {
  /** argv prefix that puts a command in a new user + network namespace, or null when unavailable. */
  netns: string[] | null;
  /** Why there is no network namespace (when netns is null). */
  netnsWhy?: string;
}

let probed: Isolation | null = null;

/** Probes `unshare -rn` once (a few ms) and caches the answer. LAYERLAB_NO_NETNS=1 skips it (for comparison). */
export function isolation(env: NodeJS.ProcessEnv = process.env): Isolation {
  if (probed) return probed;
  if (env.LAYERLAB_NO_NETNS === '1') return (probed = { netns: null, netnsWhy: 'LAYERLAB_NO_NETNS=1 is set' });
  const unshare = ['/usr/bin/unshare', '/bin/unshare'].find((p) => existsSync(p));
  if (!unshare) return (probed = { netns: null, netnsWhy: 'unshare(1) from util-linux is not installed' });
  const r = spawnSync(unshare, ['-rn', 'true'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 5000 });
  if (r.status === 0) return (probed = { netns: [unshare, '-rn'] });
  const why = (r.stderr || r.error?.message || `exit status ${r.status}`).trim().split('\n')[0];
  return (probed = { netns: null, netnsWhy: `unshare -rn failed: ${why} (unprivileged user namespaces are disabled on this host?)` });
}
