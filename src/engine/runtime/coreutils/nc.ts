/**
 * `nc`: BusyBox's netcat on the simulated network, which carries HTTP (every server in a container is an HTTP
 * server): `printf 'GET / HTTP/1.0\r\n\r\n' | nc web 80` sends the request to the container `web` (by name on a
 * shared user-defined network, or by address) and prints the raw response; `nc -l -p PORT` answers one request to
 * PORT with its input (an HTTP response) and prints the request it got. Other data gets one honest line.
 * Messages as BusyBox prints them (testdata/engine-20.10-network-applets.txt).
 */
import type { Applet } from './types';
import { shortOptions } from './types';
import { STATUS_CODES } from '../nodejs/network';
import { parseRequestText, parseResponseText, requestText, responseText } from './http-text';

const USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]\n\nOpen a pipe to IP:PORT or FILE\n\n\t-l\tListen mode, for inbound connects\n\t\t(use -ll with -e for persistent server)\n\t-p PORT\tLocal port\n\t-w SEC\tConnect timeout\n\t-i SEC\tDelay interval for lines sent\n\t-f FILE\tUse file (ala /dev/ttyS0) instead of network\n\t-e PROG\tRun PROG after connect\n';

export const nc: Applet = async (argv, io, e) => {
  let listen = false;
  let scan = false;
  let port: string | undefined;
  const parsed = shortOptions(argv.slice(1), 'pwieqf');
  const operands = parsed.operands;
  for (const { letter: c, value } of parsed.options) {
    if (c === 'l') listen = true;
    else if (c === 'z' || c === 'v' || c === 'n') scan ||= c === 'z';
    else if ('pwieqf'.includes(c)) {
      if (value === undefined) {
        io.err(`nc: option requires an argument -- '${c}'\n${USAGE}`);
        return 1;
      }
      if (c === 'p') port = value;
      else if (c === 'e' || c === 'f') {
        io.err(`nc: -${c} is not available in Layerlab (its network carries HTTP requests only)\n`);
        return 1;
      }
    } else {
      io.err(`nc: invalid option -- '${c}'\n${USAGE}`);
      return 1;
    }
  }
  if (listen) return serve(port, io, e);
  if (operands.length !== 2) {
    io.err(USAGE);
    return 1;
  }
  const [host, portText] = operands;
  const p = Number(portText);
  if (!/^\d+$/.test(portText) || p < 1 || p > 65535) {
    io.err(`nc: bad port '${portText}'\n`);
    return 1;
  }
  const found = e.lookup ? await e.lookup(host) : null;
  if (!found?.ok) {
    io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const input = scan ? '' : await io.readStdin();
  // An empty connection (and -z) is tried with a HEAD request: the network carries HTTP only.
  const req = input === '' ? { method: 'HEAD', path: '/', headers: {} } : parseRequestText(input);
  if (!req) {
    io.err(`nc: Layerlab's network carries HTTP only, and this input is not an HTTP request (try: printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc ${host} ${p})\n`);
    return 1;
  }
  const r = await e.http(`http://${host}:${p}${req.path}`, { method: req.method, headers: req.headers, body: req.body, exactHeaders: true });
  if (!r.ok) {
    if (r.code === 'ECONNREFUSED') io.err(`nc: can't connect to remote host (${r.ip ?? found.ip}): Connection refused\n`);
    else io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  if (input !== '') io.out(responseText({ status: r.status, headers: r.headers, body: r.body }, r.statusText));
  return 0;
};

/** `nc -l -p PORT`: answers the first request to PORT with standard input, printing the request. */
async function serve(port: string | undefined, io: Parameters<Applet>[1], e: Parameters<Applet>[2]): Promise<number> {
  const p = Number(port);
  if (port === undefined || !/^\d+$/.test(port) || p < 1 || p > 65535) {
    io.err(port === undefined ? 'nc: -l needs a port in Layerlab: nc -l -p PORT\n' : `nc: bad port '${port}'\n`);
    return 1;
  }
  if (!e.listen) {
    io.err('nc: cannot listen here\n');
    return 1;
  }
  const input = io.readStdin();
  let done!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (done = resolve));
  const taken = e.listen(p, async (req) => {
    e.unlisten?.(p);
    io.out(requestText(req));
    const res = parseResponseText(await input);
    done(0);
    if (!res) throw new Error('connection closed without a response');
    return { ...res, statusText: res.statusText || STATUS_CODES[res.status] || '' };
  });
  if (taken) {
    io.err('nc: bind: Address already in use\n');
    return 1;
  }
  return finished;
}
