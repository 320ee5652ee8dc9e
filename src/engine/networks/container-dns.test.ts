/**
 * Containers reaching each other over networks, through the docker CLI with the real sandbox runtime: a Node
 * server on a user-defined network answers a busybox `wget` and a Node `fetch` in other containers by its name;
 * on the default bridge the name does not resolve; `network rm` refuses while it runs; inspect shows addresses.
 * Expected texts: tests/conformance/oracle-networks.txt (Engine 20.10) and moby v28 where its words changed.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { bufferIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';
import { networkEngine } from './testkit';

const setup = networkEngine;

const SERVER = "require('http').createServer((q, s) => { console.log('got ' + q.url + ' for ' + q.headers.host); s.end('hello from api\\n'); }).listen(3000)";

async function withApi(extra: string[] = []) {
  const t = setup();
  expect((await t.run(['pull', '-q', 'busybox'])).code).toBe(0);
  expect((await t.run(['network', 'create', 'nat'])).out).toMatch(/^[0-9a-f]{64}\n$/);
  const api = await t.run(['run', '-d', '--network', 'nat', '--name', 'api', ...extra, 'node:20-alpine', 'node', '-e', SERVER]);
  expect(api.code).toBe(0);
  t.env.clock.advance(500);
  await t.engine.containers.advance();
  return t;
}

describe('Container DNS on a user-defined network', () => {
  it('lets a busybox wget in another container reach the server by its container name, without -p', async () => {
    const { run } = await withApi();
    const r = await run(['run', '--rm', '--network', 'nat', 'busybox', 'wget', '-qO-', 'http://api:3000/']);
    expect(r).toEqual({ code: 0, out: 'hello from api\n', err: expect.not.stringContaining('wget') });
    expect((await run(['logs', 'api'])).out).toBe('got / for api:3000\n');
  });

  it('lets a Node fetch reach it by name too', async () => {
    const { run } = await withApi();
    const r = await run(['run', '--rm', '--network', 'nat', 'node:20-alpine', 'node', '-e', "fetch('http://api:3000/items').then(r => r.text()).then(t => console.log(r = t.trim()))"]);
    expect(r.out).toBe('hello from api\n');
    expect(r.code).toBe(0);
  });

  it('lets a container reach its own server by its own name', async () => {
    const { env, engine, run } = await withApi();
    const self = "const srv = require('http').createServer((q, s) => s.end('me\\n')).listen(3000, () => setTimeout(() => fetch('http://me:3000/').then(r => r.text()).then(t => { console.log('self ' + t.trim()); srv.close(); }), 100))";
    expect((await run(['run', '-d', '--network', 'nat', '--name', 'me', 'node:20-alpine', 'node', '-e', self])).code).toBe(0);
    env.clock.advance(1000);
    await engine.containers.advance();
    expect((await run(['logs', 'me'])).out).toBe('self me\n');
    expect((await run(['ps', '-a', '--filter', 'name=me', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(0\) /);
  });

  it('lets a server ask back the container whose request it is serving', async () => {
    const { env, engine, run } = setup();
    expect((await run(['network', 'create', 'nat'])).code).toBe(0);
    const back = "require('http').createServer((q, s) => fetch('http://front:3000/').then(r => r.text()).then(t => s.end('back saw ' + t))).listen(3000)";
    const front = "const srv = require('http').createServer((q, s) => s.end('front')).listen(3000, () => setTimeout(() => fetch('http://back:3000/').then(r => r.text()).then(t => { console.log(t); srv.close(); }), 100))";
    expect((await run(['run', '-d', '--network', 'nat', '--name', 'back', 'node:20-alpine', 'node', '-e', back])).code).toBe(0);
    expect((await run(['run', '-d', '--network', 'nat', '--name', 'front', 'node:20-alpine', 'node', '-e', front])).code).toBe(0);
    env.clock.advance(1000);
    await engine.containers.advance();
    expect((await run(['logs', 'front'])).out).toBe('back saw front\n');
  });

  it('resolves a --network-alias and the short container ID', async () => {
    const { run, engine } = await withApi(['--network-alias', 'backend']);
    expect((await run(['run', '--rm', '--network', 'nat', 'busybox', 'wget', '-qO-', 'http://backend:3000/'])).out).toBe('hello from api\n');
    const id = engine.containers.get('api')!.id.slice(0, 12);
    expect((await run(['run', '--rm', '--network', 'nat', 'busybox', 'wget', '-qO-', `http://${id}:3000/`])).out).toBe('hello from api\n');
  });

  it('refuses a port nothing listens on with the address the name resolved to (as BusyBox wget says)', async () => {
    const { run } = await withApi();
    const r = await run(['run', '--rm', '--network', 'nat', 'busybox', 'wget', '-qO-', 'http://api:3001/']);
    expect(r.code).toBe(1);
    expect(r.err).toBe("wget: can't connect to remote host (172.18.0.2): Connection refused\n");
  });

  it('does not resolve names on the default bridge, as in Docker', async () => {
    const { run } = await withApi();
    const r = await run(['run', '--rm', 'busybox', 'wget', '-qO-', 'http://api:3000/']);
    expect(r.code).toBe(1);
    expect(r.err).toBe("wget: bad address 'api'\n");
  });

  it('resolves nothing from --network none, whose /etc/hosts has no address line', async () => {
    const { run } = await withApi();
    expect((await run(['run', '--rm', '--network', 'none', 'busybox', 'wget', '-qO-', 'http://api:3000/'])).err).toBe("wget: bad address 'api'\n");
    const hosts = await run(['run', '--rm', '--network', 'none', 'busybox', 'cat', '/etc/hosts']);
    expect(hosts.out).not.toMatch(/^172\./m);
  });
});

describe('--network host', () => {
  it("serves on the host's own port without -p, and the container has no address of its own", async () => {
    const { run } = setup();
    const r = await run(['run', '-d', '--network', 'host', '--name', 'hostweb', 'node:20-alpine', 'node', '-e', SERVER.replace('3000', '8088')]);
    expect(r.code).toBe(0);
    expect(await run(['curl', 'http://localhost:8088/'])).toEqual({ code: 0, out: 'hello from api\n', err: '' });
    const nets = JSON.parse((await run(['inspect', 'hostweb', '--format', '{{json .NetworkSettings.Networks}}'])).out);
    expect(Object.keys(nets)).toEqual(['host']);
    expect(nets.host.IPAddress).toBe('');
  });
});

describe('Network addresses and removal', () => {
  it('shows the container addresses in container and network inspect', async () => {
    const { run, engine } = await withApi();
    const client = await run(['run', '-d', '--network', 'nat', '--name', 'client', 'busybox', 'sleep', '300']);
    expect(client.code).toBe(0);
    const nets = JSON.parse((await run(['inspect', 'client', '--format', '{{json .NetworkSettings.Networks}}'])).out);
    expect(Object.keys(nets)).toEqual(['nat']);
    expect(nets.nat).toMatchObject({ IPAddress: '172.18.0.3', IPPrefixLen: 16, Gateway: '172.18.0.1', MacAddress: '02:42:ac:12:00:03', NetworkID: engine.networks.get('nat')!.Id });
    expect((await run(['ps', '--filter', 'network=nat', '--format', '{{.Names}} {{.Networks}}'])).out).toBe('client nat\napi nat\n');
    expect((await run(['ps', '--filter', 'network=bridge', '-q'])).out).toBe('');
    const containers = JSON.parse((await run(['network', 'inspect', 'nat', '-f', '{{json .Containers}}'])).out);
    expect(Object.values(containers).map((c) => (c as { Name: string; IPv4Address: string }).IPv4Address).sort()).toEqual(['172.18.0.2/16', '172.18.0.3/16']);
  });

  it('refuses to remove a network with a running container (moby v28 libnetwork text), then removes it once stopped', async () => {
    const { run, engine } = await withApi();
    const rm = await run(['network', 'rm', 'nat']);
    expect(rm.code).toBe(1);
    const ep = engine.containers.get('api')!.networks!.nat.EndpointID.slice(0, 12);
    expect(rm.err).toBe(`Error response from daemon: error while removing network: network nat has active endpoints (name:"api" id:"${ep}")\nexit status 1\n`);
    expect((await run(['stop', '-t', '0', 'api'])).code).toBe(0);
    expect(await run(['network', 'rm', 'nat'])).toEqual({ code: 0, out: 'nat\n', err: '' });
    // The stopped container's network is gone: it cannot start again.
    const start = await run(['start', 'api']);
    expect(start.err).toContain('network nat not found');
  });
});

describe('Replays (each headless CLI call restores the engine)', () => {
  it('gives a restored client the replies it got before, without asking the server again', async () => {
    const { env, engine, run } = await withApi();
    const poll = "setInterval(() => fetch('http://api:3000/').then(r => r.text()).then(t => console.log('got ' + t.trim())), 1000)";
    expect((await run(['run', '-d', '--network', 'nat', '--name', 'poller', 'node:20-alpine', 'node', '-e', poll])).code).toBe(0);
    env.clock.advance(3500);
    await engine.containers.advance();
    const before = { poller: (await run(['logs', 'poller'])).out, api: (await run(['logs', 'api'])).out };
    expect(before.poller).toBe('got hello from api\n'.repeat(3));
    const next = new Engine({ env, snapshot: JSON.parse(JSON.stringify(engine.snapshot())) });
    next.sandbox = new InProcessHost();
    const logs = async (name: string) => {
      const io = bufferIO();
      await next.run(['logs', name], io);
      return io.out;
    };
    expect(await logs('poller')).toBe(before.poller);
    expect(await logs('api')).toBe(before.api);
  });

  it('serves a request a detached container makes after its command returned, at the same virtual time in every replay', async () => {
    const { env, engine, run } = await withApi();
    const web = await run(['run', '-d', '--network', 'nat', '--name', 'web', 'busybox', 'sh', '-c', 'sleep 1; wget -qO- http://api:3000/']);
    expect(web.code).toBe(0);
    const startedAt = engine.containers.get('web')!.state.StartedAt;
    const stamp = (t: number) => new Date(t).toISOString().replace('Z', '000000Z');
    // The next CLI call comes 2 s later: a fresh engine restores the state and replays both containers.
    const saved = JSON.stringify(engine.snapshot());
    env.clock.advance(2000);
    const later = async (snapshot: string, argv: string[][]) => {
      const e = new Engine({ env, snapshot: JSON.parse(snapshot) });
      e.sandbox = new InProcessHost();
      const outs: string[] = [];
      for (const a of argv) {
        const io = bufferIO();
        await e.run(a, io);
        outs.push(io.out);
      }
      return { outs, snapshot: JSON.stringify(e.snapshot()) };
    };
    const first = await later(saved, [['logs', '-t', 'web'], ['ps', '-a', '--filter', 'name=web', '--format', '{{.Status}}'], ['logs', '-t', 'api']]);
    // The reply lands 1 ms after the request, which api served at the request's virtual time.
    expect(first.outs[0]).toBe(`${stamp(startedAt + 1001)} hello from api\n`);
    expect(first.outs[1]).toMatch(/^Exited \(0\) /);
    expect(first.outs[2]).toBe(`${stamp(startedAt + 1000)} got / for api:3000\n`);
    // Replayed from the recorded reply, and asked afresh from the older state: the same output every time.
    const again = await later(first.snapshot, [['logs', '-t', 'web'], ['logs', '-t', 'api']]);
    expect(again.outs).toEqual([first.outs[0], first.outs[2]]);
    const fresh = await later(saved, [['logs', '-t', 'web']]);
    expect(fresh.outs).toEqual([first.outs[0]]);
  });
});
