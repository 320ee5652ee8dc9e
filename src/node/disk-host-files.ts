/** The host side of bind mounts for the headless CLI: folders under the working directory, on disk. */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HostFiles } from '../engine/volumes/host-files';
import { insideRoot } from '../engine/volumes/host-files';
import { diskContext } from './disk-context';

export function diskHostFiles(cwd: string): HostFiles {
  const listing = diskContext('/');
  // Every path the engine passes is absolute; anything outside the working directory is refused here as well.
  const inside = (p: string) => insideRoot(cwd, p);
  return {
    root: () => cwd,
    list: (dir) => (inside(dir) ? listing.list(dir) : Promise.resolve(null)),
    async readFile(path) {
      try {
        return inside(path) && statSync(path).isFile() ? readFileSync(path) : null;
      } catch {
        return null;
      }
    },
    async writeFile(path, data, mode) {
      if (!inside(path)) return;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data, mode === undefined ? undefined : { mode });
    },
    async mkdir(path) {
      if (inside(path)) mkdirSync(path, { recursive: true });
    },
    async remove(path) {
      if (inside(path) && path !== cwd) rmSync(path, { recursive: true, force: true });
    },
  };
}
