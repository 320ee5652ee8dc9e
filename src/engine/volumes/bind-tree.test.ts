import { describe, expect, it } from 'vitest';
import { BindTree } from './bind-tree';
import { memoryHostFiles } from './memory-host-files';

describe('A bind-mounted folder reloaded after the host edited it', () => {
  it('tells what changed, so a process on its own copy of the files can follow', async () => {
    let files: Record<string, string | Uint8Array> = { 'app/server.js': 'v1', 'app/old.txt': 'x' };
    let version = 1;
    const host = memoryHostFiles('/workspace', {
      files: () => files,
      write: (p, d) => (files = { ...files, [p]: d }),
      remove: (p) => (files = Object.fromEntries(Object.entries(files).filter(([k]) => k !== p && !k.startsWith(p + '/')))),
      version: () => version,
    });
    const t = new BindTree(host, '/workspace/app', () => 0);
    expect(await t.load(false)).toBe(true);
    expect(t.changes).toEqual([]);
    files = { 'app/server.js': 'v2', 'app/lib/util.js': 'u' };
    version++;
    await t.load(false);
    const dec = (d: Uint8Array) => new TextDecoder().decode(d);
    expect(t.changes.map((c) => (c.op === 'writeFile' ? `${c.op} ${c.path} ${dec(c.data)}` : `${c.op} ${'path' in c ? c.path : ''}`))).toEqual([
      'rm /old.txt',
      'mkdir /lib',
      'writeFile /lib/util.js u',
      'writeFile /server.js v2',
    ]);
    version++;
    await t.load(false);
    expect(t.changes).toEqual([]);
  });
});
