/**
 * The globals a Node program sees that must not leak the host: a Date on the process's virtual clock and in
 * UTC (containers default to UTC), a seeded Math.random, a performance.now on virtual time, and Buffer.
 */
import { Buffer as LibraryBuffer } from 'buffer';
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

/**
 * Node's Buffer: the `buffer` package (Node's implementation, kept as a package). Under Node itself (the tests)
 * the import is Node's own Buffer, the same one the stream library uses there.
 */
export const NodeBuffer: any = LibraryBuffer;

/** A Buffer over the bytes of a Uint8Array, without copying. */
export function wrapBytes(b: Uint8Array): any {
  return LibraryBuffer.from(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}
