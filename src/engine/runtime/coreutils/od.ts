/**
 * `od`: BusyBox's octal dump. Output types (`-t` a, c, d, o, u, x with sizes 1, 2, 4, 8 or C, S, I, L; the
 * shorthands -a -b -c -d -o -s -x), address radix (`-A` d, o, x, n), `-j` skip, `-N` count (b, k, m suffixes),
 * `-w` width and `-v` (no `*` for repeated lines), with BusyBox's column widths and messages. Floating point
 * types are not simulated. Bytes come from the files (devices too) or standard input, which reaches a program
 * as text (its UTF-8 bytes).
 */
import type { Applet, AppletEnv, AppletIO } from './types';
import { ENOENT, isStdin, shortOptions } from './types';
import { encodeText, resolvePath } from '../fs-helpers';

const USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: od [-abcdfhilovxs] [-t TYPE] [-A RADIX] [-N SIZE] [-j SKIP] [-S MINSTR] [-w WIDTH] [FILE]...\n';

interface OutType {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x';
  size: number;
}

/** Names `-t a` gives the control characters (the byte's low 7 bits). */
const NAMED = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
const ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
const SIZE_LETTERS: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };

/** Characters a field of each kind and size takes (the digits of the widest value, plus one space). */
function fieldWidth(t: OutType): number {
  if (t.kind === 'a' || t.kind === 'c') return 4;
  const bits = 8 * t.size;
  if (t.kind === 'x') return 1 + 2 * t.size;
  if (t.kind === 'o') return 1 + Math.ceil(bits / 3);
  if (t.kind === 'u') return 1 + (2n ** BigInt(bits) - 1n).toString().length;
  return 1 + (-(2n ** BigInt(bits - 1))).toString().length;
}

function formatField(t: OutType, bytes: Uint8Array, at: number): string {
  const w = fieldWidth(t);
  if (t.kind === 'c') {
    const b = bytes[at];
    const s = ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
    return s.padStart(w);
  }
  if (t.kind === 'a') {
    const b = bytes[at] & 0x7f;
    return (b <= 0x20 ? NAMED[b] : b === 0x7f ? 'del' : String.fromCharCode(b)).padStart(w);
  }
  // Little-endian, as on the x86-64 machines Docker runs on.
  let v = 0n;
  for (let i = t.size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i] ?? 0);
  if (t.kind === 'd') v = BigInt.asIntN(8 * t.size, v);
  const digits = w - 1;
  if (t.kind === 'x') return ' ' + v.toString(16).padStart(digits, '0');
  if (t.kind === 'o') return ' ' + v.toString(8).padStart(digits, '0');
  return v.toString().padStart(w);
}

/** `-t` argument: one or more types (`x1`, `c`, `d4`, `uS`, `x1c`...). Null and the message when it is bad. */
function parseTypes(spec: string): { types: OutType[] } | { error: string } {
  const types: OutType[] = [];
  let i = 0;
  while (i < spec.length) {
    const k = spec[i++];
    if (k === 'a' || k === 'c') {
      types.push({ kind: k, size: 1 });
      continue;
    }
    if (k === 'f') return { error: `od: floating point types are not available in Layerlab` };
    if (k !== 'd' && k !== 'o' && k !== 'u' && k !== 'x') return { error: `od: invalid character '${k}' in type string '${spec}'` };
    let size = 4;
    const num = /^\d+/.exec(spec.slice(i));
    if (num) {
      size = Number(num[0]);
      i += num[0].length;
      if (![1, 2, 4, 8].includes(size)) return { error: `od: invalid type string '${spec}'; ${size}-byte integral type is not supported` };
    } else if (spec[i] && SIZE_LETTERS[spec[i]]) size = SIZE_LETTERS[spec[i++]];
    types.push({ kind: k, size });
  }
  return { types };
}

/** A count with BusyBox's suffixes (b 512, k 1024, m 1 MiB), in decimal, 0x hex or 0 octal; null if bad. */
function parseCount(s: string): number | null {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)([bkm]?)$/i.exec(s);
  if (!m) return null;
  const n = m[1].toLowerCase().startsWith('0x') ? parseInt(m[1], 16) : m[1].startsWith('0') ? parseInt(m[1], 8) : Number(m[1]);
  return n * ({ '': 1, b: 512, k: 1024, m: 1024 * 1024 }[m[2].toLowerCase()] ?? 1);
}

const SHORTHANDS: Record<string, string> = { a: 'a', b: 'o1', c: 'c', d: 'u2', o: 'o2', s: 'd2', x: 'x2', h: 'x2', i: 'd4', l: 'd8' };

