/**
 * `--network container:NAME`: a container in another's network namespace. It has the other's address and
 * hostname and no network of its own (inspect, ps), its localhost reaches the other's servers, and Docker's
 * daemon errors apply (conflicting options, a missing or stopped container). Expected texts recorded on Engine
 * 20.10: src/engine/runtime/coreutils/testdata/engine-20.10-network-applets.txt.
 */
import { describe, expect, it } from 'vitest';
import { networkEngine } from './testkit';

const setup = networkEngine;

const WEB = ['sh', '-c', 'mkdir -p /www && echo "<h1>hello</h1>" > /www/index.html && httpd -f -p 80 -h /www'];

async function withWeb() {
  const t = setup();
  await t.run(['pull', '-q', 'busybox']);
  await t.run(['network', 'create', 'appnet']);
  expect((await t.run(['run', '-d', '--name', 'web', '--network', 'appnet', 'busybox', ...WEB])).code).toBe(0);
  t.env.clock.advance(500);
  await t.engine.containers.advance();
  const [ip, hostname, id] = (await t.run(['inspect', '-f', '{{.NetworkSettings.Networks.appnet.IPAddress}} {{.Config.Hostname}} {{.Id}}', 'web'])).out.trim().split(' ');
  return { ...t, ip, hostname, id };
}

describe('--network container:NAME', () => {
  it("shares the other container's address, hostname and localhost", async () => {
    const { run, ip, hostname } = await withWeb();
    const r = await run(['run', '--rm', '--network', 'container:web', 'busybox', 'sh', '-c', 'wget -qO- localhost; hostname; ifconfig eth0 | grep "inet addr"']);
    expect(r.err).toBe('');
    expect(r.out).toBe(`<h1>hello</h1>\n${hostname}\n          inet addr:${ip}  Bcast:${ip.split('.').slice(0, 2).join('.')}.255.255  Mask:255.255.0.0\n`);
  });

  it('has no network of its own in inspect and ps, and NetworkMode names the container by id', async () => {
    const { run, id } = await withWeb();
    expect((await run(['run', '-d', '--name', 'sidecar', '--network', 'container:web', 'busybox', 'sleep', '300'])).code).toBe(0);
    expect((await run(['inspect', '-f', '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}} ip={{.NetworkSettings.IPAddress}}', 'sidecar'])).out).toBe(`container:${id} {} ip=\n`);
    expect((await run(['ps', '--format', '{{.Names}} {{.Networks}}'])).out).toBe('sidecar \nweb appnet\n');
  });

  it('loses the server when the other container stops, and cannot start without it', async () => {
    const { run, id } = await withWeb();
    await run(['run', '-d', '--name', 'sidecar', '--network', 'container:web', 'busybox', 'sleep', '300']);
    await run(['stop', '-t', '0', 'web']);
    expect(await run(['exec', 'sidecar', 'wget', '-qO-', 'localhost'])).toEqual({ code: 1, out: '', err: "wget: can't connect to remote host (127.0.0.1): Connection refused\n" });
    await run(['stop', '-t', '0', 'sidecar']);
    const r = await run(['start', 'sidecar']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot join network of a non running container: ${id}`);
  });

  it("answers the daemon's errors", async () => {
    const { run } = await withWeb();
    const e = (extra: string[]) => run(['run', '--rm', '--network', 'container:web', ...extra, 'busybox', 'true']);
    expect((await e(['-p', '8080:80'])).err).toMatch(/^docker: Error response from daemon: conflicting options: port publishing and the container type network mode\n/);
    expect((await e(['--hostname', 'x'])).err).toMatch(/^docker: Error response from daemon: conflicting options: hostname and the network mode\n/);
    const missing = await run(['run', '--rm', '--network', 'container:nosuch', 'busybox', 'true']);
    expect(missing).toMatchObject({ code: 125, err: expect.stringMatching(/^docker: Error response from daemon: No such container: nosuch\n/) });
  });
});
