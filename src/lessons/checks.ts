/**
 * Step checks: pure functions over a LessonWorld (engine state + the engine's event record).
 * Each factory returns a named Check; the name is what src/lessons/README.md lists.
 * A check never reads what the learner typed as text, only what the engine did.
 */
import type { Check, CheckResult, L10n } from './types';
import { positionalArgs } from './commands';
import {
  envValue,
  findImage,
  normalizeRef,
  type CheckContext,
  type LessonWorld,
  type WorldBuild,
  type WorldContainer,
  type WorldImage,
} from './world';

const pass: CheckResult = { ok: true };
const fail = (ko: string, en: string): CheckResult => ({ ok: false, missing: { ko, en } });

function check(name: string, params: string, run: (w: LessonWorld, ctx: CheckContext) => CheckResult): Check {
  return { name, params, run };
}

/** Does the container's image match `ref` (by what was typed, or by the image the ref resolves to now)? */
function containerFrom(world: LessonWorld, c: WorldContainer, ref: string): boolean {
  if (normalizeRef(c.image) === normalizeRef(ref)) return true;
  const img = findImage(world, ref);
  return !!img && img.id === c.imageId;
}

function recentBuilds(world: LessonWorld, ctx: CheckContext): WorldBuild[] {
  return world.builds().filter((b) => b.seq > ctx.since);
}

function lastOkBuild(world: LessonWorld, ctx: CheckContext, repo?: string): WorldBuild | undefined {
  const builds = recentBuilds(world, ctx).filter(
    (b) => b.ok && (!repo || b.tags.some((t) => normalizeRef(t).startsWith(repo.includes(':') ? normalizeRef(repo) : repo + ':'))),
  );
  return builds[builds.length - 1];
}

/** Steps that execute: BuildKit runs only filesystem steps; the legacy builder runs every instruction (a container per ENV or CMD). */
const layerSteps = (b: WorldBuild) => b.steps.filter((s) => (b.builder === 'legacy' || !s.metadataOnly) && s.instruction !== 'FROM');

function filesChanged(b: WorldBuild, file: string): boolean {
  return b.steps.some(
    (s) => s.outcome === 'built' && s.reason?.kind === 'files-changed' && s.reason.files.some((f) => f === file || f.endsWith('/' + file)),
  );
}

// ---- images and registries ---------------------------------------------------------------

export function imagePresent(ref: string, minLayers = 1): Check {
  return check('imagePresent', `${ref}, >= ${minLayers} layers`, (w) => {
    const img = findImage(w, ref);
    if (!img) return fail(`아직 ${ref} 이미지가 없습니다.`, `There is no ${ref} image yet.`);
    if (img.layers.length < minLayers)
      return fail(`${ref} 이미지의 레이어가 ${img.layers.length}개뿐입니다.`, `${ref} has only ${img.layers.length} layer(s).`);
    return pass;
  });
}

export function imagesShareLayers(a: string, b: string): Check {
  return check('imagesShareLayers', `${a} & ${b}`, (w) => {
    const ia = findImage(w, a);
    const ib = findImage(w, b);
    if (!ia || !ib) return fail(`${a}와 ${b} 이미지가 모두 있어야 합니다.`, `Both ${a} and ${b} must exist.`);
    const shared = ia.layers.filter((l) => ib.layers.includes(l));
    if (shared.length === 0) return fail('두 이미지가 공유하는 레이어가 없습니다.', 'The two images share no layer.');
    return pass;
  });
}

/** The images' logical sizes add up to more than the distinct layers they use: shared layers are stored once. */
export function logicalExceedsReal(): Check {
  return check('logicalExceedsReal', 'sum(image ls SIZE) > distinct layers', (w) => {
    const imgs = w.images();
    const logical = imgs.reduce((n, i) => n + i.size, 0);
    const distinct = new Map<string, number>();
    for (const i of imgs) i.layers.forEach((l, k) => distinct.set(l, i.layerSizes?.[k] ?? 0));
    const real = [...distinct.values()].reduce((n, x) => n + x, 0);
    return imgs.length >= 2 && logical > real
      ? pass
      : fail('레이어를 공유하는 이미지가 두 개 이상 있어야 합니다.', 'You need at least two images that share layers.');
  });
}

export interface ImageConfigWant {
  workingDir?: string;
  envKeys?: string[];
  cmdIncludes?: string;
  exposed?: string;
}

