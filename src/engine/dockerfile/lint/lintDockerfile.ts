/**
 * lintDockerfile: BuildKit's build checks (same ids, messages, locations) plus Layerlab's cache-teaching
 * rules. Rules are data in rules.ts; this file holds the checks. Honours `# check=skip=...;error=true`.
 */
import type { SourceRange } from '../../core/errors';
import { parseCheckDirective, type CheckDirective } from '../directives';
import type { Diagnostic, Dockerfile, Instruction, QuickFix, Stage, TextEdit } from '../instructions';
import type { ParseOutput } from '../parseDockerfile';
import { defaultPlatformArgs, resolveGlobalArgs, StageScope, type GlobalArgs } from '../scope';
import { csvFields } from '../mounts';
import { expandWord } from '../shellLexer';
import { suggest } from '../suggest';
import { goQuote } from '../../core/format';
import { cleanPath } from '../../core/clean-path';
import { fillMessage, RULES_BY_ID } from './rules';

export interface LintOptions {
  /** `--build-arg` values. */
  buildArgs?: Record<string, string>;
  /** ENV of a base image (its config), when known; PATH is assumed otherwise. */
  imageEnv?: (image: string) => Record<string, string> | string[] | undefined;
  /** Include Layerlab's teaching rules (default true). */
  layerlabRules?: boolean;
  /** Extra rules to skip (on top of `# check=skip=`). */
  skip?: string[];
  /** The build context's .dockerignore, when there is one (CopyIgnoredFile). */
  dockerignore?: { matches(path: string): boolean; hasExclusions?: boolean };
  /**
   * Whether a base image can be had (the local store, then the registry): null when it can, else the build's
   * error and the closest references the registry has (UnresolvableBaseImage, with one quick fix per tag).
   */
  resolveImage?: (image: string) => { message: string; hint?: string; closest: string[] } | null;
  /** Tests only: rethrow internal errors instead of returning the diagnostics found so far. */
  strict?: boolean;
}

const DEFAULT_IMAGE_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const RESERVED_STAGE_NAMES = new Set(['context', 'scratch']);
const SECRET_DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

class Linter {
  readonly out: Diagnostic[] = [];
  private skip: Set<string>;
  private skipAll: boolean;
  readonly errorOnWarn: boolean;
  private _lines: string[] | null = null;
  constructor(
    readonly parsed: ParseOutput,
    readonly opts: LintOptions,
  ) {
    const check = parseCheckDirective(parsed.ast.directives.find((d) => d.name === 'check')?.value);
    this.skip = new Set([...check.skip, ...(opts.skip ?? [])]);
    this.skipAll = check.skipAll;
    this.errorOnWarn = check.error;
  }

  /** Source lines (computed on first use: only quick fixes need them). */
  get lines(): string[] {
    if (!this._lines) this._lines = this.parsed.source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    return this._lines;
  }

  /** `# check=` comments right above the FROM of the stage being checked (BuildKit merges them per stage). */
  stageCheck: CheckDirective | null = null;

  report(ruleId: string, range: SourceRange, args: string[] = [], fix?: QuickFix, argsKo?: string[]): void {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) return;
    if (rule.experimental) return;
    if (rule.source === 'layerlab' && this.opts.layerlabRules === false) return;
    if (this.skipAll || this.skip.has(ruleId)) return;
    if (this.stageCheck && (this.stageCheck.skipAll || this.stageCheck.skip.includes(ruleId))) return;
    const d: Diagnostic = {
      code: ruleId,
      ruleId,
      source: rule.source,
      severity: rule.source === 'buildkit' && this.errorOnWarn ? 'error' : rule.severity,
      message: fillMessage(rule.message.en, args),
      messageKo: fillMessage(rule.message.ko, argsKo ?? args),
      why: rule.why,
      lesson: rule.lesson,
      range,
    };
    if (rule.url) d.url = rule.url;
    if (fix) d.fix = fix;
    this.out.push(d);
  }

  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }
  /** Whole physical lines [from, to] as a range (end at the start of the next line). */
  linesRange(from: number, to: number): SourceRange {
    return { start: { line: from, column: 1 }, end: { line: to + 1, column: 1 } };
  }
  linesText(from: number, to: number): string {
    return this.lines.slice(from - 1, to).join('\n') + '\n';
  }
}

