// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../../engine/core/io';
import type { BuildEvent } from '../../engine/build/events';
import { startEngine } from './startEngine';
import type { EngineClient } from './engineClient';
import { memoryEngineStore } from '../persist/engineStore';
import { MemoryStore } from '../../engine/store/memoryStore';
import { STEPS_PER_MESSAGE } from './protocol';

/** The client talks to the engine host over a MessageChannel here: the same messages as with the worker. */
let client: EngineClient | null = null;
afterEach(() => {
  client?.dispose();
  client = null;
});

const start = async (files: Record<string, string> = { Dockerfile: 'FROM busybox\nCOPY . /app\n', 'a.txt': 'one\n' }) => (client = await startEngine({ files, inPage: true, store: memoryEngineStore() }));

describe('Engine client and host', () => {
  it('delivers every line of a command before its exit code, and the view follows the engine', async () => {
    const c = await start();
    const io = bufferIO();
    const code = await c.run(['run', '--rm', 'busybox', 'sh', '-c', 'for i in 1 2 3; do echo line $i; done; echo err >&2; exit 3'], io);
    expect(code).toBe(3);
    expect(io.out).toBe('line 1\nline 2\nline 3\n');
    expect(io.err).toContain('err\n');
    expect(c.thread).toBe('page');
    await c.run(['pull', 'alpine'], bufferIO());
    await new Promise((r) => setTimeout(r, 10));
    expect(c.view.imageRefs).toContain('alpine:latest');
  });

  it('streams a build’s events to its caller and to listeners, and builds the files sent last', async () => {
    const c = await start();
    const mine: BuildEvent['type'][] = [];
    const heard: BuildEvent['type'][] = [];
    const off = c.onBuildEvent((e) => heard.push(e.type));
    const io = bufferIO();
    const r = await c.build({ contextDir: '.', tags: ['t'], builder: 'buildkit', noCache: false, buildArgs: {} }, io, (e) => mine.push(e.type));
    off();
    expect(r.exitCode).toBe(0);
    expect(mine[0]).toBe('build-started');
    expect(mine[mine.length - 1]).toBe('build-finished');
    expect(heard).toEqual(mine);
    // an edit reaches the engine: the COPY step is no longer cached
    c.setFiles({ Dockerfile: 'FROM busybox\nCOPY . /app\n', 'a.txt': 'two\n' });
    const p = await c.predictBuild({ contextDir: '.', tags: ['t'], builder: 'buildkit', noCache: false, buildArgs: {} });
    expect(p.steps?.find((s) => s.step.instruction.startsWith('COPY'))?.outcome).toBe('built');
  });

  it('a damaged build record in the saved state: the page hears it once, and builds go on with an empty cache', async () => {
    const saved = new MemoryStore();
    const files = { Dockerfile: 'FROM busybox\nCOPY . /app\n', 'a.txt': 'one\n' };
    const opts = { contextDir: '.', tags: ['t'], builder: 'buildkit' as const, noCache: false, buildArgs: {} };
    const first = await startEngine({ files, inPage: true, store: memoryEngineStore(saved) });
    expect((await first.build(opts, bufferIO())).exitCode).toBe(0);
    await first.saveSnapshot();
    first.dispose();
    for (const hex of saved.sections.keys()) saved.sections.set(hex, '{"cache":');
    const c = (client = await startEngine({ files, inPage: true, store: memoryEngineStore(saved), loaded: saved.load() }));
    const heard: string[] = [];
    c.onDamage((what) => heard.push(what));
    const p = await c.predictBuild(opts);
    expect(p.steps?.find((s) => s.step.instruction.startsWith('COPY'))?.outcome).toBe('built');
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([expect.stringMatching(/^the build cache and history could not be read and start empty: build record [0-9a-f]{64} is damaged/)]);
    expect((await c.build(opts, bufferIO())).exitCode).toBe(0);
    expect(heard).toHaveLength(1);
    // a listener that comes after the report (a panel mounted later) hears it too
    const late: string[] = [];
    c.onDamage((what) => late.push(what));
    expect(late).toEqual(heard);
  });

  it('a Dockerfile of thousands of steps: its step list and its prediction reach the page whole (sent in parts)', async () => {
    const n = STEPS_PER_MESSAGE + 100;
    const c = await start({ Dockerfile: 'FROM busybox\n' + Array.from({ length: n }, (_, i) => `ENV V${i}=v${i}`).join('\n') + '\n' });
    const opts = { contextDir: '.', tags: ['envs'], builder: 'legacy' as const, noCache: false, buildArgs: {} };
    const p = await c.predictBuild(opts);
    expect(p.steps?.filter((s) => s.step.instruction.toUpperCase() === 'ENV').map((s) => s.step.line)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    let started: Extract<BuildEvent, { type: 'build-started' }> | undefined;
    const r = await c.build(opts, bufferIO(), (e) => {
      if (e.type === 'build-started') started = e;
    });
    expect(r.exitCode).toBe(0);
    expect(started?.steps.map((s) => s.line)).toEqual(p.steps?.map((s) => s.step.line));
  }, 60_000);

  it('gives a container’s writes into the bind-mounted workspace back to the page', async () => {
    const c = await start({ Dockerfile: 'FROM busybox\n' });
    const writes: [string, unknown][] = [];
    c.onHostWrite = (path, content) => writes.push([path, content]);
    const code = await c.run(['run', '--rm', '-v', '/workspace:/w', 'busybox', 'sh', '-c', 'echo hi > /w/out.txt'], bufferIO());
    expect(code).toBe(0);
    expect(writes[writes.length - 1]).toEqual(['out.txt', 'hi\n']);
  });

  it('answers a query once asked, and says so to subscribers', async () => {
    const c = await start();
    await c.run(['pull', 'busybox'], bufferIO());
    const answered = new Promise<string>((r) => c.subscribe((why) => why === 'answer' && r(why)));
    const ask = () => c.peek('history:busybox', (api) => api.imageHistory('busybox'));
    expect(ask()).toBeUndefined();
    await answered;
    expect(ask()?.length).toBeGreaterThan(0);
  });

  it('a snapshot that cannot be restored is an error; a good one brings the images back', async () => {
    const c = await start();
    await c.run(['pull', 'alpine'], bufferIO());
    const snapshot = await c.snapshot();
    c.dispose();
    client = await startEngine({ files: {}, snapshot, inPage: true, store: memoryEngineStore() });
    expect(client.view.imageRefs).toContain('alpine:latest');
    await expect(startEngine({ files: {}, snapshot: { version: 1, images: 'broken' }, inPage: true, store: memoryEngineStore() })).rejects.toThrow(/could not be restored/);
  });
});

describe('records written through the engine host', () => {
  it('a long text sent as UTF-8 chunks is stored as its text, and its buffers are handed over, not copied', async () => {
    const { serveEngine } = await import('./engineHost');
    const { EngineClient } = await import('./engineClient');
    const stored: Record<string, unknown> = {};
    const { port1, port2 } = new MessageChannel();
    serveEngine(port2, {
      sandbox: async () => null,
      store: async () => ({ load: async () => undefined, save: async () => ({ bytes: 0, layers: 0, blobs: 0 }) as never, usage: () => ({ bytes: 0, layers: 0, blobs: 0 }) as never }),
      kv: async () => ({ write: async (records: Record<string, unknown>) => void Object.assign(stored, records) }),
    });
    const c = new EngineClient(port1, () => {
      port1.close();
      port2.close();
    }, 'page');
    const text = `{"bands":[${Array.from({ length: 3000 }, (_, i) => `{"name":"ENV 변수${i}=값"}`).join(',')}]}`;
    const enc = new TextEncoder();
    const chunks = [enc.encode(text.slice(0, 1000)), enc.encode(text.slice(1000))];
    await c.writeRecords({ 'ui-builds': { builds: { envs: { last: { layerlabText: chunks }, previous: null } }, knownMeta: { envs: ['a'] } } });
    expect(stored['ui-builds']).toEqual({ builds: { envs: { last: text, previous: null } }, knownMeta: { envs: ['a'] } });
    expect(chunks.every((b) => b.byteLength === 0)).toBe(true);
    c.dispose();
  });
});
