/**
 * Reading tar archives for `ADD local.tar[.gz] /dest` (BuildKit and legacy both unpack local archives):
 * ustar/GNU headers, files, directories and symlinks; gzip through fflate. Returns null when the bytes are
 * not an archive (then ADD copies the file as is, like Docker).
 */
import { gunzipSync } from 'fflate';

export interface TarEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  data?: Uint8Array;
  target?: string;
}

const dec = new TextDecoder();

function str(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return dec.decode(b.subarray(off, end));
}

function oct(b: Uint8Array, off: number, len: number): number {
  const s = str(b, off, len).trim();
  return s ? parseInt(s, 8) || 0 : 0;
}

export function readArchive(bytes: Uint8Array): TarEntry[] | null {
  let data = bytes;
  if (data.length > 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch {
      return null;
    }
  }
  if (data.length < 512 || str(data, 257, 5) !== 'ustar') return null;
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | null = null;
  while (off + 512 <= data.length) {
    const h = off;
    if (data[h] === 0) break;
    const size = oct(data, h + 124, 12);
    const flag = String.fromCharCode(data[h + 156] || 48);
    const prefix = str(data, h + 345, 155);
    let name = longName ?? (prefix ? prefix + '/' : '') + str(data, h, 100);
    longName = null;
    const body = data.subarray(h + 512, h + 512 + size);
    off = h + 512 + Math.ceil(size / 512) * 512;
    if (flag === 'L') {
      longName = dec.decode(body).replace(/\0+$/, '');
      continue;
    }
    name = name.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!name || name === '.') continue;
    const base = { path: name, mode: oct(data, h + 100, 8) & 0o7777, uid: oct(data, h + 108, 8), gid: oct(data, h + 116, 8) };
    if (flag === '5') out.push({ ...base, type: 'dir' });
    else if (flag === '2') out.push({ ...base, type: 'symlink', target: str(data, h + 157, 100) });
    else if (flag === '0' || flag === '7') out.push({ ...base, type: 'file', data: body.slice() });
  }
  return out;
}
