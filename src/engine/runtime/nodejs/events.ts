/**
 * Node's `events`: the `events` package's EventEmitter (Node's implementation, kept as a package; imported by file
 * so that every host, Node included, runs the same one), with one
 * addition: an 'error' emitted with no listener is marked, so the uncaught report can print Node's
 * "Unhandled 'error' event" block.
 */
import LibraryEmitter from 'events/events.js';

export class EventEmitter extends (LibraryEmitter as { new (...a: any[]): any }) {
  [key: string]: any;
  emit(name: string | symbol, ...args: any[]): boolean {
    if (name === 'error' && this.listenerCount('error') === 0) {
      const er = args[0];
      if (er instanceof Error) {
        (er as any).__unhandledErrorEvent = true;
        throw er;
      }
    }
    return super.emit(name, ...args);
  }
}

// Node's EventEmitter.prototype has its methods as own properties, and packages copy them (express mixes them
// into its app): the subclass's prototype gets its own copies of the library's.
for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors((LibraryEmitter as any).prototype))) {
  if (k !== 'constructor' && k !== 'emit') Object.defineProperty(EventEmitter.prototype, k, d);
}

for (const k of ['once', 'on', 'listenerCount', 'getEventListeners', 'errorMonitor', 'captureRejectionSymbol', 'setMaxListeners', 'captureRejections']) {
  const d = Object.getOwnPropertyDescriptor(LibraryEmitter, k);
  if (d) Object.defineProperty(EventEmitter, k, d);
}
Object.defineProperty(EventEmitter, 'EventEmitter', { value: EventEmitter, writable: true, enumerable: true, configurable: true });
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  get: () => (LibraryEmitter as any).defaultMaxListeners,
  set: (n: number) => ((LibraryEmitter as any).defaultMaxListeners = n),
  enumerable: true,
  configurable: true,
});

/** The `events` module: the EventEmitter class, with Node's static helpers on it (shared by the realm's programs). */
export function createEventsModule(): any {
  return EventEmitter;
}
