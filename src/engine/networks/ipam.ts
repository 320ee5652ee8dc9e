/**
 * IPv4 address management as Docker's default IPAM does it: the default bridge on 172.17.0.0/16, each new
 * user network on the next free pool (172.18.0.0/16 … 172.31.0.0/16, then 192.168.0.0/20, 192.168.16.0/20 …),
 * the gateway at the subnet's first address and containers from the next one up, the lowest free first.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

export function ipToNumber(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** "172.18.0.0/16" → its base and prefix (host bits must be zero, as Docker's `invalid subnet` check wants). */
export function parseCidr(s: string): Cidr | null {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s);
  if (!m) return null;
  const ip = ipToNumber(m[1]);
  const prefix = Number(m[2]);
  if (ip === null || prefix > 32) return null;
  return { base: ip, prefix };
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function formatCidr(c: Cidr): string {
  return `${numberToIp(c.base)}/${c.prefix}`;
}

/** The subnet's network address (host bits cleared). */
export function networkAddress(c: Cidr): number {
  return (c.base & maskOf(c.prefix)) >>> 0;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return ((a.base & maskOf(p)) >>> 0) === ((b.base & maskOf(p)) >>> 0);
}

/** Docker's default address pools, in the order it hands them out (the first is the default bridge's). */
export function* defaultPools(): Generator<Cidr> {
  for (let second = 17; second <= 31; second++) yield { base: ipToNumber(`172.${second}.0.0`)!, prefix: 16 };
  for (let third = 0; third < 256; third += 16) yield { base: ipToNumber(`192.168.${third}.0`)!, prefix: 20 };
}

/** The first default pool that overlaps none of `taken`, or null when all are used. */
export function nextPool(taken: Cidr[]): Cidr | null {
  for (const p of defaultPools()) if (!taken.some((t) => overlaps(p, t))) return p;
  return null;
}

/** The gateway Docker picks: the subnet's first host address. */
export function gatewayOf(c: Cidr): string {
  return numberToIp(networkAddress(c) + 1);
}

/** The lowest address of the subnet not in `used` and not the gateway (null when the subnet is full). */
export function freeAddress(c: Cidr, gateway: string, used: Set<string>): string | null {
  const start = networkAddress(c);
  const size = 2 ** (32 - c.prefix);
  for (let i = 1; i < size - 1; i++) {
    const ip = numberToIp(start + i);
    if (ip !== gateway && !used.has(ip)) return ip;
  }
  return null;
}

/** The MAC address Docker Engine 20.10 derives from an IPv4 address: 02:42 and the address's four bytes. */
export function macFor(ip: string): string {
  const n = ipToNumber(ip);
  if (n === null) return '';
  return ['02', '42', ...[n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
