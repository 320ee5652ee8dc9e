/**
 * System applets: env printenv ps hostname id whoami which uname date sleep nproc true false pwd clear.
 */
import type { Applet, AppletEnv } from './types';
import { fsReader, groupName, lookupUser, supplementaryGroups } from '../users';
import { DAYS, MONTHS, p2, splitFlags } from './types';

/** env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]: prints the environment or runs a command in it. */
const envApplet: Applet = async (argv, io, e) => {
  const args = argv.slice(1);
  let vars: Record<string, string> = { ...e.env };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u') delete vars[args[++i] ?? ''];
    else if (a.startsWith('-u') && a.length > 2) delete vars[a.slice(2)];
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      io.err(`env: unrecognized option '${a}'\n`);
      return 125;
    } else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    vars[args[i].slice(0, eq)] = args[i].slice(eq + 1);
  }
  const cmd = args.slice(i);
  if (!cmd.length) {
    io.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const code = await e.exec(cmd, { out: io.out, err: io.err }, { env: vars });
  if (code === 127 && !cmd[0].includes('/') && !e.which(cmd[0])) io.err(`env: can't execute '${cmd[0]}': No such file or directory\n`);
  return code;
};

const printenv: Applet = (argv, io, e) => {
  if (argv.length === 1) return envApplet(argv, io, e);
  let status = 0;
  for (const n of argv.slice(1)) {
    if (n in e.env) io.out(`${e.env[n]}\n`);
    else status = 1;
  }
  return status;
};

function busyboxDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** `date -d` input: @SECONDS, YYYY-MM-DD[ HH:MM[:SS]], HH:MM[:SS] (today); null when busybox would refuse it. */
function parseDate(text: string, now: number): number | null {
  const at = /^@(-?\d+)$/.exec(text);
  if (at) return Number(at[1]) * 1000;
  const full = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (full) return Date.UTC(+full[1], +full[2] - 1, +full[3], +(full[4] ?? 0), +(full[5] ?? 0), +(full[6] ?? 0));
  const hm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (hm) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), +hm[1], +hm[2], +(hm[3] ?? 0));
  }
  return null;
}

/** strftime for the formats busybox's date passes through (UTC: a container's default time zone). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const h12 = d.getUTCHours() % 12 || 12;
  const yday = Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), y: p2(d.getUTCFullYear() % 100), C: p2(Math.floor(d.getUTCFullYear() / 100)), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()),
    e: String(d.getUTCDate()).padStart(2, ' '), H: p2(d.getUTCHours()), I: p2(h12), M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()),
    s: String(Math.floor(ms / 1000)), Z: 'UTC', z: '+0000', a: DAYS[d.getUTCDay()], A: FULL_DAYS[d.getUTCDay()], b: MONTHS[d.getUTCMonth()],
    h: MONTHS[d.getUTCMonth()], B: FULL_MONTHS[d.getUTCMonth()], p: d.getUTCHours() < 12 ? 'AM' : 'PM', j: String(yday).padStart(3, '0'),
    u: String(d.getUTCDay() || 7), w: String(d.getUTCDay()), n: '\n', t: '\t', '%': '%',
    T: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`, R: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    D: `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`, F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    N: String((((ms % 1000) + 1000) % 1000) * 1000000).padStart(9, '0'), c: busyboxDate(ms).replace(' UTC', ''),
  };
  return fmt.replace(/%(.)/g, (m, c: string) => map[c] ?? m);
}

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const date: Applet = (argv, io, e) => {
  const args = argv.slice(1);
  let when = e.now();
  let fmt: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc') continue;
    if (a === '-d' || a === '--date' || a.startsWith('-d') || a.startsWith('--date=')) {
      const v = a === '-d' || a === '--date' ? (args[++i] ?? '') : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const t = parseDate(v, e.now());
      if (t === null) {
        io.err(`date: invalid date '${v}'\n`);
        return 1;
      }
      when = t;
    } else if (a === '-R') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a.startsWith('-I')) fmt = a === '-Iseconds' ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d';
    else if (a.startsWith('+')) fmt = a.slice(1);
    else {
      io.err(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  io.out((fmt === null ? busyboxDate(when) : strftime(fmt, when)) + '\n');
  return 0;
};

const sleep: Applet = async (argv, io, e) => {
  const arg = argv[1];
  if (arg === undefined) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
    return 1;
  }
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) {
    io.err(`sleep: invalid number '${arg}'\n`);
    return 1;
  }
  const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const ok = await e.sleep(Number(m[1]) * mult);
  return ok ? 0 : 130;
};

const uname: Applet = (argv, io, e) => {
  const { flags } = splitFlags(argv.slice(1), 'asnrvmo');
  const parts: string[] = [];
  const all = flags.has('a');
  if (all || flags.has('s') || flags.size === 0) parts.push('Linux');
  if (all || flags.has('n')) parts.push(e.hostname);
  if (all || flags.has('r')) parts.push('6.10.14-linuxkit');
  if (all || flags.has('v')) parts.push('#1 SMP Thu Oct 24 19:28:55 UTC 2024');
  if (all || flags.has('m')) parts.push('x86_64');
  if (all || flags.has('o')) parts.push('Linux');
  io.out(parts.join(' ') + '\n');
  return 0;
};

interface Who {
  uid: number;
  gid: number;
  /** Names from /etc/passwd and /etc/group, when they have the ids. */
  name: string | null;
  group: string | null;
  groups: { gid: number; name: string | null }[];
}

