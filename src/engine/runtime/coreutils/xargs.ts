/**
 * xargs: runs a command (default echo) with words read from standard input; -n MAX words per command, -I REPLSTR
 * (one command per input line, REPLSTR replaced), -0, -d DELIM, -r (no run on empty input), -t (trace).
 * Exit status 123 when a command failed, 127 when it could not be found, like busybox.
 */
import type { Applet } from './types';
import { execCmd } from './find';

function words(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

const xargs: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  let max = Infinity;
  let repl: string | null = null;
  let delim: string | null = null;
  let noEmpty = false;
  let trace = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const m = /^-([nIdsLPE])(.*)$/.exec(a);
    if (m) {
      const v = m[2] || args[++i] || '';
      if (m[1] === 'n' || m[1] === 'L') max = Math.max(1, Number(v) || 1);
      else if (m[1] === 'I') repl = v;
      else if (m[1] === 'd') delim = v.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
      continue;
    }
    if (a === '-i') {
      repl = '{}';
      continue;
    }
    for (const c of a.slice(1)) {
      if (c === '0') delim = '\0';
      else if (c === 'r') noEmpty = true;
      else if (c === 't') trace = true;
      else if (c !== 'x' && c !== 'p') {
        io.err(`xargs: invalid option -- '${c}'\n`);
        return 1;
      }
    }
  }
  const cmd = args.slice(i);
  if (!cmd.length) cmd.push('echo');
  const input = await io.readStdin();
  let status = 0;
  const run = async (argvList: string[]) => {
    if (trace) io.err(argvList.join(' ') + '\n');
    const code = await execCmd(argvList, io, e, '');
    if (code === 127 || code === 126) return code;
    if (code === 255) return 124;
    if (code !== 0) status = 123;
    return 0;
  };
  if (repl !== null) {
    for (const line of input.split(delim ?? '\n')) {
      const item = delim === null ? line.replace(/^\s+/, '') : line;
      if (!item) continue;
      const r = await run(cmd.map((w) => w.split(repl!).join(item)));
      if (r) return r;
    }
    return status;
  }
  const items = delim !== null ? input.split(delim).filter((x, k, all) => x !== '' || k < all.length - 1) : words(input);
  if (!items.length) {
    if (noEmpty) return 0;
    const r = await run(cmd);
    return r || status;
  }
  for (let k = 0; k < items.length; k += max === Infinity ? items.length : max) {
    const r = await run([...cmd, ...items.slice(k, k + (max === Infinity ? items.length : max))]);
    if (r) return r;
  }
  return status;
};

export const XARGS_APPLETS: Record<string, Applet> = { xargs };
