/**
 * Differential conformance against a real Docker engine.
 *
 *   npm run conformance:docker                 # record on the oracle if DOCKER_HOST answers, then compare Layerlab
 *   bash scripts/with-oracle.sh npm run conformance:docker   # start a private oracle first (root or sudo)
 *   npm run conformance:docker -- --no-record  # compare Layerlab with the committed oracle results only
 *   npm run conformance:docker -- --only dockerignore --builder classic
 *
 * Recording plays every scenario of tests/conformance/scenarios/ on the real engine with both builders
 * (`DOCKER_BUILDKIT=1 docker build --progress=plain`, `DOCKER_BUILDKIT=0 docker build`), each scenario starting
 * from an empty build cache, and writes tests/conformance/oracle-results.json (committed, so unit tests can
 * compare without Docker). Then the same scenarios run on Layerlab and are compared build by build: step
 * list, cache outcome per step (FROM excluded), files of the resulting image relative to busybox.
 * Exit 0 when every build agrees or its disagreement is listed in tests/conformance/known-differences.ts.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { formatTable } from '../src/engine/cli/format/tabwriter';
import { compareResults, diffAgainstBase, parseBuildKitSteps, parseClassicSteps, parseTar, resultKey, type Disagreement } from '../tests/conformance/harness';
import { isKnown, knownDifferences, type KnownDifference } from '../tests/conformance/known-differences';
import { layerlabCanBuild, playOnLayerlab } from '../tests/conformance/layerlab-side';
import { buildScenarios } from '../tests/conformance/scenarios/builds';
import { containerSession } from '../tests/conformance/scenarios/containers';
import type { BuildResult, Builder, FileEntry, OracleResults, Scenario } from '../tests/conformance/scenarios/types';

const started = Date.now();
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const RESULTS = join(ROOT, 'tests/conformance/oracle-results.json');
const DOCKER = process.env.ORACLE_DOCKER || '/usr/bin/docker';
const BUILDERS: Builder[] = ['buildkit', 'classic'];

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const noRecord = argv.includes('--no-record');
const recordOnly = argv.includes('--record-only');
const only = opt('--only');
const onlyBuilder = opt('--builder') as Builder | undefined;
const containers = argv.includes('--containers');
const CONTAINERS_RESULTS = join(ROOT, 'tests/conformance/oracle-containers.json');
const CLIENT28 = process.env.ORACLE_DOCKER28 || '/usr/local/bin/docker';

function loud(msg: string): void {
  const bar = '!'.repeat(78);
  process.stderr.write(`\n${bar}\n!! ${msg.split('\n').join('\n!! ')}\n${bar}\n\n`);
}

function docker(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(DOCKER, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
}
const text = (r: { stdout: Buffer | null; stderr: Buffer | null }) => `${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}`;

interface Ran {
  status: number | null;
  stdout: Buffer;
  stderr: Buffer;
}
/** `docker` without blocking the event loop, so an export can run while the next build does and Layerlab plays meanwhile. */
function dockerAsync(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Ran> {
  return new Promise((done) => {
    const p = spawn(DOCKER, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeout: 300_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    p.on('error', (e) => err.push(Buffer.from(String(e))));
    p.on('close', (status) => done({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}
const lines = (r: Ran) => r.stdout.toString().split('\n').filter(Boolean);

/** Wall time per phase of the run (seconds), printed at the end and written to timings/conformance.json. */
const timings: Record<string, number> = {};
async function timed<T>(phase: string, f: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await f();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + (Date.now() - t) / 1000;
  }
}

function oracleAvailable(): string | null {
  if (!process.env.DOCKER_HOST) return 'DOCKER_HOST is not set (run through scripts/with-oracle.sh)';
  if (!existsSync(DOCKER)) return `${DOCKER} not found`;
  const r = docker(['version', '--format', '{{.Server.Version}}']);
  if (r.status !== 0) return `the engine at ${process.env.DOCKER_HOST} does not answer: ${text(r).trim()}`;
  const img = docker(['image', 'inspect', 'busybox:latest', '--format', '{{.Id}}']);
  if (img.status !== 0) return 'the engine has no busybox:latest image';
  return null;
}

/** Empties the daemon except busybox: containers, other images, BuildKit cache. */
async function resetDaemon(busyboxId: string): Promise<void> {
  const [cs, images, vs] = await Promise.all([dockerAsync(['ps', '-aq']), dockerAsync(['images', '-aq', '--no-trunc']), dockerAsync(['volume', 'ls', '-q'])]);
  if (lines(cs).length) await dockerAsync(['rm', '-f', ...lines(cs)]);
  const ids = [...new Set(lines(images))].filter((id) => id !== busyboxId);
  if (ids.length) await dockerAsync(['rmi', '-f', ...ids]);
  // Tags pointing at busybox's ID (none expected) would survive; the build cache and volumes go too.
  await dockerAsync(['builder', 'prune', '-af']);
  if (lines(vs).length) await dockerAsync(['volume', 'rm', '-f', ...lines(vs)]);
}

async function exportFiles(ref: string): Promise<FileEntry[]> {
  const c = await dockerAsync(['create', ref]);
  if (c.status !== 0) throw new Error(`docker create ${ref}: ${text(c)}`);
  const id = c.stdout.toString().trim();
  try {
    const e = await dockerAsync(['export', id]);
    if (e.status !== 0) throw new Error(`docker export: ${text(e)}`);
    return parseTar(new Uint8Array(e.stdout));
  } finally {
    await dockerAsync(['rm', '-f', id]);
  }
}

function writeEdits(dir: string, b: Scenario['builds'][number], step: number): void {
  for (const [p, v] of Object.entries(b.files ?? {})) {
    const abs = join(dir, p);
    if (v === null) {
      if (existsSync(abs)) unlinkSync(abs);
      // Layerlab contexts have no empty directories: remove parents the deletion left empty, as Layerlab sees it.
      for (let d = dirname(abs); d.startsWith(dir + '/') && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    const content = typeof v === 'string' ? v : v.content;
    const had = existsSync(abs);
    writeFileSync(abs, content);
    if (typeof v !== 'string' && v.mode !== undefined) chmodSync(abs, v.mode);
    else if (!had) chmodSync(abs, 0o644);
  }
  for (const [p, mode] of Object.entries(b.chmod ?? {})) chmodSync(join(dir, p), mode);
  for (const p of b.touch ?? []) {
    const t = new Date(Date.now() + (step + 1) * 60_000);
    utimesSync(join(dir, p), t, t);
  }
}

/**
 * Plays one scenario's builds in order. A build's image is exported while the next build runs (a container
 * created from an image changes neither builder's cache); the scenario ends when every export has.
 */
async function recordScenario(s: Scenario, builder: Builder, base: FileEntry[], busyboxId: string): Promise<BuildResult[]> {
  await timed('reset', () => resetDaemon(busyboxId));
  const dir = mkdtempSync(join(tmpdir(), `conformance-${s.name}-`));
  const out: BuildResult[] = [];
  const exports: Promise<void>[] = [];
  try {
    for (let i = 0; i < s.builds.length; i++) {
      const b = s.builds[i];
      writeEdits(dir, b, i);
      const tag = `conformance-${i + 1}`;
      const args = builder === 'buildkit' ? ['build', '--progress=plain', '-t', tag, ...(b.flags ?? []), '.'] : ['build', '-t', tag, ...(b.flags ?? []), '.'];
      const r = await timed('build', () => dockerAsync(args, { cwd: dir, env: { DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' } }));
      const output = text(r);
      const steps = builder === 'buildkit' ? parseBuildKitSteps(output) : parseClassicSteps(output);
      const res: BuildResult = { scenario: s.name, builder, index: i, note: b.note, ok: r.status === 0, steps, files: [], removed: [] };
      const report = () =>
        process.stdout.write(`  recorded ${resultKey(res)}: ${res.ok ? 'ok' : 'failed'}, ${steps.filter((x) => x.cached).length}/${steps.filter((x) => x.cached !== null).length} cached\n`);
      out.push(res);
      if (r.status === 0) {
        // By image ID: a later build of the scenario may move the tag before the export starts.
        const id = (await dockerAsync(['image', 'inspect', '--format', '{{.Id}}', tag])).stdout.toString().trim();
        exports.push(
          timed('export (overlaps builds)', () => exportFiles(id)).then((files) => {
            Object.assign(res, diffAgainstBase(base, files));
            report();
          }),
        );
      } else {
        res.error = output.trim().split('\n').slice(-3).join('\n');
        report();
      }
    }
    await timed('export wait', () => Promise.all(exports));
  } finally {
    await Promise.allSettled(exports);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function selected(): { s: Scenario; builder: Builder }[] {
  const out: { s: Scenario; builder: Builder }[] = [];
  for (const s of buildScenarios) {
    if (only && !s.name.includes(only)) continue;
    for (const builder of s.builders ?? BUILDERS) if (!onlyBuilder || onlyBuilder === builder) out.push({ s, builder });
  }
  return out;
}

async function record(): Promise<OracleResults> {
  const version = docker(['version', '--format', '{{.Server.Version}}']).stdout.toString().trim();
  const busyboxId = docker(['image', 'inspect', 'busybox:latest', '--format', '{{.Id}}']).stdout.toString().trim();
  await resetDaemon(busyboxId);
  const base = await exportFiles('busybox:latest');
  const previous: OracleResults | null = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
  const fresh: BuildResult[] = [];
  const t0 = Date.now();
  for (const { s, builder } of selected()) fresh.push(...(await recordScenario(s, builder, base, busyboxId)));
  await resetDaemon(busyboxId);
  // Keep earlier results of scenarios not replayed this time (--only / --builder).
  const replayed = new Set(fresh.map((r) => `${r.scenario} ${r.builder}`));
  const kept = (previous?.results ?? []).filter((r) => !replayed.has(`${r.scenario} ${r.builder}`) && buildScenarios.some((s) => s.name === r.scenario));
  const order = (r: BuildResult) => buildScenarios.findIndex((s) => s.name === r.scenario) * 1000 + BUILDERS.indexOf(r.builder) * 100 + r.index;
  const results = [...kept, ...fresh].sort((a, b) => order(a) - order(b));
  const data: OracleResults = {
    comment:
      'Recorded by scripts/conformance-docker.ts on a real Docker engine (the oracle, tests/conformance/README.md). Files are relative to busybox; FROM steps have cached=null (not compared).',
    engine: `Docker Engine ${version} (BuildKit via DOCKER_BUILDKIT=1, legacy builder via DOCKER_BUILDKIT=0)`,
    recordedAt: new Date().toISOString(),
    results,
  };
  // Written whole, then renamed: CI's unit tests read the file while this runs.
  writeFileSync(`${RESULTS}.tmp`, JSON.stringify(data, null, 1) + '\n');
  renameSync(`${RESULTS}.tmp`, RESULTS);
  process.stdout.write(`oracle: recorded ${fresh.length} builds in ${((Date.now() - t0) / 1000).toFixed(1)}s → ${RESULTS}\n`);
  return data;
}

/** Plays the selected scenarios on Layerlab (needs no oracle, so it runs while the oracle records). */
async function playAll(): Promise<BuildResult[][]> {
  const all: BuildResult[][] = [];
  for (const { s, builder } of selected()) {
    try {
      all.push(await playOnLayerlab(s, builder));
    } catch (e) {
      all.push(s.builds.map((b, index) => ({ scenario: s.name, builder, index, note: b.note, ok: false, steps: [], files: [], removed: [], error: `Layerlab threw: ${e instanceof Error ? e.stack : String(e)}` })));
    }
    // Let the recording's docker processes be reaped between scenarios.
    await new Promise((r) => setImmediate(r));
  }
  return all;
}

function compare(oracle: OracleResults, played: BuildResult[][]): number {
  const byKey = new Map(oracle.results.map((r) => [resultKey(r), r]));
  const rows: string[][] = [['BUILD', 'STEPS', 'CACHE', 'FILES', 'RESULT', 'NOTE']];
  let agree = 0;
  let total = 0;
  let unexplained = 0;
  const details: string[] = [];
  const used = new Set<KnownDifference>();
  for (const ours of played) {
    for (const r of ours) {
      const key = resultKey(r);
      const o = byKey.get(key);
      if (!o) {
        rows.push([key, '-', '-', '-', 'NOT RECORDED', r.note]);
        continue;
      }
      total++;
      const ds = compareResults(o, r);
      const mark = (w: Disagreement['what']) => (ds.some((d) => d.what === w || (d.what === 'outcome' && w === 'steps')) ? 'differ' : 'ok');
      let verdict = 'agree';
      if (ds.length) {
        for (const d of ds) {
          const k = isKnown(key, d);
          if (k) used.add(k);
        }
        const unknown = ds.filter((d) => !isKnown(key, d));
        if (unknown.length) {
          unexplained++;
          verdict = 'DISAGREE';
        } else verdict = 'known difference';
        details.push(`${key}: ${r.note}\n${ds.map((d) => `  [${d.what}] ${d.detail.split('\n').join('\n    ')}${isKnown(key, d) ? `\n    (known: ${isKnown(key, d)!.reason})` : ''}`).join('\n')}`);
      } else agree++;
      rows.push([key, mark('steps'), mark('cache'), mark('files'), verdict, r.note]);
    }
  }
  const stale = knownDifferences.filter((k) => !used.has(k));
  process.stdout.write('\n' + formatTable(rows));
  if (details.length) process.stdout.write(`\nDetails:\n${details.join('\n\n')}\n`);
  process.stdout.write(`\nconformance: ${agree}/${total} builds agree (${oracle.engine}; ${knownDifferences.length} documented known differences)\n`);
  if (unexplained) process.stdout.write(`conformance: ${unexplained} build(s) disagree without a documented reason\n`);
  if (stale.length && !only && !onlyBuilder)
    process.stdout.write(`conformance: ${stale.length} known difference(s) no longer occur; remove them from tests/conformance/known-differences.ts:\n${stale.map((k) => `  ${String(k.key)}${k.what ? ` [${k.what}]` : ''}`).join('\n')}\n`);
  return unexplained ? 1 : 0;
}

/** Records the container session with the docker 28 client (our persona) against the oracle engine. */
async function recordContainers(): Promise<number> {
  const client = existsSync(CLIENT28) ? CLIENT28 : DOCKER;
  const busyboxId = docker(['image', 'inspect', 'busybox:latest', '--format', '{{.Id}}']).stdout.toString().trim();
  await resetDaemon(busyboxId);
  const ids = new Map<string, string>();
  const placeholders = (t: string) => {
    for (const m of t.match(/\b[0-9a-f]{64}\b/g) ?? []) if (!ids.has(m)) ids.set(m, `<id${ids.size + 1}>`);
    let out = t;
    for (const [full, ph] of ids) out = out.split(full).join(ph).split(full.slice(0, 12)).join(ph.replace('>', ':12>'));
    return out;
  };
  const cases = [];
  for (const c of containerSession) {
    const r = spawnSync(client, c.argv, { input: c.input ?? '', env: process.env, timeout: 60_000 });
    const rec = { note: c.note, argv: c.argv, input: c.input, stdout: r.stdout.toString(), stderr: r.stderr.toString(), code: r.status };
    // Learn IDs from the daemon so short forms in messages are replaced too.
    for (const id of docker(['ps', '-aq', '--no-trunc']).stdout.toString().split('\n').filter(Boolean)) if (!ids.has(id)) ids.set(id, `<id${ids.size + 1}>`);
    // Anonymous volumes have 64-hex names as well.
    for (const v of docker(['volume', 'ls', '-q']).stdout.toString().split('\n').filter((n) => /^[0-9a-f]{64}$/.test(n))) if (!ids.has(v)) ids.set(v, `<id${ids.size + 1}>`);
    for (const id of docker(['images', '-aq', '--no-trunc']).stdout.toString().split('\n').filter(Boolean)) {
      const hex = id.replace(/^sha256:/, '');
      if (!ids.has(hex)) ids.set(hex, hex === busyboxId.replace(/^sha256:/, '') ? '<busybox-id>' : `<image${ids.size + 1}>`);
    }
    rec.stdout = placeholders(rec.stdout);
    rec.stderr = placeholders(rec.stderr);
    cases.push(rec);
    process.stdout.write(`  ${c.argv.join(' ')} → ${r.status}\n`);
  }
  await resetDaemon(busyboxId);
  const server = docker(['version', '--format', '{{.Server.Version}}']).stdout.toString().trim();
  const clientVersion = spawnSync(client, ['version', '--format', '{{.Client.Version}}']).stdout.toString().trim();
  writeFileSync(
    CONTAINERS_RESULTS,
    JSON.stringify(
      {
        comment:
          'Container commands played in order on a real engine by scripts/conformance-docker.ts --containers. IDs replaced: <idN> full, <idN:12> short; images <imageN>, <busybox-id>. Daemon texts are Engine ' +
          server +
          "'s; client texts are the docker " +
          clientVersion +
          " client's. Status times (\"Up 2 seconds\") vary between runs.",
        client: clientVersion,
        engine: server,
        recordedAt: new Date().toISOString(),
        cases,
      },
      null,
      1,
    ) + '\n',
  );
  process.stdout.write(`oracle: recorded ${cases.length} container cases → ${CONTAINERS_RESULTS}\n`);
  return 0;
}

async function main(): Promise<number> {
  if (containers) {
    const why = oracleAvailable();
    if (why) {
      loud(`No real Docker engine: ${why}. Container cases not recorded.`);
      return 1;
    }
    return recordContainers();
  }
  const canBuild = layerlabCanBuild();
  // Layerlab plays the scenarios while the oracle records them: one waits on docker, the other computes.
  const playing = recordOnly || !canBuild ? Promise.resolve([]) : timed('layerlab (overlaps recording)', playAll);
  let oracle: OracleResults | null = null;
  if (!noRecord) {
    const why = await timed('oracle check', async () => oracleAvailable());
    if (why) loud(`No real Docker engine: ${why}.\nComparing Layerlab with the committed results in tests/conformance/oracle-results.json instead.`);
    else oracle = await timed('record', record);
  }
  const played = await timed('layerlab wait', () => playing);
  if (recordOnly) return 0;
  if (!canBuild) {
    loud('Layerlab has no `docker build` command yet: nothing to compare the oracle results with.');
    return 1;
  }
  if (!oracle) {
    if (!existsSync(RESULTS)) {
      loud('No recorded oracle results (tests/conformance/oracle-results.json) and no engine to record them.');
      return 1;
    }
    oracle = JSON.parse(readFileSync(RESULTS, 'utf8')) as OracleResults;
  }
  return compare(oracle, played);
}

/** Prints and saves the phase timings (wall seconds; overlapping phases say so in their names). */
function reportTimings(): void {
  const total = (Date.now() - started) / 1000;
  const all = { total, ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])) };
  process.stdout.write(`conformance timings (s): ${Object.entries(all).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(1) : v}`).join(', ')}\n`);
  mkdirSync(join(ROOT, 'timings'), { recursive: true });
  writeFileSync(join(ROOT, 'timings/conformance.json'), JSON.stringify(all, null, 1) + '\n');
}

main().then(
  (code) => {
    reportTimings();
    process.exit(code);
  },
  (e) => {
    loud(`conformance:docker crashed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
