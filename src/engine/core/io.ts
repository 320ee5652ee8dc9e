/**
 * How a docker command talks to its terminal. The browser terminal and the Node host both implement it.
 * Output is raw text (include "\n" yourself); Docker's own output is never translated.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Lines (or chunks) typed or piped to standard input; null when there is none (like `docker run` without -i). */
  stdin: StdinSource | null;
  /** Is standard input a terminal? (`-it` needs it: "the input device is not a TTY"). */
  stdinIsTTY: boolean;
  /** Is standard output a terminal? (BuildKit picks tty vs plain progress from it). */
  stdoutIsTTY: boolean;
  /** Terminal width in columns, for BuildKit tty output. */
  columns: number;
  /** The client's environment variables (DOCKER_BUILDKIT, ...); never passed into containers. */
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
}

export interface StdinSource {
  /** Resolves with the next chunk of input, or null at end of input. */
  read(): Promise<string | null>;
}

/** A stdin from a fixed string (piped input). */
export function stringStdin(text: string): StdinSource {
  let done = false;
  return {
    async read() {
      if (done) return null;
      done = true;
      return text.length ? text : null;
    },
  };
}

/** An in-memory CliIO that records output: the default for tests. */
export function bufferIO(opts: Partial<CliIO> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    stdin: null as StdinSource | null,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    columns: 80,
    env: {} as Record<string, string | undefined>,
    ...opts,
  };
  return io;
}
