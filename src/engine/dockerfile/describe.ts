/**
 * "How Docker reads this": a view model of what the builder sees for each instruction: the logical line
 * after continuation joining, exec vs shell form (and the argv shell form becomes), the values the
 * builder expands, and whether the step makes a filesystem layer or only changes metadata.
 */
import type { EngineError, SourceRange } from '../core/errors';
import type { Diagnostic, Instruction } from './instructions';
import { parseDockerfile } from './parseDockerfile';
import { defaultPlatformArgs, expandFromValue, resolveGlobalArgs, StageScope, type ScopeOptions } from './scope';
import { expandForDisplay, expandWord, type EnvLike } from './shellLexer';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];

export interface ExpandedValue {
  /** Which part: "image", "dest", "source", "ENV PATH", "--chown", ... */
  field: string;
  raw: string;
  /** The value after expansion (quotes removed); undefined when expansion failed. */
  value?: string;
  error?: string;
}

export interface DescribedInstruction {
  kind: string;
  keyword: string;
  stageIndex: number;
  line: number;
  endLine: number;
  range: SourceRange;
  /** Logical line after continuation joining (what the classic builder prints as "Step N/M : ..."). */
  logicalLine: string;
  /** More than one physical line was joined. */
  continued: boolean;
  form?: 'exec' | 'shell';
  /** RUN/CMD/ENTRYPOINT/HEALTHCHECK: the command Docker runs or stores (shell form wrapped in the shell). */
  argv?: string[];
  /** The SHELL in force for this instruction. */
  shell: string[];
  /** Values the builder expands with ARG/ENV (RUN/CMD/ENTRYPOINT text is left to the shell). */
  expanded: ExpandedValue[];
  /** BuildKit: a filesystem layer / numbered step (RUN, COPY, ADD, WORKDIR other than /, FROM an image). */
  layer: { buildkit: boolean; legacy: 'layer' | 'empty-layer' | 'maybe-empty' | 'none' };
  /** BuildKit step name without the [i/N] prefix, for steps that have one. */
  stepName?: string;
  heredocs: { name: string; expand: boolean; content: string }[];
}

export interface DockerfileDescription {
  instructions: DescribedInstruction[];
  stages: { index: number; name?: string; base: string; baseExpanded?: string }[];
  escape: string;
  directives: { name: string; value: string }[];
  error: EngineError | null;
  warnings: Diagnostic[];
}

/**
 * BuildKit step name (convert.go: `uppercaseCmd(processCmdEnv(...))`): the instruction's source line,
 * expanded (RUN keeps quotes and unset variables; COPY/ADD/WORKDIR go through normal word processing),
 * then the text before the first space upper-cased.
 */
export function stepDisplayName(ins: Instruction, env: EnvLike, escape = '\\'): string {
  const orig = ins.original;
  let text = orig;
  if (ins.kind === 'RUN') text = expandForDisplay(orig, env, { escape });
  else if (ins.kind === 'COPY' || ins.kind === 'ADD' || ins.kind === 'WORKDIR') {
    const r = expandWord(orig, env, { escape });
    if (r.ok) text = r.value;
  }
  const sp = text.indexOf(' ');
  return sp < 0 ? text.toUpperCase() : text.slice(0, sp).toUpperCase() + text.slice(sp);
}

const LAYER_KINDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

