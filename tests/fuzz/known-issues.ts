/**
 * Crashes the fuzz suites found that are not fixed yet. A suite that meets one of these counts it (and prints
 * it) instead of failing, so it keeps hunting for new crashes; any crash not listed here fails the suite.
 * Remove an entry once its crash is fixed: the suite then guards the fix.
 */
export interface KnownIssue {
  /** Short id used in reports. */
  id: string;
  /** The part of the code that crashes ("build", "containers", ...). */
  area: string;
  /** A smallest input that shows it. */
  example: string;
  /** Part of the thrown error's message. */
  message: string;
  /** The first function names on the thrown error's stack, innermost first ("*": any). */
  frames: string[];
  /** Optionally, text that must appear in the first six stack lines (a file name such as "packages.ts"). */
  stackIncludes?: string;
}

export const KNOWN_ISSUES: KnownIssue[] = [
];

function frameNames(e: unknown): string[] {
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  return stack
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(' ')[1] ?? '');
}

/** The known issue this thrown value is, or null for a new crash. */
/** Names of Object.prototype members: used as keys of plain-object tables they find inherited functions. */
export const PROTOTYPE_KEYS = /(^|[^\w$])(constructor|toString|valueOf|hasOwnProperty|__proto__|isPrototypeOf|propertyIsEnumerable|toLocaleString|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__)($|[^\w$])/;

export function knownIssue(e: unknown): KnownIssue | null {
  const msg = e instanceof Error ? e.message : String(e);
  const frames = frameNames(e);
  const top = e instanceof Error ? (e.stack ?? '').split('\n').slice(1, 7).join('\n') : '';
  return (
    KNOWN_ISSUES.find(
      (k) => msg.includes(k.message) && k.frames.every((f, i) => f === '*' || frames[i] === f) && (!k.stackIncludes || top.includes(k.stackIncludes)),
    ) ?? null
  );
}

/** Counts known issues met during a suite; `report()` prints them once. */
export class KnownIssueTally {
  private seen = new Map<string, { n: number; input: string }>();
  /** Rethrows anything that is not a known issue. */
  absorb(e: unknown, input: string): void {
    const k = knownIssue(e);
    if (!k) throw e;
    const s = this.seen.get(k.id);
    if (!s) this.seen.set(k.id, { n: 1, input });
    else {
      s.n++;
      if (input.length < s.input.length) s.input = input;
    }
  }
  /** Records a known issue met without a throw (e.g. a wrong result). */
  note(id: string, input: string): void {
    if (!KNOWN_ISSUES.some((k) => k.id === id)) throw new Error(`unknown known-issue id ${id}`);
    const s = this.seen.get(id);
    if (!s) this.seen.set(id, { n: 1, input });
    else s.n++;
  }

  reset(): void {
    this.seen.clear();
  }

  report(suite: string): void {
    for (const [id, s] of this.seen) console.warn(`[${suite}] known issue ${id} met ${s.n} time(s), e.g. ${JSON.stringify(s.input)} (not fixed yet; see tests/fuzz/known-issues.ts)`);
  }
}
