/**
 * `docker compose` end to end on the simulated engine: a two-service project from catalog images, a service
 * built from a Dockerfile in the workspace, `up -d`, `ps`, `logs`, `down`, and errors with the file's line.
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
    const { run, env } = setup({ 'compose.yaml': TWO_SERVICES });
    const up = await run('compose up -d');
    expect(up.err).toContain('');
    expect(up.code).toBe(0);
    console.log(up.err);
    env.clock.advance(2000);
    const ps = await run('compose ps');
    console.log(ps.out, ps.err);
    const logs = await run('compose logs cache');
    console.log(logs.out, logs.err);
    const down = await run('compose down');
    console.log(down.out, down.err);
  });
});
