/**
 * The globals a Node program sees that must not leak the host: a Date on the process's virtual clock and in
 * UTC (containers default to UTC), a seeded Math.random, a performance.now on virtual time, and a small Buffer.
 */
const RealDate = Date;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** A Date constructor on virtual time whose local time zone is UTC. Instances are real Dates. */
export function createVirtualDate(now: () => number): DateConstructor {
  const VDate: any = function (this: unknown, ...args: any[]) {
    if (!new.target) return new VDate().toString();
    let d: Date;
    if (args.length === 0) d = new RealDate(now());
    else if (args.length === 1) d = new RealDate(args[0]);
    else d = new RealDate(RealDate.UTC(args[0], args[1], args[2] ?? 1, args[3] ?? 0, args[4] ?? 0, args[5] ?? 0, args[6] ?? 0));
    Object.setPrototypeOf(d, new.target.prototype);
    return d;
  };
  const proto = Object.create(RealDate.prototype);
  const utc: [string, string][] = [
    ['getFullYear', 'getUTCFullYear'],
    ['getMonth', 'getUTCMonth'],
    ['getDate', 'getUTCDate'],
    ['getDay', 'getUTCDay'],
    ['getHours', 'getUTCHours'],
    ['getMinutes', 'getUTCMinutes'],
    ['getSeconds', 'getUTCSeconds'],
    ['getMilliseconds', 'getUTCMilliseconds'],
    ['setFullYear', 'setUTCFullYear'],
    ['setMonth', 'setUTCMonth'],
    ['setDate', 'setUTCDate'],
    ['setHours', 'setUTCHours'],
    ['setMinutes', 'setUTCMinutes'],
    ['setSeconds', 'setUTCSeconds'],
    ['setMilliseconds', 'setUTCMilliseconds'],
  ];
  for (const [local, u] of utc) {
    const f = (RealDate.prototype as any)[u];
    Object.defineProperty(proto, local, { value: function (this: Date, ...a: any[]) { return f.apply(this, a); }, writable: true, configurable: true });
  }
  const def = (name: string, fn: (this: Date) => string) =>
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  const dateStr = (d: Date) => `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${d.getUTCFullYear()}`;
  const timeStr = (d: Date) => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
  def('getTimezoneOffset', function () {
    return 0 as unknown as string;
  });
  def('toString', function () {
    return isNaN(this.getTime()) ? 'Invalid Date' : `${dateStr(this)} ${timeStr(this)}`;
  });
  def('toDateString', function () {
    return dateStr(this);
  });
  def('toTimeString', function () {
    return timeStr(this);
  });
  def('toLocaleString', function (this: Date) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const d: Date = this;
    const h = d.getUTCHours() % 12 || 12;
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}, ${h}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  });
  def('toLocaleDateString', function () {
    return `${this.getUTCMonth() + 1}/${this.getUTCDate()}/${this.getUTCFullYear()}`;
  });
  def('toLocaleTimeString', function () {
    const h = this.getUTCHours() % 12 || 12;
    return `${h}:${p2(this.getUTCMinutes())}:${p2(this.getUTCSeconds())} ${this.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  });
  Object.defineProperty(proto, 'constructor', { value: VDate, writable: true, configurable: true });
  VDate.prototype = proto;
  VDate.now = () => now();
  VDate.UTC = RealDate.UTC;
  VDate.parse = RealDate.parse;
  Object.defineProperty(VDate, 'name', { value: 'Date' });
  Object.defineProperty(VDate, Symbol.hasInstance, { value: (x: unknown) => x instanceof RealDate });
  return VDate as DateConstructor;
}

export function createMath(random: () => number): Math {
  const m = Object.create(Math);
  Object.defineProperty(m, 'random', { value: random, writable: true, configurable: true });
  return m;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return s;
}

function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1] ?? 'A') << 12) | ((B64.indexOf(clean[i + 2] ?? 'A') & 63) << 6) | (B64.indexOf(clean[i + 3] ?? 'A') & 63);
    out.push((n >> 16) & 255);
    if (i + 2 < clean.length) out.push((n >> 8) & 255);
    if (i + 3 < clean.length) out.push(n & 255);
  }
  return new Uint8Array(out);
}

/** A small Buffer: a Uint8Array with Node's common statics and toString(encoding). */
export class NodeBuffer extends Uint8Array {
  static override from(v: any, encOrOffset?: any, length?: number): NodeBuffer {
    if (typeof v === 'string') {
      const e = (encOrOffset ?? 'utf8').toLowerCase();
      let bytes: Uint8Array;
      if (e === 'hex') bytes = new Uint8Array((v.match(/../g) ?? []).map((h: string) => parseInt(h, 16)));
      else if (e === 'base64') bytes = fromBase64(v);
      else if (e === 'latin1' || e === 'binary' || e === 'ascii') bytes = new Uint8Array([...v].map((c) => c.charCodeAt(0) & 255));
      else bytes = enc.encode(v);
      return NodeBuffer.wrap(bytes);
    }
    if (v instanceof ArrayBuffer) return new NodeBuffer(v, encOrOffset ?? 0, length ?? v.byteLength - (encOrOffset ?? 0));
    if (v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) return NodeBuffer.wrap(new Uint8Array(v.data));
    return NodeBuffer.wrap(new Uint8Array(v));
  }
  static wrap(b: Uint8Array): NodeBuffer {
    const out = new NodeBuffer(b.length);
    out.set(b);
    return out;
  }
  static alloc(n: number, fill?: number | string): NodeBuffer {
    const b = new NodeBuffer(n);
    if (typeof fill === 'number') b.fill(fill);
    else if (typeof fill === 'string' && fill.length) {
      const f = enc.encode(fill);
      for (let i = 0; i < n; i++) b[i] = f[i % f.length];
    }
    return b;
  }
  static allocUnsafe(n: number): NodeBuffer {
    return new NodeBuffer(n);
  }
  static isBuffer(x: unknown): boolean {
    return x instanceof NodeBuffer;
  }
  static byteLength(s: string | Uint8Array): number {
    return typeof s === 'string' ? enc.encode(s).length : s.length;
  }
  static concat(list: Uint8Array[], total?: number): NodeBuffer {
    const n = total ?? list.reduce((a, b) => a + b.length, 0);
    const out = new NodeBuffer(n);
    let o = 0;
    for (const b of list) {
      out.set(b.subarray(0, Math.max(0, n - o)), o);
      o += b.length;
      if (o >= n) break;
    }
    return out;
  }
  override toString(encoding = 'utf8', start = 0, end = this.length): string {
    const b = this.subarray(start, end);
    const e = String(encoding).toLowerCase();
    if (e === 'hex') return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    if (e === 'base64') return toBase64(b);
    if (e === 'latin1' || e === 'binary' || e === 'ascii') return String.fromCharCode(...b);
    return dec.decode(b);
  }
  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: [...this] };
  }
  equals(o: Uint8Array): boolean {
    return o.length === this.length && this.every((v, i) => v === o[i]);
  }
  write(s: string, offset = 0): number {
    const b = enc.encode(s).subarray(0, this.length - offset);
    this.set(b, offset);
    return b.length;
  }
  override slice(start?: number, end?: number): NodeBuffer {
    const s = this.subarray(start, end);
    return new NodeBuffer(s.buffer, s.byteOffset, s.length);
  }
}
Object.defineProperty(NodeBuffer, 'name', { value: 'Buffer' });
