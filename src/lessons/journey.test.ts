// @vitest-environment node
/**
 * The web-ping chapter and the commit lab driven through the real engine's docker CLI (with the in-process
 * sandbox), checked by the lessons' own checks through the engine adapter: what the e2e tests do in the browser.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { testEnv } from '../engine/core/env';
import { memoryContext } from '../engine/core/host';
import { bufferIO, stringStdin } from '../engine/core/io';
import { InProcessHost } from '../engine/runtime/in-process-host';
import { createEngineWorld } from './engineWorld';
import { evaluateLesson } from './runner';
import { COMMIT_LAB, LAYERS, NODE_APP, WEB_PING } from './curriculum';
import { WEB_PING_FILES } from './workspaces';
import type { LessonDef } from './types';

function setup(files: Record<string, string> = {}) {
  const env = testEnv();
  const engine = new Engine({ env, context: memoryContext(files) });
  engine.sandbox = new InProcessHost();
  const world = createEngineWorld(engine, { files: () => files, quizScores: () => ({}) });
  const completed: string[] = [];
  const run = async (argv: string[], stdin?: string) => {
    const io = bufferIO(stdin === undefined ? {} : { stdin: stringStdin(stdin), stdinIsTTY: true, stdoutIsTTY: true });
    return { code: await engine.run(argv, io), out: io.out, err: io.err };
  };
  const advance = (lesson: LessonDef) => {
    const ev = evaluateLesson(lesson, world, completed);
    completed.push(...ev.newlyCompleted);
    return ev;
  };
  return { env, engine, world, run, advance, completed };
}

describe('The web-ping lesson against the real engine', () => {
  it('completes each step only when the engine state says so', async () => {
    const { env, run, advance, completed } = setup(WEB_PING_FILES);
    expect(advance(WEB_PING).steps[0].status).toBe('current');
    expect((await run(['image', 'pull', 'diamol/ch03-web-ping'])).code).toBe(0);
    advance(WEB_PING);
    expect(completed).toEqual(['pull']);
    expect((await run(['container', 'run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping'])).code).toBe(0);
    env.clock.advance(10_000);
    advance(WEB_PING);
    expect(completed).toEqual(['pull', 'run-detached']);
    expect((await run(['logs', 'nope'])).code).not.toBe(0);
    advance(WEB_PING);
    expect(completed).not.toContain('logs');
    expect((await run(['container', 'logs', 'web-ping'])).code).toBe(0);
    advance(WEB_PING);
    expect(completed).toContain('logs');
    expect((await run(['rm', '-f', 'web-ping'])).code).toBe(0);
    advance(WEB_PING);
    expect(completed).toContain('remove');
    await run(['container', 'run', '-d', '--name', 'web-ping', '--env', 'TARGET=blog.sixeyed.com', 'diamol/ch03-web-ping']);
    advance(WEB_PING);
    expect(completed).not.toContain('env');
    await run(['rm', '-f', 'web-ping']);
    await run(['container', 'run', '-d', '--name', 'web-ping', '--env', 'TARGET=google.com', 'diamol/ch03-web-ping']);
    advance(WEB_PING);
    expect(completed).toContain('env');
  });
});

describe('The commit lab against the real engine', () => {
  it('sees the changed file in the writable layer, the committed image and its output', async () => {
    const { run, advance, completed, world } = setup();
    const session = await run(['container', 'run', '-it', '--name', 'lab', 'diamol/ch03-lab'], 'echo Kim >> ch03.txt\nexit\n');
    expect(session.code).toBe(0);
    advance(COMMIT_LAB);
    expect(completed).toEqual(['run-it', 'edit']);
    expect((await run(['container', 'commit', 'lab', 'ch03-lab-soln'])).code).toBe(0);
    expect(world.images().find((i) => i.tags.includes('ch03-lab-soln:latest'))?.committedFrom?.changedPaths.some((p) => p.endsWith('ch03.txt'))).toBe(true);
    advance(COMMIT_LAB);
    expect(completed).toContain('commit');
    const out = await run(['container', 'run', 'ch03-lab-soln', 'cat', 'ch03.txt']);
    expect(out.out).toContain('Lab solution, by: Kim');
    expect(advance(COMMIT_LAB).done).toBe(true);
  });
});

describe('Interactive containers and the writable layer', () => {
  it('node without -it exits; with -it it is an interactive REPL (node-app, first step)', async () => {
    const { run, advance, completed } = setup();
    expect((await run(['run', 'node'])).code).toBe(0);
    advance(NODE_APP);
    expect(completed).toEqual([]);
    const repl = await run(['run', '-it', 'node'], '1 + 1\n.exit\n');
    expect(repl.out).toContain('2');
    advance(NODE_APP);
    expect(completed).toEqual(['interactive']);
  });

  it('a change inside a container stays in its writable layer (layers, read-only step)', async () => {
    const { run, advance, completed, world } = setup(WEB_PING_FILES);
    expect((await run(['image', 'build', '-t', 'web-ping', '.'])).code).toBe(0);
    expect((await run(['image', 'history', 'web-ping'])).code).toBe(0);
    // BuildKit keeps the base it pulled in its build cache: diamol/node is not an image here until it is pulled.
    advance(LAYERS);
    expect(completed).toEqual(['history']);
    const pull = await run(['image', 'pull', 'diamol/node']);
    expect(pull.code).toBe(0);
    expect(pull.out).toContain('Already exists');
    advance(LAYERS);
    expect(completed).toEqual(['history', 'shared']);
    expect((await run(['image', 'ls'])).code).toBe(0);
    expect((await run(['system', 'df'])).code).toBe(0);
    advance(LAYERS);
    expect(completed).toEqual(['history', 'shared', 'disk']);
    const before = world.images().find((i) => i.tags.includes('web-ping:latest'))!;
    const r = await run(['container', 'run', '--name', 'scratch', 'web-ping', 'sh', '-c', 'echo changed > /web-ping/app.js']);
    expect(r.code, r.err).toBe(0);
    expect(advance(LAYERS).done).toBe(true);
    expect(world.images().find((i) => i.tags.includes('web-ping:latest'))!.layers).toEqual(before.layers);
  });
});
