/** POSIX path helpers for the virtual filesystem. Every path inside a layer is absolute and normalised ("/a/b", root "/"). */

/** What a normalised absolute path never contains: `//`, a `.` or `..` component, a trailing slash. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** Normalises an absolute or relative path against `cwd` (default "/"): resolves ".", "..", duplicate and trailing slashes. */
export function normalizePath(p: string, cwd = '/'): string {
  // Most paths arrive normalised already: no need to split and join them again.
  if (p.charCodeAt(0) === 47 && !NOT_NORMAL.test(p)) return p;
  const full = p.startsWith('/') ? p : (cwd.endsWith('/') ? cwd : cwd + '/') + p;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function dirname(p: string): string {
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  if (p === '/') return '/';
  const t = p.endsWith('/') ? p.slice(0, -1) : p;
  return t.slice(t.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

/** Ancestors of a normalised path, nearest first, excluding the path itself and including "/" (for "/a/b": ["/a", "/"]). */
export function ancestors(p: string): string[] {
  const out: string[] = [];
  let cur = p;
  while (cur !== '/') {
    cur = dirname(cur);
    out.push(cur);
  }
  return out;
}

/** Is `p` equal to `root` or inside it? */
export function isWithin(p: string, root: string): boolean {
  if (root === '/') return true;
  return p === root || p.startsWith(root + '/');
}

/** Index of `p` in the sorted (code-unit order) list `a` by binary search; -1 when absent. */
export function sortedIndex(a: readonly string[], p: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === p ? lo : -1;
}
