/**
 * A container's networking at start: the networks it joins (endpoints with addresses from `engine.networks`),
 * the host ports it publishes (`port is already allocated`, ephemeral ports from 32768) and its address.
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { StoreContext } from './context';
import type { PortBinding } from './ports';
import type { ContainerView, Endpoint } from '../networks/types';
import type { Container, ContainerError } from './types';

/**
 * The networks a container has endpoints on, by network name: `Container.networks`, or for records made before
 * networks existed, the one `--network` named (`default` is the default bridge).
 */
export function endpointsOf(c: Container): Record<string, Endpoint> {
  if (!c.networks) {
    const mode = !c.hostConfig.NetworkMode || c.hostConfig.NetworkMode === 'default' ? 'bridge' : c.hostConfig.NetworkMode;
    c.networks = mode.startsWith('container:') ? {} : { [mode]: { NetworkID: '', Aliases: [], IPAddress: '', MacAddress: '', EndpointID: '' } };
  }
  return c.networks;
}

/** The id of the container whose network namespace `c` shares (`--network container:ID`); undefined: its own. */
export function networkOwnerId(c: Container): string | undefined {
  const mode = c.hostConfig.NetworkMode;
  return mode.startsWith('container:') ? mode.slice('container:'.length) : undefined;
}

/** The running containers sharing one network namespace with `c` (its owner and the owner's other sharers), `c` excluded. */
export function namespaceMates(ctx: StoreContext, c: Container): Container[] {
  const owner = networkOwnerId(c) ?? c.id;
  return ctx.list().filter((o) => o.id !== c.id && ctx.isRunning(o) && (o.id === owner || o.hostConfig.NetworkMode === `container:${owner}`));
}

/** What the network store sees of a container. */
export function containerView(ctx: StoreContext, c: Container): ContainerView {
  return { id: c.id, name: c.name, running: ctx.isRunning(c), networks: endpointsOf(c) };
}

/**
 * Joins a starting container to its networks: each endpoint gets an address from its network (the lowest free
 * one). Returns the address its processes see (the endpoint of `--network`'s network first; '' on `none` and
 * `host`), or moby's error when a network no longer exists.
 */
export function joinNetworks(ctx: StoreContext, c: Container): Result<string, ContainerError> {
  const store = ctx.networks();
  const eps = endpointsOf(c);
  if (!store) {
    // An engine without a network store (unit tests of the containers alone): the default bridge only.
    return ok(freeBridgeAddress(ctx, c));
  }
  const view = containerView(ctx, c);
  const primary = c.hostConfig.NetworkMode === 'default' ? 'bridge' : c.hostConfig.NetworkMode;
  const names = Object.keys(eps).sort((a, b) => (a === primary ? -1 : b === primary ? 1 : 0));
  let ip = '';
  for (const name of names) {
    const n = store.get(name);
    if (!n || (eps[name].NetworkID && eps[name].NetworkID !== n.Id)) {
      return err(engineError('containers.no-such-network', `failed to set up container networking: network ${name} not found`));
    }
    const r = store.attach(n, view);
    if (!r.ok) return r;
    if (name === names[0]) ip = r.value.IPAddress;
  }
  return ok(ip);
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
function freeBridgeAddress(ctx: StoreContext, c: Container): string {
  const used = new Set(ctx.list().filter((x) => x.id !== c.id && ctx.isRunning(x)).map((x) => ipAddressOf(ctx, x)));
  let n = 2;
  while (used.has(`172.17.0.${n}`) && n < 254) n++;
  return `172.17.0.${n}`;
}

/** The address of a running container ('' when it is not running). Older snapshots without one: by start order. */
export function ipAddressOf(ctx: StoreContext, c: Container): string {
  if (!ctx.isRunning(c)) return '';
  if (c.spec && c.spec.ipAddress !== undefined) return c.spec.ipAddress;
  const order = ctx
    .list()
    .filter((x) => ctx.isRunning(x))
    .sort((a, b) => a.state.StartedAt - b.state.StartedAt || a.created - b.created);
  return `172.17.0.${Math.max(0, order.findIndex((x) => x.id === c.id)) + 2}`;
}
