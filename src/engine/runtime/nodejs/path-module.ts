/** Node's `path` module (POSIX only, like Linux containers). */
export function createPathModule(cwd: () => string): any {
  const normalizeParts = (parts: string[], absolute: boolean): string[] => {
    const out: string[] = [];
    for (const p of parts) {
      if (!p || p === '.') continue;
      if (p === '..') {
        if (out.length && out[out.length - 1] !== '..') out.pop();
        else if (!absolute) out.push('..');
      } else out.push(p);
    }
    return out;
  };
  const normalize = (p: string): string => {
    if (p === '') return '.';
    const abs = p.startsWith('/');
    const trailing = p.endsWith('/');
    let r = normalizeParts(p.split('/'), abs).join('/');
    if (!r && !abs) r = '.';
    if (r && trailing) r += '/';
    return (abs ? '/' : '') + r;
  };
  const resolve = (...args: string[]): string => {
    let r = '';
    for (let i = args.length - 1; i >= -1 && !r.startsWith('/'); i--) {
      const p = i >= 0 ? args[i] : cwd();
      if (typeof p !== 'string') throw new TypeError(`The "path" argument must be of type string. Received ${typeof p}`);
      if (!p) continue;
      r = r ? `${p}/${r}` : p;
    }
    const n = normalizeParts(r.split('/'), true).join('/');
    return '/' + n;
  };
  const dirname = (p: string): string => {
    if (!p) return '.';
    const t = p.replace(/\/+$/, '');
    if (!t) return '/';
    const i = t.lastIndexOf('/');
    if (i < 0) return '.';
    if (i === 0) return '/';
    return t.slice(0, i).replace(/\/+$/, '') || '/';
  };
  const basename = (p: string, ext?: string): string => {
    const t = p.replace(/\/+$/, '');
    let b = t.slice(t.lastIndexOf('/') + 1);
    if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
    return b;
  };
  const extname = (p: string): string => {
    const b = basename(p);
    const i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  };
  const join = (...parts: string[]): string => {
    const f = parts.filter((x) => x !== '');
    return f.length ? normalize(f.join('/')) : '.';
  };
  const relative = (from: string, to: string): string => {
    const a = resolve(from).split('/').filter(Boolean);
    const b = resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  };
  const parse = (p: string) => {
    const root = p.startsWith('/') ? '/' : '';
    const base = basename(p);
    const ext = extname(p);
    const dir = dirname(p);
    return { root, dir: dir === '.' && !p.includes('/') ? '' : dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
  };
  const formatPath = (o: { root?: string; dir?: string; base?: string; name?: string; ext?: string }) => {
    const dir = o.dir || o.root || '';
    const base = o.base || `${o.name ?? ''}${o.ext ?? ''}`;
    return dir ? (dir === o.root ? `${dir}${base}` : `${dir}/${base}`) : base;
  };
  const mod: any = {
    sep: '/',
    delimiter: ':',
    normalize,
    resolve,
    join,
    dirname,
    basename,
    extname,
    relative,
    parse,
    format: formatPath,
    isAbsolute: (p: string) => p.startsWith('/'),
    toNamespacedPath: (p: string) => p,
  };
  mod.posix = mod;
  return mod;
}
