/**
 * "First request served": the wall time from `docker run -d -p 3000:80` of the Node course's goals app (express 4
 * and body-parser from the offline registry, built first) to the first 200 answer on the published port, in
 * process (median of 5 runs after a warm-up). The containers' virtual clock moves 10 ms per poll while waiting.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../src/engine/engine';
import { testEnv } from '../../src/engine/core/env';
import { memoryContext } from '../../src/engine/core/host';
import { bufferIO } from '../../src/engine/core/io';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';
import { setNpmRegistryLoader } from '../../src/engine/runtime/packages/npm-registry/source';
import { NPM_REGISTRY_FILE, diskNpmRegistry } from '../../src/node/npm-registry';
import { median, ms, notMeasured, type Row } from './table';

const FIGURE = 'first request served: docker run -d -p of the express goals app to the first 200 (median)';
const SERVER = `const express = require('express');
const bodyParser = require('body-parser');
const app = express();
app.use(bodyParser.urlencoded({ extended: false }));
app.get('/', (req, res) => res.send('<h2>My Course Goal</h2>'));
app.listen(80);
`;

export async function benchFirstRequest(): Promise<Row[]> {
  if (!existsSync(NPM_REGISTRY_FILE)) return [notMeasured('npm', FIGURE, '< 1000 ms', 'npm registry not packed')];
  setNpmRegistryLoader(diskNpmRegistry());
  const env = testEnv();
  const engine = new Engine({
    env,
    context: memoryContext({
      Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 80\nCMD ["node", "server.js"]\n',
      'package.json': JSON.stringify({ name: 'goals', dependencies: { express: '^4.17.1', 'body-parser': '^1.19.0' } }),
      'server.js': SERVER,
    }),
  });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  /** Waits for a promise while the containers' virtual clock moves on, 10 ms at a time. */
  const settle = async <T>(p: Promise<T>): Promise<T> => {
    let done = false;
    void p.finally(() => (done = true));
    for (let i = 0; i < 500 && !done; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (done) break;
      env.clock.advance(10);
      await engine.containers.advance();
    }
    return p;
  };
  const docker = async (...argv: string[]) => {
    const io = bufferIO();
    return { code: await settle(engine.run(argv, io)), err: io.err };
  };
  const b = await docker('build', '-q', '-t', 'goals', '.');
  if (b.code !== 0) return [notMeasured('npm', FIGURE, '< 1000 ms', `build failed: ${b.err.split('\n')[0]}`)];
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const r = await docker('run', '-d', '--name', `goals${i}`, '-p', '3000:80', 'goals');
    if (r.code !== 0) return [notMeasured('npm', FIGURE, '< 1000 ms', `docker run failed: ${r.err.split('\n')[0]}`)];
    let served = false;
    for (let k = 0; k < 50 && !served; k++) {
      const res = await settle(engine.http(3000, { method: 'GET', path: '/', headers: {} }));
      served = res.ok && res.value.status === 200;
    }
    if (!served) {
      const logs = bufferIO();
      await settle(engine.run(['logs', `goals${i}`], logs));
      return [notMeasured('npm', FIGURE, '< 1000 ms', `no 200 answer: ${JSON.stringify(await settle(engine.http(3000, { method: 'GET', path: '/', headers: {} }))).slice(0, 200)} ${logs.err.slice(0, 300)}`)];
    }
    if (i > 0) times.push(performance.now() - t0);
    await docker('rm', '-f', `goals${i}`);
  }
  const m = median(times);
  return [{ issue: 'npm', figure: FIGURE, value: ms(m), target: '< 1000 ms', pass: m < 1000, note: 'in process, image already built' }];
}

if (process.argv[1]?.endsWith('serve.ts')) for (const r of await benchFirstRequest()) console.log(`${r.figure}: ${r.value} (target ${r.target})`);
