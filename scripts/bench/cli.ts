/**
 * The headless CLI's cold start: `layerlab version`, `ps` and `image ls` on an empty store, as whole processes,
 * side by side with the docker client's `docker --version` and with `node -e 0` (Node's own start, the floor under
 * any Node CLI) on the same machine: the commands run in turn, round after round, and medians are compared.
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
    const env = { ...process.env, LAYERLAB_STATE: join(dir, 'state') };
    timed(process.execPath, [BIN, 'version'], env); // builds the bundle if a source changed
    const docker = ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p));
    const commands: [string, string, string[]][] = [
      ['version', process.execPath, [BIN, 'version']],
      ['ps', process.execPath, [BIN, 'ps']],
      ['image ls', process.execPath, [BIN, 'image', 'ls']],
      ['node -e 0', process.execPath, ['-e', '0']],
      ...(docker ? [['docker --version', docker, ['--version']] as [string, string, string[]]] : []),
    ];
    const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) for (const [name, cmd, args] of commands) times.get(name)!.push(timed(cmd, args, env));
    const m = (name: string) => median(times.get(name)!);
    const v = m('version');
    const node = `\`node -e 0\` ${ms(m('node -e 0'))}`;
    const rows: Row[] = [
      { issue: '18', figure: 'CLI cold start, `layerlab version`, empty store (median)', value: ms(v), target: '≤ 150 ms', pass: v <= 150, note: `${runs} runs; ${node}; \`ps\` ${ms(m('ps'))}, \`image ls\` ${ms(m('image ls'))}` },
    ];
    if (docker) {
      const d = m('docker --version');
      rows.push({ issue: '18', figure: 'CLI cold start vs `docker --version`, same machine', value: `${(v / d).toFixed(1)}x (${ms(d)})`, target: '≤ 3x', pass: v / d <= 3, note: `${docker}; ${node} alone is ${(m('node -e 0') / d).toFixed(1)}x` });
    } else {
      rows.push({ issue: '18', figure: 'CLI cold start vs `docker --version`', value: 'not measured: no docker client on this machine', target: '≤ 3x', pass: null });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
