/**
 * find: paths (default `.`), tests -name -iname -path -type -maxdepth -mindepth -newer? no; -size, -empty, -perm;
 * operators `!`/-not, -a, -o and parentheses; actions -print, -exec CMD {} \; and -exec CMD {} +, -delete, -prune.
 * Busybox's messages; entries in name order.
 */
import type { Applet, AppletEnv, AppletIO } from './types';
import type { FsStat } from '../process';
import { resolvePath, rmrf } from '../fs-helpers';
import { globRegex } from '../shell/expand';

type Expr =
  | { k: 'and'; a: Expr; b: Expr }
  | { k: 'or'; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'true' }
  | { k: 'test'; test: (path: string, name: string, st: FsStat, depth: number) => boolean }
  | { k: 'print' }
  | { k: 'prune' }
  | { k: 'delete' }
  | { k: 'exec'; cmd: string[]; batch: boolean };

class FindError {
  constructor(readonly message: string) {}
}

function parse(words: string[], opts: { maxdepth: number; mindepth: number }): { expr: Expr; hasAction: boolean } {
  let i = 0;
  let hasAction = false;
  const primary = (): Expr => {
    const w = words[i++];
    const arg = () => {
      if (i >= words.length) throw new FindError(`missing argument to '${w}'`);
      return words[i++];
    };
    switch (w) {
      case '(': {
        const e = or();
        if (words[i++] !== ')') throw new FindError("missing ')'");
        return e;
      }
      case '!':
      case '-not':
        return { k: 'not', e: primary() };
      case '-name':
      case '-iname': {
        const re = globRegex(arg(), w === '-iname');
        return { k: 'test', test: (_p, name) => re.test(name) };
      }
      case '-path':
      case '-wholename': {
        const re = globRegex(arg());
        return { k: 'test', test: (p) => re.test(p) };
      }
      case '-type': {
        const t = arg();
        const want = t === 'f' ? 'file' : t === 'd' ? 'dir' : t === 'l' ? 'symlink' : t === 'c' ? 'char' : null;
        if (!want) throw new FindError(`invalid argument '${t}' to '-type'`);
        return { k: 'test', test: (_p, _n, st) => st.type === want };
      }
      case '-maxdepth':
        opts.maxdepth = Number(arg());
        return { k: 'true' };
      case '-mindepth':
        opts.mindepth = Number(arg());
        return { k: 'true' };
      case '-empty':
        return { k: 'test', test: (_p, _n, st) => (st.type === 'file' ? st.size === 0 : false) };
      case '-size': {
        const m = /^([-+]?)(\d+)([ckMGb]?)$/.exec(arg());
        if (!m) throw new FindError(`invalid argument to '-size'`);
        const unit = { c: 1, k: 1024, M: 1048576, G: 1073741824, b: 512, '': 512 }[m[3] as 'c'];
        const n = Number(m[2]);
        return {
          k: 'test',
          test: (_p, _n, st) => {
            const size = Math.ceil(st.size / unit);
            return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
          },
        };
      }
      case '-perm': {
        const spec = arg();
        const mode = parseInt(spec.replace(/^[-/]/, ''), 8);
        return { k: 'test', test: (_p, _n, st) => (spec.startsWith('-') ? (st.mode & mode) === mode : spec.startsWith('/') ? (st.mode & mode) !== 0 : (st.mode & 0o7777) === mode) };
      }
      case '-print':
        hasAction = true;
        return { k: 'print' };
      case '-prune':
        return { k: 'prune' };
      case '-delete':
        hasAction = true;
        return { k: 'delete' };
      case '-exec': {
        hasAction = true;
        const cmd: string[] = [];
        while (i < words.length && words[i] !== ';' && !(words[i] === '+' && words[i - 1] === '{}')) cmd.push(words[i++]);
        if (i >= words.length) throw new FindError("missing argument to '-exec'");
        const batch = words[i++] === '+';
        return { k: 'exec', cmd, batch };
      }
      default:
        throw new FindError(w.startsWith('-') ? `unrecognized: ${w}` : `${w}: unknown predicate`);
    }
  };
  const and = (): Expr => {
    let a = primary();
    while (i < words.length && words[i] !== '-o' && words[i] !== '-or' && words[i] !== ')') {
      if (words[i] === '-a' || words[i] === '-and') i++;
      a = { k: 'and', a, b: primary() };
    }
    return a;
  };
  const or = (): Expr => {
    let a = and();
    while (words[i] === '-o' || words[i] === '-or') {
      i++;
      a = { k: 'or', a, b: and() };
    }
    return a;
  };
  const expr = words.length ? or() : { k: 'true' as const };
  if (i < words.length) throw new FindError(`unrecognized: ${words[i]}`);
  return { expr, hasAction };
}