export const od: Applet = async (argv, io, e) => {
  const types: OutType[] = [];
  let radix = 'o';
  let skip = 0;
  let limit: number | null = null;
  let width = 16;
  let verbose = false;
  const files: string[] = [];
  const bad = (msg: string) => {
    io.err(`${msg}\n`);
    return 1;
  };
  const parsed = shortOptions(argv.slice(1), 'AtNjS', 'w');
  files.push(...parsed.operands);
  for (const { letter: c, value } of parsed.options) {
    if ('AtNjS'.includes(c)) {
      if (value === undefined) {
        io.err(`od: option requires an argument -- '${c}'\n${USAGE}`);
        return 1;
      }
      if (c === 'A') {
        if (!/^[doxn]$/.test(value)) return bad(`od: bad output address radix '${value}' (must be [doxn])`);
        radix = value;
      } else if (c === 't') {
        const r = parseTypes(value);
        if ('error' in r) return bad(r.error);
        types.push(...r.types);
      } else if (c === 'N' || c === 'j') {
        const n = parseCount(value);
        if (n === null) return bad(`od: invalid number '${value}'`);
        if (c === 'N') limit = n;
        else skip = n;
      }
    } else if (c === 'w') width = value ? Number(value) || 16 : 32;
    else if (c === 'v') verbose = true;
    else if (c === 'f') return bad('od: floating point types are not available in Layerlab');
    else if (SHORTHANDS[c]) types.push(...(parseTypes(SHORTHANDS[c]) as { types: OutType[] }).types);
    else {
      io.err(`od: invalid option -- '${c}'\n${USAGE}`);
      return 1;
    }
  }
  if (!types.length) types.push({ kind: 'o', size: 2 });

  const input = await readInputs(files, io, e);
  let data = input.bytes;
  if (skip > data.length) return bad("od: can't skip past end of combined input");
  data = data.subarray(skip, limit === null ? undefined : skip + limit);
  io.out(dump(data, skip, types, radix, width, verbose));
  return input.status;
};

/** The bytes of every operand in turn (standard input without any); a missing file is reported and skipped. */
async function readInputs(files: string[], io: AppletIO, e: AppletEnv): Promise<{ bytes: Uint8Array; status: number }> {
  const parts: Uint8Array[] = [];
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    if (isStdin(e, f)) {
      parts.push(encodeText(await io.readStdin()));
      continue;
    }
    const p = resolvePath(e.cwd, f);
    const st = e.fs.stat(p);
    const data = st && st.type !== 'dir' ? e.fs.readFile(p) : null;
    if (!data) {
      io.err(`od: ${f}: ${st?.type === 'dir' ? 'Is a directory' : ENOENT}\n`);
      status = 1;
      continue;
    }
    parts.push(data);
  }
  const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    bytes.set(b, at);
    at += b.length;
  }
  return { bytes, status };
}

function address(n: number, radix: string): string {
  if (radix === 'd') return String(n).padStart(7, '0');
  if (radix === 'x') return n.toString(16).padStart(6, '0');
  return n.toString(8).padStart(7, '0');
}

/** The dump: a line per `width` bytes and per type, `*` for repeated lines (unless -v), then the end address. */
function dump(data: Uint8Array, start: number, types: OutType[], radix: string, width: number, verbose: boolean): string {
  const widest = Math.max(...types.map((t) => t.size));
  const pad = radix === 'n' ? '' : ' '.repeat(address(0, radix).length);
  let out = '';
  let prev: Uint8Array | null = null;
  let starred = false;
  for (let off = 0; off < data.length; off += width) {
    let chunk = data.subarray(off, off + width);
    if (!verbose && prev && chunk.length === width && prev.length === width && chunk.every((b, i) => b === prev![i])) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    prev = chunk;
    // A last short line is filled with zero bytes up to the widest type's size.
    if (chunk.length % widest) {
      const full = new Uint8Array(Math.ceil(chunk.length / widest) * widest);
      full.set(chunk);
      chunk = full;
    }
    types.forEach((t, ti) => {
      let line = ti === 0 && radix !== 'n' ? address(start + off, radix) : pad;
      for (let i = 0; i + t.size <= chunk.length; i += t.size) line += formatField(t, chunk, i);
      out += line + '\n';
    });
  }
  if (radix !== 'n') out += address(start + data.length, radix) + '\n';
  return out;
}

export const OD_APPLETS: Record<string, Applet> = { od };
