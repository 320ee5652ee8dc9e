/**
 * `docker compose config`: the project in Compose's canonical form, as v2 prints it (compose-go's types marshalled
 * in their field order, maps sorted by key, defaults filled: build context made absolute, long-form ports and
 * volumes, depends_on with its condition, the implicit `default` network and engine names of networks/volumes).
 */
import { stringify } from 'yaml';
import type { ComposeProject, ServiceConfig } from './model';
import { serviceImage } from './plan';

type Obj = Record<string, unknown>;

const sortedMap = <T>(m: Record<string, T>, f: (v: T, k: string) => unknown): Obj =>
  Object.fromEntries(Object.keys(m).sort().map((k) => [k, f(m[k], k)]));

function service(s: ServiceConfig): Obj {
  const o: Obj = {};
  if (s.build) {
    o.build = {
      context: s.build.context,
      dockerfile: s.build.dockerfile,
      ...(Object.keys(s.build.args).length ? { args: sortedMap(s.build.args, (v) => v) } : {}),
      ...(s.build.target ? { target: s.build.target } : {}),
    };
  }
  if (s.command) o.command = s.command;
  if (s.containerName) o.container_name = s.containerName;
  if (Object.keys(s.dependsOn).length) {
    o.depends_on = sortedMap(s.dependsOn, (d) => ({ condition: d.condition, ...(d.restart ? { restart: true } : {}), required: d.required }));
  }
  if (s.entrypoint) o.entrypoint = s.entrypoint;
  if (Object.keys(s.environment).length) o.environment = sortedMap(s.environment, (v) => v);
  if (s.expose.length) o.expose = s.expose;
  if (s.hostname) o.hostname = s.hostname;
  if (s.healthcheck) {
    const h = s.healthcheck;
    o.healthcheck = {
      ...(h.test.length ? { test: h.test } : {}),
      ...(h.timeout ? { timeout: h.timeout } : {}),
      ...(h.interval ? { interval: h.interval } : {}),
      ...(h.retries !== undefined ? { retries: h.retries } : {}),
      ...(h.startPeriod ? { start_period: h.startPeriod } : {}),
      ...(h.disable ? { disable: true } : {}),
    };
  }
  if (s.image) o.image = s.image;
  if (Object.keys(s.labels).length) o.labels = sortedMap(s.labels, (v) => v);
  if (s.networkMode) o.network_mode = s.networkMode;
  if (Object.keys(s.networks).length) o.networks = sortedMap(s.networks, (n) => (n?.aliases ? { aliases: n.aliases } : null));
  if (s.ports.length) {
    o.ports = s.ports.map((p) => ({
      mode: p.mode,
      ...(p.hostIp ? { host_ip: p.hostIp } : {}),
      target: p.target,
      ...(p.published ? { published: p.published } : {}),
      protocol: p.protocol,
    }));
  }
  if (s.pullPolicy) o.pull_policy = s.pullPolicy;
  if (s.restart) o.restart = s.restart;
  if (s.stdinOpen) o.stdin_open = true;
  if (s.stopGracePeriod) o.stop_grace_period = s.stopGracePeriod;
  if (s.stopSignal) o.stop_signal = s.stopSignal;
  if (s.tty) o.tty = true;
  if (s.user) o.user = s.user;
  if (s.volumes.length) {
    o.volumes = s.volumes.map((v) => ({
      type: v.type,
      ...(v.source ? { source: v.source } : {}),
      target: v.target,
      ...(v.readOnly ? { read_only: true } : {}),
      ...(v.type === 'bind' ? { bind: { create_host_path: true } } : v.type === 'volume' ? { volume: {} } : {}),
    }));
  }
  if (s.workingDir) o.working_dir = s.workingDir;
  return o;
}

/** The canonical model as a plain object (what `--format json` prints). */
export function canonical(project: ComposeProject, only?: string[]): Obj {
  const services = only?.length ? Object.fromEntries(Object.entries(project.services).filter(([n]) => only.includes(n))) : project.services;
  const top: Obj = { name: project.name, services: sortedMap(services, service) };
  const res = (m: Record<string, { name: string; driver?: string; external: boolean; labels: Record<string, string> }>) =>
    sortedMap(m, (n) => ({
      name: n.name,
      ...(n.driver ? { driver: n.driver } : {}),
      ...(n.external ? { external: true } : {}),
      ...(Object.keys(n.labels).length ? { labels: sortedMap(n.labels, (v) => v) } : {}),
    }));
  if (Object.keys(project.networks).length) top.networks = res(project.networks);
  if (Object.keys(project.volumes).length) top.volumes = res(project.volumes);
  return top;
}

export function configYaml(project: ComposeProject, only?: string[]): string {
  return stringify(canonical(project, only), { indent: 2, indentSeq: true, lineWidth: 0, nullStr: 'null' });
}

export function configJson(project: ComposeProject, only?: string[]): string {
  return `${JSON.stringify(canonical(project, only), null, 2)}\n`;
}

/** `config --images`: one image per service, sorted by service. */
export function configImages(project: ComposeProject): string[] {
  return Object.keys(project.services).sort().map((n) => serviceImage(project, project.services[n]));
}
