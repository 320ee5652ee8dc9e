/**
 * Shared by the oracle recorder (scripts/conformance-docker.ts) and the replay spec: reading build output
 * into step outcomes, listing image files, and comparing two results.
 */
import { createHash } from 'node:crypto';
import type { BuildResult, FileEntry, StepOutcome } from './scenarios/types';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Steps of a BuildKit `--progress=plain` transcript (any order; sorted by stage and step number). */
export function parseBuildKitSteps(output: string): StepOutcome[] {
  const names = new Map<string, string>();
  const status = new Map<string, 'cached' | 'done' | 'error'>();
  for (const line of output.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const [, id, rest] = m;
    const step = /^\[([^\]]*\d+\/\d+)\] (.*)$/.exec(rest);
    if (step && !names.has(id)) {
      names.set(id, `[${norm(step[1])}] ${norm(step[2])}`);
      continue;
    }
    if (rest === 'CACHED') status.set(id, 'cached');
    else if (/^DONE\b/.test(rest) && status.get(id) !== 'cached') status.set(id, 'done');
    else if (/^ERROR\b/.test(rest)) status.set(id, 'error');
  }
  const steps: { key: [string, number]; out: StepOutcome }[] = [];
  for (const [id, name] of names) {
    const lm = /^\[(?:(.*) )?(\d+)\/\d+\] (\S+)/.exec(name)!;
    const isFrom = lm[3].toUpperCase() === 'FROM';
    const shown = isFrom ? name.replace(/\] FROM .*$/, '] FROM') : name;
    steps.push({ key: [lm[1] ?? '', Number(lm[2])], out: { name: shown, cached: isFrom ? null : status.get(id) === 'cached' } });
  }
  // Stage order: unnamed stage "" first? BuildKit names stages "stage-N" or by AS; keep first-seen order per stage.
  const stageOrder: string[] = [];
  for (const s of steps) if (!stageOrder.includes(s.key[0])) stageOrder.push(s.key[0]);
  steps.sort((a, b) => stageOrder.indexOf(a.key[0]) - stageOrder.indexOf(b.key[0]) || a.key[1] - b.key[1]);
  return steps.map((s) => s.out);
}

/** Steps of a classic builder transcript ("Step N/M : ..." and " ---> Using cache"). */
export function parseClassicSteps(output: string): StepOutcome[] {
  const steps: StepOutcome[] = [];
  let cur: StepOutcome | null = null;
  for (const line of output.split('\n')) {
    const m = /^Step (\d+\/\d+) : (.*)$/.exec(line);
    if (m) {
      const text = norm(m[2]);
      const isFrom = /^from\b/i.test(text);
      cur = { name: isFrom ? `Step ${m[1]} : FROM` : `Step ${m[1]} : ${text}`, cached: isFrom ? null : false };
      steps.push(cur);
    } else if (cur && cur.cached === false && /^ ---> Using cache$/.test(line)) cur.cached = true;
  }
  return steps;
}

/** Paths every container has that say nothing about the build. */
const IGNORED = [/^\.dockerenv$/, /^dev(\/|$)/, /^proc(\/|$)/, /^sys(\/|$)/, /^etc\/(hostname|hosts|resolv\.conf|mtab)$/];
export const ignoredPath = (p: string) => IGNORED.some((r) => r.test(p.replace(/^\/+/, '')));

export const shortSha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Parses a tar stream (ustar + pax/GNU long names) into entries. */
export function parseTar(buf: Uint8Array): FileEntry[] {
  const out: FileEntry[] = [];
  const dec = new TextDecoder();
  const str = (o: number, n: number) => {
    let e = o;
    while (e < o + n && buf[e] !== 0) e++;
    return dec.decode(buf.subarray(o, e));
  };
  let off = 0;
  let longName: string | null = null;
  while (off + 512 <= buf.length) {
    if (buf.subarray(off, off + 512).every((b) => b === 0)) break;
    const name = str(off, 100);
    const mode = parseInt(str(off + 100, 8).trim() || '0', 8);
    const size = parseInt(str(off + 124, 12).trim() || '0', 8);
    const owner = `${parseInt(str(off + 108, 8).trim() || '0', 8)}:${parseInt(str(off + 116, 8).trim() || '0', 8)}`;
    const type = String.fromCharCode(buf[off + 156] || 48);
    const linkname = str(off + 157, 100);
    const prefix = str(off + 345, 155);
    const data = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(dec.decode(data));
      if (m) longName = m[1];
      continue;
    }
    if (type === 'L') {
      longName = dec.decode(data).replace(/\0+$/, '');
      continue;
    }
    if (type === 'g') continue;
    const path = '/' + (longName ?? (prefix ? `${prefix}/${name}` : name)).replace(/^\.?\/+/, '').replace(/\/+$/, '');
    longName = null;
    if (path === '/' || ignoredPath(path)) continue;
    const m = (mode & 0o7777).toString(8);
    if (type === '5') out.push({ path, type: 'dir', mode: m, owner });
    else if (type === '2') out.push({ path, type: 'symlink', mode: '777', owner, target: linkname });
    else if (type === '0' || type === '\0' || type === '7') out.push({ path, type: 'file', mode: m, owner, sha: shortSha(data) });
    else if (type === '1') out.push({ path, type: 'file', mode: m, owner, sha: `hardlink:${linkname}` });
  }
  return out;
}

