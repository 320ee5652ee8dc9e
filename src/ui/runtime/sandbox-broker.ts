/**
 * The sandbox frame belongs to the page (only a document can hold an iframe), the engine runs in its own
 * worker: the page brokers sandbox workers to the engine. The engine's `BrokeredLauncher` asks for a worker;
 * the page starts it in the frame (`SandboxFrameLauncher.launchPort`) and hands the worker's MessagePort over,
 * so the engine and the sandbox worker then talk directly; the page only reports the frame's failures and its
 * liveness (every 250 ms while workers run) and stops workers when asked.
 */
import type { SandboxChannel, SandboxFailure, SandboxLauncher } from './sandbox-channel';
import { FailureReport } from './failureReport';
import type { HostMessage } from '../../engine/runtime/protocol';

type ToPage = { t: 'launch'; id: number; name: string } | { t: 'terminate'; id: number };
type ToEngine = { t: 'port'; id: number } | { t: 'failure'; id: number; failure: SandboxFailure } | { t: 'responsive'; ids: number[]; down: number[] };

const LIVENESS_MS = 250;

/** The page's side: serves launches from the engine on `port` with `launcher` (a SandboxFrameLauncher). */
export function serveSandboxBroker(port: MessagePort, launcher: { launchPort(name: string): { channel: SandboxChannel; port: MessagePort } }): () => void {
  const channels = new Map<number, SandboxChannel>();
  const send = (m: ToEngine, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  port.onmessage = (ev: MessageEvent<ToPage>) => {
    const m = ev.data;
    if (m.t === 'launch') {
      const { channel, port: workerPort } = launcher.launchPort(m.name);
      channels.set(m.id, channel);
      send({ t: 'port', id: m.id }, [workerPort]);
      channel.onfailure = (failure) => {
        channels.delete(m.id);
        send({ t: 'failure', id: m.id, failure });
      };
    } else if (m.t === 'terminate') {
      channels.get(m.id)?.terminate();
      channels.delete(m.id);
    }
  };
  const timer = setInterval(() => {
    if (!channels.size) return;
    const down = [...channels].filter(([, c]) => c.responsive && !c.responsive()).map(([id]) => id);
    send({ t: 'responsive', ids: [...channels.keys()], down });
  }, LIVENESS_MS);
  return () => {
    clearInterval(timer);
    port.close();
  };
}

/** A sandbox worker seen from the engine's thread: messages go over the worker's own port once it has come. */
class BrokeredChannel extends FailureReport implements SandboxChannel {
  onmessage: ((data: unknown) => void) | null = null;
  private port: MessagePort | null = null;
  private queue: HostMessage[] = [];
  alive = true;

  constructor(private readonly stop: () => void) {
    super();
  }

  attach(port: MessagePort): void {
    if (this.ended) {
      port.close();
      return;
    }
    this.port = port;
    port.onmessage = (ev: MessageEvent) => {
      if (!this.ended) this.onmessage?.(ev.data);
    };
    port.onmessageerror = () => {
      if (!this.ended) this.onmessage?.(undefined);
    };
    for (const m of this.queue.splice(0)) port.postMessage(m);
  }

  postMessage(m: HostMessage): void {
    if (this.ended) return;
    if (this.port) this.port.postMessage(m);
    else this.queue.push(m);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.port?.close();
    this.stop();
  }

  protected closePort(): void {
    this.port?.close();
  }

  responsive(): boolean {
    return this.alive;
  }
}

/** The engine's side: launches sandbox workers through the page's broker on `port`. */
export class BrokeredLauncher implements SandboxLauncher {
  private nextId = 1;
  private readonly channels = new Map<number, BrokeredChannel>();

  constructor(private readonly port: MessagePort) {
    port.onmessage = (ev: MessageEvent<ToEngine>) => {
      const m = ev.data;
      if (m.t === 'port') {
        const ch = this.channels.get(m.id);
        const p = ev.ports[0];
        if (ch && p) ch.attach(p);
        else p?.close();
      } else if (m.t === 'failure') {
        this.channels.get(m.id)?.fail(m.failure);
        this.channels.delete(m.id);
      } else if (m.t === 'responsive') {
        const down = new Set(m.down);
        for (const id of m.ids) {
          const ch = this.channels.get(id);
          if (ch) ch.alive = !down.has(id);
        }
      }
    };
  }

  launch(name: string): SandboxChannel {
    const id = this.nextId++;
    const ch = new BrokeredChannel(() => {
      this.channels.delete(id);
      this.port.postMessage({ t: 'terminate', id } satisfies ToPage);
    });
    this.channels.set(id, ch);
    this.port.postMessage({ t: 'launch', id, name } satisfies ToPage);
    return ch;
  }
}
