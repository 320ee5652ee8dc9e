/**
 * `npm run bench`: every performance figure the issues ask for, measured in one run and printed as ONE
 * table (figure, value, target, pass/fail). Ratios are measured side by side in the same process.
 *
 *   npm run bench                         all figures (builds the app into /tmp/ll-dist-bench for the browser ones)
 *   npm run bench -- --no-browser         Node figures only
 *   npm run bench -- --no-fuzz            skip running the fuzz/hostile suites
 *   npm run bench -- --json out.json      also write the rows as JSON
 *   npm run bench -- --store-rebuilds 10  fewer rebuilds for the CLI store figures (default 50)
 *
 * A figure that cannot be measured (a missing piece, no Chromium) is "not measured: <reason>" and fails.
 * For the memory figure run with --expose-gc: `node --expose-gc --import tsx scripts/bench.ts` (npm run bench does).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchParse } from './bench/parse';
import { benchBuild, benchPredict } from './bench/build';
import { benchDockerignore } from './bench/dockerignore';
import { benchFuzz } from './bench/fuzz';
import { benchCliStart } from './bench/cli';
import { benchStore } from './bench/store';
import { benchWebStore } from './bench/webStore';
import { benchNpm } from './bench/npm';
import { benchOsPackages } from './bench/ospkg';
import { benchFirstRequest } from './bench/serve';
import { INITIAL_JS_LIMIT_GZIP, kB, measureInitialJs } from './bench/bundle';
import { CATALOG_LIMIT_GZIP, measureCatalog } from './bench/catalog';
import { formatTable, notMeasured, type Row } from './bench/table';

const args = process.argv.slice(2);
const has = (f: string) => args.includes(f);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

async function section(name: string, fn: () => Promise<Row[]> | Row[], fallback: Row[]): Promise<Row[]> {
  process.stderr.write(`bench: ${name}…\n`);
  try {
    return await fn();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e);
    return fallback.map((r) => ({ ...r, value: `not measured: ${reason}`, pass: null }));
  }
}

async function main(): Promise<number> {
  const rows: Row[] = [];
  rows.push(...(await section('parser', benchParse, [notMeasured('3', 'parse+validate+lint', '< 50 ms / < 0.5 ms', '')])));
  rows.push(
    ...(await section('builds', benchBuild, [
      notMeasured('4', 'build of a 2,000-file 20 MB context vs SHA-256', '≤ 3x', ''),
      notMeasured('4', 'rebuild after editing one file', '≤ 10%', ''),
      notMeasured('4', '200-instruction build', '< 50 ms', ''),
      notMeasured('4', 'heap over 1,000 rebuilds', '< 10 MB growth', ''),
    ])),
  );
  rows.push(
    ...(await section('predict', async () => {
      const { exampleWorkspaces } = await import('../src/ui/workspace/examples');
      return benchPredict(exampleWorkspaces().map((w) => ({ id: w.id, files: w.files as Record<string, string | Uint8Array> })));
    }, [notMeasured('6', 'predictBuild after an edit, examples (Node)', '< 100 ms', '')])),
  );

  let dist: string | undefined;
  if (!has('--no-browser')) {
    const browser = await import('./bench/browser');
    const b = await section('browser', () => browser.benchBrowser({ onDist: (d) => (dist = d) }), browser.browserFallbackRows(''));
    rows.push(...b);
  } else {
    const { browserFallbackRows } = await import('./bench/browser');
    rows.push(...browserFallbackRows('skipped (--no-browser)'));
  }
  rows.push(
    ...(await section('bundle', () => {
      const r = measureInitialJs(dist ?? 'dist');
      return [{ issue: '6', figure: `initial JavaScript, gzip (${r.files.length} file${r.files.length === 1 ? '' : 's'}, ${dist ?? 'dist'})`, value: kB(r.gzip), target: `< ${kB(INITIAL_JS_LIMIT_GZIP)}`, pass: r.gzip <= INITIAL_JS_LIMIT_GZIP }];
    }, [notMeasured('6', 'initial JavaScript, gzip', '< 200 kB', '')])),
  );
  rows.push(
    ...(await section('CLI start', () => benchCliStart(), [
      notMeasured('18', 'CLI cold start, `layerlab version`, empty store', '≤ 150 ms', ''),
      notMeasured('18', 'CLI cold start vs `docker --version`', '≤ 3x', ''),
    ])),
  );
  const rebuilds = args.includes('--store-rebuilds') ? Number(args[args.indexOf('--store-rebuilds') + 1]) : 50;
  rows.push(
    ...(await section('CLI store', () => benchStore(rebuilds), [
      notMeasured('18', 'CLI `version` / `ps` / `image ls` after 50 rebuilds vs empty store', '≤ 1.2x', ''),
      notMeasured('18', 'CLI store growth per one-file rebuild', '≈ changed bytes', ''),
    ])),
  );
  rows.push(
    ...(await section('web engine store', benchWebStore, [
      notMeasured('18', 'web engine save after 1 and 20 one-file rebuilds: bytes written and time, content-addressed vs whole snapshot', '≈ changed bytes', ''),
    ])),
  );
  rows.push(...(await section('npm registry', benchNpm, [notMeasured('npm', 'npm registry data and npm install express', 'measured', '')])));
  rows.push(...(await section('OS packages', benchOsPackages, [notMeasured('ospkg', 'OS package indexes, docker pull of 10 layers, apt-get install of 5 packages', 'measured', '')])));
  rows.push(...(await section('first request', benchFirstRequest, [notMeasured('npm', 'first request served by the express goals app', '< 1000 ms', '')])));
  rows.push(
    ...(await section('catalog', async () => {
      const c = await measureCatalog();
      return [{ issue: '6', figure: `mock Docker Hub catalog, gzip (registry/catalog bundled alone, ${kB(c.bytes)} minified; inside the lazy engine chunk)`, value: kB(c.gzip), target: `< ${kB(CATALOG_LIMIT_GZIP)}`, pass: c.gzip <= CATALOG_LIMIT_GZIP }];
    }, [notMeasured('6', 'mock Docker Hub catalog, gzip', '< 50 kB', '')])),
  );
  rows.push(...(await section('.dockerignore', benchDockerignore, [notMeasured('8', '.dockerignore 1,000-char patterns', '< 10 ms', '')])));
  if (!has('--no-fuzz')) rows.push(...(await section('fuzz suites', () => benchFuzz(), [notMeasured('8', 'fuzz and hostile suites', 'all pass', '')])));
  else rows.push(notMeasured('8', 'fuzz and hostile suites', 'all pass', 'skipped (--no-fuzz)'));

  rows.sort((a, b) => Number(a.issue) - Number(b.issue));
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`;
  console.log(`Layerlab benchmarks, ${when}, ${machine}\n`);
  console.log(formatTable(rows));
  const failed = rows.filter((r) => r.pass !== true);
  console.log(`\n${rows.length - failed.length}/${rows.length} figures meet their targets.`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ when, machine, rows }, null, 2));
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
