/** Projects as the engine knows them from Compose's container labels: `docker compose ls` (pkg/compose/ls.go). */
import type { BackendContainer, ComposeBackend } from './backend';
import type { ComposeProject } from './model';
import { LABEL } from './model';

export interface ProjectSummary {
  name: string;
  /** "running(2)", "exited(1), running(1)". */
  status: string;
  configFiles: string;
}

/** Every Compose project the engine has containers of (pkg/compose/ls.go: statuses counted and joined). */
export function listProjects(backend: ComposeBackend, all: boolean): ProjectSummary[] {
  const byProject = new Map<string, BackendContainer[]>();
  for (const c of backend.listContainers({}, true)) {
    const name = c.labels[LABEL.project];
    if (!name) continue;
    byProject.set(name, [...(byProject.get(name) ?? []), c]);
  }
  const out: ProjectSummary[] = [];
  for (const [name, cs] of [...byProject.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!all && !cs.some((c) => c.state === 'running')) continue;
    const counts = new Map<string, number>();
    for (const c of cs) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
    const status = [...counts.keys()].sort().map((k) => `${k}(${counts.get(k)})`).join(', ');
    const files = [...new Set(cs.map((c) => c.labels[LABEL.configFiles]).filter(Boolean))].join(',');
    out.push({ name, status, configFiles: files });
  }
  return out;
}

/**
 * A project known only by its containers (`docker compose -p demo down` with no Compose file at hand): one
 * service per `com.docker.compose.service` label, on the project's default network, as Compose rebuilds it.
 */
export function projectFromLabels(backend: ComposeBackend, name: string, cwd: string): ComposeProject {
  const services: ComposeProject['services'] = {};
  let files: string[] = [];
  let workingDir = cwd;
  for (const c of backend.listContainers({ [LABEL.project]: name }, true)) {
    const svc = c.labels[LABEL.service];
    if (!svc || services[svc]) continue;
    files = c.labels[LABEL.configFiles]?.split(',').filter(Boolean) ?? files;
    workingDir = c.labels[LABEL.workingDir] ?? workingDir;
    services[svc] = {
      name: svc, image: c.image, command: null, entrypoint: null, environment: {}, ports: [], expose: [], volumes: [],
      networks: { default: null }, dependsOn: {}, tty: false, stdinOpen: false, labels: {},
    };
  }
  return { name, workingDir, configFiles: files, services, networks: { default: { name: `${name}_default`, external: false, labels: {} } }, volumes: {}, environment: {} };
}
