/**
 * Small real-world apps built from a `FROM node:20-alpine` Dockerfile with `RUN npm install` (real package files
 * from the offline registry) print and serve exactly what real Node 20 printed and served for the same code and
 * the same package versions (tests/node-apps/expected.json, recorded by scripts/record-node-apps.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';
import type { SandboxHost } from '../../src/engine/runtime/process';
import { ChildProcessHost } from '../../src/node/runtime/child-process-host';
import { APP_CASES, COMPARED_HEADERS, type AppCase, type Recorded } from './apps';
import expected from './expected.json';

const recorded = (expected as unknown as { apps: Record<string, Recorded> }).apps;
const APPS = join(import.meta.dirname, 'apps');

function appFiles(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) Object.assign(files, appFiles(p, `${prefix}${entry}/`));
    else files[prefix + entry] = readFileSync(p, 'utf8');
  }
  return files;
}

function setup(name: string, host: SandboxHost) {
  const env = testEnv();
  const engine = new Engine({ env, context: memoryContext(appFiles(join(APPS, name))) });
  engine.sandbox = host;
  engine.registry.sleep = null;
  /** Lets a pending promise finish while the containers' virtual clock moves on, 50 ms at a time. */
  const settle = async <T>(p: Promise<T>): Promise<T> => {
    let done = false;
    void p.finally(() => (done = true));
    for (let i = 0; i < 400 && !done; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (done) break;
      env.clock.advance(50);
      await engine.containers.advance();
    }
    return p;
  };
  const docker = async (...argv: string[]) => {
    const io = bufferIO();
    const code = await settle(engine.run(argv, io));
    return { code, out: io.out, err: io.err };
  };
  return { engine, docker, settle };
}

async function buildApp(c: AppCase, host: SandboxHost) {
  const t = setup(c.name, host);
  const b = await t.docker('build', '-q', '-t', c.name, '.');
  expect(b.code, b.err + b.out).toBe(0);
  // `RUN npm install` put the same versions in the image as the recording installed.
  const names = Object.keys(recorded[c.name].versions);
  const show = "for (const n of process.argv.slice(1)) console.log(n + '@' + JSON.parse(require('fs').readFileSync('node_modules/' + n + '/package.json', 'utf8')).version)";
  const v = await t.docker('run', '--rm', '--entrypoint', 'node', c.name, '-e', show, ...names);
  expect(v.out).toBe(names.map((n) => `${n}@${recorded[c.name].versions[n]}\n`).join(''));
  return t;
}

function compareApps(cases: AppCase[], host: () => SandboxHost) {
  for (const c of cases) {
    const rec = recorded[c.name];
    if (c.runs) {
      it(`${c.name}: docker run prints what node printed`, async () => {
        const t = await buildApp(c, host());
        for (const r of rec.runs ?? []) {
          const got = await t.docker('run', '--rm', c.name, ...r.args);
          expect({ stdout: got.out, stderr: got.err, exitCode: got.code }, `docker run ${c.name} ${r.args.join(' ')}`).toEqual({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
        }
      });
    }
    if (c.requests) {
      it(`${c.name}: the published server answers what node served`, async () => {
        const t = await buildApp(c, host());
        const server = rec.server!;
        const port = String(server.port);
        const run = await t.docker('run', '-d', '--name', 'web', '-p', `8080:${port}`, '-e', `PORT=${port}`, c.name);
        expect(run.code, run.err).toBe(0);
        for (const [i, req] of c.requests!.entries()) {
          const res = await t.settle(t.engine.http(8080, req));
          expect(res.ok, JSON.stringify(res)).toBe(true);
          if (!res.ok) return;
          const headers = Object.fromEntries(COMPARED_HEADERS.filter((h) => res.value.headers[h] !== undefined).map((h) => [h, res.value.headers[h]]));
          expect({ status: res.value.status, headers, body: res.value.body }, `${req.method} ${req.path}`).toEqual(server.responses[i]);
        }
        const logs = await t.docker('logs', 'web');
        expect({ stdout: logs.out, stderr: logs.err }).toEqual({ stdout: server.stdout, stderr: server.stderr });
        expect((await t.docker('rm', '-f', 'web')).code).toBe(0);
      });
    }
  }
}

describe('small apps using real npm packages print and serve what real Node 20 does', () => {
  compareApps(APP_CASES, () => new InProcessHost());
});

describe('the same in child-process sandboxes (the headless CLI), from the bundled runtime', () => {
  compareApps(APP_CASES, () => new ChildProcessHost());
});
