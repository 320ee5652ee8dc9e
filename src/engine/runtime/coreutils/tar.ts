/**
 * tar: c (create), x (extract), t (list) with -f FILE, -z (gzip, through fflate), -v, -C DIR, -O (extract to
 * stdout), old-style bundled options (`tar czf a.tgz dir`). Archives are real ustar archives, so files made
 * here and files copied in from elsewhere read the same.
 */
import { gunzipSync, gzipSync } from 'fflate';
import type { Applet, AppletEnv, AppletIO } from './types';
import type { ProcessFs } from '../process';
import { decodeText, dirname, encodeText, mkdirp, resolvePath, walk } from '../fs-helpers';

const BLOCK = 512;

interface Entry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtime: number;
  data: Uint8Array;
  target: string;
}

function octal(n: number, len: number): string {
  return n.toString(8).padStart(len - 1, '0') + '\0';
}

function header(e: Entry): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (s: string, off: number, len: number) => h.set(encodeText(s).subarray(0, len), off);
  let name = e.name;
  let prefix = '';
  if (encodeText(name).length > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  put(name, 0, 100);
  put(octal(e.mode & 0o7777, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(e.type === 'file' ? e.data.length : 0, 12), 124, 12);
  put(octal(Math.floor(e.mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0', 156, 1);
  put(e.target, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('root', 265, 32);
  put('root', 297, 32);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

function pack(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const e of entries) {
    parts.push(header(e));
    size += BLOCK;
    if (e.type === 'file' && e.data.length) {
      const padded = new Uint8Array(Math.ceil(e.data.length / BLOCK) * BLOCK);
      padded.set(e.data);
      parts.push(padded);
      size += padded.length;
    }
  }
  const out = new Uint8Array(size + BLOCK * 2);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function field(h: Uint8Array, off: number, len: number): string {
  const s = decodeText(h.subarray(off, off + len));
  const z = s.indexOf('\0');
  return z >= 0 ? s.slice(0, z) : s;
}

function unpack(data: Uint8Array): Entry[] | null {
  const out: Entry[] = [];
  let off = 0;
  while (off + BLOCK <= data.length) {
    const h = data.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (field(h, 257, 5) !== 'ustar' && !/^[0-7 \0]+$/.test(field(h, 148, 8) + ' ')) return null;
    const prefix = field(h, 345, 155);
    const name = (prefix ? prefix + '/' : '') + field(h, 0, 100);
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    const flag = field(h, 156, 1) || '0';
    off += BLOCK;
    const body = data.subarray(off, off + size);
    off += Math.ceil(size / BLOCK) * BLOCK;
    out.push({
      name,
      type: flag === '5' ? 'dir' : flag === '2' ? 'symlink' : 'file',
      mode: parseInt(field(h, 100, 8).trim() || '644', 8),
      mtime: parseInt(field(h, 136, 12).trim() || '0', 8) * 1000,
      data: new Uint8Array(body),
      target: field(h, 157, 100),
    });
  }
  return out;
}

function collect(fs: ProcessFs, base: string, name: string): Entry[] | null {
  const root = resolvePath(base, name);
  if (!(fs.lstat ?? fs.stat).call(fs, root)) return null;
  const out: Entry[] = [];
  for (const w of walk(fs, root)) {
    const rel = name.replace(/\/+$/, '') + w.path.slice(root.length);
    if (w.stat.type === 'dir') out.push({ name: rel + '/', type: 'dir', mode: w.stat.mode, mtime: w.stat.mtimeMs, data: new Uint8Array(), target: '' });
    else if (w.stat.type === 'symlink') out.push({ name: rel, type: 'symlink', mode: w.stat.mode, mtime: w.stat.mtimeMs, data: new Uint8Array(), target: fs.readlink?.(w.path) ?? '' });
    else out.push({ name: rel, type: 'file', mode: w.stat.mode, mtime: w.stat.mtimeMs, data: fs.readFile(w.path) ?? new Uint8Array(), target: '' });
  }
  return out;
}

function extract(e: AppletEnv, io: AppletIO, dir: string, x: Entry): boolean {
  const clean = x.name.replace(/^\/+/, '').replace(/\/+$/, '');
  if (!clean || clean.split('/').includes('..')) return true;
  const p = resolvePath(dir, clean);
  if (x.type === 'dir') {
    mkdirp(e.fs, p, x.mode || 0o755);
    return true;
  }
  mkdirp(e.fs, dirname(p));
  if (x.type === 'symlink') {
    io.err(`tar: ${clean}: symlinks are not extracted in Layerlab's tar\n`);
    return false;
  }
  const r = e.fs.writeFile(p, x.data, x.mode || 0o644);
  if (r) {
    io.err(`tar: can't open '${clean}': ${r}\n`);
    return false;
  }
  return true;
}

const USAGE = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...\n';

const tar: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  // Old style: the first word is bundled letters without a dash, values taken from the next words in order.
  if (args.length && !args[0].startsWith('-') && /^[cxtzvfCOjJ]+$/.test(args[0])) args[0] = '-' + args[0];
  let mode = '';
  let file: string | null = null;
  let dir = e.cwd;
  let gzip = false;
  let verbose = false;
  let toStdout = false;
  const names: string[] = [];
  const pending: ('f' | 'C')[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--gzip' || a === '--gunzip') gzip = true;
    else if (a === '--create') mode = 'c';
    else if (a === '--extract') mode = 'x';
    else if (a === '--list') mode = 't';
    else if (a.startsWith('--file=')) file = a.slice(7);
    else if (a.startsWith('--directory=')) dir = resolvePath(e.cwd, a.slice(12));
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'c' || c === 'x' || c === 't') mode = c;
        else if (c === 'z') gzip = true;
        else if (c === 'v') verbose = true;
        else if (c === 'O') toStdout = true;
        else if (c === 'f' || c === 'C') {
          const rest = a.slice(j + 1);
          if (rest && pending.length === 0 && i > 0) {
            if (c === 'f') file = rest;
            else dir = resolvePath(e.cwd, rest);
            break;
          }
          pending.push(c);
        } else if (!'pomhkjJ'.includes(c)) {
          io.err(`tar: invalid option -- '${c}'\n${USAGE}`);
          return 1;
        }
      }
      while (pending.length) {
        const c = pending.shift()!;
        const v = args[++i];
        if (v === undefined) {
          io.err(`tar: option requires an argument -- '${c}'\n${USAGE}`);
          return 1;
        }
        if (c === 'f') file = v;
        else dir = resolvePath(e.cwd, v);
      }
    } else if (a === '-C' && i + 1 < args.length) dir = resolvePath(e.cwd, args[++i]);
    else names.push(a);
  }
  if (!mode) {
    io.err(USAGE);
    return 1;
  }
  if (file === null || file === '-') {
    io.err("tar: Layerlab's tar reads and writes archives in files only (-f FILE), not through pipes\n");
    return 1;
  }
  const archivePath = resolvePath(e.cwd, file);
  if (mode === 'c') {
    if (!names.length) {
      io.err('tar: empty archive\n');
      return 1;
    }
    const entries: Entry[] = [];
    let status = 0;
    for (const n of names) {
      const got = collect(e.fs, dir, n);
      if (!got) {
        io.err(`tar: ${n}: No such file or directory\n`);
        status = 1;
        continue;
      }
      entries.push(...got);
      if (verbose) for (const x of got) io.err(x.name + '\n');
    }
    const data = pack(entries);
    const r = e.fs.writeFile(archivePath, gzip ? gzipSync(data, { mtime: 0 }) : data);
    if (r) {
      io.err(`tar: can't open '${file}': No such file or directory\n`);
      return 1;
    }
    return status;
  }
  const raw = e.fs.readFile(archivePath);
  if (!raw) {
    io.err(`tar: can't open '${file}': No such file or directory\n`);
    return 1;
  }
  let data = raw;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      data = gunzipSync(raw);
    } catch {
      io.err('tar: invalid gzip data\n');
      return 1;
    }
  } else if (gzip) {
    io.err('tar: invalid gzip magic\n');
    return 1;
  }
  const entries = unpack(data);
  if (!entries) {
    io.err('tar: invalid tar magic\n');
    return 1;
  }
  const wanted = (x: Entry) => !names.length || names.some((n) => x.name === n || x.name.replace(/\/$/, '') === n.replace(/\/$/, '') || x.name.startsWith(n.replace(/\/?$/, '/')));
  let status = 0;
  for (const x of entries.filter(wanted)) {
    if (mode === 't') io.out(x.name + '\n');
    else if (toStdout) {
      if (x.type === 'file') io.out(decodeText(x.data));
    } else {
      if (verbose) io.out(x.name + '\n');
      if (!extract(e, io, dir, x)) status = 1;
    }
  }
  return status;
};

export const TAR_APPLETS: Record<string, Applet> = { tar };
