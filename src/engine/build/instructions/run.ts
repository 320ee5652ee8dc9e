/**
 * RUN: the command (shell form through the stage's SHELL, or exec form) with the step's environment, working
 * directory, user, mounts and heredocs; the files it writes become the layer.
 */
import type { RunInstr } from '../../dockerfile/index';
import { dirNode, fileNode, symlinkNode, type FsNode } from '../../fs/node';
import { joinPath, normalizePath } from '../../fs/path';
import { canonicalJSON, DEFAULT_PATH } from '../../images/config';
import type { BuildRun } from '../builder';
import type { StepResult } from '../cache/rules';
import { Shell } from '../shell/interp';
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
    exec: async () => execRun(run, st, ins, argv, env),
  });
}

function execRun(run: BuildRun, st: StageState, ins: RunInstr, argv: string[], env: Record<string, string>): StepResult {
  const fs = st.fs();
  const user = run.resolveUser(st, fs, ins);
  const cwd = run.workdir(st);
  if (!fs.stat(cwd)) fs.mkdirp(cwd);
  // RUN --mount: cache/tmpfs/secret/bind mounts are visible while the command runs but never end up in the layer.
  const mounts = ins.mounts.map((m) => {
    const kv = Object.fromEntries(m.split(',').map((x) => {
      const eq = x.indexOf('=');
      return eq < 0 ? [x, 'true'] : [x.slice(0, eq), x.slice(eq + 1)];
    }));
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
  const heredocs = new Map(ins.heredocs.map((h) => [h.name, { content: h.content, expand: h.expand }]));
  const shell = new Shell({ fs, env, cwd, uid: user.uid, gid: user.gid, heredocs, seed: run.sha(argv.join(' ') + '|' + st.key), sha256: run.sha, now: run.now() });
  let code: number;
  if (ins.form === 'exec') code = shell.runArgv(argv);
  else {
    const text = ins.cmd.join(' ');
    const only = /^\s*<<-?\s*["']?([A-Za-z0-9_]+)["']?\s*$/.exec(text);
    const script = only ? ins.heredocs.find((h) => h.name === only[1])?.content ?? '' : null;
    if (script !== null && script.startsWith('#!') && !/\b(sh|bash|ash|dash)\b/.test(script.split('\n')[0])) {
      const interp = script.split('\n')[0].slice(2).trim().split(/\s+/);
      const prog = interp[0].endsWith('/env') ? interp.slice(1) : interp;
      code = shell.runArgv(prog);
    } else code = shell.runArgv([...argv.slice(0, -1), script ?? text]);
  }
  const logs = toLines(shell.chunks, 150);
  for (const m of mounts) {
    if (!m.target) continue;
    for (const p of fs.upper.pathsUnder(m.target)) if (p !== m.target || m.type === 'bind' || m.type === 'secret') fs.upper.delete(p);
  }
  return { exitCode: code, command: argv.join(' '), layer: fs.upper, durationMs: 150 + shell.elapsed, logs };
}
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
