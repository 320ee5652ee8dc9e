/** The browser sandbox host with a stand-in Worker that runs the real worker core (jsdom has no Worker). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkerCore } from '../../engine/runtime/worker-core';
import { imageFs, T0 } from '../../engine/runtime/test-helpers';
import type { HostMessage, WorkerMessage } from '../../engine/runtime/protocol';
import type { OutputEvent } from '../../engine/runtime/process';
import { WebWorkerHost } from './web-worker-host';

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((ev: { data: WorkerMessage }) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  received: string[] = [];
  terminated = false;
  private core = createWorkerCore((m) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(m) }), 0), () => performance.now());
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: HostMessage): void {
    this.received.push(m.t);
    const copy = structuredClone(m);
    setTimeout(() => !this.terminated && this.core(copy), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const g = globalThis as unknown as { Worker?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = g.Worker;
  g.Worker = FakeWorker;
  FakeWorker.all = [];
});
afterEach(() => {
  g.Worker = saved;
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

async function runNode(host: WebWorkerHost, script: string) {
  const r = host.spawn({ argv: ['node', '-e', script], env: { PATH: '/usr/local/bin:/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs: imageFs('node'), startTime: T0 });
  if (!r.ok) throw new Error(r.error.message);
  const out: OutputEvent[] = [];
  r.value.onOutput((e) => out.push(e));
  await r.value.advanceTo(T0 + 1000);
  const exit = await r.value.exited;
  return { exit, text: out.map((e) => e.text).join('') };
}

describe('WebWorkerHost', () => {
  it('runs a process in a worker started before it was needed, then gets the next one ready', async () => {
    const host = new WebWorkerHost({ firstPrestartDelayMs: 0, nextPrestartDelayMs: 0 });
    await until(() => FakeWorker.all.length === 1);
    const first = FakeWorker.all[0];
    expect(first.received).toEqual([]);
    const r = await runNode(host, "setTimeout(() => console.log('hi from the worker'), 500)");
    expect(r.text).toBe('hi from the worker\n');
    expect(r.exit).toMatchObject({ code: 0, time: T0 + 500 });
    expect(first.received[0]).toBe('spawn');
    expect(first.terminated).toBe(true);
    await until(() => FakeWorker.all.length === 2);
    expect(FakeWorker.all[1].received).toEqual([]);
    // each process gets its own worker
    expect((await runNode(host, 'console.log(2)')).text).toBe('2\n');
    expect(FakeWorker.all[1].received[0]).toBe('spawn');
    await until(() => FakeWorker.all.length === 3);
  });

  it('does not use an idle worker that failed while waiting', async () => {
    const host = new WebWorkerHost({ firstPrestartDelayMs: 0, nextPrestartDelayMs: 60_000 });
    await until(() => FakeWorker.all.length === 1);
    FakeWorker.all[0].crash('boom');
    const r = await runNode(host, 'console.log("still runs")');
    expect(r).toMatchObject({ text: 'still runs\n', exit: { code: 0 } });
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all[0].received).toEqual([]);
  });

  it('starts workers only on demand when asked not to keep one ready', async () => {
    const host = new WebWorkerHost({ prestart: false });
    await new Promise((r) => setTimeout(r, 100));
    expect(FakeWorker.all).toHaveLength(0);
    expect((await runNode(host, 'process.exit(3)')).exit.code).toBe(3);
    expect(FakeWorker.all).toHaveLength(1);
  });
});
