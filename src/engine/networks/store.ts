/**
 * `engine.networks`: the built-in `bridge`, `host` and `none` networks and the user's own (`docker network
 * create`), their address pools, and the endpoints that join containers to them. Endpoints live on the
 * container records (`Container.networks`, reached through `ContainerAccess`), so a container's networks go
 * wherever the container goes (snapshots, rm). Errors are values in Docker Engine 28's words (moby libnetwork
 * error.go and daemon/network.go).
 */
import { engineError, err, ok, type Result } from '../core/errors';
import type { EngineEnv } from '../core/env';
import { randomId } from '../containers/names';
import { formatCidr, freeAddress, gatewayOf, macFor, nextPool, parseCidr, type Cidr } from './ipam';
import type { ContainerView, Endpoint, Network } from './types';

/** What the store may ask of the containers (the container store provides it). */
export interface ContainerAccess {
  list(): ContainerView[];
  /** By name, full ID or unique prefix; Docker's `No such container` error otherwise. */
  find(ref: string): Result<ContainerView>;
}

export interface CreateNetworkOptions {
  driver?: string;
  labels?: Record<string, string>;
  subnet?: string;
  gateway?: string;
  internal?: boolean;
  attachable?: boolean;
}

export interface NetworksSnapshot {
  /** When the built-in networks were made (the engine's first start). */
  builtInCreated?: number;
  networks: Network[];
}

/** The names Docker reserves for its own networks (`docker network create host` is refused). */
const PREDEFINED = ['bridge', 'host', 'none'];

