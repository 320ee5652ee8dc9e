/**
 * User and group tools: busybox `addgroup`/`adduser` (Alpine; also what Debian-based images here provide) and
 * shadow's `useradd`/`groupadd` (Debian, Ubuntu). They edit /etc/passwd, /etc/group (and the shadow files when
 * the image has them) and create the home directory, with the new user as its owner.
 */
import { getopt, joinLongValues, pkgApplet, type PkgCtx } from './context';
import { addGroup, addToGroup, addUser, fsReader, lookupUser } from '../users';

function denied(p: PkgCtx, tool: string): number | null {
  if (p.uid === 0) return null;
  p.err(`${tool}: Permission denied.\n`);
  return 1;
}

export async function addgroup(p: PkgCtx): Promise<number> {
  const { flags, values, operands } = getopt(joinLongValues(p.argv.slice(1), ['--gid']), 'g');
  const [name, group] = operands;
  if (!name) {
    p.err('addgroup: missing operand\n');
    return 1;
  }
  const d = denied(p, 'addgroup');
  if (d !== null) return d;
  if (group) {
    // addgroup USER GROUP adds an existing user to an existing group.
    const e = addToGroup(p.fs, name, group);
    if (e) {
      p.err(`addgroup: ${e}\n`);
      return 1;
    }
    return 0;
  }
  const gidv = values.get('g') ?? values.get('gid');
  const r = addGroup(p.fs, name, gidv ? Number(gidv) : undefined, flags.has('S') || flags.has('system'));
  if (typeof r === 'string') {
    p.err(`addgroup: ${r}\n`);
    return 1;
  }
  return 0;
}

export async function adduser(p: PkgCtx): Promise<number> {
  const { flags, values, operands } = getopt(joinLongValues(p.argv.slice(1), ['--home', '--gecos', '--shell', '--ingroup', '--uid']), 'hgsGuk');
  const [name, group] = operands;
  if (!name) {
    p.err('adduser: missing operand\n');
    return 1;
  }
  const d = denied(p, 'adduser');
  if (d !== null) return d;
  if (group && lookupUser(fsReader(p.fs), name)) {
    const e = addToGroup(p.fs, name, group);
    if (e) {
      p.err(`adduser: ${e}\n`);
      return 1;
    }
    return 0;
  }
  const uid = values.get('u') ?? values.get('uid');
  const r = addUser(p.fs, {
    name,
    uid: uid !== undefined ? Number(uid) : undefined,
    group: values.get('G') ?? values.get('ingroup'),
    home: values.get('h') ?? values.get('home'),
    createHome: !flags.has('H') && !flags.has('no-create-home'),
    shell: values.get('s') ?? values.get('shell'),
    system: flags.has('S') || flags.has('system'),
    gecos: values.get('g') ?? values.get('gecos'),
  });
  if (typeof r === 'string') {
    p.err(`adduser: ${r}\n`);
    return 1;
  }
  return 0;
}

export async function useradd(p: PkgCtx): Promise<number> {
  const { flags, values, operands } = getopt(joinLongValues(p.argv.slice(1), ['--uid', '--gid', '--home-dir', '--home', '--comment', '--shell', '--groups', '--key', '--expiredate']), 'ugdsGcKe');
  const name = operands[0];
  if (!name) {
    p.err('Usage: useradd [options] LOGIN\n');
    return 2;
  }
  const d = denied(p, 'useradd');
  if (d !== null) return d;
  const longs = (k: string) => values.get(k);
  const uid = values.get('u') ?? longs('uid');
  const r = addUser(p.fs, {
    name,
    uid: uid !== undefined ? Number(uid) : undefined,
    group: values.get('g') ?? longs('gid'),
    home: values.get('d') ?? longs('home-dir') ?? longs('home'),
    createHome: flags.has('m') || flags.has('create-home'),
    shell: values.get('s') ?? longs('shell') ?? '/bin/sh',
    system: flags.has('r') || flags.has('system'),
    gecos: values.get('c') ?? longs('comment') ?? '',
  });
  if (typeof r === 'string') {
    p.err(`useradd: ${r.replace('in use', 'already exists')}\n`);
    return r.startsWith('unknown group') ? 6 : 9;
  }
  return 0;
}

export async function groupadd(p: PkgCtx): Promise<number> {
  const { flags, values, operands } = getopt(joinLongValues(p.argv.slice(1), ['--gid', '--key', '--password']), 'gK');
  const name = operands[0];
  if (!name) {
    p.err('Usage: groupadd [options] GROUP\n');
    return 2;
  }
  const d = denied(p, 'groupadd');
  if (d !== null) return d;
  const gid = values.get('g') ?? values.get('gid');
  const r = addGroup(p.fs, name, gid !== undefined ? Number(gid) : undefined, flags.has('r') || flags.has('system'));
  if (typeof r === 'string') {
    p.err(`groupadd: group '${name}' already exists\n`);
    return 9;
  }
  return 0;
}

export const USER_PROGRAMS = {
  addgroup: pkgApplet(addgroup),
  adduser: pkgApplet(adduser),
  useradd: pkgApplet(useradd),
  groupadd: pkgApplet(groupadd),
};