const find: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  let n = 0;
  while (n < args.length && !args[n].startsWith('-') && args[n] !== '(' && args[n] !== '!') n++;
  const roots = args.slice(0, n);
  if (!roots.length) roots.push('.');
  const opts = { maxdepth: Infinity, mindepth: 0 };
  let parsed: { expr: Expr; hasAction: boolean };
  try {
    parsed = parse(args.slice(n), opts);
  } catch (err) {
    if (err instanceof FindError) {
      io.err(`find: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const batches = new Map<Expr, string[]>();
  let status = 0;
  let pruned = false;
  const run = async (x: Expr, path: string, name: string, st: FsStat, depth: number, abs: string): Promise<boolean> => {
    switch (x.k) {
      case 'true':
        return true;
      case 'and':
        return (await run(x.a, path, name, st, depth, abs)) && run(x.b, path, name, st, depth, abs);
      case 'or':
        return (await run(x.a, path, name, st, depth, abs)) || run(x.b, path, name, st, depth, abs);
      case 'not':
        return !(await run(x.e, path, name, st, depth, abs));
      case 'test':
        return x.test(path, name, st, depth);
      case 'print':
        io.out(path + '\n');
        return true;
      case 'prune':
        pruned = true;
        return true;
      case 'delete':
        return rmrf(e.fs, abs) === null;
      case 'exec': {
        if (x.batch) {
          const list = batches.get(x) ?? [];
          list.push(path);
          batches.set(x, list);
          return true;
        }
        const cmd = x.cmd.map((w) => w.split('{}').join(path));
        return (await execCmd(cmd, io, e)) === 0;
      }
    }
  };
  for (const root of roots) {
    const abs0 = resolvePath(e.cwd, root);
    const st0 = (e.fs.lstat ?? e.fs.stat).call(e.fs, abs0);
    if (!st0) {
      io.err(`find: ${root}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const visit = async (path: string, abs: string, st: FsStat, depth: number) => {
      pruned = false;
      const name = depth === 0 ? root.replace(/\/+$/, '').split('/').pop() || root : path.slice(path.lastIndexOf('/') + 1);
      if (depth >= opts.mindepth) {
        const hit = await run(parsed.expr, path, name, st, depth, abs);
        if (hit && !parsed.hasAction) io.out(path + '\n');
      }
      const follow = depth === 0 && st.type === 'symlink' ? e.fs.stat(abs) : st;
      if (follow?.type !== 'dir' || pruned || depth >= opts.maxdepth) return;
      for (const child of e.fs.readdir(abs) ?? []) {
        const cabs = abs === '/' ? `/${child}` : `${abs}/${child}`;
        const cst = (e.fs.lstat ?? e.fs.stat).call(e.fs, cabs);
        if (cst) await visit(path.endsWith('/') ? path + child : `${path}/${child}`, cabs, cst, depth + 1);
      }
    };
    await visit(root, abs0, st0, 0);
  }
  for (const [x, paths] of batches) {
    if (x.k !== 'exec') continue;
    const at = x.cmd.indexOf('{}');
    const cmd = [...x.cmd.slice(0, at), ...paths, ...x.cmd.slice(at + 1)];
    if ((await execCmd(cmd, io, e)) !== 0) status = 1;
  }
  return status;
};

/** Runs a command for find/xargs; a command that cannot run is reported in busybox's words. */
export async function execCmd(cmd: string[], io: AppletIO, e: AppletEnv, stdin?: string): Promise<number> {
  const code = await e.exec(cmd, { out: io.out, err: io.err, ...(stdin !== undefined ? { stdin } : {}) });
  if (code === 127 && !cmd[0].includes('/') && !e.which(cmd[0])) io.err(`${cmd[0]}: No such file or directory\n`);
  return code;
}

export const FIND_APPLETS: Record<string, Applet> = { find };
