/**
 * A container's networking at start: the network it joins, the host ports it publishes (`port is already
 * allocated`, ephemeral ports from 32768) and its address on the default bridge.
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { StoreContext } from './context';
import type { PortBinding } from './ports';
import type { Container, ContainerError } from './types';

/**
 * The networks every engine has: the default bridge ("bridge", "default"), "host" and "none". Layerlab has no
 * `docker network create`, so any other name fails at start as moby's does when it attaches the container.
 */
const BUILTIN_NETWORKS = new Set(['bridge', 'default', 'host', 'none']);

export function networkError(mode: string): ContainerError | null {
  if (BUILTIN_NETWORKS.has(mode) || mode.startsWith('container:')) return null;
  return engineError('containers.no-such-network', `failed to set up container networking: network ${mode} not found`);
}

/** The host ports a starting container gets: its `-p` bindings (and `-P`'s exposed ports), none used by another running container. */
export function allocatePorts(ctx: StoreContext, c: Container): Result<PortBinding[]> {
  const used = new Set<number>();
  for (const o of ctx.containers.values()) {
    if (o.id === c.id || !ctx.isRunning(o)) continue;
    for (const b of o.hostConfig.PortBindings) used.add(b.hostPort);
  }
  const out: PortBinding[] = [];
  const wanted = [...c.hostConfig.PortBindings];
  if (c.hostConfig.PublishAllPorts) {
    for (const p of Object.keys(c.config.ExposedPorts ?? {})) if (!wanted.some((b) => b.containerPort === p)) wanted.push({ containerPort: p, hostIp: '', hostPort: 0 });
  }
  let next = 32768;
  for (const b of wanted) {
    if (b.hostPort === 0) {
      while (used.has(next)) next++;
      out.push({ ...b, hostPort: next });
      used.add(next);
      continue;
    }
    if (b.hostPortEnd !== undefined) {
      let port = b.hostPort;
      while (port <= b.hostPortEnd && used.has(port)) port++;
      if (port > b.hostPortEnd) {
        const ep = ctx.env.sha256(`endpoint:${c.id}`);
        return err(engineError('containers.port-allocated', `driver failed programming external connectivity on endpoint ${c.name} (${ep}): Bind for ${b.hostIp || '0.0.0.0'}:${b.hostPort}-${b.hostPortEnd} failed: port is already allocated`));
      }
      out.push({ containerPort: b.containerPort, hostIp: b.hostIp, hostPort: port });
      used.add(port);
      continue;
    }
    if (used.has(b.hostPort)) {
      const ep = ctx.env.sha256(`endpoint:${c.id}`);
      return err(engineError('containers.port-allocated', `driver failed programming external connectivity on endpoint ${c.name} (${ep}): Bind for ${b.hostIp || '0.0.0.0'}:${b.hostPort} failed: port is already allocated`));
    }
    used.add(b.hostPort);
    out.push(b);
  }
  return ok(out);
}

/**
 * The lowest free address on Docker's default bridge (172.17.0.1 is the gateway): 172.17.0.2 for the first
 * running container, and so on. Kept for the whole run (inspect NetworkSettings, ifconfig, os.networkInterfaces).
 */
export function freeAddress(ctx: StoreContext, c: Container): string {
  const used = new Set(ctx.list().filter((x) => x.id !== c.id && ctx.isRunning(x)).map((x) => ipAddressOf(ctx, x)));
  let n = 2;
  while (used.has(`172.17.0.${n}`) && n < 254) n++;
  return `172.17.0.${n}`;
}

/** The address of a running container ('' when it is not running). Older snapshots without one: by start order. */
export function ipAddressOf(ctx: StoreContext, c: Container): string {
  if (!ctx.isRunning(c)) return '';
  if (c.spec?.ipAddress) return c.spec.ipAddress;
  const order = ctx
    .list()
    .filter((x) => ctx.isRunning(x))
    .sort((a, b) => a.state.StartedAt - b.state.StartedAt || a.created - b.created);
  return `172.17.0.${Math.max(0, order.findIndex((x) => x.id === c.id)) + 2}`;
}
