/**
 * BuildKit's cache rules: a step's cache key is sha256(parent key | op definition) (`--link`: no parent key),
 * looked up in the build cache; a hit reuses the layer, a miss runs the step and records it. Metadata instructions
 * are not steps (history entries only). Only the final stage becomes an image.
 */
import type { Instruction } from '../../dockerfile/index';
import { canonicalJSON, cloneConfig, type HistoryEntry, type ImageConfigJSON } from '../../images/config';
import { rfc3339 } from '../../images/time';
import { UnionFs } from '../../fs/union';
import type { BuildRun } from '../builder';
import { attachFiles, memoFiles } from '../copy-selection';
import type { MissReason } from '../events';
import { baseVertices, transferContext } from '../phases/context-transfer';
import { reachableStages } from '../phases/plan';
import { BUILDKIT_COMMENT, MAX_RECORDED_CHANGES, type StagePlan, type StageState } from '../types';
import type { StepMemo } from './store';
import { changedOrMoved, diffEnv, memoLowerLookup } from './miss';
import type { CacheRules, MetadataTexts, StepOp } from './rules';

/** A history row BuildKit's frontend writes without a time (metadata instructions); the exporter dates it. */
const UNDATED = '';

/**
 * The times BuildKit's image exporter gives the undated rows, as Engine 20.10 shows them in `docker history`:
 * the undated rows up to the first layer row after the first undated one take that layer's time (not the base
 * image's, and not an earlier layer's of this build); each later undated row takes the time of the layer row
 * before it; with no layer row after them, they take the last dated row's. Layer rows keep the time their layer
 * was made (a cached layer: its first build's).
 */
export function datedHistory(history: readonly HistoryEntry[]): HistoryEntry[] {
  const firstUndated = history.findIndex((h) => h.created === UNDATED);
  if (firstUndated < 0) return history.slice();
  const after = history.slice(firstUndated).find((h) => h.created !== UNDATED);
  let time = after?.created ?? [...history.slice(0, firstUndated)].reverse().find((h) => h.created !== UNDATED)?.created ?? '';
  return history.map((h, i) => {
    if (h.created === UNDATED) return { ...h, created: time };
    if (i > firstUndated) time = h.created;
    return { ...h };
  });
}

export class BuildKitRules implements CacheRules {
  readonly builder = 'buildkit' as const;
  readonly argsOverrideEnv = true;
  readonly buildkitFeatures = true;
  readonly showsFailedVertex = true;

  constructor(private run: BuildRun) {}

  stagesToBuild(target: number, baseOf: (number | null)[], deps: Set<number>[]): number[] {
    return reachableStages(target, baseOf, deps);
  }

  begin(): void {
    baseVertices(this.run);
    transferContext(this.run);
  }

  fromStep(_p: StagePlan, _imageId: string | undefined): void {}

  announce(_p: StagePlan, _ins: Instruction, _trigger: boolean): void {}

  accept(_ins: Instruction): void {}

  async metadata(st: StageState, ins: Instruction, idx: number, meta: MetadataTexts): Promise<void> {
    const run = this.run;
    if (meta.createdBy !== null) st.history.push({ created: UNDATED, created_by: meta.createdBy, comment: BUILDKIT_COMMENT, empty_layer: true });
    run.finishStep(idx, { cached: true, durationMs: 0 });
    run.predicted.push({ index: run.predicted.length, line: ins.line, stage: st.plan.display, name: run.stepInfos[idx]?.name ?? ins.original, instruction: ins.kind, metadataOnly: true, prediction: 'metadata' });
  }

