import type { StdinSource } from '../../engine/core/io';

/** A standard input fed in chunks (null: end of input): the terminal's on the page, the command's in the engine host. */
export class StdinQueue implements StdinSource {
  private chunks: (string | null)[] = [];
  private waiting: ((v: string | null) => void)[] = [];
  push(v: string | null): void {
    const w = this.waiting.shift();
    if (w) w(v);
    else this.chunks.push(v);
  }
  read(): Promise<string | null> {
    if (this.chunks.length) return Promise.resolve(this.chunks.shift()!);
    return new Promise((r) => this.waiting.push(r));
  }
}