function configMismatch(img: WorldImage, want: ImageConfigWant): CheckResult | null {
  if (want.workingDir && img.workingDir !== want.workingDir)
    return fail(`WORKDIR가 ${want.workingDir}이어야 합니다.`, `WORKDIR should be ${want.workingDir}.`);
  for (const k of want.envKeys ?? [])
    if (envValue(img.env, k) === undefined) return fail(`이미지에 ENV ${k}가 없습니다.`, `The image has no ENV ${k}.`);
  if (want.cmdIncludes && ![...img.entrypoint, ...img.cmd].join(' ').includes(want.cmdIncludes))
    return fail(`CMD에 ${want.cmdIncludes}가 있어야 합니다.`, `CMD should mention ${want.cmdIncludes}.`);
  if (want.exposed && !img.exposedPorts.some((p) => p === want.exposed || p === `${want.exposed}/tcp`))
    return fail(`EXPOSE ${want.exposed}가 필요합니다.`, `EXPOSE ${want.exposed} is missing.`);
  return null;
}

/** An image was built from the workspace with this tag, and its config is what the Dockerfile says. */
export function imageBuilt(ref: string, want: ImageConfigWant = {}): Check {
  return check('imageBuilt', ref, (w, ctx) => {
    const b = recentBuilds(w, ctx).filter((x) => x.ok && x.tags.map(normalizeRef).includes(normalizeRef(ref))).pop();
    if (!b) return fail(`${ref} 태그로 빌드한 기록이 없습니다.`, `No successful build tagged ${ref} yet.`);
    const img = findImage(w, ref);
    if (!img) return fail(`${ref} 이미지가 없습니다.`, `The ${ref} image is gone.`);
    return configMismatch(img, want) ?? pass;
  });
}

export function danglingImageExists(): Check {
  return check('danglingImageExists', '<none>:<none>', (w) =>
    w.images().some((i) => i.tags.length === 0)
      ? pass
      : fail('<none> 이미지가 아직 없습니다. 태그를 바꾸지 않고 다시 빌드해 보세요.', 'No <none> image yet: rebuild a changed file under the same tag.'),
  );
}

export function noDanglingImages(): Check {
  return check('noDanglingImages', '', (w) =>
    w.images().some((i) => i.tags.length === 0 && !w.containers().some((c) => c.imageId === i.id))
      ? fail('사용되지 않는 <none> 이미지가 아직 남아 있습니다.', 'Unused <none> images are still there.')
      : pass,
  );
}

export function imageCommittedFrom(ref: string, changedFile: string): Check {
  return check('imageCommittedFrom', `${ref} <- container with ${changedFile} changed`, (w) => {
    const img = findImage(w, ref);
    if (!img) return fail(`${ref} 이미지가 아직 없습니다.`, `There is no ${ref} image yet.`);
    if (!img.committedFrom) return fail(`${ref}는 commit으로 만든 이미지가 아닙니다.`, `${ref} was not made by commit.`);
    if (!img.committedFrom.changedPaths.some((p) => p === changedFile || p.endsWith('/' + changedFile)))
      return fail(`커밋한 컨테이너에서 ${changedFile}이 바뀌지 않았습니다.`, `${changedFile} was not changed in the committed container.`);
    return pass;
  });
}

// ---- containers -------------------------------------------------------------------------

export interface ContainerWant {
  name?: string;
  image?: string;
  state?: WorldContainer['state'] | 'any';
  env?: Record<string, string>;
  port?: { hostPort: number; containerPort: number };
  interactive?: boolean;
  exitCode?: number;
  logsInclude?: string[];
  changedFile?: string;
}

function describe(want: ContainerWant): string {
  return [want.name && `name=${want.name}`, want.image && `image=${want.image}`, want.state && want.state !== 'any' && `state=${want.state}`,
    ...Object.entries(want.env ?? {}).map(([k, v]) => `${k}=${v}`), want.port && `-p ${want.port.hostPort}:${want.port.containerPort}`,
    want.interactive && '-it', want.logsInclude && `logs~${want.logsInclude.join('+')}`, want.changedFile && `changed ${want.changedFile}`]
    .filter(Boolean).join(', ');
}

