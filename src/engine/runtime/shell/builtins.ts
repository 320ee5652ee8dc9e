/**
 * The builtins of busybox ash: special builtins (`:`, `.`, `break`, `continue`, `eval`, `exec`, `exit`, `export`,
 * `readonly`, `return`, `set`, `shift`, `trap`, `unset`, `local`) and regular ones (`cd`, `pwd`, `echo`, `printf`,
 * `test`/`[`, `read`, `getopts`, `command`, `type`, `wait`, `umask`, `true`, `false`, `kill`...). Errors use ash's
 * words; those ash treats as fatal end a non-interactive shell with status 2.
 */
import { decodeText, resolvePath } from '../fs-helpers';
import { echoBuiltin, printfBuiltin } from './format';
import { afterWriteFailure } from './write-failure';
import { testBuiltin } from './test-builtin';
import { ExitShell, FatalError, LoopSignal, ReturnSignal, shellQuote, type Interp, type IO } from './interp';

export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set(['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'unset', 'local']);
export const BUILTINS: ReadonlySet<string> = new Set(['[', 'alias', 'bg', 'cd', 'chdir', 'command', 'echo', 'false', 'fg', 'getopts', 'hash', 'history', 'jobs', 'kill', 'printf', 'pwd', 'read', 'test', 'true', 'type', 'ulimit', 'umask', 'unalias', 'wait']);

const SIGNALS: Record<string, string> = { '0': 'EXIT', '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '15': 'TERM', '10': 'USR1', '12': 'USR2' };

function signalName(s: string): string | null {
  const u = s.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS[u]) return SIGNALS[u];
  return Object.values(SIGNALS).includes(u) ? u : null;
}

function count(sh: Interp, builtin: string, a: string | undefined, def: number): number {
  if (a === undefined) return def;
  if (!/^\d+$/.test(a)) throw new FatalError(sh.builtinMsg(builtin, `Illegal number: ${a}`));
  return Number(a);
}

/** Splits a line read by `read` into the names (IFS rules; the last name takes the rest). */
function assignRead(sh: Interp, names: string[], text: string): void {
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWs = (c: string) => ws.includes(c);
  let i = 0;
  const skipWs = () => {
    while (i < text.length && isWs(text[i])) i++;
  };
  skipWs();
  names.forEach((n, k) => {
    if (k === names.length - 1) {
      let rest = text.slice(i);
      while (rest && isWs(rest[rest.length - 1])) rest = rest.slice(0, -1);
      sh.setVar(n, rest);
      return;
    }
    let v = '';
    while (i < text.length && !ifs.includes(text[i])) v += text[i++];
    skipWs();
    if (i < text.length && ifs.includes(text[i]) && !isWs(text[i])) {
      i++;
      skipWs();
    }
    sh.setVar(n, v);
  });
}

async function read(sh: Interp, args: string[], io: IO): Promise<number> {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-r') raw = true;
    else if (a === '-p') io.err(args[++i] ?? '');
    else if (a === '-t' || a === '-n' || a === '-u' || a === '-d') i++;
    else if (/^-[rs]+$/.test(a)) raw ||= a.includes('r');
    else names.push(a);
  }
  let text = '';
  let eof = false;
  for (;;) {
    let line: string;
    if (io.stdin !== null) {
      const rest = io.stdin.rest;
      if (rest === '') {
        eof = true;
        break;
      }
      const nl = rest.indexOf('\n');
      line = nl >= 0 ? rest.slice(0, nl) : rest;
      io.stdin.rest = nl >= 0 ? rest.slice(nl + 1) : '';
      if (nl < 0) eof = true;
    } else {
      const r = await sh.host.readLine();
      if (r === null) {
        eof = true;
        break;
      }
      line = r.text;
      eof = r.eof;
    }
    if (raw) {
      text += line;
      break;
    }
    // Without -r a backslash escapes the next character, and one at the end of the line continues it.
    let cont = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') {
        if (i + 1 >= line.length) cont = true;
        else text += '\u0001' + line[++i];
      } else text += line[i];
    }
    if (!cont || eof) break;
  }
  // Escaped characters never split: mark them, split, then drop the marks.
  const parts = names.length ? names : ['REPLY'];
  if (raw) assignRead(sh, parts, text);
  else {
    assignRead(sh, parts, text.replace(/\u0001([\s\S])/g, (_m, c: string) => (' \t\n'.includes(c) || (sh.getVar('IFS') ?? '').includes(c) ? `\u0002${c.charCodeAt(0)}\u0003` : c)));
    for (const n of parts) sh.vars.set(n, (sh.vars.get(n) ?? '').replace(/\u0002(\d+)\u0003/g, (_m, c: string) => String.fromCharCode(Number(c))));
  }
  return eof ? 1 : 0;
}

