/**
 * Layer 2 of Dockerfile parsing (BuildKit `instructions.Parse`): AST nodes → typed instructions grouped
 * into stages, with BuildKit's validation errors ("dockerfile parse error on line N: ...").
 */
import type { EngineError, SourceRange } from '../core/errors';
import type { AstNode, AstRoot } from './ast';
import { INSTRUCTION_FLAGS, parseFlags, type FlagValues } from './flags';
import { checkMountAtParse } from './mounts';
import type {
  ArgInstr,
  CmdInstr,
  CopyInstr,
  ExposeInstr,
  MaintainerInstr,
  OnbuildInstr,
  RunInstr,
  ShellInstr,
  StopsignalInstr,
  UserInstr,
  VolumeInstr,
  WorkdirInstr,
  Dockerfile,
  FromInstr,
  Heredoc,
  HealthcheckInstr,
  Instruction,
  KeyValueInstr,
  Stage,
} from './instructions';
import { parseHeredocWord } from './parser';
import { withSuggestion } from './suggest';
import { trimSpace } from './text';
import { goQuote } from '../core/format';

/** Instruction names in the order used for "did you mean" tie-breaks. */
export const INSTRUCTION_NAMES = [
  'from', 'run', 'cmd', 'label', 'maintainer', 'expose', 'env', 'add', 'copy', 'entrypoint',
  'volume', 'user', 'workdir', 'arg', 'onbuild', 'stopsignal', 'healthcheck', 'shell',
];

const VALID_STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

class ValidationError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
const fail = (message: string, code = 'dockerfile.invalid-instruction'): never => {
  throw new ValidationError(message, code);
};

