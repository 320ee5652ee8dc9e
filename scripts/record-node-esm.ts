/**
 * Records what real Node prints for the ES module linking cases and the fetch cases (src/engine/runtime/nodejs/
 * testdata/esm-cases.ts, fetch-cases.ts): each case's tree is laid out under a fresh temporary directory and its main file run with `node`, FIXTURE_ROOT
 * naming the directory so the programs print container paths. Writes esm.json and fetch.json beside the cases.
 * Run: npx tsx scripts/record-node-esm.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESM_CASES } from '../src/engine/runtime/nodejs/testdata/esm-cases';
import { FETCH_CASES } from '../src/engine/runtime/nodejs/testdata/fetch-cases';
import type { ResolutionCase } from '../src/engine/runtime/nodejs/testdata/resolution-cases';

for (const [json, cases] of [['esm.json', ESM_CASES], ['fetch.json', FETCH_CASES]] as [string, ResolutionCase[]][]) {
const out: Record<string, { stdout: string; stderr: string; code: number; node: string }> = {};
for (const c of cases) {
  const root = mkdtempSync(join(tmpdir(), 'layerlab-esm-'));
  for (const [p, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  let stdout = '';
  let stderr = '';
  let code = 0;
  try {
    stdout = execFileSync('node', [join(root, c.main)], { cwd: join(root, 'app'), env: { PATH: process.env.PATH, FIXTURE_ROOT: root }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e: any) {
    stdout = e.stdout ?? '';
    stderr = e.stderr ?? '';
    code = e.status ?? 1;
  }
  out[c.name] = { stdout, stderr: stderr.split(root).join(''), code, node: process.version };
  rmSync(root, { recursive: true, force: true });
}
const file = join(dirname(new URL(import.meta.url).pathname), '../src/engine/runtime/nodejs/testdata', json);
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`${json}: recorded ${Object.keys(out).length} cases with node ${process.version}`);
}
