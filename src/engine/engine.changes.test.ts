/**
 * The change event is the hosts' cue to save (the web app schedules a save on it; the CLI saves only when it
 * fired): every command that changes the engine's state must fire it, or its change is lost at the next start.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { testEnv } from './core/env';
import { memoryContext } from './core/host';
import { bufferIO } from './core/io';
import { InProcessHost } from './runtime/in-process-host';
import { materialize } from './store/layout';

const DOCKERFILE = 'FROM busybox\nENV GREETING=hi\nCOPY a.txt /a.txt\nRUN cat /a.txt > /b.txt\nCMD ["cat", "/b.txt"]\n';

describe('the change event', () => {
  it('fires for every command that changes the state, and for none that only reads it', async () => {
    const engine = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: DOCKERFILE, 'a.txt': 'hello\n' }) });
    engine.sandbox = new InProcessHost();
    engine.registry.sleep = null;
    let fired = 0;
    engine.subscribe(() => fired++);
    const state = () => JSON.stringify(materialize(engine.snapshot()));
    const seen: { argv: string; changed: boolean; fired: boolean }[] = [];
    const run = async (...argv: string[]) => {
      const before = state();
      fired = 0;
      const io = bufferIO({ env: argv[0] === 'legacy' ? { DOCKER_BUILDKIT: '0' } : {} });
      const args = argv[0] === 'legacy' ? argv.slice(1) : argv;
      const code = await engine.run(args, io);
      expect(code, `${argv.join(' ')}: ${io.err}`).toBe(0);
      seen.push({ argv: argv.join(' '), changed: state() !== before, fired: fired > 0 });
    };
    await run('pull', 'busybox');
    await run('tag', 'busybox', 'mine:v1');
    await run('build', '-t', 'app', '.');
    await run('build', '-t', 'app', '.');
    await run('legacy', 'build', '-t', 'app-legacy', '.');
    await run('image', 'ls');
    await run('history', 'app');
    await run('run', '--name', 'once', 'app');
    await run('run', '-d', '--name', 'bg', 'busybox', 'sleep', '1000');
    await run('exec', 'bg', 'sh', '-c', 'echo x > /tmp/x');
    await run('cp', 'bg:/tmp/x', '-');
    await run('exec', '-d', 'bg', 'sh', '-c', 'echo y > /tmp/y');
    await run('ps', '-a');
    await run('inspect', 'bg');
    await run('logs', 'once');
    await run('diff', 'bg');
    await run('commit', 'bg', 'snap');
    await run('restart', 'bg');
    await run('kill', 'bg');
    await run('rename', 'bg', 'bg2');
    await run('start', 'once');
    await run('network', 'create', 'net1');
    await run('network', 'connect', 'net1', 'once');
    await run('network', 'ls');
    await run('volume', 'create', 'vol1');
    await run('volume', 'ls');
    await run('rm', 'once');
    await run('rmi', 'mine:v1');
    await run('volume', 'rm', 'vol1');
    await run('network', 'rm', 'net1');
    await run('system', 'df');
    await run('builder', 'prune', '-f');
    await run('system', 'prune', '-f');
    expect(seen.filter((s) => s.changed && !s.fired)).toEqual([]);
    // The read-only commands changed nothing (a save after them would write nothing new).
    for (const ro of ['image ls', 'history app', 'ps -a', 'inspect bg', 'logs once', 'network ls', 'volume ls', 'system df']) {
      expect(seen.find((s) => s.argv === ro)).toMatchObject({ changed: false });
    }
    // And the test sees changes: the commands that change state did.
    expect(seen.filter((s) => s.changed).length).toBeGreaterThan(15);
  });
});