/** Docker's name rule for networks, as for containers. */
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export class NetworkStore {
  private networks: Network[] = [];

  constructor(
    private env: EngineEnv,
    private containers: () => ContainerAccess | null,
    private changed: () => void = () => {},
  ) {
    this.networks = this.builtIns();
  }

  private builtIns(): Network[] {
    const t = this.env.clock.now();
    const id = (name: string) => this.env.sha256(`layerlab-network:${name}`);
    const base = { Scope: 'local' as const, Internal: false, Attachable: false, Labels: {}, BuiltIn: true, Created: t };
    return [
      {
        ...base,
        Name: 'bridge',
        Id: id('bridge'),
        Driver: 'bridge',
        IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
        Options: {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'docker0',
          'com.docker.network.driver.mtu': '1500',
        },
      },
      { ...base, Name: 'host', Id: id('host'), Driver: 'host', IPAM: { Driver: 'default', Options: null, Config: [] }, Options: {} },
      { ...base, Name: 'none', Id: id('none'), Driver: 'null', IPAM: { Driver: 'default', Options: null, Config: [] }, Options: {} },
    ];
  }

  // ---------------------------------------------------------------- lookups

  /** Sorted by name, as `docker network ls` lists them. */
  list(): Network[] {
    return [...this.networks].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  }

  /** By name, full ID or unique ID prefix (`default` is the default bridge, as in `--network default`). */
  get(ref: string): Network | undefined {
    if (!ref) return undefined;
    const name = ref === 'default' ? 'bridge' : ref;
    const byName = this.networks.find((n) => n.Name === name || n.Id === ref);
    if (byName) return byName;
    if (/^[0-9a-f]+$/.test(ref)) {
      const m = this.networks.filter((n) => n.Id.startsWith(ref));
      if (m.length === 1) return m[0];
    }
    return undefined;
  }

  /** Like `get`, with Docker's `network X not found`. */
  find(ref: string): Result<Network> {
    const n = this.get(ref);
    return n ? ok(n) : err(engineError('networks.not-found', `network ${ref} not found`));
  }

  /** Containers with an endpoint on `n` (running or not), in creation order. */
  membersOf(n: Network): ContainerView[] {
    return (this.containers()?.list() ?? []).filter((c) => Object.values(c.networks).some((e) => e.NetworkID === n.Id)).reverse();
  }

  /** The running containers on `n` with their endpoint (what `Containers` in `network inspect` shows). */
  activeEndpoints(n: Network): { c: ContainerView; ep: Endpoint }[] {
    const out: { c: ContainerView; ep: Endpoint }[] = [];
    for (const c of this.membersOf(n)) {
      if (!c.running) continue;
      const ep = Object.values(c.networks).find((e) => e.NetworkID === n.Id);
      if (ep && ep.IPAddress) out.push({ c, ep });
    }
    return out;
  }

  // ---------------------------------------------------------------- create, rm, prune

  create(name: string, opts: CreateNetworkOptions = {}): Result<Network> {
    const driver = opts.driver || 'bridge';
    if (!VALID_NAME.test(name)) return err(engineError('networks.bad-name', `invalid network name "${name}": must match [a-zA-Z0-9][a-zA-Z0-9_.-]*`));
    if (PREDEFINED.includes(name)) return err(engineError('networks.predefined', `operation is not permitted on predefined ${name} network`));
    if (this.networks.some((n) => n.Name === name)) return err(engineError('networks.exists', `network with name ${name} already exists`));
    if (driver === 'overlay') return err(engineError('networks.swarm', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'));
    if (driver === 'host' || driver === 'null') return err(engineError('networks.only-one', `only one instance of "${driver}" network is allowed`));
    if (driver !== 'bridge') return err(engineError('networks.no-driver', `plugin "${driver}" not found`));
    const taken = this.networks.flatMap((n) => n.IPAM.Config.map((c) => parseCidr(c.Subnet)).filter((c): c is Cidr => !!c));
    let pool: Cidr | null;
    let gateway: string;
    if (opts.subnet) {
      pool = parseCidr(opts.subnet);
      if (!pool) return err(engineError('networks.bad-subnet', `invalid CIDR address: ${opts.subnet}`));
      gateway = opts.gateway || gatewayOf(pool);
    } else {
      pool = nextPool(taken);
      if (!pool) return err(engineError('networks.no-pool', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network'));
      gateway = gatewayOf(pool);
    }
    const n: Network = {
      Name: name,
      Id: randomId(this.env.random),
      Created: this.env.clock.now(),
      Scope: 'local',
      Driver: driver,
      IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: formatCidr(pool), Gateway: gateway }] },
      Internal: !!opts.internal,
      Attachable: !!opts.attachable,
      Options: {},
      Labels: { ...(opts.labels ?? {}) },
      BuiltIn: false,
    };
    this.networks.push(n);
    this.changed();
    return ok(n);
  }

  /** `docker network rm`: not a predefined network, no running container on it. */
  remove(ref: string): Result<Network> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const n = f.value;
    if (n.BuiltIn) return err(engineError('networks.predefined', `${n.Name} is a pre-defined network and cannot be removed`));
    const active = this.activeEndpoints(n);
    if (active.length) {
      const eps = active.map(({ c, ep }) => `name:"${c.name}" id:"${ep.EndpointID.slice(0, 12)}"`).join(', ');
      return err(engineError('networks.in-use', `error while removing network: network ${n.Name} has active endpoints (${eps})`));
    }
    // Stopped containers lose their endpoint; they fail to start later with `network X not found`.
    this.networks = this.networks.filter((x) => x !== n);
    this.changed();
    return ok(n);
  }

  /** `docker network prune`: user networks without a running container (as `rm`, stopped ones do not count); names, oldest first. */
  prune(): string[] {
    const gone = this.networks.filter((n) => !n.BuiltIn && this.activeEndpoints(n).length === 0);
    if (!gone.length) return [];
    this.networks = this.networks.filter((n) => !gone.includes(n));
    this.changed();
    return gone.map((n) => n.Name);
  }

  // ---------------------------------------------------------------- endpoints

  /** `docker network connect`: a new endpoint (an address at once when the container runs). */
  connect(ref: string, container: string, opts: { aliases?: string[] } = {}): Result<void> {
    const f = this.find(ref);
    if (!f.ok) return f;
    const n = f.value;
    const access = this.containers();
    if (!access) return err(engineError('containers.no-such', `No such container: ${container}`));
    const c = access.find(container);
    if (!c.ok) return c;
    const cv = c.value;
    if (n.Name === 'host' || n.Name === 'none' || Object.keys(cv.networks).some((k) => k === 'host' || k === 'none')) {
      return err(engineError('networks.conflict', 'container cannot be disconnected from host network or connected to host network'));
    }
    if (cv.networks[n.Name]) return err(engineError('networks.endpoint-exists', `endpoint with name ${cv.name} already exists in network ${n.Name}`));
    if (n.Name === 'bridge' && opts.aliases?.length) return err(engineError('networks.alias-default', 'network-scoped alias is supported only for containers in user defined networks'));
    cv.networks[n.Name] = this.newEndpoint(n, opts.aliases ?? []);
    if (cv.running) {
      const r = this.attach(n, cv);
      if (!r.ok) {
        delete cv.networks[n.Name];
        return r;
      }
    }
    this.changed();
    return ok(undefined);
  }

  /** `docker network disconnect`. */
  disconnect(ref: string, container: string, force = false): Result<void> {
    const f = this.find(ref);
    if (!f.ok && !force) return f;
    const access = this.containers();
    if (!access) return err(engineError('containers.no-such', `No such container: ${container}`));
    const c = access.find(container);
    if (!c.ok) return c;
    const name = f.ok ? f.value.Name : ref;
    if (!c.value.networks[name]) return err(engineError('networks.not-connected', `container ${c.value.id} is not connected to network ${name}`));
    delete c.value.networks[name];
    this.changed();
    return ok(undefined);
  }

  /** The endpoint a container gets on `n` at create or connect (no address until it runs). */
  newEndpoint(n: Network, aliases: string[]): Endpoint {
    return { NetworkID: n.Id, Aliases: [...aliases], IPAddress: '', MacAddress: '', EndpointID: '' };
  }

  /**
   * Gives a starting (or running) container's endpoint on `n` an address: the lowest free one of the subnet
   * among the running containers' (`host` and `none` have none). The MAC follows the address; the endpoint ID
   * is drawn from the injected randomness.
   */
  attach(n: Network, c: ContainerView): Result<Endpoint> {
    const ep = c.networks[n.Name] ?? (c.networks[n.Name] = this.newEndpoint(n, []));
    ep.NetworkID = n.Id;
    const cfg = n.IPAM.Config[0];
    if (!cfg) {
      ep.IPAddress = '';
      ep.MacAddress = '';
      ep.EndpointID = randomId(this.env.random);
      return ok(ep);
    }
    const used = new Set(this.activeEndpoints(n).filter((x) => x.c.id !== c.id).map((x) => x.ep.IPAddress));
    const ip = freeAddress(parseCidr(cfg.Subnet)!, cfg.Gateway, used);
    if (!ip) return err(engineError('networks.no-address', `no available IPv4 addresses on this network's address pools: ${n.Name} (${n.Id})`));
    ep.IPAddress = ip;
    ep.MacAddress = macFor(ip);
    ep.EndpointID = randomId(this.env.random);
    return ok(ep);
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): NetworksSnapshot {
    return { builtInCreated: this.networks[0].Created, networks: this.networks.filter((n) => !n.BuiltIn).map((n) => JSON.parse(JSON.stringify(n)) as Network) };
  }

  restore(s: NetworksSnapshot | undefined): void {
    this.networks = this.builtIns();
    if (typeof s?.builtInCreated === 'number') for (const n of this.networks) n.Created = s.builtInCreated;
    for (const raw of Array.isArray(s?.networks) ? s.networks : []) {
      const n = validNetwork(raw);
      if (n && !this.networks.some((x) => x.Name === n.Name)) this.networks.push(n);
    }
  }
}

