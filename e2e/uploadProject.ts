/**
 * The project both the upload spec and the upload benchmark bring: a folder `proj` of exactly 5,000 kept files
 * (a Dockerfile, a .dockerignore and 4,998 files under src/ in 50 directories) plus a node_modules of 200 files
 * that its .dockerignore leaves out. Returns the folder's path (in a new temporary directory).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeUploadProject(prefix = 'layerlab-upload-'): string {
  const root = join(mkdtempSync(join(tmpdir(), prefix)), 'proj');
  mkdirSync(root);
  writeFileSync(join(root, 'Dockerfile'), 'FROM alpine\nCOPY src /src\n');
  writeFileSync(join(root, '.dockerignore'), 'node_modules\n');
  for (let d = 0; d < 50; d++) {
    mkdirSync(join(root, 'src', `d${d}`), { recursive: true });
    for (let i = d * 100; i < Math.min(d * 100 + 100, 4998); i++) writeFileSync(join(root, 'src', `d${d}`, `f${i}.txt`), `file ${i}\n`);
  }
  for (let p = 0; p < 20; p++) {
    mkdirSync(join(root, 'node_modules', `pkg${p}`), { recursive: true });
    for (let i = 0; i < 10; i++) writeFileSync(join(root, 'node_modules', `pkg${p}`, `m${i}.js`), 'module.exports = 1;\n');
  }
  return root;
}
