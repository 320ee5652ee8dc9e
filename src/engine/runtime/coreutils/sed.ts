/**
 * sed: -n, -e (several), -E/-r, -i[SUFFIX], -s; addresses (N, $, /re/ with I, first,last, `!`); commands s (flags g,
 * N, p, I/i, and any delimiter), d, p, q, =, y, a, i, c, n, {...}; busybox's messages.
 */
import type { Applet } from './types';
import { resolvePath, decodeText, encodeText } from '../fs-helpers';
import { compilePosix } from './regex';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  /** s: regex, replacement, flags; y: from/to; a/i/c: text; {: the block. */
  re?: RegExp;
  global?: boolean;
  nth?: number;
  print?: boolean;
  replacement?: string;
  from?: string;
  to?: string;
  text?: string;
  block?: Cmd[];
  /** Range state: inside since this line. */
  active?: boolean;
}

class SedError {
  constructor(readonly message: string) {}
}

class Parser {
  i = 0;
  constructor(
    private src: string,
    private ere: boolean,
  ) {}

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private skipSpace(): void {
    while (/[ \t]/.test(this.peek())) this.i++;
  }

  /** Text up to the unescaped delimiter; `\delim` becomes delim, `\n` a newline. */
  private delimited(delim: string, forRegex: boolean): string {
    let out = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === '\\' && this.i < this.src.length) {
        const d = this.src[this.i++];
        if (d === delim) out += forRegex && /[.*[\]^$/]/.test(d) && d !== '/' ? '\\' + d : d;
        else if (d === 'n' && !forRegex) out += '\n';
        else out += '\\' + d;
        continue;
      }
      if (c === delim) return out;
      if (c === '\n' && !forRegex) throw new SedError(`unterminated \`s' command`);
      out += c;
    }
    throw new SedError(forRegex ? 'unterminated address regex' : `unterminated \`s' command`);
  }

  private regex(src: string, flags: string): RegExp {
    const re = compilePosix(src, this.ere, flags);
    if (!re) throw new SedError(`bad regex '${src}'`);
    return re;
  }

  private address(): Addr | undefined {
    const c = this.peek();
    if (/\d/.test(c)) {
      const m = /^\d+/.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      this.i++;
      const delim = c === '/' ? '/' : this.src[this.i++];
      const body = this.delimited(delim, true);
      let flags = '';
      if (this.peek() === 'I') {
        this.i++;
        flags = 'i';
      }
      return { kind: 're', re: this.regex(body, flags) };
    }
    return undefined;
  }

  /** a/i/c text: `a\` newline text, `a\text` or `a text`, up to the end of the line. */
  private text(): string {
    this.skipSpace();
    if (this.peek() === '\\') {
      this.i++;
      if (this.peek() === '\n') this.i++;
    }
    let out = '';
    while (this.i < this.src.length && this.src[this.i] !== '\n') {
      const c = this.src[this.i++];
      if (c === '\\' && this.i < this.src.length) out += this.src[this.i++];
      else out += c;
    }
    return out;
  }

  parse(endOnBrace = false): Cmd[] {
    const cmds: Cmd[] = [];
    for (;;) {
      while (/[\s;]/.test(this.peek()) && this.i < this.src.length) this.i++;
      if (this.i >= this.src.length) {
        if (endOnBrace) throw new SedError('unmatched {');
        return cmds;
      }
      if (this.peek() === '}') {
        if (!endOnBrace) throw new SedError('unexpected }');
        this.i++;
        return cmds;
      }
      const cmd: Cmd = { negate: false, name: '' };
      cmd.a1 = this.address();
      if (cmd.a1 && this.peek() === ',') {
        this.i++;
        cmd.a2 = this.address();
        if (!cmd.a2) throw new SedError('unexpected ,');
      }
      this.skipSpace();
      while (this.peek() === '!') {
        cmd.negate = true;
        this.i++;
        this.skipSpace();
      }
      const name = this.src[this.i++] ?? '';
      cmd.name = name;
      switch (name) {
        case 's': {
          const delim = this.src[this.i++];
          if (!delim || delim === '\n' || delim === '\\') throw new SedError(`unterminated \`s' command`);
          const re = this.delimited(delim, true);
          cmd.replacement = this.delimited(delim, false);
          let flags = '';
          for (;;) {
            const f = this.peek();
            if (f === 'g') cmd.global = true;
            else if (f === 'p') cmd.print = true;
            else if (f === 'I' || f === 'i') flags += 'i';
            else if (/\d/.test(f)) {
              const m = /^\d+/.exec(this.src.slice(this.i))!;
              cmd.nth = Number(m[0]);
              this.i += m[0].length - 1;
            } else break;
            this.i++;
          }
          cmd.re = this.regex(re, flags);
          break;
        }
        case 'y': {
          const delim = this.src[this.i++];
          cmd.from = this.delimited(delim, false);
          cmd.to = this.delimited(delim, false);
          if ([...cmd.from].length !== [...cmd.to].length) throw new SedError("strings for 'y' command are different lengths");
          break;
        }
        case 'a':
        case 'i':
        case 'c':
          cmd.text = this.text();
          break;
        case '{':
          cmd.block = this.parse(true);
          break;
        case 'd':
        case 'p':
        case 'q':
        case '=':
        case 'n':
        case 'N':
        case 'P':
        case 'D':
        case 'h':
        case 'H':
        case 'g':
        case 'G':
        case 'x':
          break;
        case '':
          throw new SedError('missing command');
        default:
          throw new SedError(`unsupported command ${name}`);
      }
      cmds.push(cmd);
    }
  }
}

