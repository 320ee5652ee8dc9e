/**
 * A lock around one CLI invocation's read-modify-write of the state file, so concurrent `layerlab` commands
 * never lose each other's changes: `<state>.lock` created with O_EXCL holds the owner's pid and host. A lock whose
 * owner process is gone (killed, crashed) is stale and taken over; a live owner is waited for.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface StateLock {
  release(): void;
}

function ownerAlive(text: string): boolean {
  const m = /^(\d+) (.*)$/.exec(text.trim());
  if (!m) return false;
  if (m[2] !== hostname()) return true; // another machine sharing the file: trust it until it goes away
  try {
    process.kill(Number(m[1]), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose owner is gone; an empty lock file is one being written, stale only when old. */
function isStale(path: string, owner: string): boolean {
  if (owner !== '') return !ownerAlive(owner);
  try {
    return Date.now() - statSync(path).mtimeMs > 5000;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock, but only the one judged stale: breakers take `<lock>.break` (O_EXCL) first and re-read the
 * lock under it, so a lock taken meanwhile by a live command is never removed. A `.break` left by a breaker that
 * died is itself removed after a few seconds.
 */
function breakStale(path: string, owner: string): void {
  const guard = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5000) rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    let now = '';
    try {
      now = readFileSync(path, 'utf8');
    } catch {
      return;
    }
    if (now === owner) rmSync(path, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock for `statePath`, waiting while another live command holds it. `onWait` is called once when
 * the wait passes `noticeMs` (to tell the user what it waits for). Rejects after `timeoutMs`.
 */
export async function lockState(
  statePath: string,
  opts: { timeoutMs?: number; noticeMs?: number; onWait?: (holder: string) => void } = {},
): Promise<StateLock> {
  const started = Date.now();
  const path = `${statePath}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  let told = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid} ${hostname()}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = '';
    try {
      owner = readFileSync(path, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    if (isStale(path, owner)) {
      breakStale(path, owner);
      continue;
    }
    if (!told && opts.onWait && Date.now() - started > (opts.noticeMs ?? 2000)) {
      told = true;
      opts.onWait(owner.trim());
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the state lock ${path} held by ${owner.trim()}`);
    await sleep(15 + Math.random() * 35);
  }
}
