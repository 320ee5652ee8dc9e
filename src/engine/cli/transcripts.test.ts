/**
 * Whole-engine replays of the real docker 28.2.2 client (testdata/docker-28-transcripts.json, `engineCases`;
 * re-record with scripts/record-cli-transcripts.ts): the client-side checks that fail before the daemon is asked
 * for anything, and help screens, must print the same bytes and exit with the same status.
 */
import { describe, expect, it } from 'vitest';
import transcripts from './testdata/docker-28-transcripts.json';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { bufferIO } from '../core/io';

interface Transcript {
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
}

function engine() {
  const e = new Engine({ env: testEnv() });
  e.registry.sleep = null;
  return e;
}

async function docker(e: Engine, argv: string[]) {
  const io = bufferIO();
  const code = await e.run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('the engine, compared with the real docker 28.2.2 client', () => {
  const cases = (transcripts as { engineCases: Transcript[] }).engineCases;
  it.each(cases.map((c) => [c.argv.join(' '), c] as const))('docker %s', async (_name, c) => {
    const e = engine();
    const r = await docker(e, c.argv);
    expect(r.err).toBe(c.stderr);
    expect(r.out).toBe(c.stdout);
    expect(r.code).toBe(c.code);
    // A flag error stops the client before it asks for an image: nothing is pulled.
    if (c.code === 125) expect(e.images.list()).toEqual([]);
  });

  it('lists every command in docker --help with the one-line description docker 28 lists', async () => {
    const real = (transcripts as { topLevelHelp: string }).topLevelHelp.split('\n');
    const ours = (await docker(engine(), ['--help'])).out;
    const realNames = new Set(real.filter((l) => /^ {2}[a-z]/.test(l)).map((l) => l.trim().split(' ')[0]));
    // Layerlab's own extras (debug, curl) and the buildx plugin line are not docker 28's built-in commands.
    const commandLines = ours.slice(0, ours.indexOf('\nGlobal Options:\n')).split('\n').filter((l) => /^ {2}[a-z]/.test(l) && realNames.has(l.trim().split(' ')[0]));
    expect(commandLines.length).toBeGreaterThan(20);
    expect(commandLines.filter((l) => !real.includes(l))).toEqual([]);
  });
});

describe('published ports', () => {
  it('picks the first free port of a host range for one container port', async () => {
    const e = engine();
    expect((await docker(e, ['run', '-d', '--name', 'one', '-p', '8080-8082:80', 'busybox', 'sleep', '100'])).code).toBe(0);
    expect((await docker(e, ['run', '-d', '--name', 'two', '-p', '8080-8082:80', 'busybox', 'sleep', '100'])).code).toBe(0);
    expect((await docker(e, ['port', 'two'])).out).toBe('80/tcp -> 0.0.0.0:8081\n80/tcp -> [::]:8081\n');
  });
});

describe('networks', () => {
  it('fails to start a container on a network that does not exist, in the daemon words of moby 28.2', async () => {
    const e = engine();
    const r = await docker(e, ['run', '--name', 'web', '--network', 'nat', 'hello-world']);
    // moby 28.2.2 creates the container, then fails to attach it to the network when it starts it.
    expect(r.err.endsWith("docker: Error response from daemon: failed to set up container networking: network nat not found\n\nRun 'docker run --help' for more information\n")).toBe(true);
    expect(r.code).toBe(125);
    expect(r.out).toBe('');
    const ps = await docker(e, ['ps', '-a', '--format', '{{.Names}} {{.Status}}']);
    expect(ps.out).toBe('web Created\n');
    const inspect = await docker(e, ['inspect', '--format', '{{.HostConfig.NetworkMode}} {{.State.ExitCode}} {{.State.Error}}', 'web']);
    expect(inspect.out).toBe('nat 128 failed to set up container networking: network nat not found\n');
    const start = await docker(e, ['start', 'web']);
    expect(start.err).toBe('Error response from daemon: failed to set up container networking: network nat not found\nfailed to start containers: web\n');
    expect(start.code).toBe(1);
  });

  it('runs on the default bridge network by its names', async () => {
    const e = engine();
    for (const n of ['bridge', 'default']) expect((await docker(e, ['run', '--rm', '--network', n, 'hello-world'])).code).toBe(0);
  });
});
