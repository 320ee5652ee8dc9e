/**
 * The isolation boundary of the browser sandbox: one hidden `<iframe sandbox="allow-scripts">` (no
 * allow-same-origin, so its origin is opaque) showing public/sandbox.html, whose policy forbids every network
 * request and every script but its own. The page hands it the worker script once (text, or a Blob of it); the frame makes a blob:
 * URL of it and starts each sandbox worker from it, so the workers share the frame's opaque origin and policy:
 * no IndexedDB, caches, cookies or storage of the app, no fetch, XHR, WebSocket, EventSource or importScripts.
 * Each worker gets one end of a MessageChannel (the page keeps the other): the page talks to the worker directly,
 * the frame only starts and stops workers. Messages from the worker are checked by the host (worker-message.ts).
 *
 * Liveness: Chromium runs the sandboxed cross-origin frame in its own renderer process, so a worker that
 * exhausts memory takes down that process and not the page (no event tells the page: MessagePort has no 'close'
 * event in Chromium yet). The page pings the frame every 250 ms; a frame with workers that leaves five pings in a
 * row unanswered is declared dead: every worker in it fails with 'crash', the frame is removed, and the
 * next launch starts a new one. A tick of the page's own timer that comes late (a busy or throttled page) does
 * not count as a miss.
 */
import type { HostMessage } from '../../engine/runtime/protocol';
import type { SandboxChannel, SandboxLauncher } from './sandbox-channel';
import { FailureReport } from './failureReport';

/**
 * Ping interval and how many unanswered pings in a row mean the frame is gone: about 1.25 s, less than the CPU
 * watchdog's 2 s, so a process whose frame died mid-slice ends as OOM-killed rather than as an endless loop.
 */
const PING_MS = 250;
const MISSES = 5;
/** How long the frame may take to load and answer its first message. */
const BOOT_MS = 20_000;

type Control = { t: 'start'; id: number; name: string } | { t: 'stop'; id: number } | { t: 'ping'; n: number } | { t: 'connect'; code: string | Blob };

class FrameChannel extends FailureReport implements SandboxChannel {
  onmessage: ((data: unknown) => void) | null = null;

  constructor(
    readonly id: number,
    readonly port: MessagePort,
    private readonly stop: (ch: FrameChannel) => void,
    readonly responsive: () => boolean,
    /** False: the port is handed to another thread (sandbox-broker.ts), which reads it. */
    listen = true,
  ) {
    super();
    if (!listen) return;
    port.onmessage = (ev: MessageEvent) => {
      if (!this.ended) this.onmessage?.(ev.data);
    };
    port.onmessageerror = () => {
      if (!this.ended) this.onmessage?.(undefined);
    };
  }

  postMessage(m: HostMessage): void {
    if (!this.ended) this.port.postMessage(m);
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.close();
    this.stop(this);
  }

  protected closePort(): void {
    this.port.close();
  }
}

