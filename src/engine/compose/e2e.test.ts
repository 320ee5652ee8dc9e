/**
 * `docker compose` end to end on the simulated engine: a two-service project from catalog images, a service
 * built from a Dockerfile in the workspace, `up -d`, `ps`, `logs`, `down`, `config`, and the CLI's help.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';

function setup(files: Record<string, string>) {
  const env = testEnv();
  const engine = new Engine({ env, context: memoryContext(files) });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  const run = async (line: string) => {
    const io = bufferIO({ env: { PWD: '/home/learner/shop' } });
    const code = await engine.run(line.split(' ').filter(Boolean), io);
    return { code, out: io.out, err: io.err };
  };
  return { env, engine, run };
}

const TWO_SERVICES = `services:
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - cache
  cache:
    image: busybox
    command: sh -c "echo cache ready; sleep 3600"
`;

describe('docker compose on the engine', () => {
  it('brings a two-service project up, lists it, shows its logs and takes it down', async () => {
    const { run, env, engine } = setup({ 'compose.yaml': TWO_SERVICES });
    const up = await run('compose up -d');
    expect(up.code).toBe(0);
    expect(up.err).toBe(
      [
        ' cache Pulling ',
        ' cache Pulled ',
        ' web Pulling ',
        ' web Pulled ',
        ' Network shop_default  Creating',
        ' Network shop_default  Created',
        ' Container shop-cache-1  Creating',
        ' Container shop-cache-1  Created',
        ' Container shop-web-1  Creating',
        ' Container shop-web-1  Created',
        ' Container shop-cache-1  Starting',
        ' Container shop-cache-1  Started',
        ' Container shop-web-1  Starting',
        ' Container shop-web-1  Started',
        '',
      ].join('\n'),
    );
    expect(engine.containers.get('shop-web-1')?.config.Labels['com.docker.compose.service']).toBe('web');
    env.clock.advance(2000);

    const ps = await run('compose ps');
    expect(ps.out.split('\n')[0]).toMatch(/^NAME\s+IMAGE\s+COMMAND\s+SERVICE\s+CREATED\s+STATUS\s+PORTS$/);
    expect(ps.out).toMatch(/shop-cache-1\s+busybox\s+"sh -c 'echo cache r…"\s+cache\s+2 seconds ago\s+Up 2 seconds/);
    expect(ps.out).toMatch(/shop-web-1\s+nginx\s+.*web\s+.*0\.0\.0\.0:8080->80\/tcp/);

    expect((await run('compose logs cache')).out).toBe('cache-1  | cache ready\n');
    expect((await run('compose ls')).out).toBe('NAME      STATUS       CONFIG FILES\nshop      running(2)   /home/learner/shop/compose.yaml\n');

    const down = await run('compose down');
    expect(down.code).toBe(0);
    expect(down.err).toBe(
      [
        ' Container shop-web-1  Stopping',
        ' Container shop-web-1  Stopped',
        ' Container shop-web-1  Removing',
        ' Container shop-web-1  Removed',
        ' Container shop-cache-1  Stopping',
        ' Container shop-cache-1  Stopped',
        ' Container shop-cache-1  Removing',
        ' Container shop-cache-1  Removed',
        ' Network shop_default  Removing',
        ' Network shop_default  Removed',
        '',
      ].join('\n'),
    );
    expect(engine.containers.list()).toEqual([]);
  });

  it('builds a service from the Dockerfile in its context and runs the image it tagged', async () => {
    const { run, engine } = setup({
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    environment:\n      GREETING: hi\n',
      'api/Dockerfile': 'FROM busybox\nCMD ["sh", "-c", "echo $GREETING from api; sleep 3600"]\n',
    });
    const up = await run('compose up -d');
    expect(up.code).toBe(0);
    expect(up.err).toContain(' Service api  Built\n');
    expect(up.err).toContain(' Container shop-api-1  Started\n');
    expect(engine.images.get('shop-api')).toBeDefined();
    expect((await run('compose logs')).out).toBe('api-1  | hi from api\n');
    const again = await run('compose up -d');
    expect(again.err).toBe(' Container shop-api-1  Running\n');
  });

  it('attaches to the services’ output until they exit, and runs one-off and exec commands', async () => {
    const { run } = setup({
      'compose.yaml':
        'services:\n  hello:\n    image: busybox\n    command: echo hello from compose\n  calc:\n    image: node\n    command: ["node", "-e", "console.log(6*7)"]\n',
    });
    const up = await run('compose up');
    expect(up.code).toBe(0);
    expect(up.out).toBe('Attaching to calc-1, hello-1\ncalc-1   | 42\nhello-1  | hello from compose\ncalc-1 exited with code 0\nhello-1 exited with code 0\n');
    const one = await run('compose run --rm hello echo hi');
    expect(one).toMatchObject({ code: 0, out: 'hi\n' });
    expect((await run('compose ps -a')).out).not.toContain('run-');
    expect(await run('compose exec hello ls')).toMatchObject({ code: 1, err: 'service "hello" is not running\n' });
  });

  it('execs in a running service container', async () => {
    const { run } = setup({ 'compose.yaml': TWO_SERVICES });
    await run('compose up -d cache');
    expect(await run('compose exec -T cache echo inside')).toMatchObject({ code: 0, out: 'inside\n' });
  });

  it('prints the canonical configuration', async () => {
    const { run } = setup({ 'compose.yaml': TWO_SERVICES });
    const r = await run('compose config');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'name: shop',
        'services:',
        '  cache:',
        '    command:',
        '      - sh',
        '      - -c',
        '      - echo cache ready; sleep 3600',
        '    image: busybox',
        '    networks:',
        '      default: null',
        '  web:',
        '    depends_on:',
        '      cache:',
        '        condition: service_started',
        '        required: true',
        '    image: nginx',
        '    networks:',
        '      default: null',
        '    ports:',
        '      - mode: ingress',
        '        target: 80',
        '        published: "8080"',
        '        protocol: tcp',
        'networks:',
        '  default:',
        '    name: shop_default',
        '',
      ].join('\n'),
    );
    expect((await run('compose config --services')).out).toBe('cache\nweb\n');
  });

  it('reports a bad file in Compose’s words', async () => {
    const { run } = setup({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    restart: always\n    ports: 80\n' });
    const r = await run('compose up -d');
    expect(r.code).toBe(1);
    expect(r.err).toBe('validating /home/learner/shop/compose.yaml: services.web.ports must be a array\n');
    const none = setup({});
    expect((await none.run('compose ps')).err).toBe('no configuration file provided: not found\n');
  });

  it('has Compose’s help and errors', async () => {
    const { run } = setup({});
    const help = await run('compose --help');
    expect(help.out.startsWith('Usage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\nOptions:\n')).toBe(true);
    expect(help.out).toContain('\nCommands:\n  build       Build or rebuild services\n');
    expect(help.out).toContain("\nRun 'docker compose COMMAND --help' for more information on a command.\n");
    const upHelp = await run('compose up --help');
    expect(upHelp.out.startsWith('Usage:  docker compose up [OPTIONS] [SERVICE...]\n\nCreate and start containers\n\nOptions:\n')).toBe(true);
    expect(upHelp.out).toContain('  -d, --detach ');
    const bogus = await run('compose bogus');
    expect(bogus.code).toBe(1);
    expect(bogus.err).toBe('unknown docker command: "compose bogus"\n');
    expect((await run('compose version')).out).toBe('Docker Compose version v2.39.4\n');
    expect((await run('compose pause')).err).toContain("'docker compose pause' is a real docker command that Layerlab does not simulate yet");
  });
});

describe('a project known by name', () => {
  it('is listed and taken down with -p when the Compose file is gone', async () => {
    const files: Record<string, string> = { 'compose.yaml': TWO_SERVICES };
    const { run, engine } = setup(files);
    await run('compose up -d');
    engine.context = setup({}).engine.context;
    expect((await run('compose ps')).err).toBe('no configuration file provided: not found\n');
    expect((await run('compose -p shop ps --services')).out).toBe('cache\nweb\n');
    const down = await run('compose -p shop down');
    expect(down.code).toBe(0);
    expect(down.err).toContain(' Container shop-web-1  Removed\n');
    expect(engine.containers.list()).toEqual([]);
  });
});

describe('docker compose pull failures', () => {
  it('stops with the daemon’s error when an image cannot be pulled', async () => {
    const { run } = setup({ 'compose.yaml': 'services:\n  app:\n    image: nosuchimage\n' });
    const r = await run('compose up -d');
    expect(r.code).toBe(1);
    expect(r.err).toContain(' app Pulling \n');
    expect(r.err.endsWith("Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n")).toBe(true);
  });
});
