/**
 * The terminal's shell: a prompt with a line editor, running docker commands through `engine.run(argv, io)` (the page's EngineClient).
 * Free of xterm (it writes to a TermLike), so it is unit-tested with a fake terminal and engine.
 * Interactive sessions: with -t the keystrokes go raw to the container's terminal (it echoes and handles
 * Ctrl-C/Ctrl-D); with -i only, typed lines are sent (cooked mode: we echo). Ctrl-C otherwise aborts the
 * command through io.signal.
 * A docker command typed while the page's engine is still starting says so and waits for it (`waitEngine`),
 * then runs; Ctrl-C cancels the wait.
 * A program's output cannot type into the shell: input shaped like a terminal's reply to a query is dropped
 * unless a TTY program that reads stdin runs (`repliesWanted`), and the terminal modes a program turned on
 * are turned off when it exits (see terminalGuard.ts).
 */
import type { CliIO } from '../../engine/core/io';
import { StdinQueue } from '../engine/stdinQueue';
import { LineEditor } from './lineEditor';
import { splitArgs, toDockerArgv } from './splitArgs';
import { WORKSPACE_ROOT } from '../workspace/workspace';
import { complete, type CompletionSource } from './completion';
import { modeResetSequence, stripTerminalReplies } from './terminalGuard';
import { suggest } from '../../engine/dockerfile/suggest';

