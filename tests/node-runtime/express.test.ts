import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxHost } from '../../src/engine/runtime/process';
import { InProcessHost } from '../../src/engine/runtime/in-process-host';
import { ChildProcessHost } from '../../src/node/runtime/child-process-host';
import { imageFs, spawnCollect, T0 } from '../../src/engine/runtime/test-helpers';
import { EXPRESS_COMPARED_HEADERS, EXPRESS_REQUESTS, EXPRESS_SERVER_JS } from '../../src/engine/runtime/nodejs/testdata/express-app';
import recording from '../../src/engine/runtime/nodejs/testdata/express-app.json';
import { hostPackages } from './host-packages';

interface Served {
  status: number;
  headers: Record<string, string>;
  body: string;
}
const recorded = recording as unknown as { port: number; stdout: string; stderr: string; responses: Served[] };

/**
 * Node's own frames (`at IncomingMessage.emit (node:events:524:28)`) come from its internals, which the sandbox
 * does not have line for line: its stacks show the program's frames only. They are taken out of what Node served
 * (and the length adjusted) before comparing.
 */
function withoutNodeFrames(r: Served): Served {
  const body = r.body.replace(/<br> &nbsp; &nbsp;at (?:[^<]*\(node:[^)]*\)|node:[^<]*)(?=<)/g, '');
  if (body === r.body) return r;
  return { ...r, body, headers: { ...r.headers, 'content-length': String(new TextEncoder().encode(body).length) } };
}

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

async function serveAndCompare(host: SandboxHost): Promise<void> {
  const fs = imageFs('node', { '/app/server.js': EXPRESS_SERVER_JS, ...hostPackages(['express', 'body-parser']) });
  const c = spawnCollect({ argv: ['node', 'server.js'], cwd: '/app', env: { PATH: '/usr/local/bin:/bin', NODE_VERSION: '20.20.2', PORT: String(recorded.port) }, fs }, host);
  disposers.push(() => (c.proc as { dispose?: () => void }).dispose?.());
  await c.proc.advanceTo(T0);
  expect(c.stderr()).toBe('');
  expect(c.proc.listeningPorts()).toEqual([recorded.port]);
  for (const [i, req] of EXPRESS_REQUESTS.entries()) {
    const r = await c.proc.httpRequest(recorded.port, req);
    const headers = Object.fromEntries(EXPRESS_COMPARED_HEADERS.filter((h) => r.headers[h] !== undefined).map((h) => [h, r.headers[h]]));
    expect({ status: r.status, headers, body: r.body }, `${req.method} ${req.path}`).toEqual(withoutNodeFrames(recorded.responses[i]));
  }
  expect(c.stdout()).toBe(recorded.stdout);
  expect(c.stderr()).toBe(recorded.stderr.replace(/\n {4}at (?:.*\(node:.*\)|node:.*)(?=\n)/g, ''));
  expect(c.exit).toBeNull();
}

describe('real Express 4 and body-parser run unmodified in a container', () => {
  it('serve what real Node 20 serves for the same app and requests', async () => {
    await serveAndCompare(new InProcessHost());
  });

  it('serve the same in a child-process sandbox (the CLI), from the bundled runtime', async () => {
    await serveAndCompare(new ChildProcessHost());
  }, 60_000);
});
