/**
 * Re-records src/engine/cli/testdata/docker-28-transcripts.json from the real docker 28 client (no daemon needed:
 * help, usage and flag errors are the client's own):
 *   npx tsx scripts/record-cli-transcripts.ts
 * To add a case, add `{ "argv": [...] }` to `cases` (replayed against the CLI front end with stand-in commands,
 * src/engine/cli/docker.test.ts) or to `engineCases` (replayed against a whole Engine,
 * src/engine/cli/transcripts.test.ts), then run this. Needs `/usr/local/bin/docker` (or DOCKER28=path).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLIENT = process.env.DOCKER28 || '/usr/local/bin/docker';
const FILE = fileURLToPath(new URL('../src/engine/cli/testdata/docker-28-transcripts.json', import.meta.url));

interface Case {
  argv: string[];
  stdout?: string;
  stderr?: string;
  code?: number;
}

// HOME=/root: the help texts show the config paths Layerlab shows (/root/.docker).
function record(argv: string[]): Required<Case> {
  const r = spawnSync(CLIENT, argv, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/root' } });
  return { argv, stdout: r.stdout, stderr: r.stderr, code: r.status ?? 1 };
}

function main(): number {
  if (!existsSync(CLIENT)) {
    process.stderr.write(`record-cli-transcripts: no docker client at ${CLIENT}\n`);
    return 1;
  }
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as { client: string; cases: Case[]; engineCases?: Case[]; topLevelHelp: string };
  const version = record(['--version']).stdout;
  data.client = /version ([\d.]+)/.exec(version)?.[1] ?? data.client;
  data.cases = data.cases.map((c) => record(c.argv));
  data.engineCases = (data.engineCases ?? []).map((c) => record(c.argv));
  data.topLevelHelp = record(['--help']).stdout;
  writeFileSync(FILE, JSON.stringify(data, null, 1) + '\n');
  process.stdout.write(`record-cli-transcripts: ${data.cases.length + data.engineCases.length} cases from docker ${data.client}\n`);
  return 0;
}

process.exit(main());
