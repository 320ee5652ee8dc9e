/**
 * Standard input for the headless CLI. Nothing is read until a command asks (so `layerlab images` never waits
 * on a terminal), and once the command is done the host releases stdin so the process can exit.
 */
import type { StdinSource } from '../engine/core/io';

export interface ProcessStdin extends StdinSource {
  /** Stops reading and lets the event loop end. */
  release(): void;
}

/** `stream` defaults to process.stdin, opened on the first read (opening it costs a command a few milliseconds). */
export function processStdin(source?: NodeJS.ReadStream): ProcessStdin {
  let stream: NodeJS.ReadStream;
  const chunks: string[] = [];
  let ended = false;
  let started = false;
  let wake: (() => void) | null = null;
  const onData = (c: string) => {
    chunks.push(c);
    wake?.();
  };
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  return {
    async read() {
      if (!started) {
        started = true;
        stream = source ?? process.stdin;
        stream.setEncoding('utf8');
        stream.on('data', onData);
        stream.on('end', onEnd);
        stream.on('error', onEnd);
      }
      while (chunks.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
      wake = null;
      return chunks.length ? chunks.shift()! : null;
    },
    release() {
      if (!started) return;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onEnd);
      stream.pause();
      if (typeof stream.unref === 'function') stream.unref();
    },
  };
}
