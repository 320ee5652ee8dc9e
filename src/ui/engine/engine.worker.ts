/**
 * The engine worker: the app's Engine runs here, off the page's thread (builds, hashing, the image store),
 * served to the page over the protocol of protocol.ts (engineHost.ts). Container processes run in sandbox
 * workers the page starts in its opaque-origin frame and hands over (src/ui/runtime/sandbox-broker.ts).
 */
import type { Endpoint } from 'comlink';
import { serveEngine } from './engineHost';
import { openEngineStore, memoryEngineStore, type EngineStore } from '../persist/engineStore';
import { openKv, type KvStore } from '../persist/idb';

let store: Promise<EngineStore> | null = null;
let kv: Promise<KvStore> | null = null;

serveEngine(self as unknown as Endpoint, {
  async sandbox(port) {
    if (!port) return null;
    const { brokeredSandbox } = await import('../runtime/brokered');
    return brokeredSandbox(port);
  },
  // The engine state is read and written from here: the page never holds a copy of the layers.
  store() {
    return (store ??= openEngineStore().catch(() => memoryEngineStore()));
  },
  kv() {
    const open = (kv ??= openKv());
    open.catch(() => (kv = null));
    return open;
  },
});
