/** An engine whose build context is one exercise folder of the book's repository (tests/book/diamol/). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';

export const ROOT = join(import.meta.dirname, 'diamol');

/** The exercise folder's files, as the build context `docker build .` sends from it (latin1 keeps any byte). */
export function contextOf(dir: string, encoding: 'utf8' | 'latin1' = 'utf8'): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(ROOT, dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(ROOT, dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(ROOT, dir, path), encoding);
    }
  };
  walk('');
  return files;
}

export function bookEngine(dir: string, encoding: 'utf8' | 'latin1' = 'utf8'): Engine {
  const e = new Engine({ env: testEnv(), context: memoryContext(contextOf(dir, encoding)) });
  e.sandbox = new InProcessHost();
  if (e.registry) e.registry.sleep = null;
  return e;
}

export async function run(e: Engine, argv: string[], env: Record<string, string> = {}) {
  const io = bufferIO({ env });
  const code = await e.run(argv, io);
  return { code, out: io.out, err: io.err };
}
