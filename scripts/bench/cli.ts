/**
 * The headless CLI's cold start: `layerlab version` on an empty store, as a whole process, side by side with the
 * docker client's `docker --version` on the same machine (runs alternate, medians compared).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, ms, type Row } from './table';

const BIN = resolve(import.meta.dirname, '../../bin/layerlab.mjs');

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, stdio: 'ignore' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return t;
}

export function benchCliStart(runs = 15): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'll-bench-cli-'));
  try {
    const env = { ...process.env, LAYERLAB_STATE: join(dir, 'state.json') };
    timed(process.execPath, [BIN, 'version'], env); // builds the bundle if a source changed
    const docker = ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(timed(process.execPath, [BIN, 'version'], env));
      if (docker) theirs.push(timed(docker, ['--version'], env));
    }
    const m = median(ours);
    const rows: Row[] = [{ issue: '18', figure: 'CLI cold start, `layerlab version`, empty store (median)', value: ms(m), target: '≤ 150 ms', pass: m <= 150, note: `${runs} runs` }];
    if (docker) {
      const d = median(theirs);
      rows.push({ issue: '18', figure: 'CLI cold start vs `docker --version`, same machine', value: `${(m / d).toFixed(1)}x (${ms(d)})`, target: '≤ 3x', pass: m / d <= 3, note: docker });
    } else {
      rows.push({ issue: '18', figure: 'CLI cold start vs `docker --version`', value: 'not measured: no docker client on this machine', target: '≤ 3x', pass: null });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
