/**
 * Shell-like splitting of a typed command line: whitespace separates words, single quotes keep everything,
 * double quotes keep everything but allow \" and \\, a backslash outside quotes escapes the next character.
 * A leading "docker" is dropped by the caller (see `toDockerArgv`).
 */
export type SplitResult = { ok: true; argv: string[] } | { ok: false; error: string };

export function splitArgs(line: string): SplitResult {
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
