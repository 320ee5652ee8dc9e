/**
 * Node's `net` and `tty` as far as web frameworks use them: address checks (isIP, isIPv4, isIPv6) and isatty.
 * There are no raw sockets in the sandbox: creating one says so.
 */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+(%\w+)?$/.test(s) || !s.includes(':')) return false;
  const addr = s.replace(/%\w+$/, '');
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (v4 && !IPV4.test(v4[1])) return false;
  const hex = v4 ? addr.slice(0, addr.length - v4[1].length) + '0:0' : addr;
  const parts = hex.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(':') : []));
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

const noSockets = (what: string) => () => {
  const e: any = new Error(`${what}: raw TCP sockets are not available in this sandbox (use http)`);
  e.code = 'ERR_NOT_AVAILABLE';
  throw e;
};

export function createNetModule(): any {
  const isIPv4 = (s: unknown) => IPV4.test(String(s));
  const v6 = (s: unknown) => isIPv6(String(s));
  return {
    isIP: (s: unknown) => (isIPv4(s) ? 4 : v6(s) ? 6 : 0),
    isIPv4,
    isIPv6: v6,
    createServer: noSockets('net.createServer'),
    createConnection: noSockets('net.createConnection'),
    connect: noSockets('net.connect'),
    Socket: noSockets('net.Socket'),
  };
}

/** `tty`: stdin/stdout/stderr are terminals when the container has one (`-t`). */
export function createTtyModule(tty: boolean): any {
  return {
    isatty: (fd: unknown) => tty && (fd === 0 || fd === 1 || fd === 2),
    ReadStream: noSockets('tty.ReadStream'),
    WriteStream: noSockets('tty.WriteStream'),
  };
}