const atLeastOne = (cmd: string) => fail(`${cmd} requires at least one argument`, 'dockerfile.args');
const exactlyOne = (cmd: string) => fail(`${cmd} requires exactly one argument`, 'dockerfile.args');
const noDestination = (cmd: string) =>
  fail(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`, 'dockerfile.args');

/** Go time.ParseDuration → milliseconds; null when invalid. */
export function parseGoDuration(s: string): number | null {
  if (s === '0') return 0;
  const m = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.exec(s);
  if (!m || s === '') return null;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(s))) total += parseFloat(p[1]) * unit[p[2]];
  return s.startsWith('-') ? -total : total;
}

function chomp(content: string): string {
  return content.replace(/^\t+/gm, '');
}

function heredocsOf(node: AstNode): Heredoc[] {
  return node.heredocs.map((h) => ({
    name: h.name,
    content: h.chomp ? chomp(h.content) : h.content,
    expand: h.expand,
    ...(h.fd ? { fd: h.fd } : {}),
  }));
}

function flagsOf(node: AstNode, name: string): FlagValues {
  const allowed = INSTRUCTION_FLAGS[name] ?? {};
  const r = parseFlags(node.flags, allowed);
  if (typeof r === 'string') fail(r, 'dockerfile.flag');
  return r as FlagValues;
}

/** Flags as written, without validation (ARG, STOPSIGNAL, HEALTHCHECK NONE never check them). */
function rawFlags(node: AstNode): { name: string; value: string }[] {
  return node.flags
    .filter((f) => f.startsWith('--') && f !== '--')
    .map((f) => {
      const eq = f.indexOf('=');
      return eq < 0 ? { name: f.slice(2), value: 'true' } : { name: f.slice(2, eq), value: f.slice(eq + 1) };
    });
}

function errNotJSON(command: string, original: string): string {
  let extra = '';
  const o = original.toLowerCase();
  if (/"[a-z]:\\/.test(o) && !o.includes('\\\\') && o.includes('[') && o.includes(']')) {
    extra = `. It looks like '${o}' includes a file path without an escaped back-slash. JSON requires back-slashes to be escaped such as ["c:\\\\path\\\\to\\\\file.exe", "/parameter"]`;
  }
  return `${command} requires the arguments to be in JSON form${extra}`;
}

function base(node: AstNode, flags: { name: string; value: string }[]) {
  return {
    kind: node.value.toUpperCase(),
    keyword: node.keyword,
    line: node.startLine,
    endLine: node.endLine,
    range: node.range,
    original: trimSpace(node.original),
    flags,
  };
}

/**
 * Builds a typed instruction: the base fields, `kind`, then the instruction's own fields, assigned in
 * place (object spread of large literals was the validator's hot spot on 10,000-line files).
 */
function make<T extends Instruction>(node: AstNode, flags: { name: string; value: string }[], kind: T['kind'], extra: Omit<T, keyof ReturnType<typeof base>>): T {
  const o = base(node, flags) as Record<string, unknown>;
  o.kind = kind;
  const e = extra as Record<string, unknown>;
  for (const k in e) o[k] = e[k];
  return o as unknown as T;
}

function kvPairs(node: AstNode, cmd: string): { key: string; value: string }[] {
  const a = node.args;
  if (a.length === 0) atLeastOne(cmd);
  if (a.length % 3 !== 0) fail(`Bad input to ${cmd}, too many arguments`, 'dockerfile.args');
  const pairs: { key: string; value: string }[] = [];
  for (let j = 0; j < a.length; j += 3) {
    if (a[j].length === 0) fail(`${cmd} names can not be blank`, 'dockerfile.args');
    pairs.push({ key: a[j], value: a[j + 1] });
  }
  return pairs;
}

/** Parses one AST node into a typed instruction (throws ValidationError). */
function parseInstruction(node: AstNode): Instruction {
  const v = node.value;
  const args = node.args;
  switch (v) {
    case 'from': {
      let stageName: string | undefined;
      if (args.length === 3 && args[1].toLowerCase() === 'as') {
        stageName = args[2].toLowerCase();
        if (!VALID_STAGE_NAME.test(stageName)) {
          fail(`invalid name for build stage: ${goQuote(args[2])}, name can't start with a number or contain symbols`, 'dockerfile.stage-name');
        }
      } else if (args.length !== 1) fail('FROM requires either one or three arguments', 'dockerfile.args');
      const f = flagsOf(node, 'from');
      const instr: FromInstr = make<FromInstr>(node, f.list, 'FROM', {image: args[0]});
      if (stageName !== undefined) instr.stageName = stageName;
      if (f.values.has('platform')) instr.platform = f.values.get('platform');
      return instr;
    }
    case 'env':
    case 'label': {
      const cmd = v.toUpperCase() as 'ENV' | 'LABEL';
      const f = flagsOf(node, v);
      const pairs = kvPairs(node, cmd);
      const instr: KeyValueInstr = make<KeyValueInstr>(node, f.list, cmd, {pairs, legacy: args[2] === ''});
      return instr;
    }
    case 'maintainer': {
      if (args.length !== 1) exactlyOne('MAINTAINER');
      const f = flagsOf(node, v);
      return make<MaintainerInstr>(node, f.list, 'MAINTAINER', {name: args[0]});
    }
    case 'add':
    case 'copy': {
      const cmd = v.toUpperCase() as 'ADD' | 'COPY';
      if (args.length < 2) noDestination(cmd);
      const f = flagsOf(node, v);
      const dest = args[args.length - 1];
      if (heredocWord(dest)) fail(`${cmd} cannot accept a heredoc as a destination`, 'dockerfile.heredoc');
      // Sources written as <<NAME are inline files (heredocs), not paths.
      const sources: string[] = [];
      const inline: Heredoc[] = [];
      const bodies = heredocsOf(node);
      for (const src of args.slice(0, -1)) {
        const h = heredocWord(src);
        if (!h) sources.push(src);
        else {
          const body = bodies.find((b) => b.name === h.name);
          inline.push({ name: h.name, content: body?.content ?? '', expand: h.expand, ...(h.fd ? { fd: h.fd } : {}) });
        }
      }
      const instr = make<CopyInstr>(node, f.list, cmd, {
        form: node.json ? 'exec' : 'shell',
        sources,
        dest,
        link: f.values.get('link') === 'true',
        parents: f.values.get('parents') === 'true',
        exclude: f.all.get('exclude') ?? [],
        heredocs: inline,
      });
      const from = f.values.get('from');
      if (from !== undefined) instr.from = from;
      if (f.values.has('chown')) instr.chown = f.values.get('chown');
      if (f.values.has('chmod')) instr.chmod = f.values.get('chmod');
      if (cmd === 'ADD') {
        if (f.values.has('checksum')) instr.checksum = f.values.get('checksum');
        if (f.values.has('keep-git-dir')) instr.keepGitDir = f.values.get('keep-git-dir') === 'true';
        if (f.values.has('unpack')) instr.unpack = f.values.get('unpack') === 'true';
      }
      return instr;
    }
    case 'onbuild': {
      if (!node.child) atLeastOne('ONBUILD');
      const f = flagsOf(node, v);
      const trigger = node.child!.value.toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = trimSpace(node.original).replace(/^\s*ONBUILD\s*/i, '');
      for (const h of node.heredocs) expression += '\n' + h.content + h.name;
      const child: AstNode = { ...node.child!, heredocs: node.heredocs };
      return make<OnbuildInstr>(node, f.list, 'ONBUILD', {expression, trigger: parseInstruction(child)});
    }
    case 'workdir': {
      if (args.length !== 1) exactlyOne('WORKDIR');
      const f = flagsOf(node, v);
      return make<WorkdirInstr>(node, f.list, 'WORKDIR', {path: args[0]});
    }
    case 'run': {
      const f = flagsOf(node, v);
      const out = make<RunInstr>(node, f.list, 'RUN', {
        form: node.json ? 'exec' : 'shell',
        cmd: node.json ? args.slice() : args.length ? [args.join(' ')] : [],
        heredocs: heredocsOf(node),
        mounts: f.all.get('mount') ?? [],
      });
      const network = f.values.get('network');
      if (network !== undefined) {
        if (!['default', 'none', 'host'].includes(network)) fail(`invalid network mode ${goQuote(network)}`, 'dockerfile.flag');
        out.network = network;
      }
      const security = f.values.get('security');
      if (security !== undefined) {
        if (security !== 'insecure' && security !== 'sandbox') fail(`security ${goQuote(security)} is not valid`, 'dockerfile.flag');
        out.security = security;
      }
      for (const m of out.mounts) {
        const e = checkMountAtParse(m);
        if (e) fail(e, 'dockerfile.flag');
      }
      return out;
    }
    case 'cmd':
    case 'entrypoint': {
      const f = flagsOf(node, v);
      return make<CmdInstr>(node, f.list, v.toUpperCase() as 'CMD' | 'ENTRYPOINT', {
        form: node.json ? 'exec' : 'shell',
        cmd: node.json ? args.slice() : args.length ? [args.join(' ')] : [],
      });
    }
    case 'expose': {
      if (args.length === 0) atLeastOne('EXPOSE');
      const f = flagsOf(node, v);
      return make<ExposeInstr>(node, f.list, 'EXPOSE', {ports: args.slice().sort()});
    }
    case 'user': {
      if (args.length !== 1) exactlyOne('USER');
      const f = flagsOf(node, v);
      return make<UserInstr>(node, f.list, 'USER', {user: args[0]});
    }
    case 'volume': {
      if (args.length === 0) atLeastOne('VOLUME');
      const f = flagsOf(node, v);
      const paths = args.map((p) => trimSpace(p));
      if (paths.some((p) => p === '')) fail('VOLUME specified can not be an empty string', 'dockerfile.args');
      return make<VolumeInstr>(node, f.list, 'VOLUME', {paths});
    }
    case 'stopsignal': {
      if (args.length !== 1) exactlyOne('STOPSIGNAL');
      return make<StopsignalInstr>(node, rawFlags(node), 'STOPSIGNAL', {signal: args[0]});
    }
    case 'arg': {
      if (args.length < 1) atLeastOne('ARG');
      const list: ArgInstr['args'] = args.map((a) => {
        const eq = a.indexOf('=');
        if (eq < 0) return { key: a };
        if (eq === 0) fail('ARG names can not be blank', 'dockerfile.args');
        return { key: a.slice(0, eq), value: a.slice(eq + 1) };
      });
      return make<ArgInstr>(node, rawFlags(node), 'ARG', {args: list});
    }
    case 'shell': {
      const f = flagsOf(node, v);
      if (args.length === 0) atLeastOne('SHELL');
      if (!node.json) fail(errNotJSON('SHELL', node.original), 'dockerfile.shell-not-json');
      return make<ShellInstr>(node, f.list, 'SHELL', {shell: args.slice()});
    }
    case 'healthcheck': {
      if (args.length === 0) atLeastOne('HEALTHCHECK');
      const typ = args[0].toUpperCase();
      const rest = args.slice(1);
      if (typ === 'NONE') {
        if (rest.length) fail('HEALTHCHECK NONE takes no arguments', 'dockerfile.args');
        return make<HealthcheckInstr>(node, rawFlags(node), 'HEALTHCHECK', {test: ['NONE']});
      }
      const f = flagsOf(node, v);
      if (typ !== 'CMD') fail(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`, 'dockerfile.healthcheck');
      const cmd = node.json ? rest : rest.length ? [rest.join(' ')] : [];
      if (cmd.length === 0) fail('Missing command after HEALTHCHECK CMD', 'dockerfile.healthcheck');
      const instr = make<HealthcheckInstr>(node, f.list, 'HEALTHCHECK', { test: [node.json ? 'CMD' : 'CMD-SHELL', ...cmd] });
      const dur = (name: string, key: 'interval' | 'timeout' | 'startPeriod' | 'startInterval') => {
        const s = f.values.get(name);
        if (s === undefined || s === '') return;
        const ms = parseGoDuration(s);
        if (ms === null) fail(`time: invalid duration ${goQuote(s)}`, 'dockerfile.healthcheck');
        if (ms! !== 0 && ms! < 1) fail(`Interval ${goQuote(name)} cannot be less than 1ms`, 'dockerfile.healthcheck');
        instr[key] = s;
      };
      dur('interval', 'interval');
      dur('timeout', 'timeout');
      dur('start-period', 'startPeriod');
      dur('start-interval', 'startInterval');
      const r = f.values.get('retries');
      if (r !== undefined && r !== '') {
        if (!/^[+-]?\d+$/.test(r) || Math.abs(parseInt(r, 10)) > 2147483647) {
          fail(`strconv.ParseInt: parsing ${goQuote(r)}: ${/^[+-]?\d+$/.test(r) ? 'value out of range' : 'invalid syntax'}`, 'dockerfile.healthcheck');
        }
        const n = parseInt(r, 10);
        if (n < 0) fail(`--retries cannot be negative (${n})`, 'dockerfile.healthcheck');
        instr.retries = n;
      }
      return instr;
    }
    default:
      return fail(
        withSuggestion(`unknown instruction: ${node.keyword}`, node.keyword, INSTRUCTION_NAMES, false),
        'dockerfile.unknown-instruction',
      );
  }
}

function heredocWord(word: string): ReturnType<typeof parseHeredocWord> {
  try {
    return parseHeredocWord(word);
  } catch {
    return null;
  }
}

export interface ValidateResult {
  dockerfile: Dockerfile | null;
  error: EngineError | null;
}

function lineRange(node: AstNode): SourceRange {
  return node.range;
}

/** Turns the AST into stages (or the first validation error, in Docker's words). */
export function validateAst(ast: AstRoot): ValidateResult {
  const metaArgs: ArgInstr[] = [];
  const stages: Stage[] = [];
  for (const node of ast.children) {
    let instr: Instruction;
    try {
      instr = parseInstruction(node);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return {
        dockerfile: null,
        error: { code: e.code, message: `dockerfile parse error on line ${node.startLine}: ${e.message}`, range: lineRange(node), file: 'Dockerfile' },
      };
    }
    if (stages.length === 0 && instr.kind === 'ARG') {
      metaArgs.push(instr as ArgInstr);
      continue;
    }
    if (instr.kind === 'FROM') {
      const from = instr as FromInstr;
      const stage: Stage = { index: stages.length, from, instructions: [] };
      if (from.stageName !== undefined) stage.name = from.stageName;
      stages.push(stage);
      continue;
    }
    if (stages.length === 0) {
      return {
        dockerfile: null,
        error: { code: 'dockerfile.no-stage', message: 'no build stage in current context', range: lineRange(node), file: 'Dockerfile' },
      };
    }
    stages[stages.length - 1].instructions.push(instr);
  }
  return {
    dockerfile: {
      metaArgs,
      stages,
      escape: ast.escape,
      directives: ast.directives.map((d) => ({ name: d.name, value: d.value })),
      warnings: ast.warnings.slice(),
    },
    error: null,
  };
}

