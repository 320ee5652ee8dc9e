/**
 * The Compose operations against the in-memory backend: order of work, names and labels, recreation, progress
 * lines as Compose prints them in plain mode, and the errors of dependency conditions.
 */
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { loadProject } from './load';
import { MemoryBackend } from './memory-backend';
import * as compose from './project';
import * as oneoff from './oneoff';
import { listProjects } from './ls';

const CWD = '/srv/app';

async function setup(yaml: string, backend = new MemoryBackend()) {
  const r = await loadProject({ context: memoryContext({ 'compose.yaml': yaml }), files: [], env: {}, cwd: CWD });
  if (!r.ok) throw new Error(r.error.message);
  const io = bufferIO();
  const s: compose.Session = { backend, io, progress: 'plain', color: false, cwd: CWD };
  return { p: r.value.project, s, io, backend };
}

const UP: compose.UpOptions = {
  services: [], detach: true, build: false, noBuild: false, pull: 'missing', forceRecreate: false, noRecreate: false, noStart: false,
  removeOrphans: false, noDeps: false, noLogPrefix: false, timestamps: false, abortOnContainerExit: false, wait: false,
};

const APP = `services:
  web:
    build:
      context: ./web
      args: { NODE_ENV: production }
      target: runtime
    ports: ["8080:3000"]
    depends_on:
      db:
        condition: service_healthy
    volumes: [data:/srv/data]
  db:
    image: postgres
    healthcheck:
      test: pg_isready
      interval: 2s
volumes:
  data:
`;

