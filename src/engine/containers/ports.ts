/**
 * Published ports: parsing `-p` specs (`3000:80`, `127.0.0.1:8080:80/tcp`, `80`, `8000-8001:80-81`) and the
 * PORTS column / `docker port` lines (`0.0.0.0:3000->80/tcp, [::]:3000->80/tcp`).
 */
import { engineError, err, ok, type Result } from '../core/errors';

export interface PortBinding {
  /** "80/tcp" */
  containerPort: string;
  hostIp: string;
  /** Host port; 0 until allocated (ephemeral). */
  hostPort: number;
  /** `-p 8000-8010:80`: the last port of the host range to pick a free port from (hostPort is the first). */
  hostPortEnd?: number;
}

const PROTOS = new Set(['tcp', 'udp', 'sctp']);

function range(s: string): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : a;
  if (a > 65535 || b > 65535 || b < a) return null;
  return [a, b];
}

/**
 * Parses one `-p` value with Docker's rules and messages, checked in Docker's order (IP, container port, host
 * port, ranges, then protocol). Host port 0 means "pick one"; a host range for a single container port
 * (`8000-8010:80`) means "pick a free one in that range" (`hostPortEnd`).
 */
export function parsePortSpec(spec: string): Result<PortBinding[]> {
  let rest = spec;
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  let hostPart = '';
  let ctrPart = '';
  const ipv6 = /^\[([0-9a-fA-F:]+)\]:(.*)$/.exec(rest);
  if (ipv6) {
    hostIp = ipv6[1];
    const [h, c] = ipv6[2].split(':');
    hostPart = h;
    ctrPart = c ?? '';
  } else {
    const parts = rest.split(':');
    if (parts.length === 1) ctrPart = parts[0];
    else if (parts.length === 2) [hostPart, ctrPart] = parts;
    else if (parts.length === 3) [hostIp, hostPart, ctrPart] = parts;
    else return err(engineError('ports.invalid', `invalid port specification: "${spec}"`));
  }
  if (hostIp && !/^(\d{1,3}\.){3}\d{1,3}$/.test(hostIp) && !hostIp.includes(':')) {
    return err(engineError('ports.invalid', `invalid IP address: ${hostIp}`));
  }
  if (!ctrPart) return err(engineError('ports.invalid', `no port specified: ${spec}<empty>`));
  const c = range(ctrPart);
  if (!c) return err(engineError('ports.invalid', `invalid containerPort: ${ctrPart}`));
  let h: [number, number] = [0, 0];
  if (hostPart) {
    const r = range(hostPart);
    if (!r) return err(engineError('ports.invalid', `invalid hostPort: ${hostPart}`));
    h = r;
    // A host range is allowed for a single container port (Docker picks a free port in it); otherwise the
    // two ranges must be as long as each other.
    if (h[1] - h[0] !== c[1] - c[0] && c[0] !== c[1]) {
      return err(engineError('ports.invalid', `invalid ranges specified for container and host Ports: ${ctrPart} and ${hostPart}`));
    }
  }
  if (!PROTOS.has(proto)) return err(engineError('ports.invalid', `invalid proto: ${proto}`));
  const out: PortBinding[] = [];
  for (let p = c[0]; p <= c[1]; p++) {
    const b: PortBinding = { containerPort: `${p}/${proto}`, hostIp, hostPort: hostPart ? h[0] + (p - c[0]) : 0 };
    if (c[0] === c[1] && h[0] !== h[1]) b.hostPortEnd = h[1];
    out.push(b);
  }
  return ok(out);
}

/** `0.0.0.0:3000->80/tcp, [::]:3000->80/tcp` plus exposed-but-unpublished ports as `80/tcp` (docker ps PORTS). */
export function formatPorts(bindings: PortBinding[], exposed: string[]): string {
  const parts: string[] = [];
  const published = new Set<string>();
  const sorted = [...bindings].sort((a, b) => portNum(a.containerPort) - portNum(b.containerPort) || a.hostPort - b.hostPort);
  for (const b of sorted) {
    published.add(b.containerPort);
    if (b.hostIp === '' || b.hostIp === '0.0.0.0') {
      parts.push(`0.0.0.0:${b.hostPort}->${b.containerPort}`);
      parts.push(`[::]:${b.hostPort}->${b.containerPort}`);
    } else parts.push(`${b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp}:${b.hostPort}->${b.containerPort}`);
  }
  for (const e of [...exposed].sort((a, b) => portNum(a) - portNum(b))) if (!published.has(e)) parts.push(e);
  return parts.join(', ');
}

/** `docker port` lines: `80/tcp -> 0.0.0.0:3000` and `80/tcp -> [::]:3000`. */
export function portLines(bindings: PortBinding[], filter?: string): string[] {
  const out: string[] = [];
  const f = filter ? (filter.includes('/') ? filter : `${filter}/tcp`) : undefined;
  for (const b of [...bindings].sort((a, c) => portNum(a.containerPort) - portNum(c.containerPort))) {
    if (f && b.containerPort !== f) continue;
    const hosts = b.hostIp === '' || b.hostIp === '0.0.0.0' ? [`0.0.0.0:${b.hostPort}`, `[::]:${b.hostPort}`] : [`${b.hostIp}:${b.hostPort}`];
    for (const h of hosts) out.push(f ? h : `${b.containerPort} -> ${h}`);
  }
  return out;
}

export function portNum(p: string): number {
  return Number(p.split('/')[0]);
}
