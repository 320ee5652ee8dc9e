/**
 * Network applets: wget, curl (where the image has it) and ifconfig, on the simulated network (net-client.ts).
 */
import type { Applet } from './types';
import { basename, encodeText, resolvePath } from '../fs-helpers';

function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((n) => Number(n).toString(16).toUpperCase().padStart(2, '0'))].join(':');
}

const ifconfig: Applet = (argv, io, e) => {
  const which = argv[1];
  const eth0 = [
    `eth0      Link encap:Ethernet  HWaddr ${macFor(e.ip)}  `,
    `          inet addr:${e.ip}  Bcast:${e.ip.split('.').slice(0, 2).join('.')}.255.255  Mask:255.255.0.0`,
    '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1',
    '          RX packets:8 errors:0 dropped:0 overruns:0 frame:0',
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    '          collisions:0 txqueuelen:0 ',
    '          RX bytes:736 (736.0 B)  TX bytes:0 (0.0 B)',
    '',
  ];
  const lo = [
    'lo        Link encap:Local Loopback  ',
    '          inet addr:127.0.0.1  Mask:255.0.0.0',
    '          UP LOOPBACK RUNNING  MTU:65536  Metric:1',
    '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0',
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    '          collisions:0 txqueuelen:1000 ',
    '          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)',
    '',
  ];
  if (which === undefined || which === '-a') io.out([...eth0, ...lo].join('\n') + '\n');
  else if (which === 'eth0') io.out(eth0.join('\n') + '\n');
  else if (which === 'lo') io.out(lo.join('\n') + '\n');
  else {
    io.err(`ifconfig: ${which}: error fetching interface information: Device not found\n`);
    return 1;
  }
  return 0;
};

const curl: Applet = async (argv, io, e) => {
  let silent = false;
  let showErr = false;
  let fail = false;
  let follow = false;
  let head = false;
  let include = false;
  let method: string | undefined;
  let data: string | undefined;
  let outFile: string | undefined;
  const headers: Record<string, string> = {};
  let url: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-X' || a === '--request') method = args[++i];
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) headers[h.slice(0, c).trim().toLowerCase()] = h.slice(c + 1).trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw') data = args[++i];
    else if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '-w' || a === '--connect-timeout' || a === '-A' || a === '-u') i++;
    else if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--fail') fail = true;
      else if (a === '--location') follow = true;
      else if (a === '--head') head = true;
      else if (a === '--include') include = true;
      else if (a === '--show-error') showErr = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 's') silent = true;
        else if (c === 'S') showErr = true;
        else if (c === 'f') fail = true;
        else if (c === 'L') follow = true;
        else if (c === 'I') head = true;
        else if (c === 'i') include = true;
      }
    } else url = a;
  }
  const err = (code: number, msg: string) => {
    if (!silent || showErr) io.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const m = head ? 'HEAD' : method ?? (data !== undefined ? 'POST' : 'GET');
  let target: string = url;
  if (data !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  for (let hop = 0; hop < 10; hop++) {
    const r = await e.http(target, { method: m, headers, body: data });
    if (!r.ok) {
      if (r.code === 'BADURL') return err(3, 'URL rejected: Malformed input to a URL function');
      if (r.code === 'ENOTFOUND') return err(6, `Could not resolve host: ${r.host}`);
      return err(7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server`);
    }
    const loc = r.headers.location;
    if (follow && loc && r.status >= 300 && r.status < 400) {
      const U = (globalThis as any).URL;
      target = /^https?:\/\//.test(loc) ? loc : new U(loc, /^https?:\/\//.test(target) ? target : `http://${target}`).href;
      continue;
    }
    if (fail && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`);
    const headText = `HTTP/1.1 ${r.status} ${r.statusText}\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const text = (head || include ? headText : '') + (head ? '' : r.body);
    if (outFile) {
      const e2 = e.fs.writeFile(resolvePath(e.cwd, outFile), encodeText(text));
      if (e2) return err(23, `Failure writing output to destination, passed ${text.length} returned 0`);
    } else io.out(text);
    return 0;
  }
  return err(47, 'Maximum (10) redirects followed');
};

const wget: Applet = async (argv, io, e) => {
  let quiet = false;
  let out: string | undefined;
  let url: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-O') out = args[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (/^-q[O]/.test(a)) {
      quiet = true;
      out = a.slice(3) || args[++i];
    } else if (a === '-T' || a === '-U') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.err('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const r = await e.http(url);
  const host = /^(?:https?:\/\/)?([^/:]+)/i.exec(url)?.[1] ?? url;
  if (!r.ok) {
    if (r.code === 'ENOTFOUND' || r.code === 'BADURL') io.err(`wget: bad address '${host}'\n`);
    else io.err(`wget: can't connect to remote host (127.0.0.1): Connection refused\n`);
    return 1;
  }
  const port = /:(\d+)/.exec(url.replace(/^https?:\/\//, ''))?.[1] ?? (url.startsWith('https') ? '443' : '80');
  if (!quiet) io.err(`Connecting to ${host} (${r.ip}:${port})\n`);
  if (r.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`);
    return 1;
  }
  const name = out ?? (basename(url.replace(/^https?:\/\/[^/]*/, '').split('?')[0]) || 'index.html');
  if (name === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(r.body);
    if (!quiet) io.err(`-                    100% |********************************| ${String(r.body.length).padStart(5)}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.err(`saving to '${name}'\n`);
  e.fs.writeFile(resolvePath(e.cwd, name), encodeText(r.body));
  if (!quiet) io.err(`${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(r.body.length).padStart(5)}  0:00:00 ETA\n'${name}' saved\n`);
  return 0;
};

export const NET_APPLETS: Record<string, Applet> = { curl, wget, ifconfig };
