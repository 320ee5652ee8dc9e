/**
 * Addresses in the preview: every page lives at http://localhost:<published port><path>. The address bar accepts
 * what a learner types ("localhost:3000/goals", "http://127.0.0.1:3000", ":3000", "3000/x") and the frame's
 * requests carry absolute URLs, both reduced here to a port and a path with query.
 */

export interface PreviewLocation {
  port: number;
  /** Path with query, always starting with "/". */
  path: string;
}

/** The origin a published port is shown under. */
export function originOf(port: number): string {
  return `http://localhost:${port}`;
}

export function hrefOf(loc: PreviewLocation): string {
  return originOf(loc.port) + loc.path;
}

/** What the address bar shows: host, port, path and query, no scheme. */
export function displayOf(loc: PreviewLocation): string {
  return `localhost:${loc.port}${loc.path}`;
}

/** Parses what was typed into the address bar, or null when it names no local port. */
export function parseAddress(input: string): PreviewLocation | null {
  const m = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)?:?(\d{1,5})(\/[^#\s]*)?(?:#.*)?$/i.exec(input.trim());
  if (!m) return null;
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return null;
  return { port, path: m[2] ?? '/' };
}

/**
 * Resolves a URL the page asked for (relative or absolute) against the page's own URL. Returns the path when it
 * stays on the previewed origin, or `{ other }` with the origin it points elsewhere to (Layerlab has no network).
 */
export function resolveOnOrigin(url: string, base: PreviewLocation): { path: string } | { other: string } {
  let u: URL;
  try {
    u = new URL(url, hrefOf(base));
  } catch {
    return { other: url };
  }
  if (u.protocol !== 'http:' || u.port !== String(base.port) || (u.hostname !== 'localhost' && u.hostname !== '127.0.0.1')) {
    return { other: u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : u.protocol };
  }
  return { path: (u.pathname || '/') + u.search };
}
