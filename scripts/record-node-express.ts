/**
 * Records what real Node serves and prints for the Express app in src/engine/runtime/nodejs/testdata/
 * express-app.ts: runs it on a free port with the host's node_modules, sends the requests in order, and writes
 * express-app.json beside it (status, compared headers, body; the app's stdout). Run:
 * npx tsx scripts/record-node-express.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPRESS_COMPARED_HEADERS, EXPRESS_REQUESTS, EXPRESS_SERVER_JS } from '../src/engine/runtime/nodejs/testdata/express-app';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-express-'));
writeFileSync(join(dir, 'server.js'), EXPRESS_SERVER_JS);
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
/** Host paths as the container names them: the app in /app, its packages in /app/node_modules. */
const REAL_MODULES = realpathSync(join(ROOT, 'node_modules'));
const container = (s: string) => s.split(REAL_MODULES).join('/app/node_modules').split(dir).join('/app');
const port = 20000 + Math.floor(Math.random() * 20000);
const child = spawn('node', ['server.js'], { cwd: dir, env: { PATH: process.env.PATH, PORT: String(port), NODE_ENV: 'development' } });
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => (stderr += d));

const send = (r: (typeof EXPRESS_REQUESTS)[number]) =>
  new Promise<{ status: number; headers: Record<string, string>; body: string }>((ok, fail) => {
    const q = request({ port, method: r.method, path: r.path, headers: r.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const h of EXPRESS_COMPARED_HEADERS) if (res.headers[h] !== undefined) headers[h] = String(res.headers[h]);
        // Paths in bodies (error pages) are the container's: their length too.
        const shown = container(body);
        if (shown !== body && headers['content-length']) headers['content-length'] = String(Buffer.byteLength(shown));
        ok({ status: res.statusCode ?? 0, headers, body: shown });
      });
    });
    q.on('error', fail);
    q.end(r.body);
  });

async function main() {
  for (let i = 0; i < 50 && !stdout.includes('Listening'); i++) await new Promise((r) => setTimeout(r, 100));
  const responses = [];
  for (const r of EXPRESS_REQUESTS) responses.push(await send(r));
  await new Promise((r) => setTimeout(r, 300));
  child.kill();
  await new Promise((r) => child.on('exit', r));
  const out = { node: process.version, port, stdout, stderr: container(stderr), responses };
  writeFileSync(join(ROOT, 'src/engine/runtime/nodejs/testdata/express-app.json'), JSON.stringify(out, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  console.log(`recorded ${responses.length} responses with node ${process.version}`);
}
void main();
