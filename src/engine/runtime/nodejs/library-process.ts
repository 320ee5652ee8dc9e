/**
 * The `process` the stream library sees. readable-stream defers its events with `process.nextTick` from the
 * `process` package, whose browser stand-in (what the Web Worker and the child sandbox's bundles get) would wait
 * for a host timer, outside the program's virtual time. Its nextTick is replaced here by a microtask, as Node's
 * nextTick runs before any timer, and an exception thrown there goes to the running program's uncaught handler.
 * Under Node itself (tests, tsx) the library gets Node's own process and this stand-in goes unused.
 */
import libraryProcess from 'process/browser.js';

let owner: ((e: unknown) => void) | null = null;

/** The program whose uncaught handler receives exceptions from library ticks (the one that runs last). */
export function setLibraryTickOwner(handler: (e: unknown) => void): void {
  owner = handler;
}

if (libraryProcess && libraryProcess.title === 'browser') {
  libraryProcess.nextTick = (fn: (...a: unknown[]) => void, ...args: unknown[]) =>
    queueMicrotask(() => {
      try {
        fn(...args);
      } catch (e) {
        if (owner) owner(e);
        else throw e;
      }
    });
}

// Where the package's main file is bundled instead (the child sandbox), it hands out `globalThis.process`, which
// that context does not have: this stand-in is it (no host powers, only what the stream library reads).
const realm = globalThis as { process?: unknown };
if (realm.process === undefined) realm.process = libraryProcess;

export { libraryProcess };
