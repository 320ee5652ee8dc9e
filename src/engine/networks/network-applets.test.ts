/**
 * The networking chapter's shell tools in containers, through the docker CLI with the real sandbox runtime:
 * busybox httpd serving a folder, nslookup against Docker's embedded DNS, ping with replies timed by the injected
 * clock, and nc speaking raw HTTP as client and as a one-shot server. Expected texts recorded from Engine 20.10 with
 * busybox:latest: src/engine/runtime/coreutils/testdata/engine-20.10-network-applets.txt (dates, addresses and
 * times differ: the engine's own).
 */
import { describe, expect, it } from 'vitest';
import { networkEngine } from './testkit';

const setup = networkEngine;

const WEB = ['sh', '-c', 'mkdir -p /www && echo "<h1>hello</h1>" > /www/index.html && httpd -f -p 80 -h /www'];

async function withWeb() {
  const t = setup();
  expect((await t.run('pull -q busybox')).code).toBe(0);
  expect((await t.run('network create appnet')).code).toBe(0);
  expect((await t.run(['run', '-d', '--name', 'web', '--network', 'appnet', 'busybox', ...WEB])).code).toBe(0);
  expect((await t.run('run -d --name plain busybox sleep 300')).code).toBe(0);
  t.env.clock.advance(500);
  await t.engine.containers.advance();
  const ip = (await t.run(['inspect', '-f', '{{.NetworkSettings.Networks.appnet.IPAddress}}', 'web'])).out.trim();
  return { ...t, ip };
}

describe('Network tools in containers', () => {
  it('serves a folder with busybox httpd to wget in another container, by name', async () => {
    const { run } = await withWeb();
    expect(await run('run --rm --network appnet busybox wget -qO- web')).toEqual({ code: 0, out: '<h1>hello</h1>\n', err: '' });
  });

  it('answers nslookup from the embedded DNS on a user-defined network, and not on the default bridge', async () => {
    const { run, ip } = await withWeb();
    expect(await run('run --rm --network appnet busybox nslookup web')).toEqual({
      code: 0,
      out: `Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`,
      err: '',
    });
    const bridge = await run('run --rm busybox nslookup plain');
    expect(bridge.code).toBe(1);
    expect(bridge.out).toBe("Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n** server can't find plain: NXDOMAIN\n\n** server can't find plain: NXDOMAIN\n\n");
    const none = await run('run --rm --network none busybox nslookup web');
    expect(none).toMatchObject({ code: 1, err: "nslookup: can't connect to remote host (8.8.8.8): Network is unreachable\n" });
  });

  it('pings a container by name with one reply a second and BusyBox statistics', async () => {
    const { run, ip } = await withWeb();
    const r = await run('run --rm --network appnet busybox ping -c 2 web');
    expect(r.code).toBe(0);
    const re = (seq: number) => `64 bytes from ${ip.replace(/\./g, '\\.')}: seq=${seq} ttl=64 time=0\\.\\d{3} ms`;
    expect(r.out).toMatch(new RegExp(`^PING web \\(${ip.replace(/\./g, '\\.')}\\): 56 data bytes\\n${re(0)}\\n${re(1)}\\n\\n--- web ping statistics ---\\n2 packets transmitted, 2 packets received, 0% packet loss\\nround-trip min/avg/max = 0\\.\\d{3}/0\\.\\d{3}/0\\.\\d{3} ms\\n$`));
    const q = await run('run --rm --network appnet busybox ping -c 1 -q web');
    expect(q.out).toMatch(/^PING web \(.*\): 56 data bytes\n\n--- web ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip/);
  });

  it('tells bad addresses as BusyBox does: unknown names, the default bridge, no network', async () => {
    const { run } = await withWeb();
    expect(await run('run --rm --network appnet busybox ping -c 1 nosuch')).toEqual({ code: 1, out: '', err: "ping: bad address 'nosuch'\n" });
    expect(await run('run --rm busybox ping -c 1 plain')).toEqual({ code: 1, out: '', err: "ping: bad address 'plain'\n" });
    expect(await run('run --rm --network none busybox ping -c 1 web')).toEqual({ code: 1, out: '', err: "ping: bad address 'web'\n" });
  });

  it('gets no reply from an address where no container is, after waiting', async () => {
    const { run, env } = await withWeb();
    const t0 = env.clock.now();
    const r = await run('run --rm --network appnet busybox ping -c 1 -W 2 172.30.9.9');
    expect(r.code).toBe(1);
    expect(r.out).toBe('PING 172.30.9.9 (172.30.9.9): 56 data bytes\n\n--- 172.30.9.9 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n');
    expect(env.clock.now() - t0).toBeGreaterThanOrEqual(2000);
  });

  it('sends a raw HTTP request with nc and prints the raw response', async () => {
    const { run } = await withWeb();
    const r = await run(['run', '--rm', '--network', 'appnet', 'busybox', 'sh', '-c', 'printf "GET / HTTP/1.0\\r\\n\\r\\n" | nc web 80']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT\r\nConnection: close\r\nContent-Type: text\/html\r\nAccept-Ranges: bytes\r\nLast-Modified: .* GMT\r\nEtag: "[0-9a-f]+-f"\r\nContent-Length: 15\r\n\r\n<h1>hello<\/h1>\n$/);
    expect(await run(['run', '--rm', '--network', 'appnet', 'busybox', 'sh', '-c', 'true | nc web 81'])).toMatchObject({ code: 1, err: expect.stringMatching(/^nc: can't connect to remote host \(172\.\d+\.\d+\.\d+\): Connection refused\n$/) });
    expect(await run(['run', '--rm', '--network', 'appnet', 'busybox', 'sh', '-c', 'true | nc nosuch 80'])).toMatchObject({ code: 1, err: "nc: bad address 'nosuch'\n" });
  });

  it('answers one request with nc -l -p and prints the request it got', async () => {
    const { run } = await withWeb();
    const script = '(printf "HTTP/1.0 200 OK\\r\\n\\r\\nfrom nc\\n" | nc -l -p 8080 > /tmp/req &) ; sleep 1; wget -qO- localhost:8080; echo; cat /tmp/req';
    const r = await run(['run', '--rm', '--network', 'appnet', 'busybox', 'sh', '-c', script]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('from nc\n\nGET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n');
  });

  it('gives httpd BusyBox answers: redirect for a folder, 404, 501, a missing home', async () => {
    const { run } = await withWeb();
    const get = (req: string) => run(['run', '--rm', '--network', 'appnet', 'busybox', 'sh', '-c', `mkdir -p /tmp/x && printf "${req}" | nc web 80`]);
    expect((await get('GET /nope HTTP/1.0\\r\\n\\r\\n')).out).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[^]*\r\n\r\n<HTML><HEAD><TITLE>404 Not Found<\/TITLE><\/HEAD>\n<BODY><H1>404 Not Found<\/H1>\nThe requested URL was not found\n<\/BODY><\/HTML>\n$/);
    expect((await get('POST / HTTP/1.0\\r\\n\\r\\n')).out).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    const missing = await run('run --rm busybox httpd -f -p 80 -h /nonexist');
    expect(missing).toEqual({ code: 1, out: '', err: "httpd: can't change directory to '/nonexist': No such file or directory\n" });
  });
});