/** One sandbox frame and the workers started in it; replaced by a new one when it dies. */
class Frame {
  readonly workers = new Map<number, FrameChannel>();
  /** The control port once the frame said it is ready; `pending` until then. */
  private control: MessagePort | null = null;
  private pending: MessagePort | null = null;
  private queue: { m: Control; transfer: Transferable[] }[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private pingSent = 0;
  private pongSeen = 0;
  private lastPong = 0;
  private misses = 0;
  private lastTick = 0;
  private bootTimer: ReturnType<typeof setTimeout>;
  dead = false;

  constructor(
    private readonly iframe: HTMLIFrameElement,
    code: Promise<string | Blob>,
    private readonly onDead: (frame: Frame) => void,
  ) {
    const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
    this.bootTimer = setTimeout(() => this.die('the sandbox frame did not start'), BOOT_MS);
    void Promise.all([code, loaded]).then(
      ([text]) => this.connect(text),
      (e: unknown) => this.die(`the sandbox worker script could not be loaded (${e instanceof Error ? e.message : String(e)})`),
    );
  }

  private connect(code: string | Blob): void {
    if (this.dead) return;
    const win = this.iframe.contentWindow;
    if (!win) return this.die('the sandbox frame has no window');
    const ch = new MessageChannel();
    ch.port1.onmessage = (ev: MessageEvent) => this.fromFrame(ev.data);
    // The frame's origin is opaque ("null"), so there is no origin to target; it accepts the first message
    // from its parent only.
    win.postMessage({ t: 'connect', code } satisfies Control, '*', [ch.port2]);
    this.pending = ch.port1;
  }

  private fromFrame(data: unknown): void {
    if (this.dead || typeof data !== 'object' || data === null) return;
    const m = data as Record<string, unknown>;
    if (m.t === 'ready' && this.pending && !this.control) {
      clearTimeout(this.bootTimer);
      this.control = this.pending;
      for (const q of this.queue.splice(0)) this.control.postMessage(q.m, q.transfer);
      this.lastTick = this.lastPong = performance.now();
      this.timer = setInterval(() => this.ping(), PING_MS);
    } else if (m.t === 'pong' && typeof m.n === 'number') {
      this.pongSeen = Math.max(this.pongSeen, m.n);
      this.lastPong = performance.now();
    } else if (m.t === 'error' && typeof m.id === 'number') {
      const w = this.workers.get(m.id);
      this.workers.delete(m.id);
      // An error event does not always end a worker: the frame terminates it.
      this.send({ t: 'stop', id: m.id });
      w?.fail({ kind: 'error', message: typeof m.message === 'string' && m.message ? m.message : 'the sandbox worker failed' });
    }
  }

  private send(m: Control, transfer: Transferable[] = []): void {
    if (this.dead) return;
    if (this.control) this.control.postMessage(m, transfer);
    else this.queue.push({ m, transfer });
  }

  /** Counts a miss when the previous ping is still unanswered at the next one (a throttled timer in a hidden
   * tab makes the pings rarer, not the answers later). Misses count only while the frame has workers. */
  private ping(): void {
    const now = performance.now();
    const late = now - this.lastTick > 2 * PING_MS;
    this.lastTick = now;
    if (this.pingSent <= this.pongSeen || this.workers.size === 0) this.misses = 0;
    else if (!late) this.misses++;
    if (this.misses >= MISSES) return this.die('the sandbox stopped answering');
    this.send({ t: 'ping', n: ++this.pingSent });
  }

  /** Answered a ping lately (a frame still booting counts as answering). */
  responsive(): boolean {
    return !this.dead && (!this.control || performance.now() - this.lastPong < 2 * PING_MS);
  }

  start(id: number, name: string, stop: (ch: FrameChannel) => void, listen = true): FrameChannel {
    const { port1, port2 } = new MessageChannel();
    const ch = new FrameChannel(id, port1, stop, () => this.responsive(), listen);
    this.workers.set(id, ch);
    if (this.dead) ch.fail({ kind: 'crash', message: 'the sandbox frame is gone' });
    else this.send({ t: 'start', id, name }, [port2]);
    return ch;
  }

  stop(ch: FrameChannel): void {
    if (this.workers.get(ch.id) !== ch) return;
    this.workers.delete(ch.id);
    this.send({ t: 'stop', id: ch.id });
  }

  die(message: string): void {
    if (this.dead) return;
    this.dead = true;
    clearTimeout(this.bootTimer);
    if (this.timer !== null) clearInterval(this.timer);
    this.control?.close();
    this.pending?.close();
    this.iframe.remove();
    const workers = [...this.workers.values()];
    this.workers.clear();
    for (const w of workers) w.fail({ kind: 'crash', message });
    this.onDead(this);
  }
}

export class SandboxFrameLauncher implements SandboxLauncher {
  private frame: Frame | null = null;
  private code: Promise<string | Blob> | null = null;
  private nextId = 1;

  /** `workerScript`: loads the bundled worker script, as text or a Blob (index.ts: a lazily loaded chunk). */
  constructor(
    private readonly workerScript: () => Promise<string | Blob>,
    private readonly doc: Document = document,
  ) {}

  private current(): Frame {
    if (this.frame && !this.frame.dead) return this.frame;
    this.code ??= this.workerScript();
    this.code.catch(() => (this.code = null));
    const iframe = this.doc.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'sandbox';
    iframe.hidden = true;
    iframe.dataset.layerlabSandbox = '';
    iframe.src = new URL('./sandbox.html', this.doc.baseURI).href;
    const frame = new Frame(iframe, this.code, (f) => {
      if (this.frame === f) this.frame = null;
    });
    this.doc.body.appendChild(iframe);
    this.frame = frame;
    return frame;
  }

  launch(name: string): SandboxChannel {
    const frame = this.current();
    return frame.start(this.nextId++, name, (ch) => frame.stop(ch));
  }

  /**
   * Starts a worker whose port the caller hands to another thread (the engine worker, see sandbox-broker.ts):
   * the returned channel then only reports failures, answers `responsive` and terminates.
   */
  launchPort(name: string): { channel: SandboxChannel; port: MessagePort } {
    const frame = this.current();
    const channel = frame.start(this.nextId++, name, (ch) => frame.stop(ch), false);
    return { channel, port: channel.port };
  }
}
