/**
 * RUN: the command (shell form through the stage's SHELL, or exec form) with the step's environment, working
 * directory, user, mounts and heredocs; the files it writes become the layer.
 */
import type { RunInstr } from '../../dockerfile/index';
import { Layer } from '../../fs/layer';
import { dirNode, fileNode, symlinkNode, type FsNode } from '../../fs/node';
import { UnionFs } from '../../fs/union';
import { joinPath, normalizePath } from '../../fs/path';
import { canonicalJSON, DEFAULT_PATH } from '../../images/config';
import type { BuildRun } from '../builder';
import type { StepResult } from '../cache/rules';
import { runProcess } from './run-process';
import { DEFAULT_SHELL, sortedEnv, type LogLine, type StageState } from '../types';

export function runArgv(st: StageState, ins: RunInstr): string[] {
  if (ins.form === 'exec') return ins.cmd.slice();
  return [...(st.config.Shell ?? DEFAULT_SHELL), ins.cmd.join(' ')];
}

/** Declared ARGs with values that are not overridden by ENV (the `|N k=v` prefix and RUN's extra env). */
export function argEnv(run: BuildRun, st: StageState): Record<string, string> {
  const out: Record<string, string> = {};
  const env = new Set((st.config.Env ?? []).map((e) => e.split('=')[0]));
  for (const [k, v] of st.scope.args) if (!env.has(k) || run.rules.argsOverrideEnv) out[k] = v;
  return out;
}

/** The environment RUN's process gets: the stage's ENV plus the declared build args, as the builder exposes them. */
export function runEnv(run: BuildRun, st: StageState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of st.config.Env ?? []) {
    const eq = e.indexOf('=');
    env[eq < 0 ? e : e.slice(0, eq)] = eq < 0 ? '' : e.slice(eq + 1);
  }
  const snap = st.scope.snapshot();
  const over = run.rules.argsOverrideEnv;
  for (const k of st.scope.declaredArgs) if (snap[k] !== undefined && (over || env[k] === undefined)) env[k] = snap[k];
  if (over) for (const [k, v] of Object.entries(snap)) if (env[k] !== undefined) env[k] = v;
  if (!env.PATH) env.PATH = DEFAULT_PATH;
  return env;
}

export async function runInstruction(run: BuildRun, st: StageState, ins: RunInstr, idx: number): Promise<void> {
  const argv = runArgv(st, ins);
  const env = runEnv(run, st);
  const args = argEnv(run, st);
  const argNames = Object.keys(args).sort();
  const argPrefix = argNames.length ? `|${argNames.length} ${argNames.map((k) => `${k}=${args[k]}`).join(' ')} ` : '';
  const processText = argv.join(' ');
  await run.rules.step(st, ins, idx, {
    def: canonicalJSON({ run: argv, env: sortedEnv(env), cwd: run.workdir(st), user: st.config.User ?? '', mounts: ins.mounts, network: ins.network ?? '', security: ins.security ?? '', heredocs: ins.heredocs }),
    createdBy: `RUN ${argPrefix}${processText} # buildkit`,
    legacyCreatedBy: `${argPrefix}${processText}`,
    probe: argNames.length ? [`|${argNames.length}`, ...argNames.map((k) => `${k}=${args[k]}`), ...argv] : argv,
    container: true,
    ignoreCache: run.ignoreCache(st),
    env,
    exec: ({ hostname }) => execRun(run, st, ins, argv, env, hostname),
  });
}

/** BuildKit writes a heredoc script with a shebang here and runs it (a read-only mount, never in the layer). */
const HEREDOC_PIPES = '/dev/pipes';

/**
 * The process argv for a RUN with heredocs, as BuildKit's dockerfile2llb builds it: a command that is only one
 * heredoc runs its content (a script with a shebang is written to /dev/pipes and executed; otherwise the content
 * goes to the shell); any other command gets its heredocs' bodies appended for the shell to read.
 */