function matches(w: LessonWorld, c: WorldContainer, want: ContainerWant): boolean {
  if (want.name && c.name.replace(/^\//, '') !== want.name) return false;
  if (want.image && !containerFrom(w, c, want.image)) return false;
  if ((want.state ?? 'running') !== 'any' && c.state !== (want.state ?? 'running')) return false;
  for (const [k, v] of Object.entries(want.env ?? {})) if (envValue(c.env, k) !== v) return false;
  if (want.port && !c.ports.some((p) => p.hostPort === want.port!.hostPort && p.containerPort === want.port!.containerPort)) return false;
  if (want.interactive !== undefined && (c.tty && c.interactive) !== want.interactive) return false;
  if (want.exitCode !== undefined && c.exitCode !== want.exitCode) return false;
  if (want.logsInclude && !want.logsInclude.every((s) => c.logs.includes(s))) return false;
  if (want.changedFile && !c.changes.some((ch) => ch.kind !== 'D' && (ch.path === want.changedFile || ch.path.endsWith('/' + want.changedFile)))) return false;
  return true;
}

/** A container matching every given property exists (state defaults to running). */
export function containerMatches(want: ContainerWant): Check {
  return check('containerMatches', describe(want), (w) =>
    w.containers().some((c) => matches(w, c, want))
      ? pass
      : fail(`조건에 맞는 컨테이너가 없습니다: ${describe(want)}`, `No container matches: ${describe(want)}`),
  );
}

/** No container has this name any more, and a `container rm` succeeded during the step. */
export function containerRemoved(name: string): Check {
  return check('containerRemoved', name, (w, ctx) => {
    if (w.containers().some((c) => c.name.replace(/^\//, '') === name))
      return fail(`${name} 컨테이너가 아직 있습니다.`, `Container ${name} still exists.`);
    const rm = w.commands().some((c) => c.seq > ctx.since && c.command === 'container rm' && c.exitCode === 0);
    return rm ? pass : fail('docker rm 으로 지워 보세요.', 'Remove it with docker rm.');
  });
}

/** `docker run IMAGE` (no -it) exited, and `docker run -it IMAGE` gave an interactive container. */
export function interactiveVsDetached(image: string): Check {
  return check('interactiveVsDetached', image, (w) => {
    const from = w.containers().filter((c) => containerFrom(w, c, image));
    if (!from.some((c) => !c.interactive && c.state === 'exited'))
      return fail(`먼저 -it 없이 ${image}를 실행해 보세요.`, `First run ${image} without -it.`);
    if (!from.some((c) => c.tty && c.interactive)) return fail(`이제 -it 로 ${image}를 실행해 보세요.`, `Now run ${image} with -it.`);
    return pass;
  });
}

/** A container from `image` changed a file, and the image (same id) is still intact. */
export function writableLayerChanged(image: string, file?: string): Check {
  return check('writableLayerChanged', file ? `${image}, ${file}` : image, (w) => {
    const img = findImage(w, image);
    const cs = w.containers().filter((c) => containerFrom(w, c, image) && c.changes.length > 0);
    const hit = cs.find((c) => !file || c.changes.some((ch) => ch.kind !== 'D' && (ch.path === file || ch.path.endsWith('/' + file))));
    if (!hit) return fail(`${image} 컨테이너 안에서 ${file ?? '파일'}을 바꿔 보세요.`, `Change ${file ?? 'a file'} inside a ${image} container.`);
    if (!img || img.id !== hit.imageId) return fail('이미지가 사라졌거나 바뀌었습니다.', 'The image is gone or changed.');
    return pass;
  });
}

// ---- commands (the engine's record of what it ran) ----------------------------------------

export interface CommandWant {
  /** At least one positional argument satisfies this. */
  arg?: (a: string) => boolean;
  argLabel?: string;
  outputIncludes?: string;
  flagsWithValue?: string[];
}

function commandCheck(name: string, command: string, exit: 'ok' | 'failed', want: CommandWant): Check {
  const label = `${command}${want.argLabel ? ' ' + want.argLabel : ''}${want.outputIncludes ? ` ~ "${want.outputIncludes}"` : ''}`;
  return check(name, label, (w, ctx) => {
    const hit = w.commands().some(
      (c) =>
        c.seq > ctx.since &&
        c.command === command &&
        (exit === 'ok' ? c.exitCode === 0 : c.exitCode !== 0) &&
        (!want.arg || positionalArgs(c.args, want.flagsWithValue).some(want.arg)) &&
        (!want.outputIncludes || c.stdout.includes(want.outputIncludes)),
    );
    return hit ? pass : fail(`아직 docker ${label} 실행 기록이 없습니다.`, `The engine has not run docker ${label} yet.`);
  });
}

export const commandSucceeded = (command: string, want: CommandWant = {}) => commandCheck('commandSucceeded', command, 'ok', want);
export const commandRefused = (command: string, want: CommandWant = {}) => commandCheck('commandRefused', command, 'failed', want);

// ---- builds ---------------------------------------------------------------------------------

/** The last build of `repo` had every step from the cache. */
export function lastBuildAllCached(repo: string): Check {
  return check('lastBuildAllCached', repo, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${repo}를 다시 빌드해 보세요.`, `Rebuild ${repo}.`);
    const built = layerSteps(b).filter((s) => s.outcome === 'built');
    return built.length === 0 ? pass : fail(`${built.length}개 단계가 다시 실행됐습니다.`, `${built.length} step(s) ran again.`);
  });
}

/** The last build missed because `file` changed, and every layer step after the first miss ran again. */
export function lastBuildCascade(repo: string, file: string): Check {
  return check('lastBuildCascade', `${repo}, ${file}`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${file}을 고치고 ${repo}를 다시 빌드하세요.`, `Edit ${file} and rebuild ${repo}.`);
    if (!filesChanged(b, file)) return fail(`마지막 빌드에서 ${file} 변경이 감지되지 않았습니다.`, `The last build saw no change to ${file}.`);
    const steps = layerSteps(b);
    const first = steps.findIndex((s) => s.outcome === 'built');
    return steps.slice(first).every((s) => s.outcome === 'built')
      ? pass
      : fail('첫 미스 뒤에 캐시된 단계가 있습니다.', 'A step after the first miss came from the cache.');
  });
}

/** After a change to `file`, the last build of `repo` rebuilt at most `max` layers (and kept `keepCached` cached). */
export function lastBuildRebuiltAtMost(repo: string, file: string, max: number, keepCached: string[] = []): Check {
  return check('lastBuildRebuiltAtMost', `${repo}, ${file} changed, <= ${max} layer(s)`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${file}을 고치고 ${repo}를 다시 빌드하세요.`, `Edit ${file} and rebuild ${repo}.`);
    if (!filesChanged(b, file)) return fail(`마지막 빌드에서 ${file} 변경이 감지되지 않았습니다.`, `The last build saw no change to ${file}.`);
    const built = layerSteps(b).filter((s) => s.outcome === 'built');
    if (built.length > max)
      return fail(`레이어 ${built.length}개가 다시 만들어졌습니다 (최대 ${max}).`, `${built.length} layers were rebuilt (at most ${max}).`);
    for (const k of keepCached) {
      const s = b.steps.find((x) => x.name.startsWith(k));
      if (!s) return fail(`Dockerfile에 ${k} 단계가 없습니다.`, `The Dockerfile has no ${k} step.`);
      if (s.outcome !== 'cached') return fail(`${k} 단계가 캐시되지 않았습니다.`, `${k} did not come from the cache.`);
    }
    return pass;
  });
}

export interface BuildShapeWant {
  builder?: 'buildkit' | 'legacy';
  cached?: string[];
  built?: string[];
  minStages?: number;
  /** Instruction keywords that must appear as steps / must not. */
  hasStep?: string[];
  noStep?: string[];
}

/** The last build of `repo` used this builder, and the named steps (by prefix) were cached/built. */
export function lastBuildShape(repo: string, want: BuildShapeWant): Check {
  const label = [repo, want.builder, want.cached && `cached:${want.cached.join('|')}`, want.built && `built:${want.built.join('|')}`,
    want.minStages && `stages>=${want.minStages}`].filter(Boolean).join(', ');
  return check('lastBuildShape', label, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${repo}를 빌드하세요.`, `Build ${repo}.`);
    if (want.builder && b.builder !== want.builder)
      return fail(`마지막 빌드는 ${b.builder} 빌더였습니다.`, `The last build used the ${b.builder} builder.`);
    for (const k of want.cached ?? []) {
      const s = b.steps.find((x) => x.name.startsWith(k) && !x.metadataOnly);
      if (!s || s.outcome !== 'cached') return fail(`${k} 단계가 캐시되어야 합니다.`, `${k} should come from the cache.`);
    }
    for (const k of want.built ?? []) {
      const s = b.steps.find((x) => x.name.startsWith(k));
      if (!s || s.outcome !== 'built') return fail(`${k} 단계가 다시 실행되어야 합니다.`, `${k} should run again.`);
    }
    if (want.minStages && new Set(b.steps.map((s) => s.stage)).size < want.minStages)
      return fail(`스테이지가 ${want.minStages}개 이상이어야 합니다.`, `Expected at least ${want.minStages} stages.`);
    return pass;
  });
}

/** A running container uses the newest build of `repo`, and that build saw a change to `file`. */
export function runningLatestBuild(repo: string, file: string): Check {
  return check('runningLatestBuild', `${repo} after ${file} changed`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b || !filesChanged(b, file)) return fail(`${file}을 고치고 다시 빌드하세요.`, `Edit ${file} and rebuild.`);
    return w.containers().some((c) => c.state === 'running' && c.imageId === b.imageId)
      ? pass
      : fail('새 이미지로 컨테이너를 새로 실행하세요.', 'Start a new container from the new image.');
  });
}

