/**
 * Metadata instructions (ENV LABEL ARG EXPOSE CMD ENTRYPOINT USER VOLUME STOPSIGNAL HEALTHCHECK SHELL MAINTAINER
 * ONBUILD): they change the stage's config and add a history entry; the cache rules decide whether that is a
 * step (legacy) or not (BuildKit).
 */
import { goQuoteSlice as goQuoteList } from '../../core/format';
import type { Instruction } from '../../dockerfile/index';
import type { BuildRun } from '../builder';
import type { MetadataTexts } from '../cache/rules';
import { DEFAULT_SHELL, type StageState } from '../types';

export async function metadataInstruction(run: BuildRun, st: StageState, ins: Instruction, idx: number): Promise<void> {
  await run.rules.metadata(st, ins, idx, applyMetadata(run, st, ins));
}

/** Applies a metadata instruction to the stage config; returns the history texts. */
export function applyMetadata(run: BuildRun, st: StageState, ins: Instruction): MetadataTexts {
  const c = st.config;
  const exp = (w: string) => {
    const r = st.scope.expand(w);
    if (!r.ok) run.fail(r.error.message, { range: ins.range });
    return r.value;
  };
  const shellOf = () => c.Shell ?? DEFAULT_SHELL;
  switch (ins.kind) {
    case 'ENV': {
      const r = st.scope.applyEnv(ins);
      if (!r.ok) run.fail(r.error.message, { range: ins.range });
      // The stage owns its config (images get copies or shared snapshots), so ENV, LABEL, EXPOSE, VOLUME and
      // ONBUILD update it in place: a Dockerfile of thousands of them stays linear.
      const env = (c.Env ??= []);
      for (const { key, value } of r.value) envSetInPlace(st, env, key, value);
      const text = 'ENV ' + r.value.map((x) => `${x.key}=${x.value}`).join(' ');
      return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
    }
    case 'LABEL': {
      const r = st.scope.expandPairs(ins);
      if (!r.ok) run.fail(r.error.message, { range: ins.range });
      const labels = (c.Labels ??= {});
      for (const { key, value } of r.value) labels[key] = value;
      const text = 'LABEL ' + r.value.map((x) => `${x.key}=${x.value}`).join(' ');
      return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
    }
    case 'ARG': {
      const r = st.scope.applyArg(ins);
      if (!r.ok) run.fail(r.error.message, { range: ins.range });
      for (const a of r.value) run.usedArgs.add(a.key);
      const text = 'ARG ' + r.value.map((a) => (a.value !== undefined ? `${a.key}=${a.value}` : a.key)).join(' ');
      const legacyText = 'ARG ' + ins.args.map((a) => (a.value !== undefined ? `${a.key}=${a.value}` : a.key)).join(' ');
      return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${legacyText}`, legacyText };
    }
    case 'EXPOSE': {
      c.ExposedPorts ??= {};
      const ports: string[] = [];
      for (const p of ins.ports) {
        for (const word of exp(p).split(/\s+/).filter(Boolean)) {
          const port = word.includes('/') ? word.toLowerCase() : word + '/tcp';
          c.ExposedPorts[port] = {};
          ports.push(port);
        }
      }
      return { createdBy: `EXPOSE [${ports.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  EXPOSE ${ins.ports.join(' ')}`, legacyText: `EXPOSE ${ins.ports.join(' ')}` };
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const cmd = ins.form === 'exec' ? ins.cmd : [...shellOf(), ins.cmd.join(' ')];
      if (ins.kind === 'CMD') {
        c.Cmd = cmd;
        st.cmdSet = true;
      } else {
        c.Entrypoint = cmd;
        if (!st.cmdSet) c.Cmd = null;
      }
      const text = `${ins.kind} ${goQuoteList(cmd)}`;
      return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
    }
    case 'USER': {
      c.User = exp(ins.user);
      return { createdBy: `USER ${c.User}`, legacyCreatedBy: `/bin/sh -c #(nop)  USER ${c.User}`, legacyText: `USER ${c.User}` };
    }
    case 'VOLUME': {
      c.Volumes ??= {};
      const vols = ins.paths.map(exp);
      for (const v of vols) {
        if (!v) run.fail('VOLUME specified can not be an empty string', { range: ins.range });
        c.Volumes[v] = {};
      }
      return { createdBy: `VOLUME [${vols.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  VOLUME [${vols.join(' ')}]`, legacyText: `VOLUME [${vols.join(' ')}]` };
    }
    case 'STOPSIGNAL': {
      c.StopSignal = exp(ins.signal);
      return { createdBy: `STOPSIGNAL ${c.StopSignal}`, legacyCreatedBy: `/bin/sh -c #(nop)  STOPSIGNAL ${c.StopSignal}`, legacyText: `STOPSIGNAL ${c.StopSignal}` };
    }
    case 'SHELL': {
      c.Shell = ins.shell.slice();
      return { createdBy: `SHELL [${ins.shell.join(' ')}]`, legacyCreatedBy: `/bin/sh -c #(nop)  SHELL [${ins.shell.join(' ')}]`, legacyText: `SHELL [${ins.shell.join(' ')}]` };
    }
    case 'HEALTHCHECK': {
      if (ins.test[0] === 'NONE') c.Healthcheck = { Test: ['NONE'] };
      else {
        c.Healthcheck = { Test: ins.test.slice() };
        const d = (s?: string) => (s ? parseDurationNs(s) : undefined);
        if (ins.interval) c.Healthcheck.Interval = d(ins.interval);
        if (ins.timeout) c.Healthcheck.Timeout = d(ins.timeout);
        if (ins.startPeriod) c.Healthcheck.StartPeriod = d(ins.startPeriod);
        if (ins.startInterval) c.Healthcheck.StartInterval = d(ins.startInterval);
        if (ins.retries !== undefined) c.Healthcheck.Retries = ins.retries;
      }
      const h = c.Healthcheck;
      const text = `HEALTHCHECK &{[${h.Test.join(' ')}] "${fmtDur(h.Interval)}" "${fmtDur(h.Timeout)}" "${fmtDur(h.StartPeriod)}" "${fmtDur(h.StartInterval)}" '\\x${(h.Retries ?? 0).toString(16).padStart(2, '0')}'}`;
      return { createdBy: text, legacyCreatedBy: `/bin/sh -c #(nop)  ${text}`, legacyText: text };
    }
    case 'MAINTAINER': {
      return { createdBy: `MAINTAINER ${ins.name}`, legacyCreatedBy: `/bin/sh -c #(nop)  MAINTAINER ${ins.name}`, legacyText: `MAINTAINER ${ins.name}` };
    }
    case 'ONBUILD': {
      (c.OnBuild ??= []).push(ins.expression);
      return { createdBy: null, legacyCreatedBy: `/bin/sh -c #(nop)  ONBUILD ${ins.expression}`, legacyText: `ONBUILD ${ins.expression}` };
    }
  }
  return { createdBy: ins.original, legacyCreatedBy: `/bin/sh -c #(nop)  ${ins.original}`, legacyText: ins.original };
}
/** Sets `KEY=value` in the stage's Env list in place of an existing entry (keeps order), or appends. */
function envSetInPlace(st: StageState, env: string[], key: string, value: string): void {
  let idx = st.envIndex;
  // Rebuilt when the list is another one or was changed by someone else.
  if (!idx || idx.env !== env || idx.length !== env.length) {
    const at = new Map<string, number>();
    for (let i = 0; i < env.length; i++) {
      const eq = env[i].indexOf('=');
      at.set(eq < 0 ? env[i] : env[i].slice(0, eq), i);
    }
    st.envIndex = idx = { env, length: env.length, at };
  }
  const i = idx.at.get(key);
  if (i !== undefined) env[i] = `${key}=${value}`;
  else {
    idx.at.set(key, env.length);
    env.push(`${key}=${value}`);
    idx.length = env.length;
  }
}

function parseDurationNs(s: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  const mult: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  while ((m = re.exec(s))) total += parseFloat(m[1]) * mult[m[2]];
  return Math.round(total);
}
function fmtDur(ns?: number): string {
  if (!ns) return '0s';
  const s = ns / 1e9;
  if (s >= 60 && s % 60 === 0) return `${s / 60}m0s`;
  return `${s}s`;
}