/** A persisted network rebuilt field by field (a snapshot is never trusted), or null when it is broken. */
function validNetwork(raw: unknown): Network | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.Name !== 'string' || !VALID_NAME.test(r.Name) || typeof r.Id !== 'string' || !/^[0-9a-f]{64}$/.test(r.Id)) return null;
  const ipam = r.IPAM as { Config?: unknown } | undefined;
  const cfg = Array.isArray(ipam?.Config) ? (ipam!.Config as unknown[]) : [];
  const config = cfg
    .map((c) => c as { Subnet?: unknown; Gateway?: unknown })
    .filter((c) => typeof c.Subnet === 'string' && parseCidr(c.Subnet) && typeof c.Gateway === 'string')
    .map((c) => ({ Subnet: c.Subnet as string, Gateway: c.Gateway as string }));
  const strMap = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
    return out;
  };
  return {
    Name: r.Name,
    Id: r.Id,
    Created: typeof r.Created === 'number' ? r.Created : 0,
    Scope: 'local',
    Driver: 'bridge',
    IPAM: { Driver: 'default', Options: {}, Config: config },
    Internal: r.Internal === true,
    Attachable: r.Attachable === true,
    Options: strMap(r.Options),
    Labels: strMap(r.Labels),
    BuiltIn: false,
  };
}