// ---- workspace ------------------------------------------------------------------------------

/** Logical Dockerfile instructions (continuations joined, comments dropped), keyword upper-cased. */
export function dockerfileInstructions(text: string): { keyword: string; args: string }[] {
  const out: { keyword: string; args: string }[] = [];
  let cur = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!cur && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (cur && line.trim().startsWith('#')) continue;
    if (line.endsWith('\\')) {
      cur += line.slice(0, -1) + ' ';
      continue;
    }
    cur += line;
    const m = /^\s*(\S+)\s*(.*)$/.exec(cur);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2] });
    cur = '';
  }
  if (cur.trim()) {
    const m = /^\s*(\S+)\s*(.*)$/.exec(cur);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2] });
  }
  return out;
}

/** The last build of `repo` used a Dockerfile where `first` comes before `then` and `keyword` appears at most `maxCount` times. */
export function dockerfileOrder(repo: string, before: [string, string][], maxCount: Record<string, number> = {}): Check {
  const label = `${repo}: ${before.map(([a, b]) => `${a} < ${b}`).join(', ')}${Object.entries(maxCount).map(([k, n]) => `, ${k} <= ${n}`).join('')}`;
  return check('dockerfileOrder', label, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`Dockerfile을 고친 뒤 ${repo}를 빌드하세요.`, `Edit the Dockerfile, then build ${repo}.`);
    const ins = dockerfileInstructions(w.files()['Dockerfile'] ?? '');
    const idx = (k: string) => ins.findIndex((i) => `${i.keyword} ${i.args}`.startsWith(k));
    for (const [a, z] of before) {
      const ia = idx(a);
      const iz = idx(z);
      if (ia === -1 || iz === -1 || ia > iz) return fail(`${a}가 ${z}보다 앞에 와야 합니다.`, `${a} should come before ${z}.`);
    }
    for (const [k, n] of Object.entries(maxCount)) {
      const count = ins.filter((i) => i.keyword === k).length;
      if (count > n) return fail(`${k} 인스트럭션이 ${count}개입니다 (최대 ${n}).`, `There are ${count} ${k} instructions (at most ${n}).`);
    }
    return pass;
  });
}

