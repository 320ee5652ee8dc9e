/**
 * Typed Dockerfile instructions, grouped into stages: what validation produces from the AST and what the
 * builder consumes. Values are as written (before variable expansion) unless a field says otherwise;
 * the builder expands them with the shell lexer, in the scope of their stage.
 */
import type { SourceRange } from '../core/errors';

export interface Heredoc {
  /** Delimiter word without quotes ("EOF"). */
  name: string;
  /** Body lines joined with "\n", ending with "\n" (tabs stripped for <<-). */
  content: string;
  /** True when the delimiter was unquoted: the body is expanded. */
  expand: boolean;
  /** File descriptor number before <<, if any. */
  fd?: number;
}

interface Base {
  /** Upper-case keyword: "RUN". */
  kind: string;
  /** The keyword as written ("run", "Run", ...). */
  keyword: string;
  /** First and last physical line (1-based). */
  line: number;
  endLine: number;
  range: SourceRange;
  /** The logical line after continuation joining, trimmed: "RUN npm install" (what the legacy builder prints). */
  original: string;
  /** Flags as written, in order: [{ name: "from", value: "build" }]. Booleans have value "true" when bare. */
  flags: { name: string; value: string }[];
}

export type CommandForm = 'shell' | 'exec';

export interface FromInstr extends Base {
  kind: 'FROM';
  image: string;
  /** Lower-cased stage name from `AS name`. */
  stageName?: string;
  platform?: string;
}
export interface RunInstr extends Base {
  kind: 'RUN';
  form: CommandForm;
  /** Exec form: the array. Shell form: one element, the command text as written (continuations joined). */
  cmd: string[];
  heredocs: Heredoc[];
  mounts: string[];
  network?: string;
  security?: string;
}
export interface CopyInstr extends Base {
  kind: 'COPY' | 'ADD';
  form: CommandForm;
  /** Source paths as written. Sources written as `<<NAME` are inline files and are listed in `heredocs` instead. */
  sources: string[];
  dest: string;
  from?: string;
  chown?: string;
  chmod?: string;
  link: boolean;
  parents: boolean;
  exclude: string[];
  /** ADD only. */
  checksum?: string;
  keepGitDir?: boolean;
  unpack?: boolean;
  /** Inline files (`COPY <<EOF /dest`), in source order; `name` is the file name in the destination. */
  heredocs: Heredoc[];
}
export interface KeyValueInstr extends Base {
  kind: 'ENV' | 'LABEL';
  /** Raw values (quotes kept); expand and unquote at build time. */
  pairs: { key: string; value: string }[];
  /** `ENV key value` (no `=`) form. */
  legacy: boolean;
}
export interface ArgInstr extends Base {
  kind: 'ARG';
  args: { key: string; value?: string }[];
}
export interface CmdInstr extends Base {
  kind: 'CMD' | 'ENTRYPOINT';
  form: CommandForm;
  cmd: string[];
}
export interface ShellInstr extends Base {
  kind: 'SHELL';
  shell: string[];
}
export interface WorkdirInstr extends Base {
  kind: 'WORKDIR';
  path: string;
}
export interface UserInstr extends Base {
  kind: 'USER';
  user: string;
}
export interface ExposeInstr extends Base {
  kind: 'EXPOSE';
  ports: string[];
}
export interface VolumeInstr extends Base {
  kind: 'VOLUME';
  paths: string[];
}
export interface StopsignalInstr extends Base {
  kind: 'STOPSIGNAL';
  signal: string;
}
export interface MaintainerInstr extends Base {
  kind: 'MAINTAINER';
  name: string;
}
export interface HealthcheckInstr extends Base {
  kind: 'HEALTHCHECK';
  /** ["NONE"] or ["CMD-SHELL", cmd] or ["CMD", ...exec]. */
  test: string[];
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  startInterval?: string;
  retries?: number;
}
export interface OnbuildInstr extends Base {
  kind: 'ONBUILD';
  /** The trigger as stored in the image config: "RUN echo hi". */
  expression: string;
  trigger: Instruction;
}

export type Instruction =
  | FromInstr
  | RunInstr
  | CopyInstr
  | KeyValueInstr
  | ArgInstr
  | CmdInstr
  | ShellInstr
  | WorkdirInstr
  | UserInstr
  | ExposeInstr
  | VolumeInstr
  | StopsignalInstr
  | MaintainerInstr
  | HealthcheckInstr
  | OnbuildInstr;

export interface Stage {
  /** 0-based position. */
  index: number;
  /** Lower-cased `AS` name, if any. */
  name?: string;
  from: FromInstr;
  /** The instructions after FROM, in order. */
  instructions: Instruction[];
}

export interface Diagnostic {
  /** Stable id: a BuildKit check name ("JSONArgsRecommended") or one of ours. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** English text; for BuildKit checks, BuildKit's exact message. */
  message: string;
  range: SourceRange;
  /** Same as `code` for lint rules (added for clarity; optional for compatibility). */
  ruleId?: string;
  /** Who defines the rule: BuildKit's build checks, or a Layerlab teaching rule. */
  source?: 'buildkit' | 'layerlab' | 'parser';
  /** Korean message (UI); Docker's own output stays English. */
  messageKo?: string;
  /** Why it matters, in both languages (UI explanation). */
  why?: { en: string; ko: string };
  /** BuildKit documentation URL of the check. */
  url?: string;
  /** Id of the lesson that explains the concept (src/lessons). */
  lesson?: string;
  /** Optional quick fix: text edits on the Dockerfile source, applied together. */
  fix?: QuickFix;
  /** Several alternative quick fixes (the first is `fix`). */
  fixes?: QuickFix[];
}

/** A text edit: replace `range` (end exclusive; 1-based line/column) with `newText`. */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

export interface QuickFix {
  title: { en: string; ko: string };
  edits: TextEdit[];
}

export interface Dockerfile {
  /** ARGs before the first FROM. */
  metaArgs: ArgInstr[];
  stages: Stage[];
  /** The escape character in force ("\\" or "`"). */
  escape: string;
  directives: { name: string; value: string }[];
  /** Parser and validation warnings (e.g. NoEmptyContinuation); lint rules come separately. */
  warnings: Diagnostic[];
}
