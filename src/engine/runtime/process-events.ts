/**
 * The listener side every SandboxProcess shares, whatever runs the program (a kernel on this thread or a sandbox
 * worker): output listeners, with output kept until the first listener arrives, and the exit, told once to exit
 * listeners and through the `exited` promise.
 */
import type { ExitEvent, OutputEvent } from './process';

export class ProcessEvents {
  readonly exited: Promise<ExitEvent>;
  private resolveExit!: (e: ExitEvent) => void;
  private readonly outputListeners = new Set<(e: OutputEvent) => void>();
  private readonly exitListeners = new Set<(e: ExitEvent) => void>();
  private backlog: OutputEvent[] = [];
  private exitEvent: ExitEvent | null = null;

  constructor() {
    this.exited = new Promise((r) => (this.resolveExit = r));
  }

  /** The exit, once the process has ended. */
  get exit(): ExitEvent | null {
    return this.exitEvent;
  }

  output(e: OutputEvent): void {
    if (this.outputListeners.size === 0) this.backlog.push(e);
    for (const l of this.outputListeners) l(e);
  }

  /** Records the exit (the first one only), runs `first` with it recorded, then tells the listeners. */
  finish(e: ExitEvent, first?: () => void): boolean {
    if (this.exitEvent) return false;
    this.exitEvent = e;
    first?.();
    for (const l of this.exitListeners) l(e);
    this.resolveExit(e);
    return true;
  }

  onOutput(listener: (e: OutputEvent) => void): () => void {
    this.outputListeners.add(listener);
    if (this.backlog.length) {
      const b = this.backlog;
      this.backlog = [];
      for (const e of b) listener(e);
    }
    return () => this.outputListeners.delete(listener);
  }

  onExit(listener: (e: ExitEvent) => void): () => void {
    this.exitListeners.add(listener);
    if (this.exitEvent) listener(this.exitEvent);
    return () => this.exitListeners.delete(listener);
  }
}
