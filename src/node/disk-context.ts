/** The build context on disk, for the headless CLI. */
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContextEntry, ContextReader } from '../engine/core/host';

export function diskContext(cwd: string): ContextReader {
  return {
    async list(dir) {
      const root = resolve(cwd, dir);
      try {
        if (!lstatSync(root).isDirectory()) return null;
      } catch {
        return null;
      }
      const out: ContextEntry[] = [];
      const walk = (rel: string) => {
        const abs = rel ? join(root, rel) : root;
        for (const name of readdirSync(abs).sort()) {
          const r = rel ? `${rel}/${name}` : name;
          const st = lstatSync(join(abs, name));
          const mode = st.mode & 0o7777;
          // whole milliseconds: the engine's file times
          const mtime = Math.floor(st.mtimeMs);
          if (st.isSymbolicLink()) out.push({ path: r, type: 'symlink', mode, target: readlinkSync(join(abs, name)), mtime });
          else if (st.isDirectory()) {
            out.push({ path: r, type: 'dir', mode, mtime });
            walk(r);
          } else if (st.isFile()) out.push({ path: r, type: 'file', mode, content: readFileSync(join(abs, name)), mtime });
        }
      };
      walk('');
      return out;
    },
    async readFile(path) {
      try {
        return readFileSync(resolve(cwd, path));
      } catch {
        return null;
      }
    },
  };
}