describe('docker compose up -d', () => {
  it('pulls, builds, creates the network and volume, then starts dependencies first', async () => {
    const { p, s, io, backend } = await setup(APP);
    expect(await compose.up(s, p, UP)).toBe(0);
    expect(backend.calls).toEqual([
      'pull postgres',
      'build app-web web web/Dockerfile target=runtime args={"NODE_ENV":"production"}',
      'network create app_default',
      'volume create app_data',
      'create app-db-1',
      'create app-web-1',
      'start app-db-1',
      'start app-web-1',
    ]);
    expect(io.err).toBe(
      [
        ' db Pulling ',
        ' db Pulled ',
        '#0 building app-web',
        ' Service web  Built',
        ' Network app_default  Creating',
        ' Network app_default  Created',
        ' Volume app_data  Creating',
        ' Volume app_data  Created',
        ' Container app-db-1  Creating',
        ' Container app-db-1  Created',
        ' Container app-web-1  Creating',
        ' Container app-web-1  Created',
        ' Container app-db-1  Starting',
        ' Container app-db-1  Started',
        ' Container app-db-1  Waiting',
        ' Container app-db-1  Healthy',
        ' Container app-web-1  Starting',
        ' Container app-web-1  Started',
        '',
      ].join('\n'),
    );
  });

  it('labels containers as Compose does and joins the project network under the service name', async () => {
    const { p, s, backend } = await setup(APP);
    await compose.up(s, p, UP);
    const web = [...backend.containers.values()].find((c) => c.name === 'app-web-1')!;
    expect(web.labels).toMatchObject({
      'com.docker.compose.project': 'app',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': CWD,
      'com.docker.compose.project.config_files': `${CWD}/compose.yaml`,
      'com.docker.compose.depends_on': 'db:service_healthy:false',
    });
    expect(web.spec).toMatchObject({ image: 'app-web', network: 'app_default', networkAliases: ['web'], publish: ['8080:3000/tcp'], mounts: [{ type: 'volume', source: 'app_data', target: '/srv/data' }] });
    const db = [...backend.containers.values()].find((c) => c.name === 'app-db-1')!;
    expect(db.spec.healthcheck).toEqual({ test: ['CMD-SHELL', 'pg_isready'], interval: 2e9, timeout: undefined, retries: undefined, startPeriod: undefined });
  });

  it('keeps running containers on a second up and recreates one whose configuration changed', async () => {
    const first = await setup('services:\n  web:\n    image: nginx\n');
    await compose.up(first.s, first.p, UP);
    first.io.err = '';
    expect(await compose.up(first.s, first.p, UP)).toBe(0);
    expect(first.io.err).toBe(' Container app-web-1  Running\n');
    const changed = await setup('services:\n  web:\n    image: nginx\n    environment: [MODE=prod]\n', first.backend);
    expect(await compose.up(changed.s, changed.p, UP)).toBe(0);
    expect(changed.io.err).toBe(
      ' Container app-web-1  Recreate\n Container app-web-1  Recreated\n Container app-web-1  Starting\n Container app-web-1  Started\n',
    );
    expect([...first.backend.containers.values()].map((c) => c.spec.env)).toEqual([['MODE=prod']]);
  });

  it('stops when a dependency is unhealthy, or exits with an error before completing', async () => {
    const sick = new MemoryBackend();
    sick.programs.postgres = { health: 'unhealthy' };
    const a = await setup(APP, sick);
    expect(await compose.up(a.s, a.p, UP)).toBe(1);
    expect(a.io.err).toContain(' Container app-db-1  Error\n');
    expect(a.io.err.endsWith('dependency failed to start: container app-db-1 is unhealthy\n')).toBe(true);
    // Both containers were created before the start phase waited on the database, as Compose does.
    expect([...sick.containers.values()].map((c) => [c.name, c.state])).toEqual([
      ['app-db-1', 'running'],
      ['app-web-1', 'created'],
    ]);

    const failing = new MemoryBackend();
    failing.programs.busybox = { exitCode: 3 };
    const b = await setup('services:\n  migrate:\n    image: busybox\n  web:\n    image: nginx\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n', failing);
    expect(await compose.up(b.s, b.p, UP)).toBe(1);
    expect(b.io.err.endsWith('service "migrate" didn\'t complete successfully: exit 3\n')).toBe(true);
  });

  it('says once that networks and volumes are not simulated when the engine has neither', async () => {
    const backend = new MemoryBackend();
    backend.features = { networks: false, volumes: false, healthchecks: true };
    const { p, s, io } = await setup('services:\n  web:\n    image: nginx\n    volumes: [data:/d]\nvolumes:\n  data:\n', backend);
    expect(await compose.up(s, p, UP)).toBe(0);
    expect(io.err).toContain('layerlab: networks are not simulated yet; the containers join the default bridge network\n');
    expect(io.err).toContain('layerlab: volumes and mounts are not simulated yet; the containers run without them\n');
    expect(backend.calls).not.toContain('network create app_default');
    const web = [...backend.containers.values()][0];
    expect(web.spec.network).toBeUndefined();
    expect(web.spec.mounts).toEqual([]);
  });

  it('rejects an unknown service', async () => {
    const { p, s, io } = await setup('services:\n  web:\n    image: nginx\n');
    expect(await compose.up(s, p, { ...UP, services: ['api'] })).toBe(1);
    expect(io.err).toBe('no such service: api\n');
  });
});

