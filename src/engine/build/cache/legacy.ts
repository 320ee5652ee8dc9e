/**
 * The legacy builder's cache rules: every instruction is a step that commits an image; a step is cached when a
 * child of the parent image has the same `container_config` (the probe: the config with a `#(nop)` Cmd, or
 * RUN's command with its `|N k=v` build-arg prefix). Prints `Step N/M : ...` and the ` ---> ` lines.
 */
import type { CopyInstr, Instruction } from '../../dockerfile/index';
import { Layer } from '../../fs/layer';
import { UnionFs } from '../../fs/union';
import { canonicalJSON } from '../../images/config';
import { canonicalField, shareContainerConfig, SharedList, sharedConfigOf, type SharedContainerConfig, type SharedImageConfig } from '../../images/shared';
import type { ImageRecord } from '../../images/store';
import { rfc3339 } from '../../images/time';
import type { BuildRun } from '../builder';
import { attachFiles, memoFiles, type FileList } from '../copy-selection';
import type { MissReason } from '../events';
import { MAX_RECORDED_CHANGES, type StagePlan, type StageState } from '../types';
import type { StepMemo } from './store';
import { changedOrMoved, diffEnv, memoLowerLookup } from './miss';
import type { CacheRules, MetadataTexts, StepOp } from './rules';

const NEEDS_BUILDKIT = (flag: string) => `the --${flag} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`;
const PROXY_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);

export class LegacyRules implements CacheRules {
  readonly builder = 'legacy' as const;
  readonly argsOverrideEnv = false;
  readonly buildkitFeatures = false;
  readonly showsFailedVertex = false;
  /** `Step N/M`: the step printed last. */
  private stepNo = 0;
  private total = 0;

  constructor(private run: BuildRun) {}

  stagesToBuild(target: number): number[] {
    return Array.from({ length: target + 1 }, (_, i) => i);
  }

  begin(): void {
    const run = this.run;
    this.total = run.legacyTotal();
    for (const a of run.df.metaArgs) {
      this.stepNo++;
      run.out(`Step ${this.stepNo}/${this.total} : ${a.original}\n`);
      for (const x of a.args) run.usedArgs.add(x.key);
    }
  }

  fromStep(p: StagePlan, imageId: string | undefined): void {
    const run = this.run;
    this.stepNo++;
    run.out(`Step ${this.stepNo}/${this.total} : ${p.stage.from.original}\n`);
    if (p.base.kind === 'image' && p.base.pulledOutput) run.out(p.base.pulledOutput);
    run.out(` ---> ${imageId ? imageId.slice(7, 19) : ''}\n`);
  }

  announce(p: StagePlan, ins: Instruction, trigger: boolean): void {
    const run = this.run;
    if (trigger && ins === p.instructions[0].ins) {
      const n = p.instructions.filter((x) => x.trigger).length;
      run.out(`# Executing ${n} build trigger${n === 1 ? '' : 's'}\n`);
    }
    if (!trigger) run.out(`Step ${++this.stepNo}/${this.total} : ${ins.original}\n`);
  }

  accept(ins: Instruction): void {
    if (ins.kind === 'RUN' && ins.flags.length) this.run.fail(NEEDS_BUILDKIT(ins.flags[0].name), { legacy: NEEDS_BUILDKIT(ins.flags[0].name) });
    if ((ins.kind === 'COPY' || ins.kind === 'ADD') && (ins as CopyInstr).chmod !== undefined) this.run.fail(NEEDS_BUILDKIT('chmod'), { legacy: NEEDS_BUILDKIT('chmod') });
  }

  async metadata(st: StageState, ins: Instruction, idx: number, meta: MetadataTexts): Promise<void> {
    await this.legacyStep(st, ins, idx, meta.legacyCreatedBy, ['/bin/sh', '-c', '#(nop) ', meta.legacyText], async () => ({ layer: new Layer(), durationMs: 30, logs: [] }), true, true);
  }

  async workdir(st: StageState, ins: Instruction, idx: number, path: string): Promise<void> {
    const text = `WORKDIR ${path}`;
    await this.legacyStep(st, ins, idx, `/bin/sh -c #(nop) ${text}`, ['/bin/sh', '-c', `#(nop) ${text}`], async () => {
      const fs = st.fs();
      if (!fs.stat(path)) fs.mkdirp(path);
      return { layer: fs.upper, durationMs: 20, logs: [] };
    }, false, true);
  }

  async step(st: StageState, ins: Instruction, idx: number, op: StepOp): Promise<void> {
    await this.legacyStep(st, ins, idx, op.legacyCreatedBy, op.probe, op.exec, false, op.container, op.files, op.env);
  }

  endStage(st: StageState): string {
    return st.imageId ?? '';
  }

  end(finalId: string): void {
    const run = this.run;
    if (run.dryRun) return;
    const unused = Object.keys(run.opts.buildArgs ?? {}).filter((k) => !run.usedArgs.has(k) && !PROXY_ARGS.has(k));
    if (unused.length) run.out(`[Warning] One or more build-args [${unused.sort().join(' ')}] were not consumed\n`);
    if (!finalId) run.fail('No image was generated. Is your Dockerfile empty?', { legacy: 'No image was generated. Is your Dockerfile empty?' });
  }

  exportVertex(_finalId: string, _tags: string[]): void {}

