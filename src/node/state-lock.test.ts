import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockState } from './state-lock';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the state lock', () => {
  it('lets one holder at a time in; the others wait their turn', async () => {
    const state = join(dir, 'a.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const lock = await lockState(state);
        inside++;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
        lock.release();
      }),
    );
    expect(most).toBe(1);
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const state = join(dir, 'b.json');
    const dead = spawnSync('true').pid;
    writeFileSync(`${state}.lock`, `${dead} ${hostname()}\n`);
    const t0 = Date.now();
    const lock = await lockState(state);
    expect(Date.now() - t0).toBeLessThan(2000);
    lock.release();
  });

  it('waits for a live owner and says so once', async () => {
    const state = join(dir, 'c.json');
    const first = await lockState(state);
    const told: string[] = [];
    const second = lockState(state, { noticeMs: 20, onWait: (o) => told.push(o) });
    await new Promise((r) => setTimeout(r, 150));
    first.release();
    (await second).release();
    expect(told).toEqual([`${process.pid} ${hostname()}`]);
  });
});
