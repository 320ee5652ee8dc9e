/**
 * Checks every registered command spec: unique paths and aliases, usage lines that start with
 * the canonical path (so usage errors show the path the user typed), unique flag names and shorthands, and a
 * `--help` that renders.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { testEnv } from '../../core/env';
import { bufferIO } from '../../core/io';
import { commands } from './index';

describe('the command registry', () => {
  it('has no two commands answering the same path', () => {
    const seen = new Map<string, string>();
    for (const c of commands) {
      for (const p of [c.path, ...(c.aliases ?? [])]) {
        const k = p.join(' ');
        expect(seen.get(k), `"docker ${k}" is declared by both ${seen.get(k)} and ${c.path.join(' ')}`).toBeUndefined();
        seen.set(k, c.path.join(' '));
      }
    }
  });

  it.each(commands.map((c) => [c.path.join(' '), c] as const))('docker %s is declared consistently', async (_n, c) => {
    expect(c.path.length).toBeGreaterThan(0);
    expect(c.path.length).toBeLessThanOrEqual(2);
    expect(c.usage.startsWith(`docker ${c.path.join(' ')}`), `usage "${c.usage}" should start with "docker ${c.path.join(' ')}"`).toBe(true);
    const names = c.flags.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const shorts = c.flags.filter((f) => f.short).map((f) => f.short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const f of c.flags) expect(f.short === undefined || [...f.short].length === 1, `--${f.name} shorthand`).toBe(true);
    const io = bufferIO();
    const code = await new Engine({ env: testEnv() }).run([...c.path, '--help'], io);
    expect(code).toBe(0);
    expect(io.out.startsWith(`Usage:  docker ${c.path.join(' ')}`)).toBe(true);
  });

  it('renders docker --help with every registered command', async () => {
    const io = bufferIO();
    expect(await new Engine({ env: testEnv() }).run(['--help'], io)).toBe(0);
    for (const c of commands) {
      const top = [c.path, ...(c.aliases ?? [])].find((p) => p.length === 1);
      if (top) expect(io.out).toContain(`  ${top[0].padEnd(11)} ${c.short}\n`);
    }
  });
});