export function describeDockerfile(text: string, opts: ScopeOptions = {}): DockerfileDescription {
  const parsed = parseDockerfile(text);
  const out: DockerfileDescription = {
    instructions: [],
    stages: [],
    escape: parsed.ast.escape,
    directives: parsed.ast.directives.map((d) => ({ name: d.name, value: d.value })),
    error: parsed.error,
    warnings: parsed.warnings,
  };
  const df = parsed.dockerfile;
  if (!df) return out;
  const escape = df.escape;
  const globalsR = resolveGlobalArgs(df.metaArgs, { builtinArgs: defaultPlatformArgs(), ...opts, escape });
  const globals = globalsR.ok ? globalsR.value : { values: new Map<string, string>(), declared: new Set<string>() };
  const stageShell = new Map<number, string[]>();
  const stageEnv = new Map<number, Record<string, string>>();

  const base = (ins: Instruction, stageIndex: number, shell: string[]): DescribedInstruction => ({
    kind: ins.kind,
    keyword: ins.keyword,
    stageIndex,
    line: ins.line,
    endLine: ins.endLine,
    range: ins.range,
    logicalLine: ins.original,
    continued: ins.endLine > ins.line && !('heredocs' in ins && ins.heredocs.length),
    shell,
    expanded: [],
    layer: { buildkit: false, legacy: 'empty-layer' },
    heredocs: 'heredocs' in ins ? ins.heredocs.map((h) => ({ name: h.name, expand: h.expand, content: h.content })) : [],
  });

  for (const ins of df.metaArgs) {
    const d = base(ins, -1, DEFAULT_SHELL);
    d.layer = { buildkit: false, legacy: 'none' };
    for (const a of ins.args) if (a.value !== undefined) d.expanded.push(exp(`ARG ${a.key}`, a.value, globals.values.get(a.key)));
    out.instructions.push(d);
  }

  for (const stage of df.stages) {
    const lower = stage.from.image.toLowerCase();
    const parent = df.stages.slice(0, stage.index).reverse().find((o) => o.name === lower);
    let shell = parent ? (stageShell.get(parent.index) ?? DEFAULT_SHELL) : DEFAULT_SHELL;
    const scope = new StageScope(globals, { ...opts, escape }, parent ? (stageEnv.get(parent.index) ?? {}) : {});
    const fromExp = expandFromValue(stage.from.image, globals, { escape });
    out.stages.push({ index: stage.index, name: stage.name, base: stage.from.image, baseExpanded: fromExp.ok ? fromExp.value : undefined });

    const fd = base(stage.from, stage.index, shell);
    const fromIsImage = !parent && (fromExp.ok ? fromExp.value.toLowerCase() : lower) !== 'scratch';
    fd.layer = { buildkit: fromIsImage, legacy: 'none' };
    fd.expanded.push(fromExp.ok ? { field: 'image', raw: stage.from.image, value: fromExp.value } : { field: 'image', raw: stage.from.image, error: fromExp.error.message });
    if (stage.from.platform !== undefined) fd.expanded.push(expR('--platform', stage.from.platform, expandFromValue(stage.from.platform, globals, { escape })));
    if (fromIsImage) fd.stepName = `FROM ${fromExp.ok ? fromExp.value : stage.from.image}`;
    out.instructions.push(fd);

    for (const ins of stage.instructions) {
      const d = base(ins, stage.index, shell);
      const vars = scope.snapshot();
      switch (ins.kind) {
        case 'RUN':
          d.form = ins.form;
          d.argv = ins.form === 'exec' ? ins.cmd.slice() : [...shell, ins.cmd[0] ?? ''];
          break;
        case 'CMD':
        case 'ENTRYPOINT':
          d.form = ins.form;
          d.argv = ins.form === 'exec' ? ins.cmd.slice() : [...shell, ins.cmd[0] ?? ''];
          break;
        case 'HEALTHCHECK':
          d.argv = ins.test.slice();
          if (ins.test[0] === 'CMD-SHELL') d.form = 'shell';
          else if (ins.test[0] === 'CMD') d.form = 'exec';
          break;
        case 'SHELL':
          shell = ins.shell.slice();
          d.form = 'exec';
          break;
        case 'COPY':
        case 'ADD':
          d.form = ins.form;
          for (const s of ins.sources) d.expanded.push(expR('source', s, scope.expand(s)));
          d.expanded.push(expR('dest', ins.dest, scope.expand(ins.dest)));
          if (ins.chown !== undefined) d.expanded.push(expR('--chown', ins.chown, scope.expand(ins.chown)));
          if (ins.chmod !== undefined) d.expanded.push(expR('--chmod', ins.chmod, scope.expand(ins.chmod)));
          break;
        case 'ENV': {
          const r = scope.applyEnv(ins);
          ins.pairs.forEach((p, i) => d.expanded.push(r.ok ? { field: `ENV ${r.value[i].key}`, raw: p.value, value: r.value[i].value } : { field: `ENV ${p.key}`, raw: p.value, error: r.error.message }));
          break;
        }
        case 'LABEL': {
          const r = scope.expandPairs(ins);
          ins.pairs.forEach((p, i) => d.expanded.push(r.ok ? { field: `LABEL ${r.value[i].key}`, raw: p.value, value: r.value[i].value } : { field: `LABEL ${p.key}`, raw: p.value, error: r.error.message }));
          break;
        }
        case 'ARG': {
          const r = scope.applyArg(ins);
          if (r.ok) r.value.forEach((a, i) => d.expanded.push({ field: `ARG ${a.key}`, raw: ins.args[i].value ?? '', value: a.value }));
          break;
        }
        case 'WORKDIR':
          d.expanded.push(expR('path', ins.path, scope.expand(ins.path)));
          break;
        case 'USER':
          d.expanded.push(expR('user', ins.user, scope.expand(ins.user)));
          break;
        case 'EXPOSE':
          for (const p of ins.ports) d.expanded.push(expR('port', p, scope.expand(p)));
          break;
        case 'VOLUME':
          for (const p of ins.paths) d.expanded.push(expR('path', p, scope.expand(p)));
          break;
        case 'STOPSIGNAL':
          d.expanded.push(expR('signal', ins.signal, scope.expand(ins.signal)));
          break;
        default:
          break;
      }
      if (LAYER_KINDS.has(ins.kind)) {
        const wd = ins.kind === 'WORKDIR' ? d.expanded[0]?.value : undefined;
        const isRoot = ins.kind === 'WORKDIR' && wd === '/';
        d.layer = {
          buildkit: !isRoot,
          legacy: ins.kind === 'COPY' || ins.kind === 'ADD' ? 'layer' : 'maybe-empty',
        };
        if (!isRoot) d.stepName = stepDisplayName(ins, vars, escape);
      } else if (ins.kind === 'ONBUILD') {
        d.layer = { buildkit: false, legacy: 'empty-layer' };
      }
      out.instructions.push(d);
    }
    stageShell.set(stage.index, shell);
    stageEnv.set(stage.index, Object.fromEntries(scope.env));
  }
  return out;
}

function exp(field: string, raw: string, value: string | undefined): ExpandedValue {
  return value === undefined ? { field, raw } : { field, raw, value };
}

function expR(field: string, raw: string, r: { ok: true; value: string } | { ok: false; error: EngineError }): ExpandedValue {
  return r.ok ? { field, raw, value: r.value } : { field, raw, error: r.error.message };
}
