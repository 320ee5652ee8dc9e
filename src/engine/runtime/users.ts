/**
 * /etc/passwd and /etc/group: lookups (a Dockerfile's USER and `--chown`, `docker run -u`, `id`, `whoami`) and the
 * edits that adduser/addgroup/useradd/groupadd make. Lookups take a text reader so any filesystem can be asked
 * (the build's union filesystem, a container's ProcessFs); edits work on a ProcessFs.
 */
import type { ProcessFs } from './process';
import { appendFile, encodeText, exists, mkdirp, readText } from './fs-helpers';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  /** Supplementary members (the fourth field). */
  members: string[];
}

/** Reads a text file, or null when it is missing. */
export type TextReader = (path: string) => string | null;

/** A TextReader over a ProcessFs. */
export function fsReader(fs: ProcessFs): TextReader {
  return (path) => readText(fs, path);
}

function lines(read: TextReader, path: string): string[] {
  return (read(path) ?? '').split('\n').filter(Boolean);
}

/** A user by name or numeric id. A number that no line names is still a user (uid = gid = that number), as Docker allows. */
export function lookupUser(read: TextReader, nameOrId: string): PasswdEntry | null {
  for (const l of lines(read, '/etc/passwd')) {
    const f = l.split(':');
    if (f.length < 7) continue;
    if (f[0] === nameOrId || f[2] === nameOrId) return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6] };
  }
  if (/^\d+$/.test(nameOrId)) return { name: nameOrId, uid: Number(nameOrId), gid: Number(nameOrId), home: '/', shell: '/bin/sh' };
  return null;
}

/** A group by name or numeric id (a bare number is a group of that id). */
export function lookupGroup(read: TextReader, nameOrId: string): GroupEntry | null {
  for (const l of lines(read, '/etc/group')) {
    const f = l.split(':');
    if (f[0] === nameOrId || f[2] === nameOrId) return { name: f[0], gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) };
  }
  if (/^\d+$/.test(nameOrId)) return { name: nameOrId, gid: Number(nameOrId), members: [] };
  return null;
}

/** The name of a group id, or null when /etc/group has none. */
export function groupName(read: TextReader, gid: number): string | null {
  for (const l of lines(read, '/etc/group')) {
    const f = l.split(':');
    if (Number(f[2]) === gid && f[2] !== '') return f[0];
  }
  return null;
}

/** Groups that list `user` as a member (the supplementary groups `id` prints). */
export function supplementaryGroups(read: TextReader, user: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const l of lines(read, '/etc/group')) {
    const f = l.split(':');
    if ((f[3] ?? '').split(',').includes(user)) out.push({ name: f[0], gid: Number(f[2]), members: (f[3] ?? '').split(',') });
  }
  return out;
}

/**
 * The process's user from a `docker run -u`/USER spec ("root", "app", "1000", "app:staff", "1000:1000"):
 * name and ids as /etc/passwd and /etc/group give them.
 */
export function resolveUserSpec(read: TextReader, spec: string | undefined): { name: string; uid: number; gid: number; known: boolean } {
  const [u = '', g] = (spec ?? '').split(':');
  const user = u === '' ? lookupUser(read, 'root') ?? { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' } : lookupUser(read, u);
  const base = user ?? { name: u, uid: 0, gid: 0, home: '/', shell: '/bin/sh' };
  let gid = base.gid;
  if (g !== undefined && g !== '') gid = lookupGroup(read, g)?.gid ?? (/^\d+$/.test(g) ? Number(g) : gid);
  const named = lines(read, '/etc/passwd').some((l) => {
    const f = l.split(':');
    return f[0] === u || f[2] === u;
  });
  return { name: base.name, uid: base.uid, gid, known: named || u === '' };
}

function nextId(fs: ProcessFs, file: string, system: boolean): number {
  const used = new Set(lines(fsReader(fs), file).map((l) => Number(l.split(':')[2])));
  let id = system ? 100 : 1000;
  while (used.has(id)) id++;
  return id;
}

function append(fs: ProcessFs, path: string, text: string): void {
  appendFile(fs, path, encodeText(text));
}

/** Adds a group; returns its gid or busybox's complaint ("group 'x' in use"). */
export function addGroup(fs: ProcessFs, name: string, gid: number | undefined, system: boolean): { gid: number } | string {
  if (lines(fsReader(fs), '/etc/group').some((l) => l.split(':')[0] === name)) return `group '${name}' in use`;
  const id = gid ?? nextId(fs, '/etc/group', system);
  append(fs, '/etc/group', `${name}:x:${id}:\n`);
  if (exists(fs, '/etc/shadow') || exists(fs, '/etc/gshadow')) append(fs, '/etc/gshadow', `${name}:!::\n`);
  return { gid: id };
}

/** Adds `user` to an existing group's member list (busybox `addgroup USER GROUP`, `adduser USER GROUP`). */
export function addToGroup(fs: ProcessFs, user: string, group: string): string | null {
  const text = readText(fs, '/etc/group') ?? '';
  let found = false;
  const out = text.split('\n').map((l) => {
    const f = l.split(':');
    if (f[0] !== group || f.length < 3) return l;
    found = true;
    const members = (f[3] ?? '').split(',').filter(Boolean);
    if (!members.includes(user)) members.push(user);
    return `${f[0]}:${f[1]}:${f[2]}:${members.join(',')}`;
  });
  if (!found) return `unknown group ${group}`;
  fs.writeFile('/etc/group', encodeText(out.join('\n')), fs.stat('/etc/group')?.mode);
  return null;
}

export interface NewUser {
  name: string;
  uid?: number;
  gid?: number;
  /** A group name or id the user's primary group must be. */
  group?: string;
  home?: string;
  createHome: boolean;
  shell?: string;
  system: boolean;
  /** The GECOS field; busybox adduser writes "Linux User,,,". */
  gecos?: string;
}

/** Adds a user (and its own group when no group is given); returns the entry or the tool's complaint. */
export function addUser(fs: ProcessFs, o: NewUser): PasswdEntry | string {
  const read = fsReader(fs);
  if (lines(read, '/etc/passwd').some((l) => l.split(':')[0] === o.name)) return `user '${o.name}' in use`;
  const uid = o.uid ?? nextId(fs, '/etc/passwd', o.system);
  let gid = o.gid;
  if (gid === undefined && o.group) {
    const g = lookupGroup(read, o.group);
    if (!g) return `unknown group ${o.group}`;
    gid = g.gid;
  }
  if (gid === undefined) {
    const own = lookupGroup(read, o.name);
    gid = own ? own.gid : (addGroup(fs, o.name, uid, o.system) as { gid: number }).gid;
  }
  const home = o.home ?? `/home/${o.name}`;
  const shell = o.shell ?? (o.system ? '/sbin/nologin' : '/bin/sh');
  append(fs, '/etc/passwd', `${o.name}:x:${uid}:${gid}:${o.gecos ?? 'Linux User,,,'}:${home}:${shell}\n`);
  if (exists(fs, '/etc/shadow')) append(fs, '/etc/shadow', `${o.name}:!:20000:0:99999:7:::\n`);
  if (o.createHome && !exists(fs, home)) {
    mkdirp(fs, home, 0o755);
    fs.chown?.(home, uid, gid);
    fs.chmod?.(home, 0o755);
  }
  return { name: o.name, uid, gid, home, shell };
}
