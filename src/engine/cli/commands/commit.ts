/** `docker commit` / `docker container commit`: the writable layer becomes a new image layer (prints sha256:…). */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { parseReference } from '../../images/reference';
import type { ContainerConfig } from '../../images/config';

/** Applies `-c` Dockerfile instructions (CMD, ENTRYPOINT, ENV, WORKDIR, EXPOSE, LABEL, USER, STOPSIGNAL). */
export function applyChanges(base: ContainerConfig, changes: string[]): { ok: true; config: Partial<ContainerConfig> } | { ok: false; error: string } {
  const cfg: Partial<ContainerConfig> = {};
  const env = [...(base.Env ?? [])];
  let envChanged = false;
  const cmdForm = (rest: string): string[] => {
    const t = rest.trim();
    if (t.startsWith('[')) {
      try {
        const a = JSON.parse(t);
        if (Array.isArray(a) && a.every((x) => typeof x === 'string')) return a;
      } catch {
        // shell form
      }
    }
    return ['/bin/sh', '-c', t];
  };
  for (const ch of changes) {
    const m = /^\s*(\w+)\s*(.*)$/s.exec(ch);
    if (!m) continue;
    const word = m[1].toUpperCase();
    const rest = m[2];
    switch (word) {
      case 'CMD':
        cfg.Cmd = cmdForm(rest);
        break;
      case 'ENTRYPOINT':
        cfg.Entrypoint = cmdForm(rest);
        break;
      case 'WORKDIR':
        cfg.WorkingDir = rest.trim();
        break;
      case 'USER':
        cfg.User = rest.trim();
        break;
      case 'STOPSIGNAL':
        cfg.StopSignal = rest.trim();
        break;
      case 'ENV': {
        const pairs = rest.includes('=') ? rest.match(/(\S+?)=("[^"]*"|\S*)/g) ?? [] : [rest.trim().replace(/\s+/, '=')];
        for (const p of pairs) {
          const eq = p.indexOf('=');
          const k = p.slice(0, eq);
          const v = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
          const i = env.findIndex((e) => e.startsWith(k + '='));
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        envChanged = true;
        break;
      }
      case 'EXPOSE': {
        const ports = { ...(cfg.ExposedPorts ?? base.ExposedPorts ?? {}) };
        for (const p of rest.trim().split(/\s+/)) if (p) ports[p.includes('/') ? p : `${p}/tcp`] = {};
        cfg.ExposedPorts = ports;
        break;
      }
      case 'LABEL': {
        const labels = { ...(cfg.Labels ?? base.Labels ?? {}) };
        for (const p of rest.match(/(\S+?)=("[^"]*"|\S*)/g) ?? []) {
          const eq = p.indexOf('=');
          labels[p.slice(0, eq)] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
        }
        cfg.Labels = labels;
        break;
      }
      case 'VOLUME':
      case 'ONBUILD':
        break;
      default:
        return { ok: false, error: `${word.toLowerCase()} is not a valid change command` };
    }
  }
  if (envChanged) cfg.Env = env;
  return { ok: true, config: cfg };
}

export const commitCommand: CommandSpec = {
  path: ['container', 'commit'],
  aliases: [['commit']],
  usage: 'docker container commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  args: { min: 1, max: 2 },
  flags: [
    { name: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', short: 'p', type: 'bool', default: true, usage: 'Pause container during commit' },
  ],
  async run({ engine, io, flags, args }) {
    const store = engine.containers;
    await store.sync();
    if (args[1]) {
      const r = parseReference(args[1]);
      if (!r.ok || r.value.digest) return cliError(io, `Error parsing reference: "${args[1]}" is not a valid repository/tag: invalid reference format`);
    }
    const f = store.find(args[0]);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    const changes = applyChanges({ Env: c.config.Env, ExposedPorts: c.config.ExposedPorts, Labels: c.config.Labels }, flags.strings('change'));
    if (!changes.ok) return daemonError(io, changes.error);
    const r = store.commit(c.id, { repo: args[1], author: flags.string('author'), message: flags.string('message'), config: changes.config });
    if (!r.ok) return daemonError(io, r.error.message);
    io.stdout(`${r.value.id}\n`);
    return 0;
  },
};
