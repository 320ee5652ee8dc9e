/**
 * Test harness: a real Engine (in-process sandbox, test env) with its LessonWorld, a docker CLI runner, a workspace
 * that can be edited, and `advance`, which evaluates a lesson the way the lesson panel does (a step's events count
 * from the moment it becomes current). Used by the journey and shortcut specs.
 */
import { Engine } from '../engine/engine';
import { testEnv } from '../engine/core/env';
import { memoryContext } from '../engine/core/host';
import { bufferIO, stringStdin } from '../engine/core/io';
import { InProcessHost } from '../engine/runtime/in-process-host';
import { memoryHostFiles } from '../engine/volumes/memory-host-files';
import { createEngineWorld } from './engineWorld';
import { evaluateLesson, worldSeq } from './runner';
import type { LessonDef } from './types';
import type { QuizScore } from './world';

export interface RunOptions {
  /** Client environment (DOCKER_BUILDKIT=0 selects the legacy builder). */
  env?: Record<string, string>;
  /** Typed input for an interactive (-it) session. */
  stdin?: string;
}

export type Harness = ReturnType<typeof lessonHarness>;

export function lessonHarness(initial: Record<string, string>) {
  const env = testEnv();
  let files = { ...initial };
  const scores: Record<string, QuizScore> = {};
  const engine = new Engine({ env, context: memoryContext(files) });
  engine.sandbox = new InProcessHost();
  // The workspace is the host folder of bind mounts, as in the browser: a container's writes land in it.
  let edits = 0;
  const decoder = new TextDecoder();
  engine.hostFiles = memoryHostFiles('/workspace', {
    files: () => files,
    write: (path, data) => {
      files = { ...files, [path]: decoder.decode(data) };
      engine.context = memoryContext(files);
    },
    remove: (path) => {
      files = Object.fromEntries(Object.entries(files).filter(([p]) => p !== path && !p.startsWith(path + '/')));
      engine.context = memoryContext(files);
    },
    version: () => edits,
  });
  const world = createEngineWorld(engine, { files: () => files, quizScores: () => scores });
  const completed: string[] = [];
  const since: Record<string, number> = {};

  const run = async (argv: string[], opts: RunOptions = {}) => {
    const io = bufferIO({
      env: opts.env ?? {},
      ...(opts.stdin === undefined ? {} : { stdin: stringStdin(opts.stdin), stdinIsTTY: true, stdoutIsTTY: true }),
    });
    // A command whose container waits for virtual time (a request to another container and its reply) gets the
    // clock moved 100 ms at a time while it is pending, as a browser tab's clock would move.
    let done = false;
    const pending = engine.run(argv, io).finally(() => (done = true));
    for (let i = 0; i < 100 && !done; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (done) break;
      env.clock.advance(100);
      await engine.containers.advance();
    }
    const code = await pending;
    return { code, out: io.out, err: io.err };
  };
  /** Lets `ms` of virtual time pass in 100 ms ticks, as on the page, so detached containers run on meanwhile. */
  const wait = async (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      env.clock.advance(100);
      await engine.containers.advance();
    }
  };
  const edit = (path: string, content: string) => {
    edits++;
    files = { ...files, [path]: content };
    engine.context = memoryContext(files);
  };
  /** Replaces the whole workspace (e.g. with a file deleted). */
  const setFiles = (next: Record<string, string>) => {
    edits++;
    files = { ...next };
    engine.context = memoryContext(files);
  };
  /** Runs the lesson's setup commands; the first step's events count from here on, as in the lesson panel. */
  const start = async (lesson: LessonDef) => {
    for (const argv of lesson.setup) {
      const r = await run(argv);
      if (r.code !== 0) throw new Error(`setup ${argv.join(' ')}: ${r.err}`);
    }
    since[lesson.steps[0].id] = worldSeq(world);
  };
  const advance = (lesson: LessonDef) => {
    const ev = evaluateLesson(lesson, world, completed, since);
    completed.push(...ev.newlyCompleted);
    const next = lesson.steps.find((s) => !completed.includes(s.id));
    if (ev.newlyCompleted.length && next) since[next.id] = worldSeq(world);
    return ev;
  };
  return { env, engine, world, run, wait, edit, setFiles, start, advance, completed, scores, files: () => files };
}
