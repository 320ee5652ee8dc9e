import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { NPM_REGISTRY_FILE } from '../../../../node/npm-registry';
import { WorkerProcess, type WorkerLike } from '../../worker-host';
import { createWorkerCore } from '../../worker-core';
import type { HostMessage } from '../../protocol';
import { imageFs, T0 } from '../../test-helpers';
import { encodeText, readText } from '../../fs-helpers';
import { setNpmRegistryLoader } from './source';

afterAll(() => setNpmRegistryLoader(null));

describe('the npm registry in a worker host', () => {
  it('reaches a worker before its process starts, so npm install there writes real files back to the host', async () => {
    // An asynchronous loader, as in the browser: the host must wait for it before the worker gets the process.
    setNpmRegistryLoader(() => new Promise((r) => setTimeout(() => r(new Uint8Array(readFileSync(NPM_REGISTRY_FILE))), 20)));
    const sent: string[] = [];
    let proc: WorkerProcess | null = null;
    const core = createWorkerCore((m) => setTimeout(() => proc?.handle(structuredClone(m)), 0));
    const w: WorkerLike = {
      postMessage(m: HostMessage) {
        sent.push(m.t);
        const copy = structuredClone(m);
        setTimeout(() => core(copy), 0);
      },
      terminate() {},
    };
    const fs = imageFs('node');
    fs.mkdir('/app');
    fs.writeFile('/app/package.json', encodeText(JSON.stringify({ name: 'w', version: '1.0.0', dependencies: { ms: '^2.1.3' } })));
    let out = '';
    proc = new WorkerProcess(1, 'sh', w, { argv: ['sh', '-c', 'npm install'], env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '22.12.0', HOME: '/root' }, cwd: '/app', hostname: 'h', tty: false, interactive: false, fs, startTime: T0 }, { wallNow: () => 0, setInterval: () => 0, clearInterval: () => {} });
    proc.onOutput((e) => (out += e.text));
    await proc.advanceTo(T0 + 600_000);
    expect(sent.slice(0, 3)).toEqual(['npm-registry', 'spawn', 'advance']);
    expect(out).toMatch(/^\nadded 1 package in \d+(ms|s)\n/);
    expect(proc.exitStatus()?.code).toBe(0);
    expect(JSON.parse(readText(fs, '/app/node_modules/ms/package.json')!)).toMatchObject({ name: 'ms' });
  });
});
