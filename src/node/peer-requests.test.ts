/**
 * Containers reaching each other by name in the headless CLI, where every call restores the state and replays
 * the detached containers up to now: a request that a detached container makes after the command that started
 * it has returned is served in a later call, and every later call shows the same log.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/layerlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const state = join(dir, 'state');

function layerlab(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, LAYERLAB_STATE: state }, input: '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SERVER = "require('http').createServer((q,s)=>{console.log('got '+q.url);s.end('hi\\n')}).listen(3000)";
const stamp = (line: string) => Date.parse(line.slice(0, 23) + 'Z');

describe('Container DNS across headless CLI calls', { timeout: 180_000 }, () => {
  it("serves a detached container's later request in the next call, with the same logs in every call", async () => {
    expect(layerlab('network', 'create', 'nat').code).toBe(0);
    expect(layerlab('run', '-d', '--network', 'nat', '--name', 'api', 'node:20-alpine', 'node', '-e', SERVER).code).toBe(0);
    expect(layerlab('run', '--rm', '--network', 'nat', 'busybox', 'wget', '-qO-', 'http://api:3000/')).toMatchObject({ code: 0, out: 'hi\n' });
    expect(layerlab('run', '-d', '--network', 'nat', '--name', 'web', 'busybox', 'sh', '-c', 'sleep 1; wget -qO- http://api:3000/later').code).toBe(0);
    await new Promise((r) => setTimeout(r, 2000));
    const logs = layerlab('logs', '-t', 'web');
    expect(logs).toMatchObject({ code: 0, err: '' });
    expect(logs.out).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hi\n$/);
    expect(layerlab('ps', '-a', '--filter', 'name=web', '--format', '{{.Status}}').out).toMatch(/^Exited \(0\) /);
    // api served both requests, the later one at the virtual time web sent it (1 ms before web got the reply).
    const api = layerlab('logs', '-t', 'api');
    expect(api.out).toMatch(/^\S+ got \/\n\S+ got \/later\n$/);
    expect(stamp(api.out.split('\n')[1])).toBe(stamp(logs.out) - 1);
    expect(layerlab('ps', '--filter', 'name=api', '--format', '{{.Status}}').out).toMatch(/^Up /);
    // Later calls replay both containers and print the same.
    expect(layerlab('logs', '-t', 'web').out).toBe(logs.out);
    expect(layerlab('logs', '-t', 'api').out).toBe(api.out);
  });
});
