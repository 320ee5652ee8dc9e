/**
 * The offline npm registry's figures: its data file (raw and gzip: what the browser fetches on first `npm install`,
 * never part of the initial JavaScript) and the wall time of a build whose `RUN npm install` installs express 4
 * (71 real packages), in process, with the registry already read (median of 5, after a warm-up).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'fflate';
import { testEngine } from '../../src/engine/build/testkit';
import { setNpmRegistryLoader } from '../../src/engine/runtime/packages/npm-registry/source';
import { NPM_REGISTRY_FILE, diskNpmRegistry } from '../../src/node/npm-registry';
import { median, ms, notMeasured, type Row } from './table';

const ISSUE = 'npm';

export async function benchNpm(): Promise<Row[]> {
  if (!existsSync(NPM_REGISTRY_FILE)) return [notMeasured(ISSUE, 'npm registry data (raw / gzip)', 'lazily loaded', 'not packed (npm run pack:npm-registry)')];
  const raw = readFileSync(NPM_REGISTRY_FILE);
  const gz = gzipSync(raw, { level: 6 }).length;
  setNpmRegistryLoader(diskNpmRegistry());
  const files = {
    Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n',
    'package.json': JSON.stringify({ name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2' } }),
  };
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < 6; i++) {
    const t = testEngine(files);
    const t0 = performance.now();
    const r = await t.build();
    if (i > 0) times.push(performance.now() - t0);
    ok &&= r.exitCode === 0;
  }
  const m = median(times);
  const mbs = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  return [
    { issue: ISSUE, figure: 'npm registry data (raw / gzip), fetched on first npm install', value: `${mbs(raw.length)} / ${mbs(gz)}`, target: 'not in the initial JS', pass: true, note: 'tarballs stored as published (already gzip)' },
    { issue: ISSUE, figure: 'build with RUN npm install express@4 (71 packages, Node, median)', value: ok ? ms(m) : 'build failed', target: '< 3000 ms', pass: ok && m < 3000 },
  ];
}

if (process.argv[1]?.endsWith('npm.ts')) for (const r of await benchNpm()) console.log(`${r.figure}: ${r.value} (target ${r.target})`);
