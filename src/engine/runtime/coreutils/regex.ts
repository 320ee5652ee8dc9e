/**
 * POSIX regular expressions (basic for grep and sed, extended with -E) as JavaScript RegExp sources.
 * BRE: `\(\)`, `\{\}`, `\|`, `\+`, `\?` are operators and their unescaped forms literal; bracket expressions take
 * `[:class:]` and a literal backslash.
 */

const CLASS_SRC: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
};

/** Copies a bracket expression starting at `re[i] === '['`; returns the JS source and the index after `]`. */
function bracket(re: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (re[j] === '^') {
    out += '^';
    j++;
  }
  if (re[j] === ']') {
    out += '\\]';
    j++;
  }
  while (j < re.length && re[j] !== ']') {
    const cls = /^\[:([a-z]+):\]/.exec(re.slice(j));
    if (cls) {
      out += CLASS_SRC[cls[1]] ?? '';
      j += cls[0].length;
      continue;
    }
    const c = re[j];
    out += c === '\\' || c === '[' ? '\\' + c : c;
    j++;
  }
  if (j >= re.length) return ['\\[', i + 1];
  return [out + ']', j + 1];
}

/** A POSIX regex (basic, or extended when `ere`) as a JavaScript RegExp source. */
export function posixToJs(re: string, ere: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const d = re[++i];
      if (!ere && '(){}|+?'.includes(d)) out += d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else if (/[1-9]/.test(d)) out += '\\' + d;
      else if (d === '<' || d === '>') out += '\\b';
      else if (/[A-Za-z0-9]/.test(d) && !/[wWsSbB]/.test(d)) out += d;
      else out += '\\' + d;
      continue;
    }
    if (c === '[') {
      const [src, next] = bracket(re, i);
      out += src;
      i = next - 1;
      continue;
    }
    if (!ere && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|')) && !ere) {
      out += '\\*';
      continue;
    }
    if (ere && c === '{' && !/^\{\d*(,\d*)?\}/.test(re.slice(i))) {
      out += '\\{';
      continue;
    }
    out += c;
  }
  return out;
}

/** Compiles a POSIX regex, or null when JavaScript cannot take it. */
export function compilePosix(re: string, ere: boolean, flags = ''): RegExp | null {
  try {
    return new RegExp(posixToJs(re, ere), flags);
  } catch {
    return null;
  }
}
