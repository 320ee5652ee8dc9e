/** Node's `events` module: an EventEmitter with on/once/off/emit, prepend, listenerCount, and Node's unhandled 'error'. */
type Listener = (...args: any[]) => void;

export class EventEmitter {
  static defaultMaxListeners = 10;
  private _events = new Map<string | symbol, { fn: Listener; once: boolean }[]>();
  private _max = EventEmitter.defaultMaxListeners;

  on(name: string | symbol, fn: Listener): this {
    return this.addListener(name, fn);
  }
  addListener(name: string | symbol, fn: Listener): this {
    if (name !== 'newListener' && this._events.has('newListener')) this.emit('newListener', name, fn);
    const list = this._events.get(name) ?? [];
    list.push({ fn, once: false });
    this._events.set(name, list);
    return this;
  }
  prependListener(name: string | symbol, fn: Listener): this {
    const list = this._events.get(name) ?? [];
    list.unshift({ fn, once: false });
    this._events.set(name, list);
    return this;
  }
  once(name: string | symbol, fn: Listener): this {
    const list = this._events.get(name) ?? [];
    list.push({ fn, once: true });
    this._events.set(name, list);
    return this;
  }
  prependOnceListener(name: string | symbol, fn: Listener): this {
    const list = this._events.get(name) ?? [];
    list.unshift({ fn, once: true });
    this._events.set(name, list);
    return this;
  }
  off(name: string | symbol, fn: Listener): this {
    return this.removeListener(name, fn);
  }
  removeListener(name: string | symbol, fn: Listener): this {
    const list = this._events.get(name);
    if (!list) return this;
    const i = list.findIndex((l) => l.fn === fn);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this._events.delete(name);
    return this;
  }
  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this._events.clear();
    else this._events.delete(name);
    return this;
  }
  setMaxListeners(n: number): this {
    this._max = n;
    return this;
  }
  getMaxListeners(): number {
    return this._max;
  }
  listeners(name: string | symbol): Listener[] {
    return (this._events.get(name) ?? []).map((l) => l.fn);
  }
  rawListeners(name: string | symbol): Listener[] {
    return this.listeners(name);
  }
  listenerCount(name: string | symbol): number {
    return this._events.get(name)?.length ?? 0;
  }
  eventNames(): (string | symbol)[] {
    return [...this._events.keys()];
  }
  emit(name: string | symbol, ...args: any[]): boolean {
    const list = this._events.get(name);
    if (!list || list.length === 0) {
      if (name === 'error') {
        const er = args[0];
        if (er instanceof Error) {
          (er as any).__unhandledErrorEvent = true;
          throw er;
        }
        const e = new Error(`Unhandled error. (${String(er)})`);
        (e as any).code = 'ERR_UNHANDLED_ERROR';
        throw e;
      }
      return false;
    }
    for (const l of [...list]) {
      if (l.once) this.removeListener(name, l.fn);
      l.fn.apply(this, args);
    }
    return true;
  }
}

export function createEventsModule(): any {
  const mod: any = EventEmitter;
  mod.EventEmitter = EventEmitter;
  mod.once = (em: EventEmitter, name: string) =>
    new Promise((resolve) => em.once(name, (...args: any[]) => resolve(args)));
  mod.default = EventEmitter;
  return mod;
}
