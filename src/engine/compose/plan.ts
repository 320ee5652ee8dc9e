/**
 * What `up` must do, decided before doing it: services in dependency order (Compose starts dependencies first
 * and stops dependents first), container names (`<project>-<service>-<n>`, or `container_name`), the image each
 * service runs (`<project>-<service>` when built), and whether an existing container is kept or recreated
 * (its `com.docker.compose.config-hash` label differs from the service's hash).
 */
import { sha256Hex } from '../core/sha256';
import type { ComposeProject, ServiceConfig } from './model';
import { LABEL } from './model';
import type { BackendContainer } from './backend';

/** Services ordered so that every service comes after what it depends on (ties by name, as a stable order). */
export function dependencyOrder(project: ComposeProject, only?: string[]): ServiceConfig[] {
  const wanted = new Set<string>();
  const add = (n: string) => {
    if (wanted.has(n) || !project.services[n]) return;
    wanted.add(n);
    for (const d of Object.keys(project.services[n].dependsOn)) add(d);
  };
  for (const n of only?.length ? only : Object.keys(project.services)) add(n);
  const out: ServiceConfig[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || !wanted.has(n)) return;
    seen.add(n);
    for (const d of Object.keys(project.services[n].dependsOn).sort()) visit(d);
    out.push(project.services[n]);
  };
  for (const n of [...wanted].sort()) visit(n);
  return out;
}

/** The image a service runs: its `image:`, else `<project>-<service>` (what Compose tags a build as). */
export function serviceImage(project: ComposeProject, s: ServiceConfig): string {
  return s.image ?? `${project.name}-${s.name}`;
}

export function containerName(project: ComposeProject, s: ServiceConfig, n: number): string {
  return s.containerName ?? `${project.name}-${s.name}-${n}`;
}

/** A stable digest of what the container is made from: a change means "Recreate". */
export function configHash(s: ServiceConfig): string {
  const { range: _range, ...rest } = s;
  void _range;
  return sha256Hex(JSON.stringify(rest));
}

export type ContainerAction = { kind: 'create'; number: number } | { kind: 'keep'; container: BackendContainer } | { kind: 'recreate'; container: BackendContainer };

/** Per service: create the first container, keep the existing one, or recreate it (config changed or forced). */
export function planService(s: ServiceConfig, existing: BackendContainer[], o: { forceRecreate: boolean; noRecreate: boolean }): ContainerAction {
  const mine = existing.filter((c) => c.labels[LABEL.service] === s.name && c.labels[LABEL.oneoff] !== 'True');
  const c = mine.sort((a, b) => Number(a.labels[LABEL.number]) - Number(b.labels[LABEL.number]))[0];
  if (!c) return { kind: 'create', number: 1 };
  if (o.noRecreate) return { kind: 'keep', container: c };
  if (o.forceRecreate || c.labels[LABEL.configHash] !== configHash(s)) return { kind: 'recreate', container: c };
  return { kind: 'keep', container: c };
}

/** Parses a Compose duration ("1m30s", "10s", "500ms") into nanoseconds, as the Docker API wants it. */
export function durationNs(d: string | undefined): number | undefined {
  if (!d) return undefined;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g;
  let total = 0;
  let m: RegExpExecArray | null;
  const unit: Record<string, number> = { h: 3600e9, m: 60e9, s: 1e9, ms: 1e6, us: 1e3, µs: 1e3, ns: 1 };
  while ((m = re.exec(d))) total += Number(m[1]) * unit[m[2]];
  return Math.round(total);
}