const at = (line: number, column: number) => ({ line, column });
const fix = (en: string, ko: string, edits: TextEdit[]): QuickFix => ({ title: { en, ko }, edits });
const short = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function keywordEdit(ins: { range: SourceRange; keyword: string }, newKeyword: string): TextEdit {
  const { line, column } = ins.range.start;
  return { range: { start: at(line, column), end: at(line, column + ins.keyword.length) }, newText: newKeyword };
}

/** Locates the Nth whitespace-separated token on a single-line instruction; returns its range. */
function tokenRange(text: string, line: number, index: number): SourceRange | null {
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (i === index) return { start: at(line, m.index + 1), end: at(line, m.index + 1 + m[0].length) };
    i++;
  }
  return null;
}

// -------------------------------------------------------------------------------------------------

function checkParserWarnings(l: Linter): void {
  for (const w of l.parsed.ast.warnings) {
    if (w.code !== 'NoEmptyContinuation') continue;
    const node = l.parsed.ast.children.find((c) => c.endLine === w.range.start.line && c.emptyContinuationLines.length);
    let f: QuickFix | undefined;
    if (node) {
      f = fix(
        'Remove the empty continuation lines',
        '빈 연속 줄 삭제',
        node.emptyContinuationLines.map((n) => ({ range: l.linesRange(n, n), newText: '' })),
      );
    }
    l.report('NoEmptyContinuation', w.range, [], f);
  }
}

function checkNodes(l: Linter): void {
  for (const node of l.parsed.ast.children) {
    const single = node.startLine === node.endLine;
    const text = l.line(node.startLine);
    if (node.value === 'maintainer' && node.args.length === 1) {
      const f = single
        ? fix('Replace with a LABEL', 'LABEL로 바꾸기', [
            { range: node.range, newText: `LABEL org.opencontainers.image.authors=${goQuote(node.args[0])}` },
          ])
        : undefined;
      l.report('MaintainerDeprecated', node.range, [], f);
    }
    if (node.value === 'from' && node.args.length === 3) {
      const name = node.args[2];
      if (name !== name.toLowerCase()) {
        const r = single ? tokenRange(text, node.startLine, 3 + node.flags.length) : null;
        l.report('StageNameCasing', node.range, [name], r ? fix('Lower-case the stage name', '스테이지 이름을 소문자로', [{ range: r, newText: name.toLowerCase() }]) : undefined);
      }
      const kw = node.keyword;
      const as = node.args[1];
      const kwLower = kw === kw.toLowerCase();
      const kwUpper = kw === kw.toUpperCase();
      if ((kwLower && as !== as.toLowerCase()) || (!kwLower && kwUpper && as !== as.toUpperCase())) {
        const r = single ? tokenRange(text, node.startLine, 2 + node.flags.length) : null;
        const want = kwLower ? as.toLowerCase() : as.toUpperCase();
        l.report('FromAsCasing', node.range, [as, kw], r ? fix(`Write '${want}'`, `'${want}'(으)로 쓰기`, [{ range: r, newText: want }]) : undefined);
      }
    }
  }
}

function checkCasing(l: Linter, df: Dockerfile): void {
  const all: Instruction[] = [];
  for (const s of df.stages) all.push(s.from, ...s.instructions);
  // Keywords repeat a lot: compute each spelling's casing once.
  const casing = new Map<string, { lower: string; upper: string }>();
  const caseOf = (k: string) => {
    let c = casing.get(k);
    if (!c) casing.set(k, (c = { lower: k.toLowerCase(), upper: k.toUpperCase() }));
    return c;
  };
  let lower = 0;
  let upper = 0;
  for (const i of all) {
    const k = i.keyword;
    const c = caseOf(k);
    if (k === c.lower) lower++;
    else if (k === c.upper) upper++;
  }
  const majorityLower = lower > upper;
  for (const i of all) {
    const k = i.keyword;
    const c = caseOf(k);
    let want = '';
    if (majorityLower && k !== c.lower) want = 'lowercase';
    else if (!majorityLower && k !== c.upper) want = 'uppercase';
    if (!want) continue;
    const nk = want === 'lowercase' ? k.toLowerCase() : k.toUpperCase();
    l.report('ConsistentInstructionCasing', i.range, [k, want], fix(`Write ${nk}`, `${nk}(으)로 쓰기`, [keywordEdit(i, nk)]), [k, want === 'lowercase' ? '소문자' : '대문자']);
  }
}

