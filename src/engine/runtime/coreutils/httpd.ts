/**
 * `httpd`: BusyBox's web server serving the files of a folder (`httpd -f -p 8080 -h /www`), so a
 * `busybox httpd` container serves pages to the preview, to `wget` in other containers and to `nc`. Without `-f`
 * it goes to the background as BusyBox does: the command returns at once and the server keeps answering while the
 * process lives (as a container's main command, the container then exits, as in Docker). Answers as recorded from
 * BusyBox 1.35 (testdata/engine-20.10-network-applets.txt): files with their type, dates and ETag, a folder
 * without its trailing slash redirected (302), `index.html` for a folder, 404 and 501 pages. No CGI, no
 * configuration file, no directory listings (BusyBox has none either).
 */
import type { Applet, AppletEnv } from './types';
import type { HttpRequest, HttpResponse } from '../process';
import { decodeText, resolvePath } from '../fs-helpers';

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript',
  json: 'application/json', xml: 'application/xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
  gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/x-icon', pdf: 'application/pdf', wasm: 'application/wasm',
  mp4: 'video/mp4', webp: 'image/webp', woff: 'font/woff', woff2: 'font/woff2',
};

function page(status: number, title: string, text: string, date: string): HttpResponse {
  return {
    status,
    statusText: title,
    headers: { date, connection: 'close', 'content-type': 'text/html' },
    body: `<HTML><HEAD><TITLE>${status} ${title}</TITLE></HEAD>\n<BODY><H1>${status} ${title}</H1>\n${text}\n</BODY></HTML>\n`,
  };
}

/** The answer of a server with document root `home` to `req`. */
export function serveFile(e: Pick<AppletEnv, 'fs' | 'now'>, home: string, req: HttpRequest): HttpResponse {
  const date = new Date(e.now()).toUTCString();
  if (req.method !== 'GET' && req.method !== 'HEAD') return page(501, 'Not Implemented', 'The requested method is not recognized', date);
  let url = req.path.split(/[?#]/)[0];
  try {
    url = decodeURIComponent(url);
  } catch {
    return page(400, 'Bad Request', 'Unsupported method', date);
  }
  const rel = resolvePath('/', url);
  const path = resolvePath(home, '.' + rel);
  let st = e.fs.stat(path);
  let file = path;
  if (st?.type === 'dir') {
    if (!url.endsWith('/')) return { status: 302, statusText: 'Found', headers: { date, connection: 'close', 'content-type': 'text/html', location: `${url}/` }, body: '' };
    file = resolvePath(path, 'index.html');
    st = e.fs.stat(file);
  }
  const data = st?.type === 'file' ? e.fs.readFile(file) : null;
  if (!st || !data) return page(404, 'Not Found', 'The requested URL was not found', date);
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const mtime = Math.floor(st.mtimeMs / 1000);
  return {
    status: 200,
    statusText: 'OK',
    headers: {
      date,
      connection: 'close',
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'last-modified': new Date(mtime * 1000).toUTCString(),
      etag: `"${mtime.toString(16)}-${data.length.toString(16)}"`,
      'content-length': String(data.length),
    },
    body: decodeText(data),
  };
}

export const httpd: Applet = async (argv, io, e) => {
  let foreground = false;
  let port = 80;
  let home = '.';
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a.length < 2) {
      io.err(`httpd: unexpected argument '${a}'\n`);
      return 1;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'f') foreground = true;
      else if (c === 'v') continue;
      else if ('phucr'.includes(c)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) {
          io.err(`httpd: option requires an argument -- '${c}'\n`);
          return 1;
        }
        if (c === 'p') {
          const n = Number(v.slice(v.lastIndexOf(':') + 1));
          if (!Number.isInteger(n) || n < 1 || n > 65535) {
            io.err(`httpd: bad port '${v}'\n`);
            return 1;
          }
          port = n;
        } else if (c === 'h') home = v;
        break;
      } else if (c === 'i' || c === 'd' || c === 'e' || c === 'm') {
        io.err(`httpd: -${c} is not available in Layerlab\n`);
        return 1;
      } else {
        io.err(`httpd: invalid option -- '${c}'\n`);
        return 1;
      }
    }
  }
  const root = resolvePath(e.cwd, home);
  if (e.fs.stat(root)?.type !== 'dir') {
    io.err(`httpd: can't change directory to '${home}': ${e.fs.stat(root) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  if (!e.listen) {
    io.err('httpd: bind: Permission denied\n');
    return 1;
  }
  const fs = e.fs;
  const now = () => e.now();
  if (e.listen(port, (req) => Promise.resolve(serveFile({ fs, now }, root, req)))) {
    io.err('httpd: bind: Address already in use\n');
    return 1;
  }
  if (!foreground) return 0;
  // In the foreground it serves until it is stopped (Ctrl-C, a signal).
  while (await e.sleep(3_600_000));
  e.unlisten?.(port);
  return 130;
};
