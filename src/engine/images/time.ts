/** Timestamps as Docker prints them in image configs (RFC 3339 with nanoseconds) from the injected clock's milliseconds. */
export function rfc3339(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString(); // 2026-11-23T09:00:00.123Z
  return iso.slice(0, 19) + '.' + iso.slice(20, 23) + '000000Z';
}

export function parseTime(s: string | undefined): number {
  if (!s) return 0;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : 0;
}
