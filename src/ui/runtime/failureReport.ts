/**
 * What a sandbox channel does about the failure of its worker: it ends the channel, is reported once, and a
 * listener set after it came still hears it. Shared by the page's frame channels and the engine's brokered ones.
 */
import type { SandboxFailure } from './sandbox-channel';

export abstract class FailureReport {
  ended = false;
  private failure: SandboxFailure | null = null;
  private listener: ((f: SandboxFailure) => void) | null = null;

  get onfailure(): ((f: SandboxFailure) => void) | null {
    return this.listener;
  }

  set onfailure(l: ((f: SandboxFailure) => void) | null) {
    this.listener = l;
    if (l && this.failure) l(this.failure);
  }

  /** The worker failed: reported once; the channel is ended. */
  fail(f: SandboxFailure): void {
    if (this.ended || this.failure) return;
    this.failure = f;
    this.ended = true;
    this.closePort();
    this.listener?.(f);
  }

  /** Closes the channel's port (the channel is ended). */
  protected abstract closePort(): void;
}
