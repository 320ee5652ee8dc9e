/**
 * Node's `async_hooks`, as far as packages use it without needing async context tracking: AsyncResource (runs
 * callbacks in its "scope", which is the current one), AsyncLocalStorage (its store holds across synchronous
 * code; callbacks scheduled inside `run` do not carry it), ids, and createHook with hooks that are never called.
 */
export function createAsyncHooksModule(): any {
  let ids = 1;
  class AsyncResource {
    private readonly id = ++ids;
    constructor(readonly type: string) {}
    runInAsyncScope<R>(fn: (...a: any[]) => R, thisArg?: unknown, ...args: any[]): R {
      return fn.apply(thisArg, args);
    }
    emitDestroy(): this {
      return this;
    }
    asyncId(): number {
      return this.id;
    }
    triggerAsyncId(): number {
      return 1;
    }
    bind<F extends (...a: any[]) => any>(fn: F): F {
      return fn;
    }
    static bind<F extends (...a: any[]) => any>(fn: F): F {
      return fn;
    }
  }
  class AsyncLocalStorage<T> {
    private store: T | undefined;
    getStore(): T | undefined {
      return this.store;
    }
    run<R>(store: T, fn: (...a: any[]) => R, ...args: any[]): R {
      const prev = this.store;
      this.store = store;
      try {
        return fn(...args);
      } finally {
        this.store = prev;
      }
    }
    enterWith(store: T): void {
      this.store = store;
    }
    disable(): void {
      this.store = undefined;
    }
  }
  return {
    AsyncResource,
    AsyncLocalStorage,
    executionAsyncId: () => 1,
    triggerAsyncId: () => 0,
    executionAsyncResource: () => ({}),
    createHook: () => ({ enable() { return this; }, disable() { return this; } }),
  };
}
