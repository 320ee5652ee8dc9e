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
  type WorldBuildStep,
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
    if (!img) return fail(`${ref} 이미지가 없어요.`, `There is no ${ref} image yet.`);
    if (img.layers.length < minLayers)
      return fail(`${ref} 이미지의 레이어가 ${img.layers.length}개뿐이에요.`, `${ref} has only ${img.layers.length} layer(s).`);
    return pass;
  });
}

export function imagesShareLayers(a: string, b: string): Check {
  return check('imagesShareLayers', `${a} & ${b}`, (w) => {
    const ia = findImage(w, a);
    const ib = findImage(w, b);
    if (!ia || !ib) return fail(`${a}와 ${b} 이미지가 모두 있어야 해요.`, `Both ${a} and ${b} must exist.`);
    const shared = ia.layers.filter((l) => ib.layers.includes(l));
    if (shared.length === 0) return fail('두 이미지가 공유하는 레이어가 없어요.', 'The two images share no layer.');
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
      : fail('레이어를 공유하는 이미지가 두 개 이상 있어야 해요.', 'You need at least two images that share layers.');
  });
}

export interface ImageConfigWant {
  workingDir?: string;
  envKeys?: string[];
  cmdIncludes?: string;
  /** The image's ENTRYPOINT (not CMD) mentions this. */
  entrypointIncludes?: string;
  exposed?: string;
}

function configMismatch(img: WorldImage, want: ImageConfigWant): CheckResult | null {
  if (want.workingDir && img.workingDir !== want.workingDir)
    return fail(`WORKDIR가 ${want.workingDir}이어야 해요.`, `WORKDIR should be ${want.workingDir}.`);
  for (const k of want.envKeys ?? [])
    if (envValue(img.env, k) === undefined) return fail(`이미지에 ENV ${k}가 없어요.`, `The image has no ENV ${k}.`);
  if (want.cmdIncludes && ![...img.entrypoint, ...img.cmd].join(' ').includes(want.cmdIncludes))
    return fail(`CMD에 ${want.cmdIncludes}가 있어야 해요.`, `CMD should mention ${want.cmdIncludes}.`);
  if (want.entrypointIncludes && !img.entrypoint.join(' ').includes(want.entrypointIncludes))
    return fail(`ENTRYPOINT에 ${want.entrypointIncludes}가 있어야 해요.`, `ENTRYPOINT should mention ${want.entrypointIncludes}.`);
  if (want.exposed && !img.exposedPorts.some((p) => p === want.exposed || p === `${want.exposed}/tcp`))
    return fail(`EXPOSE ${want.exposed}가 필요해요.`, `EXPOSE ${want.exposed} is missing.`);
  return null;
}

/** An image was built from the workspace with this tag, and its config is what the Dockerfile says. */
export function imageBuilt(ref: string, want: ImageConfigWant = {}): Check {
  return check('imageBuilt', ref, (w, ctx) => {
    const b = recentBuilds(w, ctx).filter((x) => x.ok && x.tags.map(normalizeRef).includes(normalizeRef(ref))).pop();
    if (!b) return fail(`${ref} 태그로 빌드한 기록이 없어요.`, `No successful build tagged ${ref} yet.`);
    const img = findImage(w, ref);
    if (!img) return fail(`${ref} 이미지가 없어요.`, `The ${ref} image is gone.`);
    return configMismatch(img, want) ?? pass;
  });
}

/**
 * `.dockerignore` at work: the image `ref`, built during the step, has `kept` but not `left`, while the build context
 * still holds the file behind `left` (deleting the file from the context is not what the step teaches).
 */
export function imageLeavesOut(ref: string, left: string, kept: string, contextFile: string): Check {
  return check('imageLeavesOut', `${ref}: no ${left}, has ${kept}, context keeps ${contextFile}`, (w, ctx) => {
    const b = recentBuilds(w, ctx).filter((x) => x.ok && x.tags.map(normalizeRef).includes(normalizeRef(ref))).pop();
    if (!b) return fail(`${ref} 태그로 빌드하세요.`, `Build with the tag ${ref}.`);
    const img = findImage(w, ref);
    if (!img) return fail(`${ref} 이미지가 없어요.`, `The ${ref} image is gone.`);
    if (!(contextFile in w.files()))
      return fail(`${contextFile}은 작업 공간에 그대로 두세요. 이미지에서만 빼는 게 목표예요.`, `Keep ${contextFile} in the workspace: the aim is to leave it out of the image only.`);
    if (!w.imageHasPath(img.id, kept)) return fail(`이미지에 ${kept}이 없어요.`, `The image has no ${kept}.`);
    if (w.imageHasPath(img.id, left)) return fail(`이미지에 아직 ${left}이 들어 있어요.`, `The image still has ${left}.`);
    return pass;
  });
}

