/**
 * The store survives a kill at any moment: CLI builds are killed (SIGKILL) at spread-out points, and after each
 * kill the next command finds a consistent store — no damage message, every referenced layer and blob on disk.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const state = join(dir, 'state');
const ctx = join(dir, 'ctx');
const env = { ...process.env, LAYERLAB_STATE: state };

/** Every layer and section meta.json references is on disk, and every blob those layers and meta.json reference. */
function missing(): string[] {
  const meta = readFileSync(join(state, 'meta.json'), 'utf8');
  const out: string[] = [];
  for (const [, hex] of meta.matchAll(/"\$layer":"([0-9a-f]{64})"/g)) {
    const file = join(state, 'layers', `${hex}.json`);
    if (!existsSync(file)) {
      out.push(`layer ${hex}`);
      continue;
    }
    for (const b of (JSON.parse(readFileSync(file, 'utf8')) as { blobs: string[] }).blobs) if (!existsSync(join(state, 'blobs', b))) out.push(`blob ${b}`);
  }
  for (const [, b] of meta.matchAll(/"\$h":"([0-9a-f]{64})"/g)) if (!existsSync(join(state, 'blobs', b))) out.push(`blob ${b}`);
  for (const [, hex] of meta.matchAll(/"\$section":"([0-9a-f]{64})"/g)) if (!existsSync(join(state, 'sections', `${hex}.json`))) out.push(`section ${hex}`);
  return out;
}

describe('the state store under kills', { timeout: 600_000 }, () => {
  it('is consistent after builds killed at any point', async () => {
    mkdirSync(join(ctx, 'src'), { recursive: true });
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM busybox\nCOPY . /app\nRUN wc -c /app/src/* > /app/sizes\n');
    for (let i = 0; i < 40; i++) writeFileSync(join(ctx, 'src', `f${i}.txt`), `${i}\n`.repeat(400));
    expect(spawnSync(process.execPath, [BIN, 'pull', 'busybox'], { cwd: ctx, env }).status).toBe(0);
    for (const [n, delay] of [150, 400, 700, 1000, 1400, 1900, 2500, 3200].entries()) {
      writeFileSync(join(ctx, 'src', 'f0.txt'), `changed ${n}\n`.repeat(300));
      const child = spawn(process.execPath, [BIN, 'build', '-q', '-t', `t${n}`, '.'], { cwd: ctx, env, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // The killed command's lock is stale: the next command takes it over.
      const ls = spawnSync(process.execPath, [BIN, 'image', 'ls', '--format', '{{.Repository}}'], { cwd: ctx, env, encoding: 'utf8' });
      expect(ls.status).toBe(0);
      expect(ls.stderr).not.toMatch(/damaged/);
      expect(missing()).toEqual([]);
    }
    // And the store still builds: everything it kept is usable.
    const b = spawnSync(process.execPath, [BIN, 'build', '-q', '-t', 'final', '.'], { cwd: ctx, env, encoding: 'utf8' });
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const run = spawnSync(process.execPath, [BIN, 'run', '--rm', 'final', 'cat', '/app/src/f1.txt'], { cwd: ctx, env, encoding: 'utf8' });
    expect(run.stdout).toBe('1\n'.repeat(400));
  });
});