/**
 * What the build added or changed relative to its base image: new paths, and existing files/links whose type,
 * mode, content or target changed. Existing directories only count if their type changed (their mode and
 * mtime differ between bases and say nothing about the build). Also the base paths that vanished.
 */
export function diffAgainstBase(base: FileEntry[], image: FileEntry[]): { files: FileEntry[]; removed: string[] } {
  const b = new Map(base.map((e) => [e.path, e]));
  const seen = new Set<string>();
  const files: FileEntry[] = [];
  for (const e of image) {
    seen.add(e.path);
    const o = b.get(e.path);
    if (!o) files.push(e);
    else if (o.type !== e.type) files.push(e);
    else if (e.type === 'file' && (o.mode !== e.mode || o.sha !== e.sha || o.owner !== e.owner)) files.push(e);
    else if (e.type === 'symlink' && o.target !== e.target) files.push(e);
  }
  const removed = base.filter((e) => !seen.has(e.path)).map((e) => e.path);
  files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { files, removed: removed.sort() };
}

export interface Disagreement {
  what: 'outcome' | 'steps' | 'cache' | 'files';
  detail: string;
}

const fileKey = (e: FileEntry) => `${e.path} ${e.type} ${e.mode}${e.owner ? ' ' + e.owner : ''}${e.sha ? ' ' + e.sha : ''}${e.target ? ' -> ' + e.target : ''}`;

/** Compares Layerlab's result of one build with the oracle's. */
/** The exit code a failed RUN reports: BuildKit's `exit code: N`, the classic builder's `returned a non-zero code: N`. */
export function failureExitCode(error: string | undefined): number | null {
  const m = /exit code: (\d+)|returned a non-zero code: (\d+)/.exec(error ?? '');
  return m ? Number(m[1] ?? m[2]) : null;
}

export function compareResults(oracle: BuildResult, ours: BuildResult): Disagreement[] {
  const out: Disagreement[] = [];
  if (oracle.ok !== ours.ok) {
    out.push({ what: 'outcome', detail: `docker ${oracle.ok ? 'succeeded' : 'failed'}, Layerlab ${ours.ok ? 'succeeded' : `failed: ${ours.error ?? ''}`}` });
    return out;
  }
  if (!oracle.ok) {
    const a = failureExitCode(oracle.error);
    const b = failureExitCode(ours.error);
    if (a !== null && a !== b) out.push({ what: 'outcome', detail: `docker failed with exit code ${a}, Layerlab ${b === null ? `without one: ${ours.error ?? ''}` : `with ${b}`}` });
  }
  // FROM steps are not compared: their status is unreliable on the oracle, and BuildKit merges identical FROM
  // vertices of several stages into one line (the first stage's name), so whether "[stage-2 1/3] FROM" is
  // printed depends on the base images, not on caching.
  // BuildKit runs independent stages in parallel and its plain output may print cached steps in any order, so
  // BuildKit step lists are compared by name (each is unique: "[stage i/N] ..."); classic steps keep their order.
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const buildkit = (steps: { name: string }[]) => steps.length > 0 && !steps[0].name.startsWith('Step ');
  const os = oracle.steps.filter((s) => s.cached !== null);
  const ls = ours.steps.filter((s) => !/\] FROM$|^Step \d+\/\d+ : FROM$/.test(s.name));
  if (buildkit(os) && buildkit(ls)) {
    os.sort(byName);
    ls.sort(byName);
  }
  const on = os.map((s) => s.name);
  const ln = ls.map((s) => s.name);
  if (on.join('\n') !== ln.join('\n')) out.push({ what: 'steps', detail: `docker: ${JSON.stringify(on)}\nLayerlab: ${JSON.stringify(ln)}` });
  else {
    for (let i = 0; i < on.length; i++) {
      const a = os[i].cached;
      const b = ls[i].cached;
      if (a !== b) out.push({ what: 'cache', detail: `${on[i]}: docker ${a ? 'CACHED' : 'built'}, Layerlab ${b ? 'CACHED' : 'built'}` });
    }
  }
  if (oracle.ok) {
    const of = new Set(oracle.files.map(fileKey));
    const lf = new Set(ours.files.map(fileKey));
    const missing = [...of].filter((k) => !lf.has(k));
    const extra = [...lf].filter((k) => !of.has(k));
    const rm1 = oracle.removed.join(',');
    const rm2 = ours.removed.join(',');
    if (missing.length || extra.length || rm1 !== rm2) {
      out.push({
        what: 'files',
        detail: [missing.length ? `only in docker: ${missing.join('; ')}` : '', extra.length ? `only in Layerlab: ${extra.join('; ')}` : '', rm1 !== rm2 ? `removed: docker [${rm1}] Layerlab [${rm2}]` : '']
          .filter(Boolean)
          .join('\n'),
      });
    }
  }
  return out;
}

export const resultKey = (r: Pick<BuildResult, 'scenario' | 'builder' | 'index'>) => `${r.scenario}#${r.index + 1} (${r.builder})`;
