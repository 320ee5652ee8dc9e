/**
 * Records what real Node prints and serves for the small apps in tests/node-apps/apps/ (the table is
 * tests/node-apps/apps.ts) and writes tests/node-apps/expected.json. Each app is copied to a temp folder and
 * installed with the real npm from the npm registry, at the versions the offline registry holds
 * (scripts/npm-registry/manifest.json: direct dependencies resolved against it, packages it holds in one version
 * pinned with `overrides`; the installed tree is checked against it). Then the Dockerfile's ENTRYPOINT/CMD and
 * ENV run with this machine's node: each run's stdout, stderr and exit code, or for a server its output and the
 * responses to the table's requests. Run: npx tsx scripts/record-node-apps.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { APP_CASES, COMPARED_HEADERS, type AppCase, type AppRequest, type Recorded } from '../tests/node-apps/apps';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = join(ROOT, 'tests/node-apps/apps');
const manifest = JSON.parse(readFileSync(join(ROOT, 'scripts/npm-registry/manifest.json'), 'utf8')) as { packages: Record<string, { versions: Record<string, unknown> }> };
const held = (name: string) => Object.keys(manifest.packages[name]?.versions ?? {});

/** The app's package.json with its ranges resolved against the offline registry, as `npm install` there would. */
function pinnedPackageJson(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; overrides?: Record<string, string> };
  for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
    const v = semver.maxSatisfying(held(name), range);
    if (!v) throw new Error(`${name}@${range}: the offline registry holds ${held(name).join(', ') || 'no version'}`);
    pkg.dependencies![name] = v;
  }
  const direct = new Set(Object.keys(pkg.dependencies ?? {}));
  pkg.overrides = Object.fromEntries(Object.keys(manifest.packages).filter((n) => !direct.has(n) && held(n).length === 1).map((n) => [n, held(n)[0]]));
  return JSON.stringify(pkg, null, 2);
}

/** Every installed package's version must be one the offline registry holds. */
function checkTree(modules: string): void {
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const sub of readdirSync(join(dir, entry))) visit(join(dir, entry, sub));
      } else visit(join(dir, entry));
    }
  };
  const visit = (p: string) => {
    const pj = join(p, 'package.json');
    if (!existsSync(pj)) return;
    const { name, version } = JSON.parse(readFileSync(pj, 'utf8')) as { name: string; version: string };
    if (!held(name).includes(version)) throw new Error(`installed ${name}@${version}, the offline registry holds ${held(name).join(', ') || 'nothing'}`);
    if (existsSync(join(p, 'node_modules'))) walk(join(p, 'node_modules'));
  };
  walk(modules);
}

/** ENTRYPOINT, CMD and ENV of a Dockerfile written in exec form. */
function dockerfile(dir: string) {
  const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const json = (k: string) => {
    const m = new RegExp(`^${k}\\s+(\\[.*\\])\\s*$`, 'm').exec(text);
    return m ? (JSON.parse(m[1]) as string[]) : [];
  };
  const env: Record<string, string> = {};
  for (const m of text.matchAll(/^ENV\s+(\w+)=(\S*)\s*$/gm)) env[m[1]] = m[2];
  return { entrypoint: json('ENTRYPOINT'), cmd: json('CMD'), env };
}

function argv(dir: string, args: string[]): string[] {
  const d = dockerfile(dir);
  return [...d.entrypoint, ...(args.length ? args : d.cmd)];
}

function baseEnv(dir: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/root', ...dockerfile(dir).env };
}

/** Host paths as the container names them. */
const inContainer = (dir: string) => (s: string) => s.split(dir).join('/app');

function runOnce(dir: string, args: string[]) {
  const [cmd, ...rest] = argv(dir, args);
  return new Promise<{ args: string[]; stdout: string; stderr: string; exitCode: number }>((ok) => {
    const child = spawn(cmd, rest, { cwd: dir, env: baseEnv(dir) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => ok({ args, stdout: inContainer(dir)(stdout), stderr: inContainer(dir)(stderr), exitCode: code ?? -1 }));
  });
}

function send(port: number, r: AppRequest) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((ok, fail) => {
    const q = request({ port, method: r.method, path: r.path, headers: r.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const h of COMPARED_HEADERS) if (res.headers[h] !== undefined) headers[h] = String(res.headers[h]);
        ok({ status: res.statusCode ?? 0, headers, body });
      });
    });
    q.on('error', fail);
    q.end(r.body);
  });
}

async function serve(dir: string, c: AppCase): Promise<NonNullable<Recorded['server']>> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const [cmd, ...rest] = argv(dir, []);
  const child = spawn(cmd, rest, { cwd: dir, env: { ...baseEnv(dir), PORT: String(port) } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  for (let i = 0; i < 50 && !stdout.includes(String(port)); i++) await new Promise((r) => setTimeout(r, 100));
  const responses = [];
  for (const r of c.requests ?? []) responses.push(await send(port, r));
  await new Promise((r) => setTimeout(r, 300));
  child.kill();
  await new Promise((r) => child.on('exit', r));
  return { port, stdout: inContainer(dir)(stdout), stderr: inContainer(dir)(stderr), responses };
}

async function main() {
  const out: Record<string, Recorded> = {};
  for (const c of APP_CASES) {
    const dir = mkdtempSync(join(tmpdir(), `layerlab-${c.name}-`));
    try {
      cpSync(join(APPS, c.name), dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), pinnedPackageJson(dir));
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
      checkTree(join(dir, 'node_modules'));
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      const rec: Recorded = { versions: pkg.dependencies };
      if (c.runs) {
        rec.runs = [];
        for (const args of c.runs) rec.runs.push(await runOnce(dir, args));
      }
      if (c.requests) rec.server = await serve(dir, c);
      out[c.name] = rec;
      console.log(`${c.name}: recorded with node ${process.version} (${Object.entries(pkg.dependencies).map(([n, v]) => `${n}@${v}`).join(', ')})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  writeFileSync(join(ROOT, 'tests/node-apps/expected.json'), JSON.stringify({ node: process.version, apps: out }, null, 2) + '\n');
}
void main();