describe('attached up, logs and down', () => {
  it('streams prefixed output and reports exits', async () => {
    const backend = new MemoryBackend();
    backend.programs.busybox = { output: ['hello', 'bye'], exitCode: 0 };
    const { p, s, io } = await setup('services:\n  job:\n    image: busybox\n  longer-name:\n    image: busybox\n', backend);
    expect(await compose.up(s, p, { ...UP, detach: false })).toBe(0);
    expect(io.out).toBe(
      'Attaching to job-1, longer-name-1\njob-1          | hello\njob-1          | bye\nlonger-name-1  | hello\nlonger-name-1  | bye\njob-1 exited with code 0\nlonger-name-1 exited with code 0\n',
    );
    io.out = '';
    expect(await compose.logs(s, p, { services: ['job'], follow: false, tail: '1', timestamps: false, noLogPrefix: false, stamp: String })).toBe(0);
    expect(io.out).toBe('job-1  | bye\n');
  });

  it('follows logs until Ctrl-C', async () => {
    const backend = new MemoryBackend();
    backend.programs.nginx = { output: ['ready'] };
    const { p, s, io } = await setup('services:\n  web:\n    image: nginx\n', backend);
    await compose.up(s, p, UP);
    const ctl = new AbortController();
    io.signal = ctl.signal;
    const following = compose.logs(s, p, { services: [], follow: true, tail: 'all', timestamps: false, noLogPrefix: false, stamp: String });
    ctl.abort();
    expect(await following).toBe(0);
    expect(io.out).toBe('web-1  | ready\n');
  });

  it('removes dependents first, then the network, and volumes only with -v', async () => {
    const { p, s, io, backend } = await setup(APP);
    await compose.up(s, p, UP);
    backend.calls = [];
    io.err = '';
    expect(await compose.down(s, p, { volumes: false, removeOrphans: false, rmi: '', services: [] })).toBe(0);
    expect(backend.calls).toEqual(['stop app-web-1', 'rm app-web-1', 'stop app-db-1', 'rm app-db-1', 'network rm app_default']);
    expect(io.err.split('\n').slice(0, 4)).toEqual([' Container app-web-1  Stopping', ' Container app-web-1  Stopped', ' Container app-web-1  Removing', ' Container app-web-1  Removed']);
    expect(backend.volumes.has('app_data')).toBe(true);
    await compose.down(s, p, { volumes: true, removeOrphans: false, rmi: 'local', services: [] });
    expect(backend.volumes.has('app_data')).toBe(false);
    expect(backend.calls.slice(-2)).toEqual(['volume rm app_data', 'rmi app-web']);
  });
});

describe('run, exec and ls', () => {
  it('runs a one-off container named <project>-<service>-run-<slug> after its dependencies', async () => {
    const backend = new MemoryBackend();
    backend.programs.busybox = { output: ['42'], exitCode: 0 };
    const { p, s, io } = await setup('services:\n  cache:\n    image: nginx\n  tool:\n    image: busybox\n    depends_on: [cache]\n', backend);
    const code = await oneoff.run(s, p, 'tool', ['echo', '42'], {
      detach: false, env: [], labels: [], rm: true, noDeps: false, publish: [], servicePorts: false, tty: false, interactive: false,
      quietPull: false, build: false, slug: '0123456789abcdef0123',
    });
    expect(code).toBe(0);
    expect(io.out).toBe('42\n');
    expect(backend.calls).toContain('create app-tool-run-0123456789ab');
    expect(backend.calls.indexOf('start app-cache-1')).toBeLessThan(backend.calls.indexOf('start app-tool-run-0123456789ab'));
    expect(backend.calls).toContain('rm app-tool-run-0123456789ab');
  });

  it('execs in the running container of a service, or says it is not running', async () => {
    const { p, s, io, backend } = await setup('services:\n  web:\n    image: nginx\n');
    const o = { detach: false, env: [], index: 0, tty: false, interactive: false };
    expect(await oneoff.exec(s, p, 'web', ['ls'], o)).toBe(1);
    expect(io.err).toBe('service "web" is not running\n');
    await compose.up(s, p, UP);
    expect(await oneoff.exec(s, p, 'web', ['ls', '/'], o)).toBe(0);
    expect(backend.calls).toContain('exec app-web-1 ls /');
  });

  it('lists projects with their combined status', async () => {
    const { p, s, backend } = await setup('services:\n  a:\n    image: nginx\n  b:\n    image: nginx\n');
    await compose.up(s, p, UP);
    await compose.stop(s, p, ['b']);
    expect(listProjects(backend, false)).toEqual([{ name: 'app', status: 'exited(1), running(1)', configFiles: `${CWD}/compose.yaml` }]);
  });
});