function checkStageNames(l: Linter, df: Dockerfile): void {
  const seen = new Set<string>();
  for (const s of df.stages) {
    if (!s.name) continue;
    if (RESERVED_STAGE_NAMES.has(s.name)) l.report('ReservedStageName', s.from.range, [goQuote(s.name)]);
    if (seen.has(s.name)) l.report('DuplicateStageName', s.from.range, [goQuote(s.name)]);
    seen.add(s.name);
  }
}

// distribution/reference grammar (name[:tag][@digest]); domains may be upper-case, path components not.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REF_RE = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);
/** Would `docker pull` accept this as an image reference? (reference.ParseNormalizedNamed) */
export function isValidImageReference(ref: string): boolean {
  const name = ref.split(/[:@]/)[0];
  return ref.length > 0 && name.length <= 255 && REF_RE.test(ref) && !/^[a-f0-9]{64}$/.test(ref);
}

function checkFrom(l: Linter, df: Dockerfile, defaults: GlobalArgs, withBuildArgs: GlobalArgs): void {
  const builtins = Object.keys(defaultPlatformArgs());
  const declared = new Set<string>([...defaults.declared, ...builtins]);
  const argKeys = [...defaults.declared, ...builtins];
  for (const s of df.stages) {
    l.stageCheck = stageCheckOf(l, s);
    const from = s.from;
    const unmatched = new Set<string>();
    expandWord(from.image, withBuildArgs.values, { escape: df.escape, onLookup: (n, f) => !f && unmatched.add(n) });
    if (from.platform !== undefined) {
      expandWord(from.platform, withBuildArgs.values, { escape: df.escape, onLookup: (n, f) => !f && unmatched.add(n) });
    }
    for (const name of unmatched) {
      if (declared.has(name)) continue;
      const m = suggest(name, argKeys, true);
      l.report('UndefinedArgInFrom', from.range, [name, m ? ` (did you mean ${m}?)` : ''], undefined, [name, m ? ` (${m}을(를) 말씀하신 건가요?)` : '']);
    }
    // BuildKit checks every base name with the default ARG values (not only the ones with variables).
    const d = expandWord(from.image, defaults.values, { escape: df.escape });
    if (d.ok && !isValidImageReference(d.value)) l.report('InvalidDefaultArgInFrom', from.range, [from.image]);
    if (from.platform !== undefined) {
      const p = from.platform;
      if (p === '$TARGETPLATFORM' || p === '${TARGETPLATFORM}') {
        l.report('RedundantTargetPlatform', from.range, [p]);
      } else if (!p.includes('$')) {
        const [os, arch] = p.split('/');
        if (os && !(s.name && (s.name.includes(os) || (arch && s.name.includes(arch))))) {
          l.report('FromPlatformFlagConstDisallowed', from.range, [goQuote(p)]);
        }
      }
    }
    // Layerlab: unpinned base image.
    checkUnpinned(l, df, s);
  }
  l.stageCheck = null;
}

function checkUnpinned(l: Linter, df: Dockerfile, s: Stage): void {
  const img = s.from.image;
  if (img.includes('$') || img.toLowerCase() === 'scratch') return;
  const lower = img.toLowerCase();
  if (df.stages.some((o) => o.index < s.index && o.name === lower)) return;
  if (img.includes('@')) return;
  const slash = img.lastIndexOf('/');
  const colon = img.lastIndexOf(':');
  const tag = colon > slash ? img.slice(colon + 1) : '';
  if (tag === '' || tag === 'latest') l.report('UnpinnedBaseImage', s.from.range, [img]);
}

