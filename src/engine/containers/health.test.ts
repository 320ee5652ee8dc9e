/**
 * HEALTHCHECK on virtual time, through the docker CLI (expected: tests/conformance/oracle-networks.txt, recorded
 * on Engine 20.10: `Up 4 seconds (healthy)`, `(unhealthy)` after --health-retries failures, `(health: starting)`).
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO } from '../core/io';
import { InProcessHost } from '../runtime/in-process-host';

function setup() {
  const env = testEnv();
  const engine = new Engine({ env });
  engine.sandbox = new InProcessHost();
  engine.registry.sleep = null;
  const run = async (argv: string[]) => {
    const io = bufferIO();
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  const later = async (ms: number) => {
    for (let t = 0; t < ms; t += 250) {
      env.clock.advance(250);
      await engine.containers.advance();
    }
  };
  return { env, engine, run, later };
}

describe('HEALTHCHECK', () => {
  it('is starting, then healthy once the test passes (the oracle h1 scenario)', async () => {
    const { run, later } = setup();
    await run(['pull', '-q', 'busybox']);
    const r = await run(['run', '-d', '--name', 'h1', '--health-cmd', 'test -f /tmp/ok', '--health-interval', '1s', '--health-retries', '2', 'busybox', 'sh', '-c', 'sleep 3; touch /tmp/ok; sleep 300']);
    expect(r.code).toBe(0);
    expect((await run(['ps', '--format', '{{.Status}}'])).out).toBe('Up Less than a second (health: starting)\n');
    await later(4000);
    expect((await run(['ps', '--format', '{{.Status}}'])).out).toBe('Up 4 seconds (healthy)\n');
    const health = JSON.parse((await run(['inspect', 'h1', '--format', '{{json .State.Health}}'])).out);
    expect(health.Status).toBe('healthy');
    expect(health.FailingStreak).toBe(0);
    expect(health.Log.map((l: { ExitCode: number }) => l.ExitCode)).toEqual([1, 1, 0, 0]);
    expect((await run(['inspect', 'h1', '--format', '{{json .Config.Healthcheck}}'])).out).toBe('{"Test":["CMD-SHELL","test -f /tmp/ok"],"Interval":1000000000,"Retries":2}\n');
  });

  it('turns unhealthy after --health-retries failures in a row (the oracle h2 scenario)', async () => {
    const { run, later } = setup();
    await run(['pull', '-q', 'busybox']);
    await run(['run', '-d', '--name', 'h2', '--health-cmd', 'false', '--health-interval', '1s', '--health-retries', '2', 'busybox', 'sleep', '300']);
    await later(1000);
    expect((await run(['ps', '--format', '{{.Names}} {{.Status}}'])).out).toBe('h2 Up 1 second (health: starting)\n');
    await later(3000);
    expect((await run(['ps', '--format', '{{.Names}} {{.Status}}'])).out).toBe('h2 Up 4 seconds (unhealthy)\n');
    const health = JSON.parse((await run(['inspect', 'h2', '--format', '{{json .State.Health}}'])).out);
    expect(health).toMatchObject({ Status: 'unhealthy', FailingStreak: 4 });
    expect((await run(['ps', '--filter', 'health=unhealthy', '--format', '{{.Names}}'])).out).toBe('h2\n');
    expect((await run(['ps', '--filter', 'health=healthy', '-q'])).out).toBe('');
    expect((await run(['ps', '--filter', 'health=sick'])).err).toBe('Error response from daemon: Unrecognised filter value for health: sick\n');
  });

  it('--no-healthcheck conflicts with --health-* flags, as the docker client says', async () => {
    const { run } = setup();
    const r = await run(['run', '--no-healthcheck', '--health-cmd', 'true', 'busybox']);
    expect(r.code).toBe(125);
    expect(r.err).toBe("docker: --no-healthcheck conflicts with --health-* options\n\nRun 'docker run --help' for more information\n");
  });
});
