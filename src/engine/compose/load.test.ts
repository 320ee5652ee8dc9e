import { describe, expect, it } from 'vitest';
import { memoryContext } from '../core/host';
import { loadProject, normalizeProjectName } from './load';

const CWD = '/home/learner/My Shop';

function load(files: Record<string, string>, o: { files?: string[]; projectName?: string; env?: Record<string, string> } = {}) {
  return loadProject({ context: memoryContext(files), files: o.files ?? [], projectName: o.projectName, env: o.env ?? {}, cwd: CWD });
}

async function error(files: Record<string, string>, o: Parameters<typeof load>[1] = {}) {
  const r = await load(files, o);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('finding the Compose file', () => {
  it('prefers compose.yaml, then compose.yml, docker-compose.yml, docker-compose.yaml, and warns when several exist', async () => {
    const r = await load({ 'docker-compose.yaml': 'services: {a: {image: busybox}}', 'docker-compose.yml': 'services: {b: {image: busybox}}' });
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.project.services)).toEqual(['b']);
    expect(r.value.warnings).toEqual([
      `Found multiple config files with supported names: ${CWD}/docker-compose.yml, ${CWD}/docker-compose.yaml`,
      `Using ${CWD}/docker-compose.yml`,
    ]);
  });

  it('says Compose’s words when there is none, and for a missing -f file', async () => {
    expect((await error({ Dockerfile: 'FROM busybox' })).message).toBe('no configuration file provided: not found');
    expect((await error({}, { files: ['app.yml'] })).message).toBe(`open ${CWD}/app.yml: no such file or directory`);
  });
});

describe('the project name', () => {
  it('comes from the directory, normalised as compose-go does', async () => {
    expect(normalizeProjectName('My Shop')).toBe('myshop');
    expect(normalizeProjectName('_Demo.App-2')).toBe('demoapp-2');
    const r = await load({ 'compose.yaml': 'services: {web: {image: nginx}}' });
    expect(r.ok && r.value.project.name).toBe('myshop');
  });

  it('is taken from -p, then COMPOSE_PROJECT_NAME, then name:', async () => {
    const file = { 'compose.yaml': 'name: fromfile\nservices: {web: {image: nginx}}' };
    expect((await load(file)).ok && ((await load(file)) as { value: { project: { name: string } } }).value.project.name).toBe('fromfile');
    const env = await load(file, { env: { COMPOSE_PROJECT_NAME: 'fromenv' } });
    expect(env.ok && env.value.project.name).toBe('fromenv');
    const flag = await load(file, { projectName: 'fromflag', env: { COMPOSE_PROJECT_NAME: 'fromenv' } });
    expect(flag.ok && flag.value.project.name).toBe('fromflag');
  });

  it('reads COMPOSE_PROJECT_NAME from .env too', async () => {
    const r = await load({ '.env': 'COMPOSE_PROJECT_NAME=fromdotenv\n', 'compose.yaml': 'services: {web: {image: nginx}}' });
    expect(r.ok && r.value.project.name).toBe('fromdotenv');
  });

  it('rejects an invalid -p', async () => {
    expect((await error({ 'compose.yaml': 'services: {web: {image: nginx}}' }, { projectName: 'My App' })).message).toBe(
      'invalid project name "My App": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number',
    );
  });
});

