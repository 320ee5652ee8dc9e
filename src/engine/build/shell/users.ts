/** /etc/passwd and /etc/group lookups and edits on a UnionFs (USER, --chown, adduser/useradd). */
import type { UnionFs } from '../../fs/union';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

function readLines(fs: UnionFs, path: string): string[] {
  try {
    return fs.readText(path).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** By name or numeric id. */
export function lookupUser(fs: UnionFs, nameOrId: string): PasswdEntry | null {
  for (const l of readLines(fs, '/etc/passwd')) {
    const f = l.split(':');
    if (f.length < 7) continue;
    if (f[0] === nameOrId || f[2] === nameOrId) return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6] };
  }
  if (/^\d+$/.test(nameOrId)) return { name: nameOrId, uid: Number(nameOrId), gid: Number(nameOrId), home: '/', shell: '/bin/sh' };
  return null;
}

export function lookupGroup(fs: UnionFs, nameOrId: string): { name: string; gid: number } | null {
  for (const l of readLines(fs, '/etc/group')) {
    const f = l.split(':');
    if (f[0] === nameOrId || f[2] === nameOrId) return { name: f[0], gid: Number(f[2]) };
  }
  if (/^\d+$/.test(nameOrId)) return { name: nameOrId, gid: Number(nameOrId) };
  return null;
}

function nextId(fs: UnionFs, file: string, field: number, system: boolean): number {
  const used = new Set(readLines(fs, file).map((l) => Number(l.split(':')[field])));
  let id = system ? 100 : 1000;
  while (used.has(id)) id++;
  return id;
}

export function addGroup(fs: UnionFs, name: string, gid: number | undefined, system: boolean): { gid: number } | string {
  if (readLines(fs, '/etc/group').some((l) => l.split(':')[0] === name)) return `group '${name}' in use`;
  const id = gid ?? nextId(fs, '/etc/group', 2, system);
  fs.appendFile('/etc/group', `${name}:x:${id}:\n`);
  if (fs.exists('/etc/shadow') || fs.exists('/etc/gshadow')) fs.appendFile('/etc/gshadow', `${name}:!::\n`);
  return { gid: id };
}

export function addUser(
  fs: UnionFs,
  o: { name: string; uid?: number; gid?: number; group?: string; home?: string; createHome: boolean; shell?: string; system: boolean },
): PasswdEntry | string {
  if (readLines(fs, '/etc/passwd').some((l) => l.split(':')[0] === o.name)) return `user '${o.name}' in use`;
  const uid = o.uid ?? nextId(fs, '/etc/passwd', 2, o.system);
  let gid = o.gid;
  if (gid === undefined && o.group) {
    const g = lookupGroup(fs, o.group);
    if (!g) return `unknown group ${o.group}`;
    gid = g.gid;
  }
  if (gid === undefined) {
    const own = lookupGroup(fs, o.name);
    gid = own ? own.gid : (addGroup(fs, o.name, uid, o.system) as { gid: number }).gid;
  }
  const home = o.home ?? `/home/${o.name}`;
  const shell = o.shell ?? (o.system ? '/sbin/nologin' : '/bin/sh');
  fs.appendFile('/etc/passwd', `${o.name}:x:${uid}:${gid}:Linux User,,,:${home}:${shell}\n`);
  if (fs.exists('/etc/shadow')) fs.appendFile('/etc/shadow', `${o.name}:!:20000:0:99999:7:::\n`);
  if (o.createHome && !fs.exists(home)) {
    fs.mkdirp(home, { uid, gid });
    fs.chown(home, uid, gid);
    fs.chmod(home, 0o755);
  }
  return { name: o.name, uid, gid, home, shell };
}
