/**
 * Go's path.Clean for slash-separated paths: removes `.` and empty elements, resolves `..` lexically (`..` at the
 * root stays at the root), and returns "." for an empty relative result.
 */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const j = out.join('/');
  return rooted ? '/' + j : j || '.';
}
