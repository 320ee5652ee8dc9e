/**
 * Shell-like splitting of a typed command line: whitespace separates words, single quotes keep everything,
 * double quotes keep everything but allow \" and \\, a backslash outside quotes escapes the next character.
 * A leading "docker" is dropped by the caller (see `toDockerArgv`). Outside single quotes, `$NAME`, `${NAME}` and
 * `$(pwd)` become the values of `vars` (`PWD`: the workspace folder, for `-v "$(pwd)"/src:/app/src`); others stay.
 */
export type SplitResult = { ok: true; argv: string[] } | { ok: false; error: string };

/** The variable reference at `line[i]` ("$" included) and its value, when `vars` has it. */
function expansion(line: string, i: number, vars: Record<string, string>): { length: number; value: string } | null {
  const m = /^\$(?:\(pwd\)|\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(i));
  if (!m) return null;
  const name = m[1] ?? m[2] ?? 'PWD';
  return name in vars ? { length: m[0].length, value: vars[name] } : null;
}

export function splitArgs(line: string, vars: Record<string, string> = {}): SplitResult {
  const argv: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
      continue;
    }
    const x = c === '$' ? expansion(line, i, vars) : null;
    if (x) {
      cur += x.value;
      inWord = true;
      i += x.length - 1;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\' || line[i + 1] === '$')) cur += line[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) argv.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `unexpected EOF while looking for matching \`${quote}'` };
  if (inWord) argv.push(cur);
  return { ok: true, argv };
}

/** Drops a leading "docker" so both `docker ps` and `ps` work. */
export function toDockerArgv(argv: string[]): string[] {
  return argv[0] === 'docker' ? argv.slice(1) : argv;
}