/** A `# check=...` line among the comments right above a stage's FROM (value up to the first space). */
function stageCheckOf(l: Linter, s: Stage): CheckDirective | null {
  const node = l.parsed.ast.children.find((n) => n.startLine === s.from.line);
  for (const c of node?.comments ?? []) {
    const m = /^\s*check\s*=\s*(\S+)/i.exec(c);
    if (m) return parseCheckDirective(m[1]);
  }
  return null;
}

// ---- per-stage simulation (BuildKit dispatch) ----

interface StageState {
  env: Map<string, string>;
  shellSet: boolean;
}

function checkStages(l: Linter, df: Dockerfile, globals: GlobalArgs): void {
  const finished = new Map<number, StageState>();
  for (const s of df.stages) {
    l.stageCheck = stageCheckOf(l, s);
    const lower = s.from.image.toLowerCase();
    const parent = df.stages.slice(0, s.index).reverse().find((o) => o.name === lower);
    const parentState = parent ? finished.get(parent.index) : undefined;
    const baseEnv = parentState ? Object.fromEntries(parentState.env) : (l.opts.imageEnv?.(s.from.image) ?? DEFAULT_IMAGE_ENV);
    const scope = new StageScope(globals, { buildArgs: l.opts.buildArgs, escape: df.escape }, baseEnv);
    let shellSet = parentState?.shellSet ?? false;
    let workdirSet = false;
    const used: Record<string, SourceRange | undefined> = {};
    const declaredArgs = new Set<string>();

    const unmatched = new Set<string>();
    const lookup = (n: string) => scope.get(n);
    const lexOpts = { escape: df.escape, onLookup: (n: string, f: boolean) => void (!f && unmatched.add(n)) };
    const undefinedVars = (ins: Instruction, words: (string | undefined)[]) => {
      unmatched.clear();
      for (const w of words) {
        // Words without `$` cannot reference a variable: skip the lexer.
        if (w === undefined || !w.includes('$')) continue;
        expandWord(w, lookup, lexOpts);
      }
      for (const name of unmatched) {
        if (declaredArgs.has(name) || NON_ENV_ARGS.has(name)) continue;
        const m = suggest(name, Object.keys(scope.snapshot()), true);
        l.report('UndefinedVar', ins.range, [name, m ? ` (did you mean $${m}?)` : ''], undefined, [name, m ? ` ($${m}을(를) 말씀하신 건가요?)` : '']);
      }
    };
    const secret = (instr: 'ARG' | 'ENV', key: string, range: SourceRange) => {
      if (SECRET_DENY.test(key) && !SECRET_ALLOW.test(key)) l.report('SecretsUsedInArgOrEnv', range, [instr, goQuote(key)]);
    };
    const usedOnce = (ins: Instruction) => {
      const prev = used[ins.kind];
      if (prev) l.report('MultipleInstructionsDisallowed', prev, [ins.keyword]);
      used[ins.kind] = ins.range;
    };

    for (const ins of s.instructions) {
      switch (ins.kind) {
        case 'ENV':
        case 'LABEL': {
          undefinedVars(ins, ins.pairs.flatMap((p) => [p.key, p.value]));
          if (ins.legacy) l.report('LegacyKeyValueFormat', ins.range, [ins.keyword], legacyFix(l, ins));
          if (ins.kind === 'ENV') {
            for (const p of ins.pairs) secret('ENV', p.key, ins.range);
            scope.applyEnv(ins);
          }
          break;
        }
        case 'ARG': {
          for (const a of ins.args) {
            secret('ARG', a.key, ins.range);
          }
          undefinedVars(ins, ins.args.flatMap((a) => [a.key, a.value]));
          for (const a of ins.args) declaredArgs.add(a.key);
          scope.applyArg(ins);
          break;
        }
        case 'WORKDIR': {
          undefinedVars(ins, [ins.path]);
          const p = scope.expand(ins.path);
          const path = p.ok ? p.value : ins.path;
          if (!workdirSet && !path.startsWith('/')) l.report('WorkdirRelativePath', ins.range, [goQuote(path)]);
          workdirSet = true;
          break;
        }
        case 'CMD':
        case 'ENTRYPOINT':
          usedOnce(ins);
          if (ins.form === 'shell' && !shellSet) l.report('JSONArgsRecommended', ins.range, [ins.keyword], execFormFix(l, ins));
          break;
        case 'HEALTHCHECK':
          usedOnce(ins);
          break;
        case 'SHELL':
          shellSet = true;
          break;
        case 'RUN': {
          // BuildKit expands --mount values (and reports undefined variables there); the command is the shell's.
          const values: string[] = [];
          for (const m of ins.mounts) {
            const f = csvFields(m);
            if (f.ok) for (const field of f.value) if (field.includes('=')) values.push(field.slice(field.indexOf('=') + 1));
          }
          if (values.length) undefinedVars(ins, values);
          break;
        }
        case 'EXPOSE': {
          // EXPOSE is expanded with ProcessWords, which does not report undefined variables.
          for (const raw of ins.ports) {
            const e = scope.expand(raw);
            const port = e.ok ? e.value : raw;
            const slash = port.lastIndexOf('/');
            const proto = slash >= 0 ? port.slice(slash + 1) : '';
            if (proto !== proto.toLowerCase()) l.report('ExposeProtoCasing', ins.range, [port]);
            const main = slash >= 0 ? port.slice(0, slash) : port;
            if (main.includes(':')) l.report('ExposeInvalidFormat', ins.range, [port]);
          }
          break;
        }
        case 'COPY':
        case 'ADD': {
          undefinedVars(ins, [...ins.sources, ins.dest, ins.chown, ins.chmod]);
          const ig = l.opts.dockerignore;
          if (ig && !ig.hasExclusions && ins.from === undefined) {
            for (const raw of ins.sources) {
              if (/^(https?|git):\/\/|^git@/.test(raw)) continue;
              const e = scope.expand(raw);
              const src = cleanPath(e.ok ? e.value : raw);
              if (src === '.' || src === '/') continue;
              if (ig.matches(src.replace(/^\//, ''))) {
                l.report('CopyIgnoredFile', ins.range, [ins.kind === 'ADD' ? 'Add' : 'Copy', goQuote(src)], undefined, [ins.kind, goQuote(src)]);
              }
            }
          }
          break;
        }
        case 'USER':
          undefinedVars(ins, [ins.user]);
          break;
        case 'VOLUME':
          undefinedVars(ins, ins.paths);
          break;
        case 'STOPSIGNAL':
          undefinedVars(ins, [ins.signal]);
          break;
        default:
          break;
      }
    }
    finished.set(s.index, { env: new Map(scope.env), shellSet });
  }
  l.stageCheck = null;
}

function legacyFix(l: Linter, ins: Instruction & { kind: 'ENV' | 'LABEL'; pairs: { key: string; value: string }[] }): QuickFix | undefined {
  if (ins.line !== ins.endLine || ins.pairs.length !== 1 || ins.flags.length) return undefined;
  const { key, value } = ins.pairs[0];
  let v = value;
  if (/\s/.test(v)) {
    if (/["'\\$`]/.test(v)) return undefined;
    v = `"${v}"`;
  }
  const text = l.line(ins.line);
  const start = ins.range.start.column;
  return fix(`Write ${ins.keyword} ${key}=…`, `${ins.keyword} ${key}=… 형식으로 쓰기`, [
    { range: { start: at(ins.line, start), end: at(ins.line, text.length + 1) }, newText: `${ins.keyword} ${key}=${v}` },
  ]);
}

function execFormFix(l: Linter, ins: Instruction & { cmd: string[] }): QuickFix | undefined {
  if (ins.line !== ins.endLine || ins.flags.length) return undefined;
  const cmd = ins.cmd[0] ?? '';
  // Only plain words: anything the shell would interpret changes meaning in exec form.
  if (!cmd.trim() || /[$`"'\\|&;<>(){}*?~#=]/.test(cmd)) return undefined;
  const json = '[' + cmd.trim().split(/\s+/).map((w) => JSON.stringify(w)).join(', ') + ']';
  const text = l.line(ins.line);
  return fix('Use exec form (JSON array)', 'exec 형식(JSON 배열)으로 쓰기', [
    { range: { start: at(ins.line, ins.range.start.column), end: at(ins.line, text.length + 1) }, newText: `${ins.keyword} ${json}` },
  ]);
}

// ---- Layerlab cache rules ----

interface InstallTool {
  re: RegExp;
  manifests: string[];
  copyArgs: string;
}
const INSTALL_TOOLS: InstallTool[] = [
  { re: /\bnpm\s+(install|i|ci)\b(?![^&;|]*\s-g\b)/, manifests: ['package.json', 'package-lock.json'], copyArgs: 'package*.json' },
  { re: /\byarn(\s+install\b|\s*($|&&|;|\|))/, manifests: ['package.json', 'yarn.lock'], copyArgs: 'package.json yarn.lock' },
  { re: /\bpnpm\s+(install|i)\b/, manifests: ['package.json', 'pnpm-lock.yaml'], copyArgs: 'package.json pnpm-lock.yaml' },
  { re: /\bpip3?\s+install\b[^&;|]*\s(-r|--requirement)[\s=]*requirements\.txt\b/, manifests: ['requirements.txt'], copyArgs: 'requirements.txt' },
  { re: /\bpoetry\s+install\b/, manifests: ['pyproject.toml', 'poetry.lock'], copyArgs: 'pyproject.toml poetry.lock' },
  { re: /\bgo\s+mod\s+download\b/, manifests: ['go.mod', 'go.sum'], copyArgs: 'go.mod go.sum' },
  { re: /\bbundle\s+install\b/, manifests: ['Gemfile', 'Gemfile.lock'], copyArgs: 'Gemfile Gemfile.lock' },
  { re: /\bcomposer\s+install\b/, manifests: ['composer.json', 'composer.lock'], copyArgs: 'composer.json composer.lock' },
  { re: /\bmvn\b[^&;|]*\bdependency:go-offline\b/, manifests: ['pom.xml'], copyArgs: 'pom.xml' },
];
const STABLE_STEP = /\b(apt-get|apt)\s+(-\S+\s+)*install\b|\bapk\s+(--\S+\s+)*add\b|\b(yum|dnf|microdnf)\s+(-\S+\s+)*install\b|\bnpm\s+(install|i)\s+(-g|--global)\b|\bpip3?\s+install\s+(?![^&;|]*(\s-r\b|\s--requirement\b|\s-e\b|\s\.(\s|$)))/;
const MANIFEST_NAMES = new Set(INSTALL_TOOLS.flatMap((t) => t.manifests).concat(['package*.json', 'yarn.lock', 'requirements*.txt']));

const runText = (ins: Instruction) => (ins.kind === 'RUN' ? ins.cmd.join(' ') : '');
const copiesAll = (ins: Instruction) =>
  (ins.kind === 'COPY' || ins.kind === 'ADD') && ins.from === undefined && ins.sources.some((s) => s === '.' || s === './' || s === '*');

function moveFix(l: Linter, moved: Instruction, before: Instruction, prefix = ''): TextEdit[] {
  return [
    { range: { start: at(before.line, 1), end: at(before.line, 1) }, newText: prefix + l.linesText(moved.line, moved.endLine) },
    { range: l.linesRange(moved.line, moved.endLine), newText: '' },
  ];
}

function checkCacheOrder(l: Linter, df: Dockerfile): void {
  for (const s of df.stages) {
    const list = s.instructions;
    const n = list.length;
    // Backward pass: for each position, the next RUN that installs dependencies / the next stable RUN.
    const tools: (InstallTool | undefined)[] = new Array(n);
    const nextInstall = new Array<number>(n + 1);
    const nextStable = new Array<number>(n + 1);
    nextInstall[n] = nextStable[n] = n;
    for (let j = n - 1; j >= 0; j--) {
      const r = list[j];
      nextInstall[j] = nextInstall[j + 1];
      nextStable[j] = nextStable[j + 1];
      if (r.kind !== 'RUN') continue;
      const cmd = runText(r);
      const tool = INSTALL_TOOLS.find((t) => t.re.test(cmd));
      tools[j] = tool;
      if (tool) nextInstall[j] = j;
      else if (STABLE_STEP.test(cmd)) nextStable[j] = j;
    }
    let reportedInstall = false;
    for (let i = 0; i < n; i++) {
      const c = list[i];
      if (c.kind !== 'COPY' && c.kind !== 'ADD') continue;
      if (c.from !== undefined || c.heredocs.length) continue;
      if (c.sources.every((src) => MANIFEST_NAMES.has(src.replace(/^\.\//, '')))) continue;
      const all = copiesAll(c);
      const ji = all && !reportedInstall ? nextInstall[i + 1] : n;
      const js = nextStable[i + 1];
      if (ji < n && ji < js) {
        const r = list[ji];
        const tool = tools[ji]!;
        reportedInstall = true;
        const dest = c.dest === '.' ? './' : c.dest;
        const f =
          c.form === 'shell'
            ? fix('Copy the manifests and install first', '매니페스트를 먼저 복사해 설치하기', moveFix(l, r, c, `${c.keyword} ${tool.copyArgs} ${dest}\n`))
            : undefined;
        l.report('CopyAllBeforeDependencyInstall', c.range, [short(c.original), short(r.original), tool.manifests.join(' + ')], f);
      } else if (js < n) {
        const r = list[js];
        l.report('VolatileCopyBeforeStableStep', c.range, [short(c.original), short(r.original)], fix('Move the step above the COPY', '그 단계를 COPY 위로 옮기기', moveFix(l, r, c)));
      }
    }
  }
}

const APT_UPDATE_ALONE = /^\s*(apt-get|apt|apk)\s+(-\S+\s+)*update(\s+-\S+)*\s*$/;

function checkAptUpdate(l: Linter, df: Dockerfile): void {
  for (const s of df.stages) {
    const list = s.instructions;
    list.forEach((ins, i) => {
      if (ins.kind !== 'RUN' || ins.form !== 'shell' || ins.heredocs.length) return;
      const cmd = ins.cmd[0] ?? '';
      if (!APT_UPDATE_ALONE.test(cmd)) return;
      const next = list[i + 1];
      let f: QuickFix | undefined;
      if (next && next.kind === 'RUN' && next.form === 'shell' && !next.flags.length && next.line === next.endLine && !next.heredocs.length) {
        const text = l.line(next.line);
        const m = /^(\s*\S+\s+)/.exec(text);
        if (m) {
          f = fix('Run the update in the same RUN as the install', '업데이트를 설치와 같은 RUN에서 실행하기', [
            { range: l.linesRange(ins.line, ins.endLine), newText: '' },
            { range: { start: at(next.line, m[1].length + 1), end: at(next.line, m[1].length + 1) }, newText: `${cmd.trim()} && ` },
          ]);
        }
      }
      l.report('AptGetUpdateAlone', ins.range, [short(ins.original)], f);
    });
  }
}

function checkMergeable(l: Linter, df: Dockerfile): void {
  for (const s of df.stages) {
    const list = s.instructions;
    let i = 0;
    while (i < list.length) {
      const a = list[i];
      if (a.kind !== 'ENV' && a.kind !== 'LABEL') {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < list.length && list[j].kind === a.kind) j++;
      const group = list.slice(i, j) as (Instruction & { kind: 'ENV' | 'LABEL'; pairs: { key: string; value: string }[]; legacy: boolean })[];
      if (group.length >= 2) {
        const range = { start: group[0].range.start, end: group[group.length - 1].range.end };
        let f: QuickFix | undefined;
        const defined = new Set<string>();
        let dependent = false;
        for (const g of group) {
          for (const p of g.pairs) {
            if (a.kind === 'ENV' && /\$/.test(p.value)) {
              expandWord(p.value, {}, { onLookup: (n) => defined.has(n) && (dependent = true) });
            }
          }
          for (const p of g.pairs) defined.add(p.key);
        }
        if (!dependent && group.every((g) => !g.legacy && !g.flags.length)) {
          const words = group.flatMap((g) => g.pairs.map((p) => `${p.key}=${p.value}`));
          const kw = group[0].keyword;
          const newText = `${kw} ` + words.join(` \\\n${' '.repeat(kw.length + 1)}`);
          const lastLine = group[group.length - 1].endLine;
          f = fix(`Merge into one ${a.kind}`, `하나의 ${a.kind}로 합치기`, [
            { range: { start: group[0].range.start, end: at(lastLine, l.line(lastLine).length + 1) }, newText },
          ]);
        }
        l.report('MergeableMetadata', range, [String(group.length), a.kind], f);
      }
      i = j;
    }
  }
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|gz|bz2|xz|zip)$/i;
const REMOTE = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i;

function checkAdd(l: Linter, df: Dockerfile): void {
  for (const s of df.stages) {
    for (const ins of s.instructions) {
      if (ins.kind !== 'ADD' || ins.heredocs.length || ins.sources.length === 0) continue;
      if (ins.checksum !== undefined || ins.keepGitDir !== undefined || ins.unpack !== undefined) continue;
      if (ins.sources.some((src) => REMOTE.test(src) || ARCHIVE.test(src) || src.includes('$'))) continue;
      const nk = ins.keyword === ins.keyword.toLowerCase() ? 'copy' : 'COPY';
      l.report('AddInsteadOfCopy', ins.range, [ins.sources.join(' ')], fix('Use COPY', 'COPY 사용', [keywordEdit(ins, nk)]));
    }
  }
}

/** A FROM whose image the registry cannot serve: the build fails there; the closest tags are quick fixes. */
function checkBaseImages(l: Linter, df: Dockerfile): void {
  const resolve = l.opts.resolveImage;
  if (!resolve) return;
  const names = new Set<string>();
  for (const s of df.stages) {
    const from = s.from;
    const image = from.image;
    const local = names.has(image.toLowerCase()) || image.toLowerCase() === 'scratch' || image.includes('$');
    if (s.name) names.add(s.name);
    if (local) continue;
    const problem = resolve(image);
    if (!problem) continue;
    const text = l.line(from.line);
    const col = text.indexOf(image, text.search(/from/i) + 4);
    const range = col >= 0 && from.line === from.endLine ? { start: at(from.line, col + 1), end: at(from.line, col + 1 + image.length) } : from.range;
    const detail = problem.hint ? `${problem.message} (${problem.hint.replace(/^layerlab: /, '')})` : problem.message;
    const fixes = col >= 0 ? problem.closest.map((ref) => fix(`Use ${ref}`, `${ref} 사용`, [{ range, newText: ref }])) : [];
    l.report('UnresolvableBaseImage', range, [detail], fixes[0]);
    const d = l.out[l.out.length - 1];
    if (d?.code === 'UnresolvableBaseImage' && fixes.length > 1) d.fixes = fixes;
  }
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;
}

/** Runs every lint rule on a parse result. Diagnostics are sorted by position. */
export function lintDockerfile(parsed: ParseOutput, opts: LintOptions = {}): Diagnostic[] {
  const l = new Linter(parsed, opts);
  try {
    checkParserWarnings(l);
    const df = parsed.dockerfile;
    if (df && !parsed.error) {
      checkNodes(l);
      const defaults = resolveGlobalArgs(df.metaArgs, { builtinArgs: defaultPlatformArgs(), escape: df.escape });
      const actual = resolveGlobalArgs(df.metaArgs, { builtinArgs: defaultPlatformArgs(), buildArgs: opts.buildArgs, escape: df.escape });
      checkStageNames(l, df);
      checkCasing(l, df);
      if (defaults.ok && actual.ok) {
        checkFrom(l, df, defaults.value, actual.value);
        checkStages(l, df, actual.value);
      }
      checkCacheOrder(l, df);
      checkAptUpdate(l, df);
      checkMergeable(l, df);
      checkAdd(l, df);
      checkBaseImages(l, df);
    }
  } catch (e) {
    // Lint must never break the editor: return what was found so far.
    if (opts.strict) throw e;
  }
  return l.out.sort(byPosition);
}