export function danglingImageExists(): Check {
  return check('danglingImageExists', '<none>:<none>', (w) =>
    w.images().some((i) => i.tags.length === 0)
      ? pass
      : fail('<none> 이미지가 없어요. 태그를 바꾸지 않고 다시 빌드해 보세요.', 'No <none> image yet: rebuild a changed file under the same tag.'),
  );
}

export function noDanglingImages(): Check {
  return check('noDanglingImages', '', (w) =>
    w.images().some((i) => i.tags.length === 0 && !w.containers().some((c) => c.imageId === i.id))
      ? fail('사용되지 않는 <none> 이미지가 아직 남아 있어요.', 'Unused <none> images are still there.')
      : pass,
  );
}

export function imageCommittedFrom(ref: string, changedFile: string): Check {
  return check('imageCommittedFrom', `${ref} <- container with ${changedFile} changed`, (w) => {
    const img = findImage(w, ref);
    if (!img) return fail(`${ref} 이미지가 없어요.`, `There is no ${ref} image yet.`);
    if (!img.committedFrom) return fail(`${ref}는 commit으로 만든 이미지가 아니에요.`, `${ref} was not made by commit.`);
    if (!img.committedFrom.changedPaths.some((p) => p === changedFile || p.endsWith('/' + changedFile)))
      return fail(`커밋한 컨테이너에서 ${changedFile}이 바뀌지 않았어요.`, `${changedFile} was not changed in the committed container.`);
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
  /** Networks the container must be attached to (all of them). */
  networks?: string[];
  /** A volume the container must mount. */
  volume?: string;
}

/** What the learner reads about the container a step wants, in their language. */
function describeFor(want: ContainerWant, lang: 'ko' | 'en'): string {
  const ko = lang === 'ko';
  return [want.name && (ko ? `이름 ${want.name}` : `named ${want.name}`), want.image && (ko ? `이미지 ${want.image}` : `from ${want.image}`),
    want.state && want.state !== 'any' && (ko ? `상태 ${want.state}` : `state ${want.state}`),
    ...Object.entries(want.env ?? {}).map(([k, v]) => (ko ? `환경 변수 ${k}=${v}` : `env ${k}=${v}`)),
    want.port && (ko ? `포트 게시 -p ${want.port.hostPort}:${want.port.containerPort}` : `published with -p ${want.port.hostPort}:${want.port.containerPort}`),
    want.interactive && (ko ? '대화형(-it)' : 'interactive (-it)'),
    want.logsInclude && (ko ? `출력에 ${want.logsInclude.map((l) => `"${l.trim()}"`).join(', ')}` : `output with ${want.logsInclude.map((l) => `"${l.trim()}"`).join(', ')}`),
    want.networks && (ko ? `네트워크 ${want.networks.join(', ')}에 연결` : `attached to ${want.networks.join(', ')}`),
    want.volume && (ko ? `볼륨 ${want.volume} 마운트` : `mounting the volume ${want.volume}`)]
    .filter(Boolean).join(', ');
}

function describe(want: ContainerWant): string {
  return [want.name && `name=${want.name}`, want.image && `image=${want.image}`, want.state && want.state !== 'any' && `state=${want.state}`,
    ...Object.entries(want.env ?? {}).map(([k, v]) => `${k}=${v}`), want.port && `-p ${want.port.hostPort}:${want.port.containerPort}`,
    want.interactive && '-it', want.logsInclude && `logs~${want.logsInclude.join('+')}`, want.changedFile && `changed ${want.changedFile}`,
    want.networks && `networks=${want.networks.join('+')}`, want.volume && `volume=${want.volume}`]
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
  if (want.networks && !want.networks.every((n) => c.networks.includes(n))) return false;
  if (want.volume && !mountsVolume(c, want.volume)) return false;
  return true;
}

/** A container matching every given property exists (state defaults to running). */
export function containerMatches(want: ContainerWant): Check {
  return check('containerMatches', describe(want), (w) =>
    w.containers().some((c) => matches(w, c, want))
      ? pass
      : fail(`이런 컨테이너가 아직 없어요: ${describeFor(want, 'ko')}`, `No container yet: ${describeFor(want, 'en')}`),
  );
}

/** No container has this name any more, and a `container rm` succeeded during the step. */
export function containerRemoved(name: string): Check {
  return check('containerRemoved', name, (w, ctx) => {
    if (w.containers().some((c) => c.name.replace(/^\//, '') === name))
      return fail(`${name} 컨테이너가 아직 있어요.`, `Container ${name} still exists.`);
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
    if (!img || img.id !== hit.imageId) return fail('이미지가 사라졌거나 바뀌었어요.', 'The image is gone or changed.');
    return pass;
  });
}

// ---- volumes and bind mounts --------------------------------------------------------------

const mountsVolume = (c: WorldContainer, volume: string) => c.mounts.some((m) => m.type === 'volume' && m.name === volume);
/** A bind mount of the workspace folder itself (`-v "$(pwd)":/data`, `-v .:/data`). */
const bindsWorkspace = (w: LessonWorld, c: WorldContainer) => {
  const root = w.hostRoot();
  return !!root && c.mounts.some((m) => m.type === 'bind' && m.source.replace(/\/+$/, '') === root.replace(/\/+$/, ''));
};

/** A volume with this name exists (made by name, not an anonymous one). */
export function volumeExists(name: string): Check {
  return check('volumeExists', name, (w) =>
    w.volumes().some((v) => v.name === name && !v.anonymous)
      ? pass
      : fail(`${name} 볼륨이 아직 없어요.`, `There is no volume named ${name} yet.`),
  );
}

/** The volume holds this file (path from the volume's root), written by a container that mounted it. */
export function volumeHasFile(volume: string, path: string): Check {
  return check('volumeHasFile', `${volume}: ${path}`, (w) => {
    if (!w.volumes().some((v) => v.name === volume)) return fail(`${volume} 볼륨이 없어요.`, `There is no volume named ${volume}.`);
    if (w.volumeFile(volume, path) === null)
      return fail(`${volume} 볼륨에 ${path.replace(/^\//, '')} 파일이 아직 없어요.`, `The volume ${volume} has no ${path.replace(/^\//, '')} yet.`);
    return pass;
  });
}

/**
 * The data outlived its container: the container `removed` is gone, the volume still has `path`, and another
 * container that mounts the volume printed that file's text.
 */
export function volumeOutlivesContainer(volume: string, path: string, removed: string): Check {
  return check('volumeOutlivesContainer', `${volume}: ${path}, ${removed} removed, read by another container`, (w) => {
    if (w.containers().some((c) => c.name === removed))
      return fail(`${removed} 컨테이너가 아직 있어요. 먼저 지우세요.`, `The container ${removed} still exists: remove it first.`);
    const text = w.volumeFile(volume, path)?.trim();
    if (!text) return fail(`${volume} 볼륨에 ${path.replace(/^\//, '')} 파일이 없어요.`, `The volume ${volume} has no ${path.replace(/^\//, '')}.`);
    return w.containers().some((c) => mountsVolume(c, volume) && c.exitCode === 0 && c.logs.includes(text))
      ? pass
      : fail(`${volume} 볼륨을 마운트한 새 컨테이너로 파일을 읽어 보세요.`, `Read the file with a new container that mounts ${volume}.`);
  });
}

/**
 * A Dockerfile's VOLUME at work: at least two containers from `image`, each with its own anonymous volume at
 * `target` (no two share one, none is a named volume).
 */
export function anonymousVolumePerContainer(image: string, target: string): Check {
  return check('anonymousVolumePerContainer', `${image}: anonymous volume at ${target}, one per container (>= 2)`, (w) => {
    const anonymous = new Set(w.volumes().filter((v) => v.anonymous).map((v) => v.name));
    const from = w.containers().filter((c) => containerFrom(w, c, image));
    const own = from.map((c) => c.mounts.find((m) => m.type === 'volume' && m.destination === target)?.name).filter((n): n is string => !!n && anonymous.has(n));
    if (from.length > own.length)
      return fail(`${target}에 이름 있는 볼륨을 마운트한 ${image} 컨테이너가 있어요. -v 없이 실행해 보세요.`, `A ${image} container has a named volume at ${target}: run it without -v.`);
    if (new Set(own).size < 2)
      return fail(`${image} 컨테이너를 -v 없이 두 번 실행해 보세요.`, `Run ${image} twice, without -v.`);
    return pass;
  });
}

/** A container with the workspace bind-mounted printed the workspace file's current text. */
export function bindMountRead(file: string): Check {
  return check('bindMountRead', `workspace bound, logs ~ ${file}`, (w) => {
    const text = w.files()[file]?.trim();
    if (!text) return fail(`작업 공간에 ${file} 파일이 있어야 해요.`, `The workspace needs ${file}.`);
    const bound = w.containers().filter((c) => bindsWorkspace(w, c));
    if (bound.length === 0) return fail('작업 공간 폴더를 바인드 마운트한 컨테이너가 아직 없어요.', 'No container has the workspace folder bind-mounted yet.');
    return bound.some((c) => c.exitCode === 0 && c.logs.includes(text))
      ? pass
      : fail(`바인드 마운트한 컨테이너가 지금의 ${file} 내용을 출력하지 않았어요.`, `No bind-mounting container printed what ${file} says now.`);
  });
}

/** The workspace file holds the hostname of a container that had the workspace bind-mounted: that container wrote it. */
export function bindMountWrote(file: string): Check {
  return check('bindMountWrote', `workspace ${file} = hostname of a bind-mounting container`, (w) => {
    const text = w.files()[file]?.trim();
    if (text === undefined) return fail(`작업 공간에 ${file} 파일이 아직 없어요.`, `The workspace has no ${file} yet.`);
    return w.containers().some((c) => bindsWorkspace(w, c) && c.hostname === text)
      ? pass
      : fail(`${file}은 작업 공간을 바인드 마운트한 컨테이너가 써야 해요.`, `${file} must be written by a container that bind-mounts the workspace.`);
  });
}

// ---- networks and Compose -------------------------------------------------------------------

/** A network the user created (not a built-in one, not one Compose made) with this name exists. */
export function networkExists(name: string): Check {
  return check('networkExists', name, (w) =>
    w.networks().some((n) => n.name === name && !n.builtIn)
      ? pass
      : fail(`${name} 네트워크가 아직 없어요.`, `There is no network named ${name} yet.`),
  );
}

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';

export interface ServiceWant {
  state?: WorldContainer['state'];
  exitCode?: number;
  port?: { hostPort: number; containerPort: number };
  logsInclude?: string;
}

/** A container Compose made for `service` (by its labels) is in the wanted state. */
export function composeService(service: string, want: ServiceWant = {}): Check {
  const label = [service, want.state && `state=${want.state}`, want.port && `-p ${want.port.hostPort}:${want.port.containerPort}`, want.logsInclude && `logs~${want.logsInclude}`]
    .filter(Boolean).join(', ');
  return check('composeService', label, (w) => {
    const cs = w.containers().filter((c) => c.labels[COMPOSE_SERVICE] === service);
    if (cs.length === 0) return fail(`Compose가 만든 ${service} 서비스의 컨테이너가 아직 없어요.`, `Compose has not made a container for the ${service} service yet.`);
    const ok = cs.some((c) => (!want.state || c.state === want.state) && (want.exitCode === undefined || c.exitCode === want.exitCode) &&
      (!want.port || c.ports.some((p) => p.hostPort === want.port!.hostPort && p.containerPort === want.port!.containerPort)) &&
      (!want.logsInclude || c.logs.includes(want.logsInclude)));
    if (ok) return pass;
    if (want.port) return fail(`${service} 서비스가 ${want.port.hostPort}:${want.port.containerPort} 포트를 게시하지 않아요.`, `The ${service} service does not publish ${want.port.hostPort}:${want.port.containerPort}.`);
    return fail(`${service} 서비스의 컨테이너가 기대한 상태가 아니에요.`, `The ${service} service's container is not as expected.`);
  });
}

/** Nothing of a Compose project is left: no container with Compose labels and no network Compose made. */
export function composeDown(): Check {
  return check('composeDown', 'no Compose container or network', (w) => {
    if (w.containers().some((c) => c.labels[COMPOSE_PROJECT]))
      return fail('Compose가 만든 컨테이너가 아직 남아 있어요.', 'Containers Compose made are still there.');
    if (w.networks().some((n) => n.labels[COMPOSE_PROJECT]))
      return fail('Compose가 만든 네트워크가 아직 남아 있어요.', 'The network Compose made is still there.');
    return w.commands().some((c) => c.command === 'compose down' && c.exitCode === 0)
      ? pass
      : fail('`docker compose down` 으로 정리해 보세요.', 'Clean up with `docker compose down`.');
  });
}

// ---- sizes and registries -------------------------------------------------------------------

/** Both images exist and `small` is at most 1/`factor` of `big` (logical sizes, as `image ls` shows them). */
export function imageSmallerThan(small: string, big: string, factor: number): Check {
  return check('imageSmallerThan', `${small} <= ${big} / ${factor}`, (w) => {
    const s = findImage(w, small);
    const b = findImage(w, big);
    if (!s || !b) return fail(`${small}과 ${big} 이미지가 모두 있어야 해요.`, `Both ${small} and ${big} must exist.`);
    return s.size * factor <= b.size
      ? pass
      : fail(`${small}이 ${big}보다 충분히 작지 않아요.`, `${small} is not much smaller than ${big}.`);
  });
}

/** An image tagged ACCOUNT/`repo`:`tag` (an account part before the slash) is the same image as `source`. */
export function taggedForAccount(source: string, repo: string, tag: string): Check {
  return check('taggedForAccount', `${source} -> <account>/${repo}:${tag}`, (w) => {
    const src = findImage(w, source);
    if (!src) return fail(`${source} 이미지가 없어요.`, `There is no ${source} image.`);
    const ok = src.tags.map(normalizeRef).some((t) => new RegExp(`^[a-z0-9][a-z0-9._-]*/${repo}:${tag}$`).test(t));
    return ok
      ? pass
      : fail(`${source} 이미지에 계정 이름이 붙은 ${repo}:${tag} 태그가 아직 없어요.`, `${source} has no ${repo}:${tag} tag with an account name yet.`);
  });
}

/** In this step, the image `<account>/repo:tag` was removed locally, then pulled back from the registry. */
export function pulledBack(repo: string, tag: string): Check {
  const isRef = (a: string) => new RegExp(`^[a-z0-9][a-z0-9._-]*/${repo}:${tag}$`).test(normalizeRef(a));
  return check('pulledBack', `<account>/${repo}:${tag}: image rm, then image pull`, (w, ctx) => {
    const cmds = w.commands().filter((c) => c.seq > ctx.since && c.exitCode === 0);
    const rm = cmds.find((c) => c.command === 'image rm' && positionalArgs(c.args).some(isRef));
    if (!rm) return fail(`먼저 내 컴퓨터에서 ${repo}:${tag} 이미지를 지우세요.`, `First remove your ${repo}:${tag} image locally.`);
    const pull = cmds.find((c) => c.seq > rm.seq && c.command === 'image pull' && positionalArgs(c.args).some(isRef));
    if (!pull) return fail('지운 다음 레지스트리에서 다시 받아 오세요.', 'Then pull it back from the registry.');
    return w.images().some((i) => i.tags.some(isRef))
      ? pass
      : fail('받아 온 이미지가 보이지 않아요.', 'The pulled image is not there.');
  });
}

// ---- commands (the engine's record of what it ran) ----------------------------------------

export interface CommandWant {
  /** At least one positional argument satisfies this. */
  arg?: (a: string) => boolean;
  argLabel?: string;
  outputIncludes?: string;
  /** Docker's error text must include this (tells a refusal apart from, say, an unknown image). */
  errorIncludes?: string;
  /** A flag (e.g. "-f") that must be among the arguments. */
  flag?: string;
  flagsWithValue?: string[];
}

function commandCheck(name: string, command: string, exit: 'ok' | 'failed', want: CommandWant): Check {
  const label = `${command}${want.flag ? ' ' + want.flag : ''}${want.argLabel ? ' ' + want.argLabel : ''}${want.outputIncludes ? ` ~ "${want.outputIncludes}"` : ''}${want.errorIncludes ? ` ~ "${want.errorIncludes}"` : ''}`;
  return check(name, label, (w, ctx) => {
    const hit = w.commands().some(
      (c) =>
        c.seq > ctx.since &&
        c.command === command &&
        (exit === 'ok' ? c.exitCode === 0 : c.exitCode !== 0) &&
        (!want.arg || positionalArgs(c.args, want.flagsWithValue).some(want.arg)) &&
        (!want.outputIncludes || c.stdout.includes(want.outputIncludes)) &&
        (!want.errorIncludes || c.stderr.includes(want.errorIncludes)) &&
        (!want.flag || c.args.some((a) => a === want.flag || a.startsWith(want.flag + '='))),
    );
    if (hit) return pass;
    // What the learner reads: the command as typed, without the README's notation.
    const typed = `docker ${command}${want.flag ? ' ' + want.flag : ''}${want.argLabel ? ' ' + want.argLabel : ''}`;
    return exit === 'ok'
      ? fail(`엔진이 \`${typed}\` 명령을 실행한 기록이 아직 없어요.`, `The engine has not run \`${typed}\` yet.`)
      : fail(`엔진이 \`${typed}\` 명령을 거절한 기록이 아직 없어요.`, `The engine has not refused \`${typed}\` yet.`);
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
    return built.length === 0 ? pass : fail(`${built.length}개 단계가 다시 빌드됐어요.`, `${built.length} step(s) ran again.`);
  });
}

/**
 * The last build missed because `file` changed, every layer step after the first miss ran again, and at least one
 * later step (`through`, by prefix) was rebuilt only because the step before it changed: a cascade, not just one miss.
 */
export function lastBuildCascade(repo: string, file: string, through: string): Check {
  return check('lastBuildCascade', `${repo}, ${file}, then ${through}`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${file}을 고치고 ${repo}를 다시 빌드하세요.`, `Edit ${file} and rebuild ${repo}.`);
    if (!filesChanged(b, file)) return fail(`마지막 빌드에서 ${file} 변경이 감지되지 않았어요.`, `The last build saw no change to ${file}.`);
    const steps = layerSteps(b);
    const first = steps.findIndex((s) => s.outcome === 'built');
    if (!steps.slice(first).every((s) => s.outcome === 'built'))
      return fail('첫 캐시 미스 뒤에 캐시에서 가져온 단계가 있어요.', 'A step after the first miss came from the cache.');
    const later = steps.slice(first + 1).find((s) => s.name.startsWith(through));
    if (!later || later.reason?.kind !== 'parent-changed')
      return fail(`${file}을 복사한 단계 뒤에서 ${through} 단계가 연쇄로 다시 빌드되어야 해요.`, `${through} should be rebuilt after the step that copies ${file}, because that step changed.`);
    return pass;
  });
}

/** The previous successful build of `repo` before `b` (any time, not only in this step). */
function previousBuild(w: LessonWorld, b: WorldBuild, repo: string): WorldBuild | undefined {
  return w.builds().filter((x) => x.ok && x.seq < b.seq && x.tags.some((t) => normalizeRef(t).startsWith(repo + ':'))).pop();
}

const configNames = (b: WorldBuild) => b.steps.filter((s) => s.metadataOnly).map((s) => s.name).join('\n');

/**
 * BuildKit: the last build of `repo` changed only config instructions (ENV, CMD, EXPOSE, ...) compared with the build
 * before it, and every filesystem step still came from the cache.
 */
export function lastBuildConfigOnly(repo: string): Check {
  return check('lastBuildConfigOnly', `${repo}, buildkit, config changed, all layers cached`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`CMD를 바꾸고 ${repo}를 다시 빌드하세요.`, `Change CMD and rebuild ${repo}.`);
    if (b.builder !== 'buildkit') return fail('이번에는 기본 빌더(BuildKit)로 빌드하세요.', 'Build with the default builder (BuildKit) this time.');
    const prev = previousBuild(w, b, repo);
    if (!prev || configNames(prev) === configNames(b))
      return fail('이전 빌드와 비교해 설정 인스트럭션(CMD, ENV 등)이 바뀌지 않았어요.', 'No config instruction (CMD, ENV, ...) differs from the previous build.');
    const built = layerSteps(b).filter((s) => s.outcome === 'built');
    if (built.length > 0)
      return fail(`${built.map((s) => s.name).join(', ')} 단계가 다시 빌드됐어요. 파일이나 RUN의 환경 변수에 영향을 주지 않는 설정만 바꿔 보세요.`,
        `${built.map((s) => s.name).join(', ')} was rebuilt: change only config that no file and no RUN depends on.`);
    return pass;
  });
}

/**
 * The legacy builder's rule: the last legacy build of `repo` missed at an instruction that changed (not a cold cache,
 * not --no-cache), and a later step was rebuilt only because of that miss.
 */
export function legacyCascade(repo: string): Check {
  return check('legacyCascade', `${repo}, legacy, changed line then parent-changed`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b || b.builder !== 'legacy') return fail(`DOCKER_BUILDKIT=0 으로 ${repo}를 빌드하세요.`, `Build ${repo} with DOCKER_BUILDKIT=0.`);
    const steps = layerSteps(b);
    const first = steps.find((s) => s.outcome === 'built');
    if (!first) return fail('모든 단계가 CACHED였어요. 인스트럭션 한 줄을 바꾸고 다시 빌드하세요.', 'Every step was CACHED: change one instruction and build again.');
    if (first.reason?.kind === 'first-build' || first.reason?.kind === 'no-cache')
      return fail('레거시 빌더의 캐시가 비어 있어 모든 단계가 빌드됐어요. 한 줄을 바꾼 뒤 한 번 더 빌드하세요.', 'The legacy builder\'s cache was empty, so every step ran: change one line and build once more.');
    if (!steps.some((s) => s.index > first.index && s.outcome === 'built' && s.reason?.kind === 'parent-changed'))
      return fail('바뀐 줄 뒤에 단계가 없어요. 뒤에 다른 인스트럭션이 있는 줄(ENV 등)을 바꿔 보세요.', 'No step follows the changed line: change a line with instructions after it (an ENV, say).');
    return pass;
  });
}

/** Every COPY, ADD and RUN step of the last build of `repo` ran again because of --no-cache. */
export function lastBuildNoCache(repo: string): Check {
  return check('lastBuildNoCache', `${repo}, every COPY/ADD/RUN: no-cache`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`--no-cache 로 ${repo}를 빌드하세요.`, `Build ${repo} with --no-cache.`);
    const steps = layerSteps(b).filter((s) => s.instruction === 'COPY' || s.instruction === 'ADD' || s.instruction === 'RUN');
    return steps.length > 0 && steps.every((s) => s.outcome === 'built' && s.reason?.kind === 'no-cache')
      ? pass
      : fail('마지막 빌드가 캐시를 썼어요. --no-cache 를 붙여 빌드하세요.', 'The last build used the cache: add --no-cache.');
  });
}

/** After a change to `file`, the last build of `repo` rebuilt at most `max` layers (and kept `keepCached` cached). */
export function lastBuildRebuiltAtMost(repo: string, file: string, max: number, keepCached: string[] = []): Check {
  return check('lastBuildRebuiltAtMost', `${repo}, ${file} changed, <= ${max} layer(s)`, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${file}을 고치고 ${repo}를 다시 빌드하세요.`, `Edit ${file} and rebuild ${repo}.`);
    if (!filesChanged(b, file)) return fail(`마지막 빌드에서 ${file} 변경이 감지되지 않았어요.`, `The last build saw no change to ${file}.`);
    const built = layerSteps(b).filter((s) => s.outcome === 'built');
    if (built.length > max)
      return fail(`${built.length}개 단계가 다시 빌드됐어요 (최대 ${max}개).`, `${built.length} layers were rebuilt (at most ${max}).`);
    for (const k of keepCached) {
      const s = b.steps.find((x) => x.name.startsWith(k));
      if (!s) return fail(`Dockerfile에 ${k} 단계가 없어요.`, `The Dockerfile has no ${k} step.`);
      if (s.outcome !== 'cached') return fail(`${k} 단계를 캐시에서 가져오지 않았어요.`, `${k} did not come from the cache.`);
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
    want.hasStep && `has:${want.hasStep.join('|')}`, want.minStages && `stages>=${want.minStages}`].filter(Boolean).join(', ');
  return check('lastBuildShape', label, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`${repo}를 빌드하세요.`, `Build ${repo}.`);
    if (want.builder && b.builder !== want.builder)
      return fail(`마지막 빌드는 ${b.builder} 빌더였어요.`, `The last build used the ${b.builder} builder.`);
    for (const k of want.cached ?? []) {
      const s = b.steps.find((x) => x.name.startsWith(k) && !x.metadataOnly);
      if (!s || s.outcome !== 'cached') return fail(`${k} 단계는 캐시에서 가져와야 해요.`, `${k} should come from the cache.`);
    }
    for (const k of want.built ?? []) {
      const s = b.steps.find((x) => x.name.startsWith(k));
      if (!s || s.outcome !== 'built') return fail(`${k} 단계는 다시 빌드되어야 해요.`, `${k} should run again.`);
    }
    for (const k of want.hasStep ?? [])
      if (!b.steps.some((x) => x.name.startsWith(k))) return fail(`빌드한 Dockerfile에 ${k} 단계가 없어요.`, `The Dockerfile you built has no ${k} step.`);
    for (const k of want.noStep ?? [])
      if (b.steps.some((x) => x.name.startsWith(k))) return fail(`빌드한 Dockerfile에 ${k} 단계가 있으면 안 돼요.`, `The Dockerfile you built should not have a ${k} step.`);
    if (want.minStages && new Set(b.steps.map((s) => s.stage)).size < want.minStages)
      return fail(`스테이지가 ${want.minStages}개 이상이어야 해요.`, `Expected at least ${want.minStages} stages.`);
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

// ---- the Dockerfile that was built --------------------------------------------------------

export interface OrderedStep {
  /** What the learner reads: "COPY package.json". */
  label: string;
  /** Which step of the build record this is. */
  is: (step: WorldBuildStep) => boolean;
}

/**
 * The last build of `repo` (the Dockerfile that was built, from the build record, never the editor's text) has
 * these steps in this order, and at most `maxCount[k]` instructions with keyword k.
 */
export function builtOrder(repo: string, order: OrderedStep[], maxCount: Record<string, number> = {}): Check {
  const label = `${repo}: ${order.map((o) => o.label).join(' < ')}${Object.entries(maxCount).map(([k, n]) => `, ${k} <= ${n}`).join('')}`;
  return check('builtOrder', label, (w, ctx) => {
    const b = lastOkBuild(w, ctx, repo);
    if (!b) return fail(`Dockerfile을 고친 뒤 ${repo}를 빌드하세요.`, `Edit the Dockerfile, then build ${repo}.`);
    let at = -1;
    for (const o of order) {
      const i = b.steps.findIndex((s, k) => k > at && o.is(s));
      if (i === -1) {
        const prev = order[order.indexOf(o) - 1];
        return prev
          ? fail(`빌드한 Dockerfile에서 ${prev.label} 뒤에 ${o.label}이 와야 해요.`, `In the Dockerfile you built, ${o.label} should come after ${prev.label}.`)
          : fail(`빌드한 Dockerfile에 ${o.label}이 없어요.`, `The Dockerfile you built has no ${o.label}.`);
      }
      at = i;
    }
    for (const [k, n] of Object.entries(maxCount)) {
      const count = b.steps.filter((s) => s.instruction === k).length;
      if (count > n) return fail(`빌드한 Dockerfile에 ${k} 인스트럭션이 ${count}개 있어요 (최대 ${n}개).`, `The Dockerfile you built has ${count} ${k} instructions (at most ${n}).`);
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
      : fail(`${s.total}문제 중 ${s.correct}개 맞혔어요. 다시 도전하세요.`, `${s.correct} of ${s.total} right: try again.`);
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