/** Expands a replacement: `&`, `\1`..`\9`, `\n`; other escapes stand for the character. */
function expand(replacement: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < replacement.length) {
      const d = replacement[++i];
      if (/[0-9]/.test(d)) out += m[Number(d)] ?? '';
      else if (d === 'n') out += '\n';
      else if (d === 't') out += '\t';
      else out += d;
    } else out += c;
  }
  return out;
}

function substitute(line: string, cmd: Cmd): { text: string; done: boolean } {
  const re = new RegExp(cmd.re!.source, cmd.re!.flags.replace('g', '') + 'g');
  let out = '';
  let last = 0;
  let count = 0;
  let done = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    count++;
    const want = cmd.nth ? count === cmd.nth || (cmd.global && count > cmd.nth) : true;
    if (want) {
      out += line.slice(last, m.index) + expand(cmd.replacement!, m);
      last = m.index + m[0].length;
      done = true;
      if (!cmd.global) break;
    }
    if (m[0] === '') re.lastIndex++;
  }
  return { text: done ? out + line.slice(last) : line, done };
}

interface State {
  lineNo: number;
  isLast: boolean;
  quiet: boolean;
  out: string;
  hold: string;
  quit: boolean;
  /** Text queued by `a`, printed after the line. */
  append: string;
}

function matches(a: Addr, line: string, st: State): boolean {
  if (a.kind === 'line') return st.lineNo === a.n;
  if (a.kind === 'last') return st.isLast;
  return a.re.test(line);
}

function selected(cmd: Cmd, line: string, st: State): boolean {
  let hit: boolean;
  if (!cmd.a1) hit = true;
  else if (!cmd.a2) hit = matches(cmd.a1, line, st);
  else if (cmd.active) {
    hit = true;
    const end = cmd.a2.kind === 'line' ? st.lineNo >= cmd.a2.n : matches(cmd.a2, line, st);
    if (end) cmd.active = false;
  } else if (matches(cmd.a1, line, st)) {
    hit = true;
    // A line-number end at or before the start ends the range at once.
    cmd.active = !(cmd.a2.kind === 'line' ? cmd.a2.n <= st.lineNo : cmd.a2.kind === 'last' && st.isLast);
  } else hit = false;
  return hit !== cmd.negate;
}

/** Runs the commands on one pattern space; returns the pattern space, or null when deleted. */
function run(cmds: Cmd[], space: string, st: State, next: () => string | null): string | null {
  for (const cmd of cmds) {
    if (!selected(cmd, space, st)) continue;
    switch (cmd.name) {
      case 's': {
        const r = substitute(space, cmd);
        space = r.text;
        if (r.done && cmd.print) st.out += space + '\n';
        break;
      }
      case 'y': {
        const from = [...cmd.from!];
        const to = [...cmd.to!];
        space = [...space].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join('');
        break;
      }
      case 'd':
        return null;
      case 'D': {
        const nl = space.indexOf('\n');
        if (nl < 0) return null;
        return run(cmds, space.slice(nl + 1), st, next);
      }
      case 'p':
        st.out += space + '\n';
        break;
      case 'P':
        st.out += space.split('\n')[0] + '\n';
        break;
      case '=':
        st.out += `${st.lineNo}\n`;
        break;
      case 'q':
        st.quit = true;
        return space;
      case 'a':
        st.append += cmd.text + '\n';
        break;
      case 'i':
        st.out += cmd.text + '\n';
        break;
      case 'c':
        st.out += cmd.text + '\n';
        return null;
      case 'n': {
        if (!st.quiet) st.out += space + '\n';
        const n = next();
        if (n === null) {
          st.quit = true;
          return null;
        }
        space = n;
        break;
      }
      case 'N': {
        const n = next();
        if (n === null) {
          st.quit = true;
          return space;
        }
        space += '\n' + n;
        break;
      }
      case 'h':
        st.hold = space;
        break;
      case 'H':
        st.hold += '\n' + space;
        break;
      case 'g':
        space = st.hold;
        break;
      case 'G':
        space += '\n' + st.hold;
        break;
      case 'x':
        [space, st.hold] = [st.hold, space];
        break;
      case '{': {
        const r = run(cmd.block!, space, st, next);
        if (r === null) return null;
        space = r;
        if (st.quit) return space;
        break;
      }
    }
  }
  return space;
}