/** What the shell needs of the engine: run one docker command line (the page's EngineClient). */
export interface ShellEngine {
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface TermLike {
  write(text: string): void;
  clear(): void;
  readonly cols: number;
  /** The alternate screen is shown (a program switched to it). */
  readonly altScreen?: boolean;
}

export interface ShellTexts {
  help: string;
  /** Shown when a command has to wait for the engine to start. */
  engineStarting?: string;
  /** Shown when the engine could not start (the command did not run). */
  engineFailed?: string;
}

const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PROMPT_LEN = 2;

/** Does this command line want an interactive stdin / a TTY (docker run/exec/start -i, -t, -it)? */
export function interactiveFlags(argv: string[]): { interactive: boolean; tty: boolean } {
  const cmd = argv[0] === 'container' ? argv[1] : argv[0];
  const rest = argv[0] === 'container' ? argv.slice(2) : argv.slice(1);
  if (!['run', 'exec', 'start', 'attach'].includes(cmd)) return { interactive: false, tty: false };
  let interactive = cmd === 'attach';
  let tty = false;
  for (const a of rest) {
    if (!a.startsWith('-')) break; // flags stop at the image / container
    if (a === '--interactive' || a === '--interactive=true' || a === '--attach') interactive = true;
    else if (a === '--tty' || a === '--tty=true') tty = true;
    else if (/^-[A-Za-z]+$/.test(a)) {
      if (a.includes('i') || (cmd === 'start' && a.includes('a'))) interactive = true;
      if (a.includes('t') && cmd !== 'start') tty = true;
    }
  }
  return { interactive, tty };
}

/** Type-ahead kept while a command runs, in characters (a terminal's input queue is bounded too). */
const TYPE_AHEAD_MAX = 64 * 1024;

export class Shell {
  readonly editor: LineEditor;
  private running: { abort: AbortController; stdin: StdinQueue | null; tty: boolean; interrupts?: number[] } | null = null;
  private stdinLine = new LineEditor();
  /** Keys typed while a command that reads no input runs (replayed at the next prompt). */
  private typeAhead = '';
  private redrawTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private term: TermLike,
    private engine: () => ShellEngine | null,
    private completionSource: () => CompletionSource,
    private texts: () => ShellTexts,
    history: string[] = [],
    private onHistory: (h: readonly string[]) => void = () => {},
    /** The engine once it is up (null: it cannot start). Without it, a command typed before then fails. */
    private waitEngine: (() => Promise<ShellEngine | null>) | null = null,
  ) {
    this.editor = new LineEditor(history);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** A program that may be waiting for the terminal's replies to its queries runs (TTY and stdin). */
  get repliesWanted(): boolean {
    return !!this.running?.tty && !!this.running.stdin;
  }

  /** Turns off the terminal modes a program may have left on (mouse tracking, bracketed paste, ...). */
  private resetModes(): void {
    this.term.write(modeResetSequence(this.term.altScreen ?? false));
  }

  start(welcome: string): void {
    this.term.write(welcome + '\r\n');
    this.prompt();
  }

  private prompt(): void {
    this.term.write(this.editor.render(PROMPT, this.term.cols));
  }

  /** Output from elsewhere (the Build button): keep the prompt line intact below it. */
  external(text: string): void {
    if (this.running) {
      this.term.write(text);
      return;
    }
    this.term.write(this.editor.erase() + text);
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = null;
      if (this.running) return;
      this.resetModes();
      this.prompt();
    }, 30);
  }

  /**
   * Raw input from the terminal (keys, pastes). A chunk with line ends in it (a paste) is taken a line at a
   * time, each drawn at the prompt as if typed before its Enter; once a command runs, the rest is typed ahead
   * (see inputWhileRunning).
   */
  input(data: string): void {
    let rest = this.repliesWanted ? data : stripTerminalReplies(data);
    while (rest) {
      if (this.running) return this.inputWhileRunning(rest);
      const nl = rest.search(/[\r\n]/);
      if (nl < 0) return this.keys(rest);
      let end = nl + 1;
      if (rest[nl] === '\r' && rest[end] === '\n') end++;
      if (nl > 0) this.keys(rest.slice(0, nl));
      this.keys(rest.slice(nl, end));
      rest = rest.slice(end);
    }
  }

  /** Keys at the prompt, with at most one line end (last). */
  private keys(data: string): void {
    for (const a of this.editor.handle(data)) {
      if (a.kind === 'submit') {
        this.term.write(this.editor.leaveLine());
        this.onHistory(this.editor.entries);
        void this.execute(a.line);
        if (this.running) return;
      } else if (a.kind === 'interrupt') {
        this.term.write('^C' + this.editor.leaveLine());
      } else if (a.kind === 'clear-screen') {
        this.term.clear();
        this.editor.newLine();
      } else if (a.kind === 'complete') {
        this.complete();
      } else if (a.kind === 'eof') {
        // nothing to end at the prompt
      }
    }
    if (!this.running) this.term.write(this.editor.render(PROMPT, this.term.cols));
  }

  private inputWhileRunning(data: string): void {
    const r = this.running!;
    if (!r.stdin) {
      // The command reads no input: what is typed now waits for the shell and runs after it, as a terminal's
      // type-ahead does. Ctrl-C stops the command and drops it (a terminal flushes its input on an interrupt).
      if (data.includes('\x03')) {
        this.typeAhead = '';
        this.term.write('^C');
        r.abort.abort();
      } else if (this.typeAhead.length + data.length <= TYPE_AHEAD_MAX) {
        this.typeAhead += data;
      }
      return;
    }
    if (r.tty && r.stdin) {
      // A TTY session is raw: the container's terminal echoes, edits the line and turns Ctrl-C into SIGINT,
      // so keystrokes go through untouched. Three Ctrl-C within 2 s abort the client as an escape hatch.
      if (data.includes('\x03')) {
        const now = Date.now();
        r.interrupts = (r.interrupts ?? []).filter((t) => now - t < 2000).concat(now);
        if (r.interrupts.length >= 3) {
          r.abort.abort();
          return;
        }
      }
      r.stdin.push(data);
      return;
    }
    const before = this.stdinLine.buffer;
    const actions = this.stdinLine.handle(data);
    for (const a of actions) {
      if (a.kind === 'interrupt') {
        this.term.write('^C');
        r.abort.abort();
      } else if (a.kind === 'submit') {
        this.term.write('\r\n');
        r.stdin.push(a.line + '\n');
      } else if (a.kind === 'eof') {
        r.stdin.push(null);
      }
    }
    if (actions.length) return;
    // cooked-mode echo of the line being typed, like a terminal's line discipline
    const after = this.stdinLine.buffer;
    if (after.startsWith(before)) this.term.write(after.slice(before.length));
    else if (before.startsWith(after)) this.term.write('\b \b'.repeat(before.length - after.length));
  }

  private complete(): void {
    const before = this.editor.buffer.slice(0, this.editor.cursor);
    const words = before.split(/\s+/);
    const partial = words.pop() ?? '';
    const res = complete(words.filter(Boolean), partial, this.completionSource());
    if (res.candidates.length === 1) this.editor.replaceCurrentWord(res.candidates[0] + ' ');
    else if (res.candidates.length > 1) {
      if (res.common.length > partial.length) this.editor.replaceCurrentWord(res.common);
      else this.term.write(this.editor.leaveLine() + res.candidates.join('  ') + '\r\n');
    }
  }

  async execute(line: string): Promise<number> {
    const trimmed = line.trim();
    if (!trimmed) return 0;
    if (trimmed === 'clear') {
      this.term.clear();
      return 0;
    }
    if (trimmed === 'help' || trimmed === '?') {
      this.term.write(this.texts().help.replace(/\n/g, '\r\n') + '\r\n');
      return 0;
    }
    const split = splitArgs(trimmed, { PWD: WORKSPACE_ROOT });
    if (!split.ok) {
      this.term.write(`sh: ${split.error}\r\n`);
      return 2;
    }
    const env: Record<string, string> = {};
    let words = split.argv;
    while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
      const [k, ...v] = words[0].split('=');
      env[k] = v.join('=');
      words = words.slice(1);
    }
    if (words.length === 0) return 0;
    if (words[0] !== 'docker' && !this.completionSource().commands.some((c) => c[0] === words[0])) {
      // A slip of the fingers (`dokcer ps`) gets the line it meant; another word, the docker command it may be.
      const meant = suggest(words[0], ['docker'], true);
      const hint = meant ? `did you mean "${[meant, ...words.slice(1)].join(' ')}"?` : `try "docker ${words[0]}" or "help"`;
      this.term.write(`sh: ${words[0]}: command not found (${hint})\r\n`);
      return 127;
    }
    const argv = toDockerArgv(words);
    const engine = this.engine() ?? (await this.startingEngine());
    if (!engine) {
      this.prompt();
      this.replayTypeAhead();
      return this.interrupted ? 130 : 1;
    }
    const { interactive, tty } = interactiveFlags(argv);
    const abort = new AbortController();
    const stdin = interactive ? new StdinQueue() : null;
    this.running = { abort, stdin, tty };
    this.stdinLine.reset();
    const write = (t: string) => this.term.write(t.replace(/\r?\n/g, '\r\n'));
    const io: CliIO = {
      stdout: write,
      stderr: write,
      stdin,
      stdinIsTTY: interactive && tty,
      stdoutIsTTY: true,
      columns: this.term.cols,
      env,
      signal: abort.signal,
    };
    let code = 0;
    try {
      code = await engine.run(argv, io);
    } catch (e) {
      write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    } finally {
      this.running = null;
    }
    this.resetModes();
    this.prompt();
    this.replayTypeAhead();
    return code;
  }

  /** What was typed while the last command ran, now given to the shell. */
  private replayTypeAhead(): void {
    const typed = this.typeAhead;
    this.typeAhead = '';
    // A Tab completes what was typed before it: each Tab ends a chunk, as if the keys came one by one.
    for (const part of typed.split(/(?<=\t)/)) if (part) this.input(part);
  }

  private interrupted = false;

  /**
   * Waits for the engine while it starts, saying so; counts as a running command (what is typed meanwhile is
   * typed ahead; Ctrl-C cancels). Null when it cannot start or Ctrl-C cancelled the wait (`interrupted`).
   */
  private async startingEngine(): Promise<ShellEngine | null> {
    const texts = this.texts();
    this.interrupted = false;
    if (!this.waitEngine) {
      this.term.write(`${texts.engineFailed ?? 'The engine is not available.'}\r\n`);
      return null;
    }
    const abort = new AbortController();
    this.running = { abort, stdin: null, tty: false };
    this.stdinLine.reset();
    this.term.write(`\x1b[2m${texts.engineStarting ?? 'Starting the engine…'}\x1b[0m\r\n`);
    const cancelled = new Promise<null>((r) => abort.signal.addEventListener('abort', () => r(null), { once: true }));
    let engine: ShellEngine | null = null;
    try {
      engine = await Promise.race([this.waitEngine(), cancelled]);
    } catch {
      engine = null;
    } finally {
      this.running = null;
    }
    if (abort.signal.aborted) {
      this.interrupted = true;
      this.term.write('\r\n');
      return null;
    }
    if (!engine) this.term.write(`${texts.engineFailed ?? 'The engine is not available.'}\r\n`);
    return engine;
  }

  /** The visible width of the prompt. */
  static promptLength = PROMPT_LEN;
}
