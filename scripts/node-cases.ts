/**
 * Runs Node fixture cases with the real `node` and writes what it printed beside the cases: each case's tree is
 * laid out under a fresh temporary directory and its main file run from `app/`, FIXTURE_ROOT naming the directory
 * so the programs print container paths (the directory is cut from stderr). Used by the record-node-* scripts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ResolutionCase } from '../src/engine/runtime/nodejs/testdata/resolution-cases';

const TESTDATA = join(dirname(new URL(import.meta.url).pathname), '../src/engine/runtime/nodejs/testdata');

export function recordNodeCases(json: string, cases: ResolutionCase[]): void {
  const out: Record<string, { stdout: string; stderr: string; code: number; node: string }> = {};
  for (const c of cases) {
    const root = mkdtempSync(join(tmpdir(), 'layerlab-node-case-'));
    for (const [p, text] of Object.entries(c.files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    let stdout = '';
    let stderr = '';
    let code = 0;
    try {
      stdout = execFileSync('node', [join(root, c.main)], { cwd: join(root, 'app'), env: { PATH: process.env.PATH, FIXTURE_ROOT: root }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string; status?: number };
      stdout = failed.stdout ?? '';
      stderr = failed.stderr ?? '';
      code = failed.status ?? 1;
    }
    out[c.name] = { stdout, stderr: stderr.split(root).join(''), code, node: process.version };
    rmSync(root, { recursive: true, force: true });
  }
  writeFileSync(join(TESTDATA, json), JSON.stringify(out, null, 2) + '\n');
  console.log(`${json}: recorded ${Object.keys(out).length} cases with node ${process.version}`);
}
