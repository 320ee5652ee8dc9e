/** `docker image inspect` objects, with Docker's key order (API 1.50, graphdriver store). */
import type { ImageStore } from './store';
import { parseTime } from './time';

export function inspectImage(store: ImageStore, id: string): Record<string, unknown> | null {
  const rec = store.get(id);
  if (!rec) return null;
  const c = rec.config.config;
  const config: Record<string, unknown> = {};
  // Older API versions print the Go struct with empty fields; set fields always, optional ones when present.
  config.User = c.User ?? '';
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length) config.ExposedPorts = c.ExposedPorts;
  config.Env = c.Env ?? null;
  config.Entrypoint = c.Entrypoint ?? null;
  config.Cmd = c.Cmd ?? null;
  if (c.Volumes && Object.keys(c.Volumes).length) config.Volumes = c.Volumes;
  config.WorkingDir = c.WorkingDir ?? '';
  config.Labels = c.Labels && Object.keys(c.Labels).length ? c.Labels : null;
  if (c.StopSignal) config.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) config.ArgsEscaped = true;
  if (c.Healthcheck) config.Healthcheck = c.Healthcheck;
  config.OnBuild = c.OnBuild && c.OnBuild.length ? c.OnBuild : null;
  if (c.Shell) config.Shell = c.Shell;
  const out: Record<string, unknown> = {
    Id: rec.id,
    RepoTags: store.tagsOf(rec.id),
    RepoDigests: store.digestsOf(rec.id),
  };
  if (rec.parent) out.Parent = rec.parent;
  if (rec.config.comment) out.Comment = rec.config.comment;
  out.Created = rec.config.created;
  if (rec.config.author) out.Author = rec.config.author;
  out.Config = config;
  out.Architecture = rec.config.architecture;
  if (rec.config.variant) out.Variant = rec.config.variant;
  out.Os = rec.config.os;
  out.Size = store.size(rec.id);
  const chains = store.chainIds(rec.id).map((x) => x.slice(7));
  const top = chains[chains.length - 1] ?? rec.id.slice(7);
  out.GraphDriver = {
    Data: {
      LowerDir: chains.length > 1 ? chains.slice(0, -1).reverse().map((x) => `/var/lib/docker/overlay2/${x.slice(0, 25)}/diff`).join(':') : undefined,
      MergedDir: `/var/lib/docker/overlay2/${top.slice(0, 25)}/merged`,
      UpperDir: `/var/lib/docker/overlay2/${top.slice(0, 25)}/diff`,
      WorkDir: `/var/lib/docker/overlay2/${top.slice(0, 25)}/work`,
    },
    Name: 'overlay2',
  };
  out.RootFS = { Type: 'layers', Layers: [...rec.config.rootfs.diff_ids] };
  out.Metadata = { LastTagTime: rec.lastTagTime ?? '0001-01-01T00:00:00Z' };
  return out;
}

/** Docker's JSON output: 4-space indent, `<`, `>`, `&` escaped like Go's encoder. */
export function dockerJSON(v: unknown): string {
  return JSON.stringify(v, null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

export function createdMs(store: ImageStore, id: string): number {
  return parseTime(store.get(id)?.config.created);
}
