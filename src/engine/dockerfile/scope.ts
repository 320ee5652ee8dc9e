/**
 * ARG/ENV scoping for the builder (BuildKit dockerfile2llb semantics):
 * - Global ARGs (before the first FROM) are visible only to FROM lines (image and --platform), plus the
 *   automatic platform ARGs. Build args (`--build-arg`) override their defaults.
 * - Inside a stage, a global ARG needs a bare `ARG NAME` to become visible; an ARG is visible from its line on.
 * - ENV and ARG values both live in the stage environment used for expansion. In BuildKit the latest
 *   definition wins; with `legacy: true` (classic builder) ENV always beats ARG of the same name.
 * - Every variable in one instruction sees the values from before that instruction.
 * - The base image's ENV (image config) is part of the stage environment from the start.
 */
import type { EngineError, Result } from '../core/errors';
import { err, ok } from '../core/errors';
import type { ArgInstr, KeyValueInstr } from './instructions';
import { expandWord, expandWords } from './shellLexer';

export interface ScopeOptions {
  /** `--build-arg` values. */
  buildArgs?: Record<string, string>;
  /** Automatic ARGs (BUILDPLATFORM, TARGETPLATFORM, TARGETOS, TARGETARCH, ...). Visible to FROM; inside a stage after a bare ARG. */
  builtinArgs?: Record<string, string>;
  /** Classic builder semantics: ENV beats ARG. */
  legacy?: boolean;
  /** Escape character of the Dockerfile. */
  escape?: string;
}

/** The default platform ARGs of a linux/amd64 build. */
export function defaultPlatformArgs(platform = 'linux/amd64'): Record<string, string> {
  const [os, arch, variant = ''] = platform.split('/');
  return {
    BUILDPLATFORM: platform,
    BUILDOS: os,
    BUILDARCH: arch,
    BUILDVARIANT: variant,
    TARGETPLATFORM: platform,
    TARGETOS: os,
    TARGETARCH: arch,
    TARGETVARIANT: variant,
  };
}

export interface GlobalArgs {
  /** Values visible to FROM. */
  values: Map<string, string>;
  /** Names declared before the first FROM (with or without value). */
  declared: Set<string>;
}

const withLocation = (e: EngineError, instr: { range: EngineError['range'] }): EngineError => ({ ...e, range: instr.range, file: 'Dockerfile' });

/** Evaluates the ARGs before the first FROM, in order. */
export function resolveGlobalArgs(metaArgs: ArgInstr[], opts: ScopeOptions = {}): Result<GlobalArgs> {
  const values = new Map<string, string>(Object.entries(opts.builtinArgs ?? {}));
  const declared = new Set<string>();
  const buildArgs = opts.buildArgs ?? {};
  for (const instr of metaArgs) {
    for (const a of instr.args) {
      declared.add(a.key);
      let v: string | undefined;
      if (Object.prototype.hasOwnProperty.call(buildArgs, a.key)) v = buildArgs[a.key];
      else if (a.value !== undefined) {
        const r = expandWord(a.value, values, { escape: opts.escape });
        if (!r.ok) return err(withLocation(r.error, instr));
        v = r.value;
      }
      if (v !== undefined) values.set(a.key, v);
    }
  }
  return ok({ values, declared });
}

/** Expands a FROM image name or --platform value with the global ARGs. */
export function expandFromValue(word: string, globals: GlobalArgs, opts: { escape?: string } = {}): Result<string> {
  return expandWord(word, globals.values, { escape: opts.escape });
}

/** The variables of one stage as the build goes through its instructions. */
export class StageScope {
  /** ENV values (what ends up in the image config), in definition order. */
  readonly env = new Map<string, string>();
  /** ARG values visible in the stage. */
  readonly args = new Map<string, string>();
  /** ARG names declared in the stage (even without value). */
  readonly declaredArgs = new Set<string>();
  /** BuildKit: one ordered map; latest definition wins. */
  private vars = new Map<string, string>();

  constructor(
    private globals: GlobalArgs,
    private opts: ScopeOptions = {},
    baseImageEnv: Record<string, string> | string[] = {},
  ) {
    const entries = Array.isArray(baseImageEnv)
      ? baseImageEnv.map((kv) => {
          const eq = kv.indexOf('=');
          return (eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)]) as [string, string];
        })
      : Object.entries(baseImageEnv);
    for (const [k, v] of entries) {
      this.env.set(k, v);
      this.vars.set(k, v);
    }
  }

  /** Current value of a variable for expansion, or undefined when unset. */
  get(name: string): string | undefined {
    if (this.opts.legacy) return this.env.has(name) ? this.env.get(name) : this.args.get(name);
    return this.vars.get(name);
  }

  /** All variables visible now (for RUN's environment and lint suggestions). */
  snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.opts.legacy) {
      for (const [k, v] of this.args) out[k] = v;
      for (const [k, v] of this.env) out[k] = v;
    } else for (const [k, v] of this.vars) out[k] = v;
    return out;
  }

  private lookup = (name: string) => this.get(name);

  expand(word: string): Result<string> {
    return expandWord(word, this.lookup, { escape: this.opts.escape });
  }

  expandWords(word: string): Result<string[]> {
    return expandWords(word, this.lookup, { escape: this.opts.escape });
  }

  /** Applies `ARG a b=c`: build arg > global value (bare ARG) > expanded default. */
  applyArg(instr: ArgInstr): Result<{ key: string; value?: string }[]> {
    const buildArgs = this.opts.buildArgs ?? {};
    const out: { key: string; value?: string }[] = [];
    for (const a of instr.args) {
      let v: string | undefined;
      if (Object.prototype.hasOwnProperty.call(buildArgs, a.key)) v = buildArgs[a.key];
      else if (a.value !== undefined) {
        const r = this.expand(a.value);
        if (!r.ok) return err(withLocation(r.error, instr));
        v = r.value;
      } else if (this.globals.values.has(a.key)) v = this.globals.values.get(a.key);
      this.declaredArgs.add(a.key);
      if (v !== undefined) {
        this.args.set(a.key, v);
        this.vars.set(a.key, v);
      }
      out.push(v === undefined ? { key: a.key } : { key: a.key, value: v });
    }
    return ok(out);
  }

  /** Applies `ENV k=v ...`: every value is expanded with the variables from before this instruction. */
  applyEnv(instr: KeyValueInstr): Result<{ key: string; value: string }[]> {
    const out: { key: string; value: string }[] = [];
    for (const p of instr.pairs) {
      const k = this.expand(p.key);
      if (!k.ok) return err(withLocation(k.error, instr));
      const v = this.expand(p.value);
      if (!v.ok) return err(withLocation(v.error, instr));
      out.push({ key: k.value, value: v.value });
    }
    for (const { key, value } of out) {
      this.env.delete(key);
      this.env.set(key, value);
      this.vars.set(key, value);
    }
    return ok(out);
  }

  /** Expands LABEL pairs (no state change). */
  expandPairs(instr: KeyValueInstr): Result<{ key: string; value: string }[]> {
    const out: { key: string; value: string }[] = [];
    for (const p of instr.pairs) {
      const k = this.expand(p.key);
      if (!k.ok) return err(withLocation(k.error, instr));
      const v = this.expand(p.value);
      if (!v.ok) return err(withLocation(v.error, instr));
      out.push({ key: k.value, value: v.value });
    }
    return ok(out);
  }
}
