/**
 * The headless `layerlab` CLI: the same engine as the browser, in Node.
 * `layerlab <docker args>` or `layerlab docker <docker args>` behaves like `docker <args>`.
 * The working directory is the host side of the build context; state persists in LAYERLAB_STATE.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Engine, type EngineSnapshot } from '../engine/engine';
import { SeededRandom } from '../engine/core/env';
import type { CliIO, StdinSource } from '../engine/cli/io';
import { diskContext } from './disk-context';

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLAB_STATE || join(homedir(), '.layerlab', 'state.json');
}

function loadSnapshot(path: string): EngineSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text);
    if (data && typeof data === 'object' && data.version === 1) return data as EngineSnapshot;
  } catch {
    // fall through
  }
  process.stderr.write(`layerlab: ignoring damaged state file ${path} (move it away to keep it)\n`);
  return undefined;
}

function saveSnapshot(path: string, snap: EngineSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snap));
  renameSync(tmp, path);
}

function processStdin(): StdinSource | null {
  if (process.stdin.isTTY) {
    // Interactive: read as the user types.
  }
  const chunks: string[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c: string) => {
      chunks.push(c);
      wake?.();
    });
    process.stdin.on('end', () => {
      ended = true;
      wake?.();
    });
  };
  return {
    async read() {
      start();
      while (chunks.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (chunks.length) return chunks.shift()!;
      return null;
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const args = argv[0] === 'docker' ? argv.slice(1) : argv;
  const path = statePath();
  const snapshot = loadSnapshot(path);
  const engine = new Engine({
    env: {
      clock: { now: () => Date.now() },
      random: new SeededRandom((Date.now() ^ (process.pid << 8)) >>> 0),
      sha256: (data) => createHash('sha256').update(data).digest('hex'),
    },
    context: diskContext(process.cwd()),
    snapshot,
  });
  const controller = new AbortController();
  process.on('SIGINT', () => controller.abort());
  const io: CliIO = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdin: processStdin(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns || 80,
    env: process.env,
    signal: controller.signal,
  };
  const code = await engine.run(args, io);
  saveSnapshot(path, engine.snapshot());
  return code;
}
