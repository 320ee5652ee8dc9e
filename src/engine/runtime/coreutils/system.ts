/**
 * System applets: env printenv ps hostname id whoami which uname date sleep nproc true false pwd clear.
 */
import type { Applet } from './types';
import { DAYS, MONTHS, p2, splitFlags } from './types';

const envApplet: Applet = (_argv, io, e) => {
  io.out(Object.entries(e.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
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

const date: Applet = (argv, io, e) => {
  const fmt = argv.find((a) => a.startsWith('+'));
  if (!fmt) {
    io.out(busyboxDate(e.now()) + '\n');
    return 0;
  }
  const d = new Date(e.now());
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()), m: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()), H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()), S: p2(d.getUTCSeconds()), s: String(Math.floor(e.now() / 1000)), Z: 'UTC',
    a: DAYS[d.getUTCDay()], b: MONTHS[d.getUTCMonth()], '%': '%', T: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`, N: String((e.now() % 1000) * 1000000).padStart(9, '0'),
  };
  io.out(fmt.slice(1).replace(/%(.)/g, (m, c) => map[c] ?? m) + '\n');
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

const id: Applet = (argv, io, e) => {
  if (argv.includes('-u')) {
    io.out((argv.includes('-n') ? e.user : e.user === 'root' ? '0' : '1000') + '\n');
    return 0;
  }
  if (e.user === 'root') io.out('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n');
  else if (/^\d+$/.test(e.user)) io.out(`uid=${e.user} gid=${e.user}\n`);
  else io.out(`uid=1000(${e.user}) gid=1000(${e.user}) groups=1000(${e.user})\n`);
  return 0;
};

const ps: Applet = (_argv, io, e) => {
  io.out('PID   USER     TIME  COMMAND\n');
  for (const [pid, cmd] of e.processes()) io.out(`${String(pid).padStart(5)} ${e.user.padEnd(8)}  0:00 ${cmd}\n`);
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
  true: () => 0,
  false: () => 1,
  hostname: (a, io, e) => {
    io.out((a[1] === '-i' ? e.ip : e.hostname) + '\n');
    return 0;
  },
  whoami: (_a, io, e) => {
    io.out(e.user + '\n');
    return 0;
  },
  clear: (_a, io) => {
    io.out('\x1b[H\x1b[J');
    return 0;
  },
  test: () => 0,
};
