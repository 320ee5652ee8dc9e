/**
 * grep (also egrep, fgrep): -E -F -i -v -n -c -l -L -q -s -w -x -o -h -H -r/-R -e PATTERN, busybox's messages and
 * statuses (0 a line matched, 1 none, 2 an error and no match).
 */
import type { Applet, AppletEnv, AppletIO } from './types';
import { lines, shortOptions } from './types';
import { decodeText, resolvePath, walk } from '../fs-helpers';
import { posixToJs } from './regex';

const USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n';

async function grepMain(argv: string[], io: AppletIO, e: AppletEnv, mode: '' | 'E' | 'F'): Promise<number> {
  const flags = new Set<string>(mode ? [mode] : []);
  const patterns: string[] = [];
  let max = Infinity;
  const parsed = shortOptions(argv.slice(1), 'emf');
  const operands = parsed.operands;
  for (const { letter: c, value } of parsed.options) {
    const v = value ?? '';
    if (c === 'e') patterns.push(v);
    else if (c === 'm') max = Number(v);
    else if (c === 'f') {
      const data = e.fs.readFile(resolvePath(e.cwd, v));
      if (!data) {
        io.err(`grep: ${v}: No such file or directory\n`);
        return 2;
      }
      patterns.push(...lines(decodeText(data)));
    } else if (!'ivcnlLqsEFwxohHrR'.includes(c)) {
      io.err(`grep: invalid option -- '${c}'\n${USAGE}`);
      return 2;
    } else flags.add(c);
  }
  if (!patterns.length) {
    if (!operands.length) {
      io.err(USAGE);
      return 2;
    }
    patterns.push(operands.shift()!);
  }
  const ere = flags.has('E');
  const src = patterns
    .flatMap((p) => p.split('\n'))
    .map((p) => (flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : posixToJs(p, ere)))
    .map((p) => (flags.has('x') ? `^(?:${p})$` : flags.has('w') ? `(?<![\\w])(?:${p})(?![\\w])` : p))
    .join('|');
  let re: RegExp;
  try {
    re = new RegExp(src, flags.has('i') ? 'gi' : 'g');
  } catch {
    io.err(`grep: bad regex '${patterns[0]}'\n`);
    return 2;
  }
  const recursive = flags.has('r') || flags.has('R');
  const targets: { name: string; path: string | null }[] = [];
  let error = false;
  for (const f of operands.length ? operands : recursive ? ['.'] : ['-']) {
    if (f === '-') {
      targets.push({ name: '(standard input)', path: null });
      continue;
    }
    const p = resolvePath(e.cwd, f);
    const st = e.fs.stat(p);
    if (st?.type === 'dir') {
      if (!recursive) {
        if (!flags.has('s')) io.err(`grep: ${f}: Is a directory\n`);
        continue;
      }
      for (const w of walk(e.fs, p)) {
        if (w.stat.type !== 'file') continue;
        const rel = w.path === p ? f : `${f.replace(/\/+$/, '')}${w.path.slice(p.length)}`;
        targets.push({ name: f === '.' ? rel.replace(/^\.\//, '') : rel, path: w.path });
      }
      continue;
    }
    targets.push({ name: f, path: p });
  }
  const many = targets.length > 1 || recursive;
  const showName = flags.has('H') || (many && !flags.has('h'));
  let matched = false;
  for (const t of targets) {
    let text: string;
    if (t.path === null) text = await io.readStdin();
    else {
      const data = e.fs.readFile(t.path);
      if (!data) {
        if (!flags.has('s')) io.err(`grep: ${t.name}: No such file or directory\n`);
        error = true;
        continue;
      }
      text = decodeText(data);
    }
    let count = 0;
    const all = lines(text);
    for (let n = 0; n < all.length && count < max; n++) {
      const l = all[n];
      re.lastIndex = 0;
      const hit = re.test(l);
      if (hit === flags.has('v')) continue;
      count++;
      matched = true;
      if (flags.has('q')) return 0;
      if (flags.has('c') || flags.has('l') || flags.has('L')) continue;
      const prefix = (showName ? `${t.name}:` : '') + (flags.has('n') ? `${n + 1}:` : '');
      if (flags.has('o') && !flags.has('v')) {
        re.lastIndex = 0;
        for (const m of l.matchAll(re)) if (m[0]) io.out(prefix + m[0] + '\n');
      } else io.out(prefix + l + '\n');
    }
    if (flags.has('c')) io.out((showName ? `${t.name}:` : '') + count + '\n');
    if (flags.has('l') && count) io.out(t.name + '\n');
    if (flags.has('L') && !count) io.out(t.name + '\n');
  }
  if (error && !(matched && flags.has('q'))) return matched ? 2 : 2;
  return matched ? 0 : 1;
}

export const GREP_APPLETS: Record<string, Applet> = {
  grep: (a, io, e) => grepMain(a, io, e, ''),
  egrep: (a, io, e) => grepMain(a, io, e, 'E'),
  fgrep: (a, io, e) => grepMain(a, io, e, 'F'),
};
