/**
 * Network applets: wget, curl (where the image has it) and ifconfig, on the simulated network (net-client.ts).
 */
import type { Applet, AppletEnv } from './types';
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
  // A container without an address (`--network none`) has the loopback only.
  const eths = e.ip ? eth0 : [];
  if (which === undefined || which === '-a') io.out([...eths, ...lo].join('\n') + '\n');
  else if (which === 'eth0' && e.ip) io.out(eth0.join('\n') + '\n');
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
  let remoteName = false;
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
    else if (a === '-O' || a === '--remote-name') remoteName = true;
    else if (a === '-m' || a === '--max-time' || a === '-w' || a === '--connect-timeout' || a === '-A' || a === '-u') i++;
    else if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--fail') fail = true;
      else if (a === '--location') follow = true;
      else if (a === '--head') head = true;
      else if (a === '--include') include = true;
      else if (a === '--show-error') showErr = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 's') silent = true;
        else if (c === 'S') showErr = true;
        else if (c === 'f') fail = true;
        else if (c === 'L') follow = true;
        else if (c === 'I') head = true;
        else if (c === 'i') include = true;
        else if (c === 'O') remoteName = true;
        else if ('oXdHmwAu'.includes(c)) {
          // An option with a value, last in the bundle: the value is the rest of the word or the next word.
          const v = a.slice(j + 1) || args[++i];
          if (c === 'o') outFile = v;
          else if (c === 'X') method = v;
          else if (c === 'd') data = v;
          else if (c === 'H' && v) {
            const k = v.indexOf(':');
            if (k > 0) headers[v.slice(0, k).trim().toLowerCase()] = v.slice(k + 1).trim();
          }
          break;
        }
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
  if (remoteName && !outFile) outFile = remoteFileName(url);
  const m = head ? 'HEAD' : method ?? (data !== undefined ? 'POST' : 'GET');
  let target: string = url;
  if (data !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  for (let hop = 0; hop < 10; hop++) {
    const r = await e.http(target, { method: m, headers, body: data });
    if (!r.ok) {
      if (r.code === 'BADURL') return err(3, 'URL rejected: Malformed input to a URL function');
      if (r.code === 'ENOTFOUND' && !r.noNetwork && outFile && m === 'GET' && isFileDownload(target)) {
        // A download from the wider internet: a placeholder file stands for it (see placeholderDownload).
        const dl = placeholderDownload(target);
        if (!writeDownload(e, outFile, dl)) return err(23, 'Failure writing output to destination');
        if (!silent) io.err(curlMeter(dl.size));
        return 0;
      }
      if (r.code === 'ENOTFOUND') return err(6, `Could not resolve host: ${r.host}`);
      return err(7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server`);
    }
    const loc = r.headers.location;
    if (follow && loc && r.status >= 300 && r.status < 400) {
      const U = (globalThis as unknown as { URL: new (url: string, base: string) => { href: string } }).URL;
      target = /^https?:\/\//.test(loc) ? loc : new U(loc, /^https?:\/\//.test(target) ? target : `http://${target}`).href;
      continue;
    }
    if (fail && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`);
    const headText = `HTTP/1.1 ${r.status} ${r.statusText}\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const text = (head || include ? headText : '') + (head ? '' : r.body);
    if (outFile) {
      if (!silent) io.err(curlMeter(encodeText(text).length));
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
  // BusyBox wget's request headers.
  const r = await e.http(url, { headers: { 'user-agent': 'Wget', connection: 'close' }, exactHeaders: true });
  const host = /^(?:https?:\/\/)?([^/:]+)/i.exec(url)?.[1] ?? url;
  if (!r.ok) {
    const target = out ?? (basename(url.replace(/^https?:\/\/[^/]*/, '').split('?')[0]) || 'index.html');
    if (r.code === 'ENOTFOUND' && !r.noNetwork && target !== '-' && isFileDownload(url)) {
      const dl = placeholderDownload(url);
      if (!quiet) io.err(`Connecting to ${host} (${host})\nsaving to '${target}'\n`);
      if (!writeDownload(e, target, dl)) {
        io.err(`wget: can't open '${target}': No such file or directory\n`);
        return 1;
      }
      if (!quiet) io.err(`${target.padEnd(20).slice(0, 20)} 100% |********************************| ${kibi(dl.size).padStart(5)}  0:00:00 ETA\n'${target}' saved\n`);
      return 0;
    }
    if (r.code === 'ENOTFOUND' || r.code === 'BADURL') io.err(`wget: bad address '${host}'\n`);
    else io.err(`wget: can't connect to remote host (${r.ip ?? '127.0.0.1'}): Connection refused\n`);
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

/**
 * Whether a URL names a file on a public host: a path with a file name, on a dotted host outside the reserved
 * names that never resolve (.invalid, .test, .localhost, .local).
 */
function isFileDownload(url: string): boolean {
  const m = /^(?:[a-z]+:\/\/)?([^/:?#]+)(?::\d+)?(\/[^?#]*)?/i.exec(url);
  if (!m) return false;
  const host = m[1].toLowerCase();
  if (!host.includes('.') || /\.(invalid|test|localhost|local)$/.test(host)) return false;
  return /\/[^/]+$/.test(m[2] ?? '');
}

/** The file name `curl -O` and wget give a URL's download. */
function remoteFileName(url: string): string {
  return basename(url.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0]) || 'index.html';
}

/**
 * A download from a host the simulated internet does not have (release archives, install scripts): Layerlab does
 * not fetch the wider internet, so a placeholder stands for the file, sized deterministically from the URL. Text
 * files say what they are instead of pretending to be the real script.
 */
export function placeholderDownload(url: string): { text: string | null; seed: string; size: number } {
  if (/\.(sh|txt|json|conf|ya?ml|py|js|md|cfg|ini|toml)(\?|#|$)/i.test(url)) {
    const text = `# ${url}\n# Layerlab does not download files from the internet; this placeholder stands for this one.\n`;
    return { text, seed: '', size: encodeText(text).length };
  }
  let h = 7;
  for (const c of url) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return { text: null, seed: 'url:' + url, size: 200_000 + (h % 30_000_000) };
}

function writeDownload(e: AppletEnv, name: string, dl: { text: string | null; seed: string; size: number }): boolean {
  const p = resolvePath(e.cwd, name);
  if (dl.text !== null) return e.fs.writeFile(p, encodeText(dl.text)) === null;
  return (e.fs.writeSynthetic ? e.fs.writeSynthetic(p, { seed: dl.seed, size: dl.size }) : e.fs.writeFile(p, new Uint8Array(0))) === null;
}

/** curl's size column (its max5data): bytes below 100000, then k, M with one decimal below 100 M, M, G. */
function curlSize(n: number): string {
  const M = 1_048_576;
  if (n < 100_000) return String(n);
  if (n < 10_000 * 1024) return `${Math.floor(n / 1024)}k`;
  if (n < 100 * M) return `${Math.floor(n / M)}.${Math.floor((n % M) / (M / 10))}M`;
  if (n < 10_000 * M) return `${Math.floor(n / M)}M`;
  return `${Math.floor(n / (1024 * M))}.${Math.floor((n % (1024 * M)) / ((1024 * M) / 10))}G`;
}

/** curl's progress meter after a finished transfer to a file (not with -s). */
function curlMeter(size: number): string {
  const sz = curlSize(size).padStart(5);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${sz}  100 ${sz}    0     0  ${curlSize(size * 4).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${curlSize(size * 4).padStart(5)}\n`;
}

function kibi(n: number): string {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)}k` : `${(n / 1_048_576).toFixed(1)}M`;
}

export const NET_APPLETS: Record<string, Applet> = { curl, wget, ifconfig };