function heredocArgv(ins: RunInstr, argv: string[]): { argv: string[]; script?: { path: string; content: string } } {
  if (ins.form === 'exec' || !ins.heredocs.length) return { argv };
  const shell = argv.slice(0, -1);
  const text = ins.cmd.join(' ');
  const only = /^\s*<<-?\s*["']?([A-Za-z0-9_]+)["']?\s*$/.exec(text);
  const doc = only ? ins.heredocs.find((h) => h.name === only[1]) : undefined;
  if (doc) {
    if (doc.content.startsWith('#!')) {
      const path = joinPath(HEREDOC_PIPES, doc.name);
      return { argv: [path], script: { path, content: doc.content } };
    }
    return { argv: [...shell, doc.content] };
  }
  let full = text;
  for (const h of ins.heredocs) full += '\n' + h.content + h.name;
  return { argv: [...shell, full] };
}

async function execRun(run: BuildRun, st: StageState, ins: RunInstr, argv: string[], env: Record<string, string>, hostname: string): Promise<StepResult> {
  let now = run.now();
  const fs = new UnionFs(st.layers, new Layer(), () => now);
  const owner = run.resolveUser(st, fs, ins);
  const cwd = run.workdir(st);
  if (!fs.stat(cwd)) fs.mkdirp(cwd);
  // RUN --mount: cache/tmpfs/secret/bind mounts are visible while the command runs but never end up in the layer.
  const mounts = ins.mounts.map((m) => {
    const kv = Object.fromEntries(
      m.split(',').map((x) => {
        const eq = x.indexOf('=');
        return eq < 0 ? [x, 'true'] : [x.slice(0, eq), x.slice(eq + 1)];
      }),
    );
    const type = kv.type ?? 'bind';
    const target = kv.target ?? kv.dst ?? kv.destination ?? (type === 'secret' ? `/run/secrets/${kv.id ?? ''}` : '');
    return { type, target: target ? normalizePath(target, cwd) : '', source: kv.source ?? kv.src ?? '.', from: kv.from };
  });
  for (const m of mounts) {
    if (!m.target) continue;
    if (m.type === 'cache' || m.type === 'tmpfs') fs.mkdirp(m.target);
    else if (m.type === 'bind' && m.from === undefined && run.rules.buildkitFeatures) {
      const roots = run.ctx.match(m.source);
      for (const root of roots ?? []) {
        for (const f of run.ctx.under(root)) {
          const rel = root === '.' ? f.path : f.path === root ? '' : f.path.slice(root.length + 1);
          const e = f.entry;
          const node: FsNode = e.type === 'dir' ? dirNode({ mode: e.mode }) : e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
          fs.putNode(rel ? joinPath(m.target, rel) : m.target, node);
        }
      }
    }
  }
  const hd = heredocArgv(ins, argv);
  const hidden = mounts.filter((m) => m.target).map((m) => ({ target: m.target, keepDir: m.type === 'cache' || m.type === 'tmpfs' }));
  if (hd.script) {
    if (!fs.stat(HEREDOC_PIPES)) {
      fs.mkdirp(HEREDOC_PIPES);
      hidden.push({ target: HEREDOC_PIPES, keepDir: false });
    } else hidden.push({ target: hd.script.path, keepDir: false });
    fs.writeFile(hd.script.path, hd.script.content, { mode: 0o755 });
  }
  // The container starts ~150 ms into the step, as BuildKit's first log lines show; new files get that time.
  const startTime = run.now() + CONTAINER_START_MS;
  const seed = parseInt(run.sha(argv.join(' ') + '|' + st.key).slice(0, 8), 16);
  now = startTime;
  const p = await runProcess({ host: run.host.sandbox, argv: hd.argv, env, cwd, hostname, user: st.config.User ?? '', owner, fs, startTime, seed });
  for (const m of hidden) {
    for (const path of fs.upper.pathsUnder(m.target)) if (path !== m.target || !m.keepDir) fs.upper.delete(path);
  }
  const logs = toLines(p.output.map((e) => ({ stream: e.stream, text: e.text, t: e.time - startTime })), CONTAINER_START_MS);
  if (p.note) logs.push({ t: CONTAINER_START_MS + p.elapsedMs, text: p.note, stream: 'stderr' });
  return { exitCode: p.exitCode, command: argv.join(' '), layer: fs.upper, durationMs: CONTAINER_START_MS + p.elapsedMs, logs };
}

const CONTAINER_START_MS = 150;

/** Splits shell output chunks into log lines with their times (ms since the vertex start). */
function toLines(chunks: { stream: 'stdout' | 'stderr'; text: string; t: number }[], offset: number): LogLine[] {
  const out: LogLine[] = [];
  const pending: Record<string, { text: string; t: number }> = { stdout: { text: '', t: 0 }, stderr: { text: '', t: 0 } };
  for (const c of chunks) {
    const p = pending[c.stream];
    if (!p.text) p.t = c.t;
    p.text += c.text;
    let nl: number;
    while ((nl = p.text.indexOf('\n')) >= 0) {
      out.push({ t: offset + p.t, text: p.text.slice(0, nl), stream: c.stream });
      p.text = p.text.slice(nl + 1);
      p.t = c.t;
    }
  }
  for (const s of ['stdout', 'stderr'] as const) if (pending[s].text) out.push({ t: offset + pending[s].t, text: pending[s].text, stream: s });
  return out.sort((a, b) => a.t - b.t);
}