function getopts(sh: Interp, args: string[], io: IO): number {
  if (args.length < 2) throw new FatalError(sh.builtinMsg('getopts', 'usage: getopts optstring var [arg]'));
  const [spec, name, ...given] = args;
  const argv = given.length ? given : sh.positional;
  let ind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  const silent = spec.startsWith(':');
  const done = () => {
    sh.vars.set(name, '?');
    sh.vars.set('OPTIND', String(ind));
    sh.optOffset = 0;
    return 1;
  };
  const arg = argv[ind - 1];
  if (sh.optOffset === 0) {
    if (arg === undefined || !arg.startsWith('-') || arg === '-') return done();
    if (arg === '--') {
      ind++;
      return done();
    }
    sh.optOffset = 1;
  }
  const c = arg[sh.optOffset];
  sh.optOffset++;
  const advance = () => {
    if (sh.optOffset >= arg.length) {
      ind++;
      sh.optOffset = 0;
    }
  };
  const k = spec.indexOf(c);
  if (k < 0 || c === ':') {
    advance();
    if (silent) sh.vars.set('OPTARG', c);
    else {
      io.err(`Illegal option -${c}\n`);
      sh.vars.delete('OPTARG');
    }
    sh.vars.set(name, '?');
  } else if (spec[k + 1] === ':') {
    const inline = sh.optOffset < arg.length;
    const optarg = inline ? arg.slice(sh.optOffset) : argv[ind];
    ind += inline || optarg === undefined ? 1 : 2;
    sh.optOffset = 0;
    if (optarg === undefined) {
      if (silent) {
        sh.vars.set('OPTARG', c);
        sh.vars.set(name, ':');
      } else {
        io.err(`No arg for -${c} option\n`);
        sh.vars.delete('OPTARG');
        sh.vars.set(name, '?');
      }
    } else {
      sh.vars.set('OPTARG', optarg);
      sh.vars.set(name, c);
    }
  } else {
    advance();
    sh.vars.delete('OPTARG');
    sh.vars.set(name, c);
  }
  sh.vars.set('OPTIND', String(ind));
  return 0;
}

function setOptions(sh: Interp, args: string[], io: IO): number {
  if (!args.length) {
    for (const [k, v] of [...sh.vars.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`${k}=${shellQuote(v).startsWith("'") ? shellQuote(v) : `'${v}'`}\n`);
    return 0;
  }
  const names: Record<string, keyof Interp['opts']> = { errexit: 'e', xtrace: 'x', nounset: 'u', noglob: 'f' };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      sh.positional = args.slice(i);
      return 0;
    }
    if (!/^[-+]/.test(a) || a === '-' || a === '+') break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const n = names[args[++i] ?? ''];
      if (n) sh.opts[n] = on;
      continue;
    }
    for (const f of a.slice(1)) {
      if (!(f in sh.opts)) throw new FatalError(sh.builtinMsg('set', `illegal option ${a[0]}${f}`));
      sh.opts[f as keyof Interp['opts']] = on;
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
}

function describe(sh: Interp, n: string): { kind: 'builtin' | 'special' | 'function' | 'file'; path?: string } | null {
  if (SPECIAL_BUILTINS.has(n)) return { kind: 'special' };
  if (sh.functions.has(n)) return { kind: 'function' };
  if (BUILTINS.has(n)) return { kind: 'builtin' };
  const p = n.includes('/') ? (sh.ctx.fs.stat(resolvePath(sh.cwd, n)) ? n : null) : sh.which(n);
  return p ? { kind: 'file', path: p } : null;
}

