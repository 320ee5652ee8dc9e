/**
 * Compose's progress display (pkg/progress in docker/compose v2.39: event.go, plain.go, tty.go), on stderr.
 * Plain mode (stderr not a terminal, or `--progress plain`) prints every event as it happens:
 * ` Container app-web-1  Started`. TTY mode prints the `[+] Running 2/2` block with `✔`/`✘` and each
 * resource's elapsed time (a working resource shows the spinner's first frame, in yellow). With colours the block
 * is repainted in place on every change of a resource's status rather than every 100 ms; without, it is drawn once
 * at the end.
 */
export type EventStatus = 'working' | 'done' | 'warning' | 'error';

export interface ProgressEvent {
  /** "Container app-web-1", "Network app_default", "Volume app_data", "Image app-web". */
  id: string;
  status: EventStatus;
  /** The status column: "Creating", "Created", "Started", "Error", or an error's message. */
  text: string;
  /** Text printed between the ID and the status (pull's "Pulling"/"Pulled" use it). */
  detail?: string;
}

export type ProgressMode = 'tty' | 'plain' | 'quiet';

const GREEN = '\x1b[32m';
const BLUE = '\x1b[34m';
const RED_BOLD = '\x1b[31;1m';
const YELLOW_BOLD = '\x1b[33;1m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** Event texts of pkg/progress/event.go. */
export const EVENT = {
  creating: 'Creating',
  created: 'Created',
  starting: 'Starting',
  started: 'Started',
  running: 'Running',
  stopping: 'Stopping',
  stopped: 'Stopped',
  removing: 'Removing',
  removed: 'Removed',
  restarting: 'Restarting',
  restarted: 'Restarted',
  waiting: 'Waiting',
  healthy: 'Healthy',
  exited: 'Exited',
  building: 'Building',
  built: 'Built',
  pulling: 'Pulling',
  pulled: 'Pulled',
  recreate: 'Recreate',
  recreated: 'Recreated',
  error: 'Error',
} as const;

interface Tracked extends ProgressEvent {
  start: number;
  end?: number;
}

export class ProgressWriter {
  private events = new Map<string, Tracked>();
  private drawn = false;

  constructor(
    private readonly out: (text: string) => void,
    private readonly mode: ProgressMode,
    private readonly now: () => number,
    /** "Running" for most commands (progress.Run); commands using RunWithTitle pass theirs. */
    private readonly title = 'Running',
    private readonly columns = 80,
    private readonly color = true,
  ) {}

  event(e: ProgressEvent): void {
    const t = this.now();
    const prev = this.events.get(e.id);
    const tracked: Tracked = { ...e, start: prev?.start ?? t, ...(e.status !== 'working' ? { end: t } : {}) };
    this.events.set(e.id, tracked);
    if (this.mode === 'plain') this.out(` ${e.id} ${e.detail ?? ''} ${e.text}\n`);
    else if (this.mode === 'tty' && this.color) this.draw();
  }

  /** A line printed after the block (TailMsgf). */
  tail(msg: string): void {
    if (this.mode !== 'quiet') this.out(`${msg}\n`);
  }

  private c(code: string, s: string): string {
    return this.color ? `${code}${s}${RESET}` : s;
  }

  /** The whole block as tty.go prints it, written below the previous one (the terminal keeps the history). */
  private draw(): void {
    const all = [...this.events.values()];
    const done = all.filter((e) => e.status !== 'working').length;
    let first = `[+] ${this.title} ${done}/${all.length}`;
    if (this.drawn && done === all.length) first = this.c(BLUE, first);
    // Repaint in place: move up over the previous block, as the TTY writer does.
    let out = this.drawn && this.color ? `\x1b[${this.lines}A\r` : '';
    out += `${first}\n`;
    const pad = Math.max(...all.map((e) => `${e.id} ${e.detail ?? ''}`.length));
    for (const e of all) {
      const mark = e.status === 'done' ? this.c(GREEN, '✔') : e.status === 'error' ? this.c(RED_BOLD, '✘') : e.status === 'warning' ? this.c(YELLOW_BOLD, '!') : this.c(YELLOW, '⠋');
      const status = e.status === 'done' ? this.c(GREEN, e.text) : e.status === 'error' ? this.c(RED_BOLD, e.text) : e.status === 'warning' ? this.c(YELLOW_BOLD, e.text) : e.text;
      const txt = `${e.id} ${e.detail ?? ''}`;
      const left = ` ${mark} ${txt}${' '.repeat(Math.max(0, pad - txt.length))} ${status}`;
      const timer = `${(((e.end ?? this.now()) - e.start) / 1000).toFixed(1)}s `;
      const visible = left.replace(/\x1b\[[0-9;]*m/g, '').length;
      out += `${left}${' '.repeat(Math.max(0, this.columns - visible - timer.length))}${this.c(BLUE, timer)}\n`;
    }
    this.lines = all.length + 1;
    this.drawn = true;
    this.out(out);
  }

  private lines = 0;

  /** Redraws once more at the end (the final, blue-titled block) when anything is shown. */
  done(): void {
    if (this.mode === 'tty' && this.events.size) this.draw();
  }
}

/** Compose's choice (writer.go): tty when the stream is a terminal, plain otherwise; `--progress` overrides it. */
export function progressMode(flag: string, isTTY: boolean): ProgressMode | null {
  switch (flag) {
    case '':
    case 'auto':
      return isTTY ? 'tty' : 'plain';
    case 'tty':
      return 'tty';
    case 'plain':
      return 'plain';
    case 'quiet':
      return 'quiet';
    default:
      return null;
  }
}
