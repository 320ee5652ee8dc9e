/** Shell glob patterns (`*`, `?`, `[a-z]`, `[!x]`) for find -name/-path and other applets. */

export function globRegexOf(pattern: string, ignoreCase = false, slashes = true): RegExp {
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) src += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') src += slashes ? '.*' : '[^/]*';
    else if (c === '?') src += slashes ? '.' : '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        src += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else src += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  try {
    return new RegExp(src + '$', ignoreCase ? 'i' : '');
  } catch {
    return /(?!)/;
  }
}