function edit(cmds: Cmd[], text: string, quiet: boolean, st: State): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) lines.pop();
  st.out = '';
  let i = 0;
  const next = (): string | null => {
    if (i >= lines.length) return null;
    st.lineNo++;
    st.isLast = i === lines.length - 1;
    return lines[i++];
  };
  while (!st.quit) {
    const line = next();
    if (line === null) break;
    st.append = '';
    const r = run(cmds, line, st, next);
    if (r !== null && !quiet) st.out += r + '\n';
    st.out += st.append;
  }
  if (!trailingNewline && st.out.endsWith('\n') && text !== '') st.out = st.out.slice(0, -1);
  return st.out;
}

const sed: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let ere = false;
  let inPlace: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a === '-e' || a === '--expression') {
      scripts.push(args[++i] ?? '');
      continue;
    }
    if (a.startsWith('--expression=')) {
      scripts.push(a.slice(13));
      continue;
    }
    if (a.startsWith('-i') || a.startsWith('--in-place')) {
      inPlace = a.startsWith('-i') ? a.slice(2) : a.includes('=') ? a.slice(a.indexOf('=') + 1) : '';
      continue;
    }
    if (a === '-f') {
      const data = e.fs.readFile(resolvePath(e.cwd, args[++i] ?? ''));
      if (!data) {
        io.err(`sed: can't open '${args[i]}': No such file or directory\n`);
        return 1;
      }
      scripts.push(decodeText(data));
      continue;
    }
    if (/^-[nErs]+$/.test(a)) {
      if (a.includes('n')) quiet = true;
      if (a.includes('E') || a.includes('r')) ere = true;
      continue;
    }
    if (a === '--quiet' || a === '--silent') {
      quiet = true;
      continue;
    }
    if (a === '--regexp-extended') {
      ere = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      io.err(`sed: invalid option -- '${a[1]}'\n`);
      return 1;
    }
    files.push(a);
  }
  if (!scripts.length) {
    if (!files.length) {
      io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n');
      return 1;
    }
    scripts.push(files.shift()!);
  }
  let cmds: Cmd[];
  try {
    cmds = new Parser(scripts.join('\n'), ere).parse();
  } catch (err) {
    if (err instanceof SedError) {
      io.err(`sed: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const st: State = { lineNo: 0, isLast: false, quiet, out: '', hold: '', quit: false, append: '' };
  let status = 0;
  if (inPlace !== null) {
    if (!files.length) {
      io.err('sed: no input files\n');
      return 1;
    }
    for (const f of files) {
      const p = resolvePath(e.cwd, f);
      const data = e.fs.readFile(p);
      if (!data) {
        io.err(`sed: can't open '${f}': No such file or directory\n`);
        status = 1;
        continue;
      }
      st.lineNo = 0;
      st.quit = false;
      for (const c of cmds) c.active = false;
      const out = edit(cmds, decodeText(data), quiet, st);
      if (inPlace) e.fs.writeFile(p + inPlace, data, e.fs.stat(p)?.mode);
      e.fs.writeFile(p, encodeText(out), e.fs.stat(p)?.mode);
    }
    return status;
  }
  // Without -i (and -s) the inputs are one stream: line numbers and `$` run across files.
  let text = '';
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      text += await io.readStdin();
      continue;
    }
    const data = e.fs.readFile(resolvePath(e.cwd, f));
    if (!data) {
      io.err(`sed: ${f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const t = decodeText(data);
    text += text && !text.endsWith('\n') ? '\n' + t : t;
  }
  io.out(edit(cmds, text, quiet, st));
  return status;
};

export const SED_APPLETS: Record<string, Applet> = { sed };
