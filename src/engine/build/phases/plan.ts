/**
 * Phase 2, plan stages: the target, which stages to build (BuildKit: those the target reaches through FROM,
 * COPY --from and RUN --mount=from; legacy: every stage up to the target), each stage's base, and the numbered
 * steps the progress output and the UI show. Walks are iterative: a chain of thousands of stages plans in
 * linear time without deep recursion.
 */
import type { CopyInstr, RunInstr } from '../../dockerfile/index';
import { fullString, parseReference, withDefaultTag } from '../../images/reference';
import type { BuildRun } from '../builder';
import { LAYER_OPS, METADATA, type StagePlan } from '../types';
import { resolveBases } from './resolve-base';
import { levenshtein } from '../../dockerfile/suggest';

export function planStages(run: BuildRun): void {
  const stages = run.df.stages;
  let targetIx = stages.length - 1;
  if (run.opts.target) {
    const t = stages.findIndex((s) => s.name === run.opts.target!.toLowerCase());
    if (t < 0) {
      const names = stages.map((s) => s.name).filter(Boolean) as string[];
      const near = names.find((n) => levenshtein(n, run.opts.target!.toLowerCase()) < 3);
      const msg = `target stage "${run.opts.target}" could not be found`;
      run.fail(run.builder === 'buildkit' && near ? `${msg} (did you mean ${near}?)` : msg, { legacy: `Error response from daemon: ${msg}` });
    }
    targetIx = t;
  }
  // Base references and COPY --from dependencies.
  const deps = stages.map(() => new Set<number>());
  const baseOf: (number | null)[] = [];
  stages.forEach((s, i) => {
    const img = run.expandFrom(s.from.image, s.from.range);
    baseOf[i] = run.stageIndexByName(img, i);
    for (const ins of s.instructions) {
      const from = ins.kind === 'COPY' || ins.kind === 'ADD' ? (ins as CopyInstr).from : undefined;
      if (from !== undefined) {
        const ix = run.stageIndexByName(from, i);
        if (ix !== null) deps[i].add(ix);
      }
      if (ins.kind === 'RUN') {
        for (const m of (ins as RunInstr).mounts) {
          const fm = /(?:^|,)from=([^,]+)/.exec(m);
          if (fm) {
            const ix = run.stageIndexByName(fm[1], i);
            if (ix !== null) deps[i].add(ix);
          }
        }
      }
    }
  });
  const order = run.rules.stagesToBuild(targetIx, baseOf, deps);
  // Resolve bases (pulling when needed) and number the steps.
  const metaFor = new Set<string>();
  for (const i of order) {
    const s = stages[i];
    const img = run.expandFrom(s.from.image, s.from.range);
    const display = s.name ?? `stage-${i}`;
    let base: StagePlan['base'];
    if (baseOf[i] !== null) base = { kind: 'stage', index: baseOf[i]! };
    else if (img.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else {
      const ref = parseReference(img);
      if (!ref.ok) run.fail(`failed to parse stage name "${img}": ${ref.error.message}`, { range: s.from.range, legacy: `Error response from daemon: ${ref.error.message}` });
      const canonical = fullString(withDefaultTag(ref.value));
      base = { kind: 'image', ref: img, canonical };
      if (!metaFor.has(canonical)) metaFor.add(canonical);
    }
    run.plans[i] = { index: i, stage: s, display, base, instructions: s.instructions.map((ins) => ({ ins, trigger: false })), total: 0, deps: deps[i] };
  }
  resolveBases(run, order);
  // Step infos.
  let index = 0;
  for (const i of order) {
    const p = run.plans[i];
    const ops = p.instructions.filter((x) => LAYER_OPS.has(x.ins.kind)).length;
    p.total = ops + (p.base.kind === 'image' ? 1 : 0);
    const fromName = p.base.kind === 'image' ? `FROM ${p.base.canonical}` : p.base.kind === 'scratch' ? 'FROM scratch' : `FROM ${p.stage.from.image}`;
    run.stepInfos.push({ index: index++, stage: p.display, line: p.stage.from.line, range: p.stage.from.range, name: fromName, instruction: 'FROM', metadataOnly: false });
    for (const { ins } of p.instructions) {
      run.stepInfos.push({ index: index++, stage: p.display, line: ins.line, range: ins.range, name: ins.original.replace(/^\S+/, (k) => k.toUpperCase()), instruction: ins.kind, metadataOnly: METADATA.has(ins.kind) });
    }
  }
  run.order = order;
}

/** Stages the target reaches through its base and the stages it copies or mounts from, ascending (no recursion). */
export function reachableStages(target: number, baseOf: (number | null)[], deps: Set<number>[]): number[] {
  const reach = new Set<number>([target]);
  const todo = [target];
  while (todo.length) {
    const i = todo.pop()!;
    const next = baseOf[i] !== null ? [baseOf[i]!, ...deps[i]] : [...deps[i]];
    for (const j of next) {
      if (reach.has(j)) continue;
      reach.add(j);
      todo.push(j);
    }
  }
  return [...reach].sort((a, b) => a - b);
}