  async workdir(st: StageState, ins: Instruction, idx: number, path: string): Promise<void> {
    const run = this.run;
    if (path === '/') {
      st.history.push({ created: UNDATED, created_by: `WORKDIR ${path}`, comment: BUILDKIT_COMMENT, empty_layer: true });
      run.finishStep(idx, { cached: true, durationMs: 0 });
      return;
    }
    const user = st.config.User ?? '';
    await this.step(st, ins, idx, {
      def: canonicalJSON({ mkdir: path, user }),
      createdBy: `WORKDIR ${path}`,
      legacyCreatedBy: '',
      probe: [],
      container: false,
      ignoreCache: false,
      exec: async () => {
        const fs = st.fs();
        const owner = user ? run.resolveUser(st, fs, ins) : { uid: 0, gid: 0 };
        if (!fs.stat(path)) fs.mkdirp(path, owner);
        return { layer: fs.upper, durationMs: 30, logs: [] };
      },
    });
  }

  async step(st: StageState, ins: Instruction, idx: number, op: StepOp): Promise<void> {
    const run = this.run;
    st.stepNo++;
    st.opOrdinal++;
    const name = `${run.prefix(st.plan, st.stepNo)} ${run.displayName(st, ins)}`;
    const parentKey = op.link ? 'link' : st.key;
    const key = run.sha(`${parentKey}|${op.def}`);
    const memoId = `${st.plan.index}:${st.opOrdinal}`;
    const prev = run.memo.get(memoId);
    // Under --no-cache, a step below that ran again gives this one a new parent: BuildKit runs it too, even the
    // steps --no-cache leaves alone (WORKDIR's mkdir), as the real engine does.
    const rec = op.ignoreCache || st.unknown || (run.opts.noCache && st.firstMiss) ? undefined : run.host.cache.get(key);
    const layer = rec ? run.host.images.layer(rec.diffId) : undefined;
    const firstMissBefore = op.link ? null : st.firstMiss ?? (op.fromStage?.firstMiss ?? null);
    const reason = (): MissReason => {
      if (op.ignoreCache) return { kind: 'no-cache' };
      if (firstMissBefore) return { kind: 'parent-changed', line: firstMissBefore.line, instruction: firstMissBefore.instruction };
      if (!prev) return { kind: 'first-build' };
      if (prev.text !== ins.original) return changedOrMoved(run.memo, st.plan, ins, prev.text);
      const prevFiles = memoFiles(prev);
      if (op.files && prevFiles) {
        const changed = op.files.diff(prevFiles);
        if (changed.length) return { kind: 'files-changed', files: changed };
      }
      if (op.env && prev.env) {
        const names = diffEnv(prev.env, op.env);
        if (names.length) {
          const ba = names.filter((n) => st.scope.declaredArgs.has(n) && Object.prototype.hasOwnProperty.call(run.opts.buildArgs ?? {}, n));
          const prevArgs = new Set(prev.buildArgs ?? []);
          const argsChanged = names.filter((n) => st.scope.declaredArgs.has(n) || prevArgs.has(n));
          if (ba.length || (argsChanged.length === names.length && argsChanged.length)) return { kind: 'build-arg-changed', names: argsChanged };
          return { kind: 'env-changed', names };
        }
      }
      if (prev.parentKey !== parentKey && !op.link) {
        const fromMemo = run.memo.get(`${st.plan.index}:from`);
        if (fromMemo) return { kind: 'parent-changed', line: st.plan.stage.from.line, instruction: st.plan.stage.from.original };
      }
      return { kind: 'first-build' };
    };
    const memo: StepMemo = attachFiles<StepMemo>({ text: ins.original, key, parentKey, env: op.env, buildArgs: [...st.scope.declaredArgs].filter((n) => Object.prototype.hasOwnProperty.call(run.opts.buildArgs ?? {}, n)) }, op.files);
    if (run.dryRun) {
      run.predicted.push({ index: run.predicted.length, line: ins.line, stage: st.plan.display, name, instruction: ins.kind, metadataOnly: false, prediction: layer ? 'cached' : 'will-rebuild', reason: layer ? undefined : reason() });
      if (layer) {
        st.layers = [...st.layers, layer];
        st.key = key;
      } else {
        st.key = run.sha(`predicted-miss|${key}`);
        st.unknown = true;
        st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
      }
      return;
    }
    if (layer && rec) {
      rec.lastUsed = run.now();
      rec.usage++;
      st.layers = [...st.layers, layer];
      st.key = key;
      st.lastLayerTime = rec.created;
      st.history.push({ created: rfc3339(rec.created), created_by: op.createdBy, comment: BUILDKIT_COMMENT });
      run.vertex(name, 0, [], true);
      run.memo.set(memoId, memo);
      run.finishStep(idx, { cached: true, layer, durationMs: 0 }, undefined, key);
      run.checkDepth(st, ins);
      return;
    }
    const why = reason();
    run.startStep(idx);
    const v = run.vertex(name, 0);
    const r = await op.exec({ hostname: 'buildkitsandbox' });
    v.durationMs = r.durationMs;
    v.logs = r.logs;
    run.vt += r.durationMs;
    if (r.exitCode) {
      const error = `process "${r.command}" did not complete successfully: exit code: ${r.exitCode}`;
      v.error = error;
      run.emitLogs(idx, r.logs, v.start);
      run.fail(error, { range: ins.range, vertex: v });
    }
    const lowerLookup = memoLowerLookup(new UnionFs(st.layers));
    const sealed = r.layer.seal(run.sha, lowerLookup);
    run.host.images.addLayers([sealed]);
    run.newLayers++;
    const created = run.now();
    run.host.cache.put({ key, diffId: sealed.diffId, size: sealed.size, description: name.replace(/^\[[^\]]*\]\s*/, ''), type: 'regular', created, lastUsed: created, usage: 1, durationMs: r.durationMs, createdBy: op.createdBy });
    run.memo.set(memoId, memo);
    const changes = sealed.changes(lowerLookup, MAX_RECORDED_CHANGES);
    st.layers = [...st.layers, sealed];
    st.key = key;
    st.lastLayerTime = created;
    st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
    st.history.push({ created: rfc3339(created), created_by: op.createdBy, comment: BUILDKIT_COMMENT });
    run.emitLogs(idx, r.logs, v.start);
    run.finishStep(idx, { cached: false, reason: why, layer: sealed, durationMs: r.durationMs }, changes, key);
    run.checkDepth(st, ins);
  }

  endStage(st: StageState): string {
    const run = this.run;
    if (run.dryRun) return '';
    const history = datedHistory(st.history);
    const last = history.length ? history[history.length - 1].created : rfc3339(run.now());
    const cfg: ImageConfigJSON = {
      architecture: 'amd64',
      os: 'linux',
      created: last,
      config: cloneConfig({ ...st.config, Labels: { ...(st.config.Labels ?? {}), ...(run.opts.labels ?? {}) } }),
      rootfs: { type: 'layers', diff_ids: st.layers.map((l) => l.diffId) },
      history,
    };
    if (cfg.config.Labels && !Object.keys(cfg.config.Labels).length) delete cfg.config.Labels;
    if (cfg.config.OnBuild === null) delete cfg.config.OnBuild;
    const isFinal = st.plan.index === run.order[run.order.length - 1];
    if (!isFinal) return '';
    const rec = run.host.images.put(cfg, st.layers);
    st.imageId = rec.id;
    return rec.id;
  }
  end(_finalId: string): void {}

  exportVertex(finalId: string, tags: string[]): void {
    const run = this.run;
    const statuses = [
      { name: 'exporting layers', durationMs: run.newLayers ? 100 + run.newLayers * 20 : 0 },
      { name: `writing image ${finalId}`, durationMs: 0 },
      ...tags.map((t) => ({ name: `naming to ${t}`, durationMs: 0 })),
    ];
    run.vertex('exporting to image', statuses.reduce((s, x) => s + x.durationMs, 0), statuses);
  }
}
