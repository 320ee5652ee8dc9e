import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineSnapshot } from '../engine/engine';
import { loadState, saveState, StateTooBigError } from './state-file';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the state file', () => {
  it('refuses a state too big for one JSON text, keeps the previous file and leaves no temp file', () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, '{"version":1}');
    // What V8 throws past its longest string (~512 MiB), without building one.
    const huge = { version: 1, images: { toJSON: () => { throw new RangeError('Invalid string length'); } } } as unknown as EngineSnapshot;
    expect(() => saveState(path, huge)).toThrow(StateTooBigError);
    expect(() => saveState(path, huge)).toThrow(/too big to save .* the previous state was kept/);
    expect(readFileSync(path, 'utf8')).toBe('{"version":1}');
    expect(readdirSync(dir).filter((f) => f.startsWith('big.json'))).toEqual(['big.json']);
  });

  it('stops rather than overwrite a damaged file it cannot move aside', () => {
    const sub = join(dir, 'ro');
    const path = join(sub, 'state.json');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    writeFileSync(path, '{"version": 1, "images": ');
    chmodSync(sub, 0o500);
    try {
      const r = loadState(path);
      if (process.getuid?.() === 0) return; // root can always rename
      expect(r.fatal).toMatch(/is damaged .* and could not be moved aside \(EACCES\); move it away to start fresh/);
      expect(r.snapshot).toBeUndefined();
      expect(existsSync(path)).toBe(true);
    } finally {
      chmodSync(sub, 0o700);
    }
  });
});
