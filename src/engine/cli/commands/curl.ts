/**
 * Layerlab's own `curl` (not a docker command): `layerlab curl http://localhost:3000/` sends a real request
 * to a published port through engine.http, with curl's output and exit codes (7 refused, 56 reset, 6 host).
 */
import type { CommandSpec } from '../command';

export const curlCommand: CommandSpec = {
  path: ['curl'],
  usage: 'docker curl [OPTIONS] URL',
  short: "Send an HTTP request to a container's published port (Layerlab)",
  args: { min: 1, max: 1 },
  flags: [
    { name: 'data', short: 'd', type: 'string', usage: 'HTTP POST data' },
    { name: 'header', short: 'H', type: 'stringArray', usage: 'Pass custom header(s) to server' },
    { name: 'include', short: 'i', type: 'bool', usage: 'Include protocol response headers in the output' },
    { name: 'request', short: 'X', type: 'string', usage: 'Specify request method to use' },
    { name: 'silent', short: 's', type: 'bool', usage: 'Silent mode' },
    { name: 'head', short: 'I', type: 'bool', usage: 'Show document info only' },
  ],
  async run({ engine, io, flags, args }) {
    let raw = args[0];
    if (!/^[a-z]+:\/\//i.test(raw)) raw = `http://${raw}`;
    const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(raw);
    if (!m) {
      io.stderr(`curl: (3) URL rejected: Malformed input to a URL function\n`);
      return 3;
    }
    const [, scheme, host, portStr, rest] = m;
    const port = portStr ? Number(portStr) : scheme.toLowerCase() === 'https' ? 443 : 80;
    if (!['localhost', '127.0.0.1', '0.0.0.0', '[::1]'].includes(host.toLowerCase())) {
      io.stderr(`curl: (6) Could not resolve host: ${host}\n`);
      return 6;
    }
    const headers: Record<string, string> = { host: `${host}${portStr ? ':' + portStr : ''}`, 'user-agent': 'curl/8.5.0', accept: '*/*' };
    for (const h of flags.strings('header')) {
      const i = h.indexOf(':');
      if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
    }
    const data = flags.has('data') ? flags.string('data') : undefined;
    const method = flags.string('request') || (flags.bool('head') ? 'HEAD' : data !== undefined ? 'POST' : 'GET');
    if (data !== undefined && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
    const r = await engine.http(port, { method, path: rest || '/', headers, body: data });
    if (!r.ok) {
      const code = (r.error as { exitCode?: number }).exitCode ?? 7;
      if (!flags.bool('silent')) io.stderr(`curl: (${code}) ${code === 7 ? `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` : r.error.message}\n`);
      return code;
    }
    const res = r.value;
    if (flags.bool('include') || flags.bool('head')) {
      io.stdout(`HTTP/1.1 ${res.status} ${res.statusText ?? ''}\r\n`);
      for (const [k, v] of Object.entries(res.headers)) io.stdout(`${k}: ${v}\r\n`);
      io.stdout('\r\n');
    }
    if (!flags.bool('head')) io.stdout(res.body);
    return 0;
  },
};