  private async legacyStep(
    st: StageState,
    ins: Instruction,
    idx: number,
    createdBy: string,
    probeCmd: string[],
    exec: StepOp['exec'],
    metadata: boolean,
    container: boolean,
    files?: FileList,
    env?: Record<string, string>,
  ): Promise<void> {
    const run = this.run;
    // The step image's config and probe share their lists with the previous step's (images/shared.ts): a
    // Dockerfile of thousands of ENV or LABEL lines stays linear in memory.
    const config = shareContainerConfig(st.config, st.shared?.config);
    if (config.OnBuild === null) delete config.OnBuild;
    const probe: SharedContainerConfig = { ...config, Cmd: probeCmd };
    const probeText = canonicalJSON(probe);
    const memoId = `${st.plan.index}:${++st.opOrdinal}`;
    const prev = run.memo.get(memoId);
    // The memo's key is not compared for legacy steps (the probe is, against the images): keep it short.
    const memo: StepMemo = attachFiles<StepMemo>({ text: ins.original, key: '', parentKey: st.imageId ?? '', env, buildArgs: Object.keys(run.opts.buildArgs ?? {}) }, files);
    const parentId = st.imageId;
    let hit: ImageRecord | undefined;
    if (!run.opts.noCache && !st.unknown) {
      for (const c of run.host.images.children(parentId)) {
        if (canonicalField(c.config, 'container_config') !== probeText) continue;
        hit = c;
        break;
      }
    }
    const reason = (): MissReason => {
      if (run.opts.noCache) return { kind: 'no-cache' };
      if (st.firstMiss) return { kind: 'parent-changed', line: st.firstMiss.line, instruction: st.firstMiss.instruction };
      if (!prev) return { kind: 'first-build' };
      if (prev.text !== ins.original) return changedOrMoved(run.memo, st.plan, ins, prev.text);
      const prevFiles = memoFiles(prev);
      if (files && prevFiles) {
        const changed = files.diff(prevFiles);
        if (changed.length) return { kind: 'files-changed', files: changed };
      }
      if (env && prev.env) {
        const names = diffEnv(prev.env, env);
        if (names.length) return names.every((n) => st.scope.declaredArgs.has(n)) ? { kind: 'build-arg-changed', names } : { kind: 'env-changed', names };
      }
      return { kind: 'first-build' };
    };
    if (run.dryRun) {
      run.predicted.push({ index: run.predicted.length, line: ins.line, stage: st.plan.display, name: ins.original, instruction: ins.kind, metadataOnly: metadata, prediction: hit ? 'cached' : 'will-rebuild', reason: hit ? undefined : reason() });
      if (hit) {
        st.imageId = hit.id;
        st.layers = run.host.images.layers(hit.id);
      } else {
        st.unknown = true;
        st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
      }
      return;
    }
    if (hit) {
      run.out(' ---> Using cache\n');
      run.out(` ---> ${hit.id.slice(7, 19)}\n`);
      st.imageId = hit.id;
      st.layers = run.host.images.layers(hit.id);
      // The stage's own array of the image's entries (a shared config materializes a fresh one); entries are never
      // changed, so the next step's image shares them.
      st.shared = sharedConfigOf(hit.config);
      st.history = st.shared ? hit.config.history : hit.config.history.slice();
      run.memo.set(memoId, memo);
      const top = st.layers[st.layers.length - 1];
      const nonEmpty = !st.history[st.history.length - 1]?.empty_layer;
      run.finishStep(idx, { cached: true, durationMs: 0, layer: nonEmpty ? top : undefined }, undefined, hit.id);
      return;
    }
    const why = reason();
    run.startStep(idx);
    const containerId = run.randomHex(64);
    if (container) run.out(` ---> Running in ${containerId.slice(0, 12)}\n`);
    const startVt = run.vt;
    const r = await exec({ hostname: containerId.slice(0, 12) });
    // The container's output, then (a failed command) the error.
    for (const l of r.logs) run.out(l.text + '\n');
    if (r.exitCode) {
      run.emitLogs(idx, r.logs, startVt);
      run.fail(`The command '${r.command}' returned a non-zero code: ${r.exitCode}`, { legacy: `The command '${r.command}' returned a non-zero code: ${r.exitCode}` });
    }
    run.vt = startVt + r.durationMs;
    const lowerLookup = memoLowerLookup(new UnionFs(st.layers));
    const sealed = r.layer.seal(run.sha, lowerLookup);
    const empty = sealed.isEmpty;
    const layers = empty ? st.layers : [...st.layers, sealed];
    if (!empty) run.host.images.addLayers([sealed]);
    const created = run.now();
    st.history.push({ created: rfc3339(created), created_by: createdBy, ...(empty ? { empty_layer: true } : {}) });
    const cfg: SharedImageConfig = {
      architecture: 'amd64',
      os: 'linux',
      created: rfc3339(created),
      config,
      container_config: probe,
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: SharedList.of(st.history, st.shared?.history),
    };
    const rec = run.host.images.putShared(cfg, layers, { parent: parentId });
    if (container) run.out(` ---> Removed intermediate container ${containerId.slice(0, 12)}\n`);
    run.out(` ---> ${rec.id.slice(7, 19)}\n`);
    st.imageId = rec.id;
    st.layers = layers;
    st.shared = cfg;
    st.firstMiss = st.firstMiss ?? { line: ins.line, instruction: ins.original };
    run.memo.set(memoId, memo);
    if (r.logs) run.emitLogs(idx, r.logs, startVt);
    run.finishStep(idx, { cached: false, reason: why, layer: empty ? undefined : sealed, durationMs: r.durationMs }, empty ? undefined : sealed.changes(lowerLookup, MAX_RECORDED_CHANGES), rec.id);
    run.checkDepth(st, ins);
  }}
