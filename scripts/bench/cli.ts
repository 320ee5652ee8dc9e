/**
 * The headless CLI's cold start: `layerlab version`, `ps` and `image ls` on an empty store, as whole processes
 * launched as users launch them (the package's bin executed, as `docker` is), side by side with the docker client's
 * `docker --version` and with `node -e 0` (Node's own start, the floor under any Node CLI; also without
 * NODE_EXTRA_CA_CERTS, which the bin does not make Node read) on the same machine: the commands run in turn, round
 * after round, and medians are compared. `node bin/layerlab.mjs version` is measured beside them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, ms, type Row } from './table';

const BIN = resolve(import.meta.dirname, '../../bin/layerlab.cjs');
const MJS = resolve(import.meta.dirname, '../../bin/layerlab.mjs');

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
    const env: NodeJS.ProcessEnv = { ...process.env, LAYERLAB_STATE: join(dir, 'state') };
    timed(BIN, ['version'], env); // builds the bundle if a source changed
    const noCa = { ...env };
    delete noCa.NODE_EXTRA_CA_CERTS;
    const docker = ['/usr/local/bin/docker', '/usr/bin/docker'].find((p) => existsSync(p));
    const commands: [string, string, string[], NodeJS.ProcessEnv?][] = [
      ['version', BIN, ['version']],
      ['ps', BIN, ['ps']],
      ['image ls', BIN, ['image', 'ls']],
      ['node bin/layerlab.mjs version', process.execPath, [MJS, 'version']],
      ['node -e 0', process.execPath, ['-e', '0']],
      ['node -e 0 without NODE_EXTRA_CA_CERTS', process.execPath, ['-e', '0'], noCa],
      ...(docker ? [['docker --version', docker, ['--version']] as [string, string, string[]]] : []),
    ];
    const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) for (const [name, cmd, args, e] of commands) times.get(name)!.push(timed(cmd, args, e ?? env));
    const m = (name: string) => median(times.get(name)!);
    const v = m('version');
    const node = `\`node -e 0\` ${ms(m('node -e 0'))} (${ms(m('node -e 0 without NODE_EXTRA_CA_CERTS'))} without NODE_EXTRA_CA_CERTS${env.NODE_EXTRA_CA_CERTS ? '' : ', unset here'})`;
    const rows: Row[] = [
      { issue: '18', figure: 'CLI cold start, `layerlab version`, empty store (median)', value: ms(v), target: '≤ 150 ms', pass: v <= 150, note: `${runs} runs; ${node}; \`ps\` ${ms(m('ps'))}, \`image ls\` ${ms(m('image ls'))}; \`node bin/layerlab.mjs version\` ${ms(m('node bin/layerlab.mjs version'))}` },
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
