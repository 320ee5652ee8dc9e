/**
 * Compares every registered command's `--help` (canonical path and aliases) with the real docker client's:
 *   npx tsx scripts/compare-help.ts            # summary and the first differing line of each screen
 * Needs the docker 28 client (`/usr/local/bin/docker`, or DOCKER28=path); no daemon needed for help.
 * Informational (exit 0): commands may knowingly show fewer flags than docker.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Engine } from '../src/engine/engine';
import { testEnv } from '../src/engine/core/env';
import { bufferIO } from '../src/engine/core/io';
import { commands } from '../src/engine/cli/commands/index';

const CLIENT = process.env.DOCKER28 || '/usr/local/bin/docker';

async function main(): Promise<number> {
  if (!existsSync(CLIENT)) {
    process.stderr.write(`compare-help: no docker client at ${CLIENT}\n`);
    return 0;
  }
  let same = 0;
  const diffs: string[] = [];
  for (const c of commands) {
    for (const p of [c.path, ...(c.aliases ?? [])]) {
      const real = spawnSync(CLIENT, [...p, '--help'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' } });
      const io = bufferIO();
      await new Engine({ env: testEnv() }).run([...p, '--help'], io);
      if (real.stdout === io.out) {
        same++;
        continue;
      }
      const a = real.stdout.split('\n');
      const b = io.out.split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      diffs.push(`docker ${p.join(' ')} --help, line ${i + 1}\n  docker:   ${JSON.stringify(a[i])}\n  Layerlab: ${JSON.stringify(b[i])}`);
    }
  }
  process.stdout.write(`${diffs.join('\n')}\n\ncompare-help: ${same}/${same + diffs.length} help screens identical to ${CLIENT}\n`);
  return 0;
}

main().then((code) => process.exit(code));
