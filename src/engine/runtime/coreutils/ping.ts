/**
 * `ping`: BusyBox's ping on the simulated network. The name is looked up as the container's resolver would
 * (another container on a shared user-defined network by name, any shared network by address, localhost, the
 * simulated internet's hosts); each echo request gets a reply from a host that is there, timed by the injected
 * clock, one per interval (`-i`, 1 s); an address where nothing is gets no reply. Output and exit statuses as
 * BusyBox's (testdata/engine-20.10-network-applets.txt): `ping: bad address 'x'`, the statistics at the end.
 */
import type { Applet } from './types';

/** Microseconds as ping prints them: 0.174. */
const ms = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

export const ping: Applet = async (argv, io, e) => {
  let count = Infinity;
  let quiet = false;
  let size = 56;
  let interval = 1000;
  let deadline = Infinity;
  let wait = 10_000;
  let host: string | undefined;
  const args = argv.slice(1);
  const num = (v: string | undefined, opt: string): number | null => {
    if (v !== undefined && /^\d+(\.\d+)?$/.test(v)) return Number(v);
    io.err(v === undefined ? `ping: option requires an argument -- '${opt}'\n` : `ping: invalid number '${v}'\n`);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      host = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'q') quiet = true;
      else if (c === '4' || c === 'A') continue;
      else if ('csiwWtIp'.includes(c)) {
        const v = num(a.slice(j + 1) || args[++i], c);
        if (c === 'I' || c === 'p') break;
        if (v === null) return 1;
        if (c === 'c') count = v;
        else if (c === 's') size = v;
        else if (c === 'i') interval = v * 1000;
        else if (c === 'w') deadline = v * 1000;
        else if (c === 'W') wait = v * 1000;
        break;
      } else {
        io.err(`ping: invalid option -- '${c}'\n`);
        return 1;
      }
    }
  }
  if (!host) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n');
    return 1;
  }
  const found = e.lookup ? await e.lookup(host) : null;
  const literal = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!found?.ok) {
    if (found?.noNetwork && literal) io.err('ping: sendto: Network is unreachable\n');
    else io.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const local = found.ip.startsWith('127.') || found.ip === e.ip;
  // A container answers at once across the bridge; a simulated internet host from farther away.
  const container = local || found.ip.startsWith('172.') || found.ip.startsWith('10.') || found.ip.startsWith('192.168.');
  io.out(`PING ${host} (${found.ip}): ${size} data bytes\n`);
  const start = e.now();
  const times: number[] = [];
  let sent = 0;
  let stopped = false;
  while (sent < count && e.now() - start < deadline) {
    const seq = sent++;
    if (found.known) {
      const t = e.now();
      const us = container ? 40 + (hash(`${found.ip}#${seq}#${t}`) % 160) : 9_000 + (hash(`${found.ip}#${seq}#${t}`) % 30_000);
      times.push(us);
      if (!quiet) io.out(`${size + 8} bytes from ${found.ip}: seq=${seq} ttl=${container ? 64 : 117} time=${ms(us)} ms\n`);
    }
    if (sent >= count) break;
    if (!(await e.sleep(interval))) {
      stopped = true;
      break;
    }
  }
  // Without replies, ping waits -W seconds for a late one after the last request.
  if (!times.length && !stopped && deadline === Infinity) await e.sleep(wait);
  const got = times.length;
  io.out(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${got} packets received, ${Math.floor(((sent - got) * 100) / Math.max(sent, 1))}% packet loss\n`);
  if (got) {
    const sum = times.reduce((x, y) => x + y, 0);
    io.out(`round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(Math.floor(sum / got))}/${ms(Math.max(...times))} ms\n`);
  }
  return got ? 0 : 1;
};
