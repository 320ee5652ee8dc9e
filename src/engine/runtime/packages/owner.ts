/**
 * Which installed package a file belongs to, by the package managers' own records: dpkg's
 * /var/lib/dpkg/info/<pkg>.list and apk's /lib/apk/db/installed (F: folder, R: file). Used for the one line a
 * program says when Layerlab has its files but cannot run it. Free of the programs' imports (PATH lookup and
 * the shell use it).
 */
import type { ProcessFs } from '../process';
import { readText } from '../fs-helpers';

export function owningPackage(fs: ProcessFs, path: string): string | null {
  for (const name of fs.readdir('/var/lib/dpkg/info') ?? []) {
    if (!name.endsWith('.list')) continue;
    if ((readText(fs, `/var/lib/dpkg/info/${name}`) ?? '').split('\n').includes(path)) return name.slice(0, -'.list'.length);
  }
  const db = readText(fs, '/lib/apk/db/installed');
  if (db) {
    const rel = path.replace(/^\//, '');
    for (const stanza of db.split(/\n\n+/)) {
      let folder = '';
      for (const l of stanza.split('\n')) {
        if (l.startsWith('F:')) folder = l.slice(2);
        else if (l.startsWith('R:') && `${folder}/${l.slice(2)}` === rel) return /^P:(\S+)/m.exec(stanza)?.[1] ?? null;
      }
    }
  }
  return null;
}

/** The line for a package's program that Layerlab cannot run (status 126). */
export const packageProgramLine = (name: string) => `${name}: Layerlab installs this package's files but cannot run it`;
