/**
 * Where the programs of a realm get the offline npm registry. A host (the Node CLI, the browser app) gives its
 * loader with `setNpmRegistryLoader`; the worker hosts load the data before spawning a process in an image with
 * npm and hand it to the worker, whose core gives it with `provideNpmRegistry`. Programs read it synchronously
 * (`npmRegistry()`): a program that waited for the host would let virtual time run on.
 */
import type { NpmRegistryLoader } from '../../../core/env';
import { NpmRegistry } from './registry';

let loader: NpmRegistryLoader | null = null;
let loading: Promise<Uint8Array | null> | null = null;
let data: Uint8Array | null = null;
let decoded: NpmRegistry | null = null;

export function setNpmRegistryLoader(l: NpmRegistryLoader | null): void {
  loader = l;
  loading = null;
  data = null;
  decoded = null;
}

/** Whether this realm's host can load the registry. */
export function hasNpmRegistryLoader(): boolean {
  return loader !== null;
}

/** Loads the data once (the host side of the worker hosts); null when there is none. */
export function loadNpmRegistry(): Promise<Uint8Array | null> {
  if (data) return Promise.resolve(data);
  loading ??= Promise.resolve()
    .then(() => loader?.() ?? null)
    .then(
      (d) => (data = d),
      () => null,
    );
  return loading;
}

/** Gives this realm the data (a worker, from its host). */
export function provideNpmRegistry(bytes: Uint8Array): void {
  if (data === bytes) return;
  data = bytes;
  decoded = null;
}

/** The registry, when this realm has its data (a synchronous loader counts). */
export function npmRegistry(): NpmRegistry | null {
  if (decoded) return decoded;
  if (!data && loader && !loading) {
    const d = loader();
    if (d instanceof Uint8Array) data = d;
    // An asynchronous loader: the data is there for the next program.
    else if (d) loading = d.then((x) => (data = x), () => null);
  }
  if (!data) return null;
  try {
    decoded = new NpmRegistry(data);
  } catch {
    return null;
  }
  return decoded;
}