/** The process's (or a named) user as /etc/passwd and /etc/group describe it; an unknown numeric uid has gid 0, as Docker gives it. */
function who(e: AppletEnv, spec?: string): Who | null {
  const read = fsReader(e.fs);
  const u = spec ?? e.user;
  const named = lookupUser(read, u);
  const known = named && (named.name !== u || !/^\d+$/.test(u) || (read('/etc/passwd') ?? '').split('\n').some((l) => l.split(':')[2] === u));
  if (!named) return null;
  const uid = named.uid;
  const gid = known ? named.gid : 0;
  const name = known ? named.name : null;
  const groups = [{ gid, name: groupName(read, gid) }];
  if (name) for (const g of supplementaryGroups(read, name)) if (!groups.some((x) => x.gid === g.gid)) groups.push({ gid: g.gid, name: g.name });
  return { uid, gid, name, group: groupName(read, gid), groups };
}

const id: Applet = (argv, io, e) => {
  const { flags, rest } = splitFlags(argv.slice(1), 'ugGnr');
  const w = who(e, rest[0]);
  if (!w) {
    io.err(`id: unknown user ${rest[0]}\n`);
    return 1;
  }
  const named = (n: number, s: string | null) => (s === null ? String(n) : `${n}(${s})`);
  if (flags.has('u')) io.out((flags.has('n') ? (w.name ?? String(w.uid)) : String(w.uid)) + '\n');
  else if (flags.has('g')) io.out((flags.has('n') ? (w.group ?? String(w.gid)) : String(w.gid)) + '\n');
  else if (flags.has('G')) io.out(w.groups.map((g) => (flags.has('n') ? (g.name ?? String(g.gid)) : String(g.gid))).join(' ') + '\n');
  else io.out(`uid=${named(w.uid, w.name)} gid=${named(w.gid, w.group)} groups=${w.groups.map((g) => named(g.gid, g.name)).join(',')}\n`);
  return 0;
};

const whoami: Applet = (_a, io, e) => {
  const w = who(e);
  if (!w?.name) {
    io.err(`whoami: unknown uid ${w?.uid ?? e.user}\n`);
    return 1;
  }
  io.out(w.name + '\n');
  return 0;
};

const ps: Applet = (_argv, io, e) => {
  const w = who(e);
  const user = (w?.name ?? String(w?.uid ?? e.user)).slice(0, 8);
  io.out('PID   USER     TIME  COMMAND\n');
  for (const [pid, cmd] of e.processes()) io.out(`${String(pid).padStart(5)} ${user.padEnd(8)}  0:00 ${cmd}\n`);
  return 0;
};

const which: Applet = (argv, io, e) => {
  let status = 0;
  for (const n of argv.slice(1)) {
    const p = e.which(n);
    if (p) io.out(p + '\n');
    else status = 1;
  }
  return status;
};

export const SYSTEM_APPLETS: Record<string, Applet> = {
  env: envApplet,
  printenv,
  date,
  sleep,
  uname,
  id,
  ps,
  which,
  nproc: (_a, io) => {
    io.out('2\n');
    return 0;
  },
  true: () => 0,
  false: () => 1,
  hostname: (a, io, e) => {
    io.out((a[1] === '-i' ? e.ip : e.hostname) + '\n');
    return 0;
  },
  whoami,
  clear: (_a, io) => {
    io.out('\x1b[H\x1b[J');
    return 0;
  },
  test: () => 0,
};
