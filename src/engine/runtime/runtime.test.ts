import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import { WEB_PING_APP_JS } from './samples';

const webPingEnv = (target = 'blog.sixeyed.com') => ({
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOSTNAME: 'f1e2d3c4b5a6',
  NODE_VERSION: '10.16.0',
  TARGET: target,
  METHOD: 'HEAD',
  INTERVAL: '3000',
});

function webPing(target?: string) {
  const fs = imageFs('node', { '/web-ping/app.js': WEB_PING_APP_JS });
  return spawnCollect({ argv: ['node', '/web-ping/app.js'], env: webPingEnv(target), cwd: '/web-ping', fs });
}

describe('web-ping under virtual time', () => {
  it('prints the start line, then one request per interval with consistent epoch ms', async () => {
    const c = webPing();
    await c.proc.advanceTo(T0);
    expect(c.stdout()).toBe('** web-ping ** Pinging: blog.sixeyed.com; method: HEAD; 3000ms intervals\n');
    await c.proc.advanceTo(T0 + 9000);
    const lines = c.stdout().trim().split('\n');
    const reqs = lines.filter((l) => l.startsWith('Making request number'));
    expect(reqs).toEqual([
      `Making request number: 1; at ${T0 + 3000}`,
      `Making request number: 2; at ${T0 + 6000}`,
      `Making request number: 3; at ${T0 + 9000}`,
    ]);
    const resps = lines.filter((l) => l.startsWith('Got response'));
    expect(resps.length).toBe(2);
    for (const r of resps) {
      const m = /^Got response status: 200 at (\d+); duration: (\d+)ms$/.exec(r)!;
      expect(m).not.toBeNull();
      expect(Number(m[2])).toBeGreaterThanOrEqual(900);
      expect(Number(m[2])).toBeLessThanOrEqual(1200);
    }
    expect(c.exit).toBeNull();
  });

  it('replays identically: same spec, same time, same output', async () => {
    const a = webPing();
    await a.proc.advanceTo(T0 + 20000);
    const b = webPing();
    await b.proc.advanceTo(T0 + 20000);
    expect(b.events).toEqual(a.events);
  });

  it('gets 301 from google.com', async () => {
    const c = webPing('google.com');
    await c.proc.advanceTo(T0 + 4000);
    expect(c.stdout()).toMatch(/Got response status: 301 at \d+; duration: \d+ms/);
  });

  it('logs getaddrinfo ENOTFOUND on stderr for a bad host, and keeps running', async () => {
    const c = webPing('http://www.google.com');
    await c.proc.advanceTo(T0 + 3100);
    expect(c.stderr()).toBe(
      "{ Error: getaddrinfo ENOTFOUND http://www.google.com http://www.google.com:443\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:57:26)\n  errno: 'ENOTFOUND',\n  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'http://www.google.com',\n  host: 'http://www.google.com',\n  port: 443 }\n",
    );
    expect(c.exit).toBeNull();
  });

  it('exits 0 on SIGINT (its handler), at the virtual time of the signal', async () => {
    const c = webPing();
    await c.proc.advanceTo(T0 + 5000);
    await c.proc.kill('SIGINT');
    expect(c.exit).toMatchObject({ code: 0, reason: 'exit', time: T0 + 5000 });
  });

  it('ignores SIGTERM as pid 1 without a handler (docker stop then needs SIGKILL: 137)', async () => {
    const c = webPing();
    await c.proc.kill('SIGTERM');
    expect(c.exit).toBeNull();
    await c.proc.kill('SIGKILL');
    expect(c.exit).toMatchObject({ code: 137, reason: 'killed' });
  });
});
