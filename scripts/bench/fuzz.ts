/** Issue 8: runs the fuzz/property and hostile-input suites (Vitest, JSON reporter) and reports their counts. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './table';

interface JsonReport {
  testResults: { name: string; assertionResults: { title: string; status: string }[] }[];
}

export function benchFuzz(runs = Number(process.env.FUZZ_RUNS) || 10_000): Row[] {
  const out = join(mkdtempSync(join(tmpdir(), 'll-bench-')), 'fuzz.json');
  const r = spawnSync('npx', ['vitest', 'run', 'tests/fuzz', 'tests/hostile', '--reporter=json', `--outputFile=${out}`], {
    env: { ...process.env, FUZZ_RUNS: String(runs) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
  } catch {
    return [{ issue: '8', figure: 'fuzz and hostile suites', value: `not measured: vitest did not report (exit ${r.status}): ${(r.stderr || '').slice(-300)}`, target: 'all pass', pass: null }];
  }
  const rows: Row[] = [];
  for (const f of report.testResults.sort((a, b) => a.name.localeCompare(b.name))) {
    const tests = f.assertionResults.filter((t) => t.status !== 'todo' && t.status !== 'skipped' && t.status !== 'pending');
    const passed = tests.filter((t) => t.status === 'passed').length;
    const todo = f.assertionResults.length - tests.length;
    const name = f.name.replace(/^.*?\/tests\//, 'tests/');
    const fuzz = name.includes('/fuzz/');
    rows.push({
      issue: '8',
      figure: fuzz ? `fuzz ${name}` : `hostile ${name}`,
      value: `${passed}/${tests.length} pass${fuzz ? `, ${runs.toLocaleString('en')} cases per main property` : ''}${todo ? `, ${todo} known issue${todo === 1 ? '' : 's'} listed (it.todo)` : ''}`,
      target: fuzz ? '≥ 10,000 cases, all pass' : 'all pass',
      pass: passed === tests.length && tests.length > 0 && (!fuzz || runs >= 10_000),
    });
  }
  return rows;
}
