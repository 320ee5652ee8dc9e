/**
 * `node --watch script.js`: Node 20's watch mode. The script runs as a child node program; when a file it may
 * load changes outside the process (an edit to a bind-mounted workspace file), the child is ended and started
 * again, with Node's line `Restarting 'script.js'` (in a terminal: the screen cleared first, the line in green).
 * When the script ends by itself, `Completed running 'script.js'` (blue) or `Failed running 'script.js'` (red),
 * and watch mode waits for the next change. Texts recorded from Node 20.20 (tty and pipe).
 *
 * Watched: the script and the JavaScript/JSON files in its folder and below (Node watches the files the script
 * loads), or the `--watch-path` folders. Layerlab does not replay these restarts after an engine restore.
 */
import type { ChildHandle, Program, ProgramContext } from '../kernel';
import { resolvePath } from '../fs-helpers';

/** Whether argv (`node ...`) asks for watch mode: `--watch` or `--watch-path` before the script. */
export function wantsWatch(argv: string[]): boolean {
  for (const a of argv.slice(1)) {
    if (a === '--watch' || a.startsWith('--watch-path')) return true;
    if (!a.startsWith('-') || a === '--') return false;
  }
  return false;
}

export class WatchProgram implements Program {
  private child: ChildHandle | null = null;
  private restarting = false;
  private script = '';
  private watched: string[] = [];
  private childArgv: string[] = [];
  private clear = true;

  constructor(private ctx: ProgramContext) {}

  start(): void {
    const args = this.ctx.argv.slice(1);
    const rest: string[] = [];
    const paths: string[] = [];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--watch') continue;
      if (a === '--watch-preserve-output') {
        this.clear = false;
        continue;
      }
      if (a === '--watch-path') {
        paths.push(args[++i] ?? '');
        continue;
      }
      if (a.startsWith('--watch-path=')) {
        paths.push(a.slice('--watch-path='.length));
        continue;
      }
      if (!a.startsWith('-')) break;
      rest.push(a);
    }
    this.script = args[i] ?? '';
    if (!this.script) {
      this.ctx.write('stderr', `${this.ctx.argv[0]}: --watch requires specifying a file\n`);
      return this.ctx.exit(9);
    }
    const file = resolvePath(this.ctx.cwd, this.script);
    const dir = file.slice(0, file.lastIndexOf('/')) || '/';
    this.watched = paths.length ? paths.map((p) => resolvePath(this.ctx.cwd, p)) : [dir];
    this.childArgv = [this.ctx.argv[0], ...rest, ...args.slice(i)];
    // Watch mode waits for changes even when the script has ended.
    this.ctx.hold();
    this.run();
  }

  private run(): void {
    void this.ctx
      .spawnChild(this.childArgv, { env: this.ctx.env, cwd: this.ctx.cwd, onSpawn: (c) => (this.child = c) })
      .then((code) => {
        this.child = null;
        if (this.restarting) {
          this.restarting = false;
          return this.restart();
        }
        this.say(code === 0 ? 34 : 31, `${code === 0 ? 'Completed' : 'Failed'} running '${this.script}'`);
      });
  }

  private restart(): void {
    this.say(32, `Restarting '${this.script}'`, this.clear);
    this.run();
  }

  private say(colour: number, text: string, clear = false): void {
    const tty = this.ctx.spec.tty;
    this.ctx.write('stdout', tty ? `${clear ? '\x1bc' : ''}\x1b[${colour}m${text}\x1b[39m\n` : `${text}\n`);
  }

  filesChanged(paths: string[]): void {
    const hit = paths.some((p) => this.watched.some((w) => p === w || p.startsWith(w === '/' ? '/' : `${w}/`)) && /\.(c|m)?js$|\.json$/.test(p));
    if (!hit) return;
    if (this.child && !this.restarting) {
      this.restarting = true;
      this.child.kill('SIGTERM');
    } else if (!this.child) this.restart();
  }
}
