/**
 * The browser sandbox host with a stand-in launcher whose workers run the real worker core in-process (jsdom has
 * no Worker and no sandboxed frames; e2e/hostile-sandbox.spec.ts covers the real frame in Chromium).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkerCore } from '../../engine/runtime/worker-core';
import { imageFs, T0 } from '../../engine/runtime/test-helpers';
import type { HostMessage } from '../../engine/runtime/protocol';
import type { OutputEvent } from '../../engine/runtime/process';
import type { SandboxChannel, SandboxFailure, SandboxLauncher } from './sandbox-channel';
import { WebWorkerHost } from './web-worker-host';

class FakeWorker implements SandboxChannel {
  static all: FakeWorker[] = [];
  onmessage: ((data: unknown) => void) | null = null;
  private failure: SandboxFailure | null = null;
  private listener: ((f: SandboxFailure) => void) | null = null;
  received: string[] = [];
  terminated = false;
  /** What the worker sends goes through this (a test may forge messages here). */
  send = (m: unknown) => setTimeout(() => !this.terminated && this.onmessage?.(structuredClone(m)), 0);
  private core = createWorkerCore((m) => this.send(m), () => performance.now());
  constructor(readonly name: string) {
    FakeWorker.all.push(this);
  }
  get onfailure() {
    return this.listener;
  }
  set onfailure(l: ((f: SandboxFailure) => void) | null) {
    this.listener = l;
    if (l && this.failure) l(this.failure);
  }
  postMessage(m: HostMessage): void {
    this.received.push(m.t);
    const copy = structuredClone(m);
    setTimeout(() => !this.terminated && this.core(copy), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(f: SandboxFailure): void {
    if (this.terminated) return;
    this.failure = f;
    this.terminated = true;
    this.listener?.(f);
  }
}

const launcher: SandboxLauncher = { launch: (name) => new FakeWorker(name) };

beforeEach(() => {
  FakeWorker.all = [];
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

function spawnNode(host: WebWorkerHost, script: string) {
  const r = host.spawn({ argv: ['node', '-e', script], env: { PATH: '/usr/local/bin:/bin' }, cwd: '/', hostname: 'abc', tty: false, interactive: false, fs: imageFs('node'), startTime: T0 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function runNode(host: WebWorkerHost, script: string) {
  const p = spawnNode(host, script);
  const out: OutputEvent[] = [];
  p.onOutput((e) => out.push(e));
  await p.advanceTo(T0 + 1000);
  const exit = await p.exited;
  return { exit, text: out.map((e) => e.text).join('') };
}

describe('WebWorkerHost', () => {
  it('runs a process in a worker started before it was needed, then gets the next one ready', async () => {
    const host = new WebWorkerHost({ launcher, firstPrestartDelayMs: 0, nextPrestartDelayMs: 0 });
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
    const host = new WebWorkerHost({ launcher, firstPrestartDelayMs: 0, nextPrestartDelayMs: 60_000 });
    await until(() => FakeWorker.all.length === 1);
    FakeWorker.all[0].fail({ kind: 'error', message: 'boom' });
    const r = await runNode(host, 'console.log("still runs")');
    expect(r).toMatchObject({ text: 'still runs\n', exit: { code: 0 } });
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all[0].received).toEqual([]);
  });

  it('starts workers only on demand when asked not to keep one ready', async () => {
    const host = new WebWorkerHost({ launcher, prestart: false });
    await new Promise((r) => setTimeout(r, 100));
    expect(FakeWorker.all).toHaveLength(0);
    expect((await runNode(host, 'process.exit(3)')).exit.code).toBe(3);
    expect(FakeWorker.all).toHaveLength(1);
  });

  it('ends a process whose worker sends a message outside the protocol, and only that process', async () => {
    const host = new WebWorkerHost({ launcher, prestart: false });
    const forger = spawnNode(host, 'setInterval(() => {}, 100)');
    const other = spawnNode(host, "setTimeout(() => console.log('unharmed'), 300)");
    await forger.advanceTo(T0 + 50);
    FakeWorker.all[0].send({ t: 'exit', e: { code: 0, time: T0, reason: 'exit' }, extra: 'field' });
    expect(await forger.exited).toMatchObject({
      code: 1,
      reason: 'error',
      message: `sandbox: the container's process sent a message outside the protocol (exit message has an unexpected field "extra"); it was stopped`,
    });
    expect(FakeWorker.all[0].terminated).toBe(true);
    const out: string[] = [];
    other.onOutput((e) => out.push(e.text));
    await other.advanceTo(T0 + 1000);
    expect(await other.exited).toMatchObject({ code: 0 });
    expect(out.join('')).toBe('unharmed\n');
  });

  it('a crashed sandbox ends the process that was running code as OOM-killed and the others with an error', async () => {
    const host = new WebWorkerHost({ launcher, prestart: false });
    const hog = spawnNode(host, 'setInterval(() => {}, 100)');
    const idle = spawnNode(host, 'setInterval(() => {}, 100)');
    await Promise.all([hog.advanceTo(T0 + 50), idle.advanceTo(T0 + 50)]);
    // the hog's worker is in the middle of a slice when its process dies
    FakeWorker.all[0].send({ t: 'slice', phase: 'start' });
    await new Promise((r) => setTimeout(r, 10));
    for (const w of FakeWorker.all) w.fail({ kind: 'crash', message: 'the sandbox stopped answering' });
    expect(await hog.exited).toMatchObject({ code: 137, reason: 'oom', message: 'out of memory: the browser ended the sandbox process running the container (the sandbox stopped answering)' });
    expect(await idle.exited).toMatchObject({ code: 137, reason: 'error', message: "the browser's sandbox process ended (the sandbox stopped answering)" });
    // the next process gets a new worker
    expect((await runNode(host, 'console.log(1)')).text).toBe('1\n');
  });

  it('replaces an idle worker whose sandbox crashed while it waited', async () => {
    const host = new WebWorkerHost({ launcher, firstPrestartDelayMs: 0, nextPrestartDelayMs: 0 });
    await until(() => FakeWorker.all.length === 1);
    FakeWorker.all[0].fail({ kind: 'crash', message: 'gone' });
    await until(() => FakeWorker.all.length === 2);
    expect((await runNode(host, 'console.log(2)')).text).toBe('2\n');
    expect(FakeWorker.all[1].received[0]).toBe('spawn');
  });
});
