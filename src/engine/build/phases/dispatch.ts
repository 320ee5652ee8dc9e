/**
 * Phase 4, dispatch: runs the planned stages in order, each from its base (initStage: the FROM step) through its
 * instructions, each to its handler under instructions/. Handlers may await (RUN runs a process). How steps are
 * cached and printed is the cache rules' business (cache/rules.ts); this file does not know which builder runs.
 */
import { StageScope, type CopyInstr, type Instruction, type RunInstr } from '../../dockerfile/index';
import { Layer } from '../../fs/layer';
import { UnionFs } from '../../fs/union';
import { cloneConfig, DEFAULT_PATH, type ContainerConfig, type HistoryEntry } from '../../images/config';
import { familiarString, parseReference, withDefaultTag } from '../../images/reference';
import { parseTime } from '../../images/time';
import type { BuildRun } from '../builder';
import { copyInstruction } from '../instructions/copy';
import { metadataInstruction } from '../instructions/metadata';
import { runInstruction } from '../instructions/run';
import { workdirInstruction } from '../instructions/workdir';
import type { StagePlan, StageState, StepOutcome } from '../types';
import { exportImage } from './export';

/** Runs every stage; resolves with the final image's ID ('' in a prediction). */
export async function dispatch(run: BuildRun): Promise<string> {
  const rules = run.rules;
  rules.begin();
  let stepIdx = 0;
  const stepIndexOf = new Map<number, number>();
  for (const i of run.order) {
    stepIndexOf.set(i, stepIdx);
    stepIdx += 1 + run.plans[i].instructions.length;
  }
  let finalId = '';
  for (const i of run.order) {
    const p = run.plans[i];
    const first = stepIndexOf.get(i)!;
    const st = initStage(run, p, first);
    for (let k = 0; k < p.instructions.length; k++) {
      const { ins, trigger } = p.instructions[k];
      rules.announce(p, ins, trigger);
      run.currentStep = first + 1 + p.instructions.findIndex((x) => x.ins === ins);
      await instruction(run, st, ins, run.currentStep);
    }
    finalId = rules.endStage(st);
    run.states.set(i, st);
  }
  rules.end(finalId);
  if (run.dryRun) return finalId;
  exportImage(run, finalId);
  return finalId;
}

async function instruction(run: BuildRun, st: StageState, ins: Instruction, idx: number): Promise<void> {
  switch (ins.kind) {
    case 'RUN':
      run.rules.accept(ins);
      return runInstruction(run, st, ins as RunInstr, idx);
    case 'COPY':
    case 'ADD':
      run.rules.accept(ins);
      return copyInstruction(run, st, ins as CopyInstr, idx);
    case 'WORKDIR':
      run.rules.accept(ins);
      return workdirInstruction(run, st, ins, idx);
    default:
      return metadataInstruction(run, st, ins, idx);
  }
}

function initStage(run: BuildRun, p: StagePlan, stepIndex: number): StageState {
  let layers: Layer[] = [];
  let config: ContainerConfig = {};
  let history: HistoryEntry[] = [];
  let key: string;
  let imageId: string | undefined;
  let lastLayerTime = run.now();
  let firstMiss: StageState['firstMiss'] = null;
  let baseId = '';
  if (p.base.kind === 'image') {
    const img = p.base.image;
    if (!img) {
      // Dry run with a missing base: everything will be built.
      key = run.sha('missing|' + p.base.canonical);
      firstMiss = { line: p.stage.from.line, instruction: p.stage.from.original };
      baseId = 'missing';
    } else {
      layers = run.host.images.layers(img.id);
      config = cloneConfig(img.config.config);
      history = img.config.history.map((h) => ({ ...h }));
      key = run.sha('from|' + img.id);
      imageId = img.id;
      baseId = img.id;
      lastLayerTime = parseTime(img.config.created);
    }
  } else if (p.base.kind === 'scratch') {
    key = run.sha('scratch');
    baseId = 'scratch';
  } else {
    const src = run.states.get(p.base.index)!;
    layers = src.layers.slice();
    config = cloneConfig(src.config);
    history = src.history.map((h) => ({ ...h }));
    key = src.key;
    imageId = src.imageId;
    firstMiss = src.firstMiss;
    lastLayerTime = src.lastLayerTime;
    baseId = 'stage:' + (src.imageId ?? src.key);
  }
  config.OnBuild = null;
  if (!config.Env) config.Env = [`PATH=${DEFAULT_PATH}`];
  const scope = new StageScope(run.globals, { buildArgs: run.opts.buildArgs, escape: run.df.escape, legacy: !run.rules.argsOverrideEnv }, config.Env ?? []);
  const st: StageState = {
    plan: p,
    layers,
    config,
    history,
    scope,
    key,
    firstMiss,
    lastLayerTime,
    imageId,
    cmdSet: false,
    unknown: baseId === 'missing',
    stepNo: p.base.kind === 'image' ? 1 : 0,
    opOrdinal: 0,
    fs: () => new UnionFs(st.layers, new Layer(), () => run.now()),
  };
  // The FROM step.
  const memoId = `${p.index}:from`;
  const prev = run.memo.get(memoId);
  const baseChanged = !!prev && prev.baseId !== baseId && p.base.kind === 'image';
  if (baseChanged) st.firstMiss = { line: p.stage.from.line, instruction: p.stage.from.original };
  const outcome: StepOutcome = { cached: !!prev && !baseChanged && baseId !== 'missing', durationMs: 0 };
  if (!outcome.cached) outcome.reason = baseChanged ? { kind: 'base-image-changed', image: p.base.kind === 'image' ? familiarString(withDefaultTag((parseReference(p.base.ref) as { ok: true; value: ReturnType<typeof withDefaultTag> }).value)) : '' } : { kind: 'first-build' };
  if (!run.dryRun) run.memo.set(memoId, { text: p.stage.from.original, key, parentKey: '', baseId });
  run.rules.fromStep(p, imageId);
  run.finishStep(stepIndex, outcome, undefined, key);
  run.predicted.push({ index: run.predicted.length, line: p.stage.from.line, stage: p.display, name: run.stepInfos[stepIndex]?.name ?? p.stage.from.original, instruction: 'FROM', metadataOnly: false, prediction: outcome.cached ? 'cached' : baseId === 'missing' ? 'will-rebuild' : 'cached', reason: outcome.cached ? undefined : outcome.reason });
  return st;
}