// ---- quizzes and combinators ----------------------------------------------------------------

export function quizPassed(quizId: string, ratio: number): Check {
  return check('quizPassed', `${quizId} >= ${Math.round(ratio * 100)}%`, (w) => {
    const s = w.quizScores()[quizId];
    if (!s) return fail('아래 퀴즈를 풀어 보세요.', 'Answer the quiz below.');
    return s.total > 0 && s.correct / s.total >= ratio
      ? pass
      : fail(`${s.total}문제 중 ${s.correct}개 맞혔습니다. 다시 도전하세요.`, `${s.correct} of ${s.total} right: try again.`);
  });
}

/** At least one check must pass; otherwise the first one explains. */
export function anyOf(...checks: Check[]): Check {
  return check(`anyOf(${checks.map((c) => c.name).join(',')})`, checks.map((c) => c.params).join(' or '), (w, ctx) => {
    let first: CheckResult | undefined;
    for (const c of checks) {
      const r = c.run(w, ctx);
      if (r.ok) return r;
      first ??= r;
    }
    return first ?? pass;
  });
}

/** All checks must pass; the first failure explains. */
export function allOf(...checks: Check[]): Check {
  return check(checks.map((c) => c.name).join('+'), checks.map((c) => c.params).join(' & '), (w, ctx) => {
    for (const c of checks) {
      const r = c.run(w, ctx);
      if (!r.ok) return r;
    }
    return pass;
  });
}

export type { L10n };
