/**
 * The files Docker bind-mounts into a container (`../fs/process-fs.ts` `Mounts`): /etc/hostname and /etc/hosts.
 * One set per container while the engine runs; never in the writable layer, so never in `diff` or `commit`.
 */
import type { Mounts } from '../fs/process-fs';
import type { StoreContext } from './context';
import { etcHostsText } from './etc-hosts';
import { ipAddressOf } from './network';
import type { Container, ProcessSpecData } from './types';

/** The container's mounts; `fresh` (a start) rebuilds /etc/hosts with the address of that run. */
export function mountsOf(ctx: StoreContext, c: Container, spec: ProcessSpecData | undefined = c.spec, fresh = false): Mounts {
  let m = ctx.mountSets.get(c.id);
  const hostname = c.config.Hostname || c.id.slice(0, 12);
  if (!m) {
    m = new Map([['/etc/hostname', { data: new TextEncoder().encode(`${hostname}\n`), mtime: c.created }]]);
    ctx.mountSets.set(c.id, m);
  }
  // Docker rebuilds /etc/hosts at every start, with the address the container got for that run.
  if (spec && (fresh || !m.has('/etc/hosts'))) {
    const ip = spec.ipAddress || ipAddressOf(ctx, c);
    m.set('/etc/hosts', { data: new TextEncoder().encode(etcHostsText(hostname, c.config.Domainname, ip)), mtime: spec.startTime });
  }
  return m;
}