/** Runs builtin argv[0] with its (already redirected) IO. */
export async function runBuiltin(sh: Interp, argv: string[], io: IO): Promise<number> {
  const [name, ...args] = argv;
  const prefix = sh.name;
  switch (name) {
    case ':':
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'echo': {
      // A write that failed (> /dev/full) is echo's error, reported as the shell's.
      const st = echoBuiltin(args, io, sh.host.flavour() === 'dash');
      const e = io.outError?.();
      return e ? afterWriteFailure('echo', st, e, io.err, sh.msg('').slice(0, -1)) : st;
    }
    case 'printf': {
      const st = printfBuiltin(args, io, prefix);
      const e = io.outError?.();
      return e ? afterWriteFailure('printf', st, e, io.err) : st;
    }
    case 'test':
    case '[':
      return testBuiltin(name, args, { fs: sh.ctx.fs, cwd: sh.cwd }, io.err, prefix);
    case 'pwd': {
      io.out(sh.cwd + '\n');
      const e = io.outError?.();
      return e ? afterWriteFailure('pwd', 0, e, io.err) : 0;
    }
    case 'cd':
    case 'chdir': {
      const target = args[0] === undefined ? sh.vars.get('HOME') ?? '/' : args[0] === '-' ? sh.vars.get('OLDPWD') ?? sh.cwd : args[0];
      const p = resolvePath(sh.cwd, target);
      const st = sh.ctx.fs.stat(p);
      if (!st || st.type !== 'dir') {
        const why = st ? 'Not a directory' : 'No such file or directory';
        const flavour = sh.host.flavour();
        io.err(sh.builtinMsg('cd', flavour === 'bash' ? `${target}: ${why}` : `can't cd to ${target}${flavour === 'dash' ? '' : `: ${why}`}`));
        return flavour === 'bash' ? 1 : 2;
      }
      sh.vars.set('OLDPWD', sh.cwd);
      sh.cwd = p;
      sh.vars.set('PWD', p);
      if (args[0] === '-') io.out(p + '\n');
      return 0;
    }
    case 'export':
    case 'readonly': {
      const set = name === 'export' ? sh.exported : sh.readonly;
      const list = args.filter((a) => a !== '-p');
      if (!list.length) {
        for (const k of [...set].sort()) {
          const v = sh.vars.get(k);
          io.out(v === undefined ? `${name} ${k}\n` : `${name} ${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
        }
        return 0;
      }
      for (const a of list) {
        const eq = a.indexOf('=');
        const k = eq >= 0 ? a.slice(0, eq) : a;
        if (eq >= 0) sh.setVar(k, a.slice(eq + 1));
        set.add(k);
      }
      return 0;
    }
    case 'local': {
      const frame = sh.locals[sh.locals.length - 1];
      if (!sh.funcDepth || !frame) throw new FatalError(sh.builtinMsg('local', 'not in a function'));
      for (const a of args) {
        const eq = a.indexOf('=');
        const k = eq >= 0 ? a.slice(0, eq) : a;
        if (!frame.has(k)) frame.set(k, sh.vars.get(k));
        if (eq >= 0) sh.setVar(k, a.slice(eq + 1));
        else sh.vars.delete(k);
      }
      return 0;
    }
    case 'unset': {
      const fn = args[0] === '-f';
      for (const a of args.filter((x) => !x.startsWith('-'))) {
        if (fn) sh.functions.delete(a);
        else {
          if (sh.readonly.has(a)) throw new FatalError(sh.builtinMsg('unset', `${a}: is read only`));
          sh.unsetVar(a);
        }
      }
      return 0;
    }
    case 'exit': {
      if (args[0] !== undefined && !/^\d+$/.test(args[0])) throw new FatalError(sh.builtinMsg('exit', `Illegal number: ${args[0]}`));
      // A number too big for an int: ash's conversion gives 0.
      throw new ExitShell(args[0] === undefined ? sh.status : Number(args[0]) > 2147483647 ? 0 : Number(args[0]) & 255);
    }
    case 'return':
      throw new ReturnSignal(args[0] === undefined ? sh.status : count(sh, 'return', args[0], 0) & 255);
    case 'break':
    case 'continue': {
      const n = count(sh, name, args[0], 1);
      if (n === 0) throw new FatalError(sh.builtinMsg(name, 'Illegal number: 0'));
      if (!sh.loopDepth) return 0;
      throw new LoopSignal(name, Math.min(n, sh.loopDepth));
    }
    case 'set':
      return setOptions(sh, args, io);
    case 'shift': {
      const n = count(sh, 'shift', args[0], 1);
      if (n > sh.positional.length) return 1;
      sh.positional = sh.positional.slice(n);
      return 0;
    }
    case 'source':
    case '.': {
      if (!args[0]) throw new FatalError(sh.builtinMsg(name, 'need a file'));
      const path = args[0].includes('/') ? args[0] : sh.which(args[0]) ?? args[0];
      const data = sh.ctx.fs.readFile(resolvePath(sh.cwd, path));
      if (!data) throw new FatalError(sh.builtinMsg(name, `can't open '${args[0]}': No such file or directory`));
      const saved = sh.positional;
      if (args.length > 1) sh.positional = args.slice(1);
      try {
        return await sh.runSource(decodeText(data), io);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        if (args.length > 1) sh.positional = saved;
      }
    }
    case 'eval':
      return args.length ? sh.runSource(args.join(' '), io, 'eval') : 0;
    case 'exec': {
      const code = await sh.runArgv(args, [], io, false);
      throw new ExitShell(code);
    }
    case 'read':
      return read(sh, args, io);
    case 'getopts':
      return getopts(sh, args, io);
    case 'trap': {
      if (!args.length) {
        for (const [sig, cmd] of sh.traps) io.out(`trap -- ${shellQuote(cmd).startsWith("'") ? shellQuote(cmd) : `'${cmd}'`} ${sig}\n`);
        return 0;
      }
      const [action, ...sigs] = args.length === 1 ? ['-', ...args] : args;
      for (const s of sigs) {
        const sig = signalName(s);
        if (!sig) {
          io.err(sh.builtinMsg('trap', `${s}: invalid signal specification`));
          return 1;
        }
        if (action === '-') sh.traps.delete(sig);
        else sh.traps.set(sig, action);
      }
      return 0;
    }
    case 'wait': {
      const jobs = sh.jobs;
      sh.jobs = [];
      let st = 0;
      for (const j of jobs) st = await j;
      return args.length ? st : 0;
    }
    case 'command': {
      const flags = args.filter((a, i) => a.startsWith('-') && args.slice(0, i).every((b) => b.startsWith('-')));
      const names = args.slice(flags.length);
      if (!flags.some((f) => f === '-v' || f === '-V')) return names.length ? sh.runArgv(names, [], io, false) : 0;
      const verbose = flags.includes('-V');
      let st = 0;
      for (const n of names) {
        const d = describe(sh, n);
        if (!d) {
          if (verbose) io.err(`${n}: not found\n`);
          st = 127;
        } else if (verbose) io.out(typeLine(n, d));
        else io.out(`${d.kind === 'file' ? d.path : n}\n`);
      }
      return st;
    }
    case 'type': {
      let st = 0;
      for (const n of args) {
        const d = describe(sh, n);
        if (!d) {
          io.out(`${n}: not found\n`);
          st = 127;
        } else io.out(typeLine(n, d));
      }
      return st;
    }
    case 'umask':
      if (args[0] && /^[0-7]+$/.test(args[0])) sh.umask = parseInt(args[0], 8);
      else io.out(sh.umask.toString(8).padStart(4, '0') + '\n');
      return 0;
    case 'kill':
      io.err(sh.builtinMsg('kill', 'job control is not available in this sandbox'));
      return 1;
    default:
      return 0;
  }
}

function typeLine(n: string, d: { kind: string; path?: string }): string {
  if (d.kind === 'special') return `${n} is a special shell builtin\n`;
  if (d.kind === 'builtin') return `${n} is a shell builtin\n`;
  if (d.kind === 'function') return `${n} is a function\n`;
  return `${n} is ${d.path}\n`;
}
