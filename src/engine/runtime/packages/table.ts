/**
 * Lookup tables keyed by user input (command names, package names). A plain object literal inherits
 * Object.prototype, so `valueOf`, `constructor` or `__proto__` typed as a command would find a function that
 * is not a program; these tables have no prototype, so only their own entries are found.
 */
export function table<T>(entries: Record<string, T>): Record<string, T | undefined> {
  return Object.assign(Object.create(null) as Record<string, T | undefined>, entries);
}
