import { describe, expect, it } from 'vitest';
import { ok, err, engineError } from '../core/errors';
import { testEnv } from '../core/env';
import { NetworkStore, type ContainerAccess } from './store';
import type { ContainerView } from './types';

function setup(containers: ContainerView[] = []) {
  const access: ContainerAccess = {
    list: () => containers,
    find: (ref) => {
      const c = containers.find((x) => x.name === ref || x.id === ref);
      return c ? ok(c) : err(engineError('containers.no-such', `No such container: ${ref}`));
    },
  };
  return new NetworkStore(testEnv(), () => access);
}

const view = (name: string, running: boolean): ContainerView => ({ id: name.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a'), name, running, networks: {} });

describe('NetworkStore', () => {
  it('has the built-in networks, listed by name like docker network ls', () => {
    const s = setup();
    expect(s.list().map((n) => [n.Name, n.Driver])).toEqual([['bridge', 'bridge'], ['host', 'host'], ['none', 'null']]);
    expect(s.get('default')?.Name).toBe('bridge');
    expect(s.get('bridge')?.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]);
  });

  it('gives user networks the next default pools in order, and a subnet given by --subnet', () => {
    const s = setup();
    const a = s.create('a');
    const b = s.create('b');
    const c = s.create('c', { subnet: '10.10.0.0/24' });
    expect([a, b, c].map((r) => (r.ok ? r.value.IPAM.Config[0] : null))).toEqual([
      { Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' },
      { Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' },
      { Subnet: '10.10.0.0/24', Gateway: '10.10.0.1' },
    ]);
    expect(s.get(a.ok ? a.value.Id.slice(0, 6) : '')?.Name).toBe('a');
  });

  it("refuses what Docker refuses, in the daemon's words", () => {
    const s = setup();
    s.create('nat');
    const msg = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : r.error!.message);
    expect(msg(s.create('nat'))).toBe('network with name nat already exists');
    expect(msg(s.create('host'))).toBe('operation is not permitted on predefined host network');
    expect(msg(s.create('x', { driver: 'nosuchdrv' }))).toBe('plugin "nosuchdrv" not found');
    expect(msg(s.create('x', { driver: 'overlay' }))).toMatch(/^This node is not a swarm manager/);
    expect(msg(s.remove('bridge'))).toBe('bridge is a pre-defined network and cannot be removed');
    expect(msg(s.remove('nosuch'))).toBe('network nosuch not found');
  });

  it('addresses running endpoints from .2 up, reusing the lowest free one', () => {
    const web = view('web', true);
    const db = view('db', true);
    const s = setup([web, db]);
    const n = s.create('nat');
    if (!n.ok) throw new Error('create');
    expect(s.connect('nat', 'web', { aliases: ['w'] })).toEqual({ ok: true, value: undefined });
    expect(s.connect('nat', 'db')).toEqual({ ok: true, value: undefined });
    expect([web.networks.nat.IPAddress, db.networks.nat.IPAddress]).toEqual(['172.18.0.2', '172.18.0.3']);
    expect(web.networks.nat.MacAddress).toBe('02:42:ac:12:00:02');
    expect(web.networks.nat.Aliases).toEqual(['w']);
    web.running = false;
    const again = view('again', true);
    expect(s.attach(n.value, again).ok && again.networks.nat.IPAddress).toBe('172.18.0.2');
  });

  it('blocks rm while a container runs on the network, and prune spares it', () => {
    const web = view('web', true);
    const s = setup([web]);
    s.create('nat');
    s.create('spare');
    s.connect('nat', 'web');
    const r = s.remove('nat');
    expect(r.ok ? '' : r.error.message).toBe(`error while removing network: network nat has active endpoints (name:"web" id:"${web.networks.nat.EndpointID.slice(0, 12)}")`);
    expect(s.prune()).toEqual(['spare']);
    web.running = false;
    expect(s.remove('nat').ok).toBe(true);
  });

  it('connect and disconnect errors', () => {
    const web = view('web', false);
    const s = setup([web]);
    s.create('nat');
    s.connect('nat', 'web');
    const msg = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : r.error!.message);
    expect(msg(s.connect('nat', 'web'))).toBe('endpoint with name web already exists in network nat');
    expect(msg(s.connect('nosuch', 'web'))).toBe('network nosuch not found');
    expect(msg(s.connect('nat', 'nosuch'))).toBe('No such container: nosuch');
    expect(s.disconnect('nat', 'web').ok).toBe(true);
    expect(msg(s.disconnect('nat', 'web'))).toBe(`container ${web.id} is not connected to network nat`);
  });

  it('keeps user networks (and when the built-ins were made) in its snapshot, and drops broken entries', () => {
    const s = setup();
    s.create('nat', { labels: { a: 'b' } });
    const snap = JSON.parse(JSON.stringify(s.snapshot()));
    snap.networks.push({ Name: '../bad', Id: 'x' });
    const t = setup();
    t.restore(snap);
    expect(t.list().map((n) => n.Name)).toEqual(['bridge', 'host', 'nat', 'none']);
    expect(t.get('nat')).toEqual(s.get('nat'));
  });
});