describe('interpolation', () => {
  it('reads .env, lets the environment win, fills defaults and warns about unset variables', async () => {
    const r = await load(
      {
        '.env': 'TAG=1.25\nPORT=8000\n',
        'compose.yaml': 'services:\n  web:\n    image: "nginx:${TAG}"\n    ports: ["${PORT:-80}:80"]\n    environment:\n      MODE: ${MODE:-dev}\n      KEY: $SECRET\n      COST: $$5\n',
      },
      { env: { PORT: '9000' } },
    );
    if (!r.ok) throw new Error(r.error.message);
    const web = r.value.project.services.web;
    expect(web.image).toBe('nginx:1.25');
    expect(web.ports[0]).toMatchObject({ published: '9000', target: 80 });
    expect(web.environment).toEqual({ MODE: 'dev', KEY: '', COST: '$5' });
    expect(r.value.warnings).toEqual(['The "SECRET" variable is not set. Defaulting to a blank string.']);
  });

  it('stops on a required variable and on a bad template', async () => {
    expect((await error({ 'compose.yaml': 'services:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n' })).message).toBe(
      'error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE first',
    );
    const bad = await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    command: echo ${oops\n' });
    expect(bad.message).toBe('invalid interpolation format for services.web.command.\nYou may need to escape any $ with another $.\necho ${oops');
    expect(bad.range?.start.line).toBe(4);
  });
});

describe('errors point at the YAML line', () => {
  it('reports a YAML syntax error with its line', async () => {
    const e = await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n   ports: [80]\n' });
    expect(e.message).toMatch(new RegExp(`^failed to parse ${CWD}/compose.yaml: yaml: line 4: `));
    expect(e.range?.start.line).toBe(4);
  });

  it('reports an unknown key as compose-go does, at the key', async () => {
    const e = await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    port: ["80:80"]\n' });
    expect(e.message).toBe(`validating ${CWD}/compose.yaml: services.web additional properties 'port' not allowed`);
    expect(e.range?.start).toEqual({ line: 4, column: 5 });
  });

  it('reports a wrong type', async () => {
    const e = await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: "80:80"\n' });
    expect(e.message).toBe(`validating ${CWD}/compose.yaml: services.web.ports must be a array`);
    expect(e.range?.start.line).toBe(4);
  });

  it('checks depends_on conditions, undefined services and cycles', async () => {
    const cond = await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: started\n  db:\n    image: busybox\n' });
    expect(cond.message).toBe(
      `validating ${CWD}/compose.yaml: services.web.depends_on.db.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'`,
    );
    expect(cond.range?.start.line).toBe(6);
    expect((await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on: [db]\n' })).message).toBe(
      'service "web" depends on undefined service "db": invalid compose project',
    );
    expect((await error({ 'compose.yaml': 'services:\n  a:\n    image: nginx\n    depends_on: [b]\n  b:\n    image: nginx\n    depends_on: [a]\n' })).message).toBe(
      'dependency cycle detected: a -> b -> a',
    );
    expect((await error({ 'compose.yaml': 'services:\n  web:\n    ports: ["80"]\n' })).message).toBe(
      'service "web" has neither an image nor a build context specified: invalid compose project',
    );
    expect((await error({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    volumes: ["data:/data"]\n' })).message).toBe(
      'service "web" refers to undefined volume data: invalid compose project',
    );
  });
});

describe('normalisation', () => {
  it('fills Compose’s defaults: default network, long ports and volumes, build context, env_file', async () => {
    const r = await load({
      'web.env': 'A=1\nB=from-file\n',
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: ./app',
        '    command: node server.js --port "8 0"',
        '    env_file: web.env',
        '    environment: [B=inline]',
        '    ports: ["127.0.0.1:3000:3000/udp", 9000]',
        '    volumes: ["data:/data:ro", "./src:/app/src", "/cache"]',
        'volumes:',
        '  data:',
      ].join('\n'),
    });
    if (!r.ok) throw new Error(r.error.message);
    const { project } = r.value;
    const web = project.services.web;
    expect(web.build).toEqual({ context: `${CWD}/app`, dockerfile: 'Dockerfile', args: {} });
    expect(web.command).toEqual(['node', 'server.js', '--port', '8 0']);
    expect(web.environment).toEqual({ A: '1', B: 'inline' });
    expect(web.ports).toEqual([
      { mode: 'ingress', hostIp: '127.0.0.1', target: 3000, published: '3000', protocol: 'udp' },
      { mode: 'ingress', target: 9000, protocol: 'tcp' },
    ]);
    expect(web.volumes).toEqual([
      { type: 'volume', source: 'data', target: '/data', readOnly: true },
      { type: 'bind', source: `${CWD}/src`, target: '/app/src', readOnly: false },
      { type: 'volume', target: '/cache', readOnly: false },
    ]);
    expect(web.networks).toEqual({ default: null });
    expect(project.networks).toEqual({ default: { name: 'myshop_default', external: false, labels: {} } });
    expect(project.volumes).toEqual({ data: { name: 'myshop_data', external: false, labels: {} } });
  });
});
