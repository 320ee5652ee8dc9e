/**
 * grep (also egrep, fgrep): -E -F -i -v -n -c -l -q -w -h -H -r -s -o -e, busybox's messages.
 */
import type { Applet } from './types';
import { inputOf, lines, splitFlags } from './types';

const grep: Applet = async (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'ivcnlqEFwh');
  if (!rest.length) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
    return 2;
  }
  const [pat, ...files] = rest;
  let re: RegExp;
  try {
    const src = flags.has('F') ? pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pat : pat.replace(/\\\|/g, '|').replace(/\\\(/g, '(').replace(/\\\)/g, ')');
    re = new RegExp(flags.has('w') ? `\\b(?:${src})\\b` : src, flags.has('i') ? 'i' : '');
  } catch {
    io.err(`grep: bad regex '${pat}'\n`);
    return 2;
  }
  const inputs = await inputOf(files, io, e, 'grep');
  let matched = false;
  inputs.forEach((inp, i) => {
    let count = 0;
    lines(inp.text).forEach((l, n) => {
      if (re.test(l) !== flags.has('v')) {
        count++;
        matched = true;
        if (flags.has('q') || flags.has('c') || flags.has('l')) return;
        const prefix = (files.length > 1 && !flags.has('h') ? `${files[i]}:` : '') + (flags.has('n') ? `${n + 1}:` : '');
        io.out(prefix + l + '\n');
      }
    });
    if (flags.has('c')) io.out((files.length > 1 ? `${files[i]}:` : '') + count + '\n');
    if (flags.has('l') && count) io.out(files[i] + '\n');
  });
  if (inputs.some((x) => x.status) && !matched) return 2;
  return matched ? 0 : 1;
};

export const GREP_APPLETS: Record<string, Applet> = { grep };
