import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import type { CommandSpec } from './command';
import { argCountError, runDocker } from './docker';
import { commands } from './commands/index';
import { infoCommand } from './commands/info';
import { versionCommand } from './commands/version';
import { bufferIO } from '../core/io';
import transcripts from './testdata/docker-28-transcripts.json';

/**
 * Test doubles declared with docker 28's real usage lines, argument rules and flags, so the front end's
 * texts can be compared byte for byte with the real client. `run` records what the command received.
 */
let received: { path: string[]; args: string[]; flags: Record<string, unknown> } | null = null;
const rec =
  (...names: string[]): CommandSpec['run'] =>
  (ctx) => {
    const flags: Record<string, unknown> = {};
    for (const n of names) flags[n] = ctx.spec.flags.find((f) => f.name === n)?.type === 'bool' ? ctx.flags.bool(n) : ctx.flags.strings(n);
    received = { path: ctx.invokedAs, args: ctx.args, flags };
    return 0;
  };

/** The real command specs, with `run` replaced by a recorder: the transcripts then check the real usage lines, args and flags. */
function real(path: string, run: CommandSpec['run']): CommandSpec {
  const spec = commands.find((c) => c.path.join(' ') === path);
  if (!spec) throw new Error(`no command ${path}`);
  return { ...spec, run };
}

const fakes: CommandSpec[] = [
  real('image ls', rec('all', 'quiet', 'filter')),
  real('container ls', rec('all')),
  real('image history', rec()),
  real('image rm', rec()),
  real('image tag', rec()),
  real('container logs', rec()),
  real('container commit', rec()),
  real('container rename', rec()),
  real('container exec', rec('interactive', 'tty')),
  real('container run', rec('detach', 'interactive', 'tty', 'rm', 'publish', 'env', 'name')),
];

// The front end is tested with these commands only, so other commands' changes do not move these tests.
const registered = [versionCommand, infoCommand];
const all = [...registered, ...fakes];
const engine = () => new Engine({ env: testEnv() });

async function docker(argv: string[], commands = all) {
  const io = bufferIO();
  received = null;
  const code = await runDocker(engine(), argv, io, commands);
  return { code, out: io.out, err: io.err };
}

interface Transcript {
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
}

describe('docker CLI front end, compared with the real docker 28.2.2 client', () => {
  // Recorded in testdata/docker-28-transcripts.json by running the real client without a daemon.
  const cases = (transcripts as { cases: Transcript[] }).cases;
  it.each(cases.map((c) => [c.argv.join(' '), c] as const))('docker %s', async (_name, c) => {
    const r = await docker(c.argv);
    // Our build ID differs, nothing else.
    expect(r.out.replace('build layerlab', 'build e6534b4')).toBe(c.stdout);
    expect(r.err).toBe(c.stderr);
    expect(r.code).toBe(c.code);
  });
});

describe('flag parsing (pflag rules)', () => {
  it('bundles short bools and lets the last take a value', async () => {
    await docker(['run', '-itd', '-p80:80', '-e', 'A=1', '--env=B=2', '--name', 'web', 'busybox', 'sh', '-c', 'echo hi']);
    expect(received).toEqual({
      path: ['run'],
      args: ['busybox', 'sh', '-c', 'echo hi'],
      flags: { detach: true, interactive: true, tty: true, rm: false, publish: ['80:80'], env: ['A=1', 'B=2'], name: ['web'] },
    });
  });

  it('stops at the first argument for run: later flags belong to the container', async () => {
    await docker(['run', '--rm', 'busybox', 'ls', '--rm', '-d']);
    expect(received?.args).toEqual(['busybox', 'ls', '--rm', '-d']);
    expect(received?.flags.detach).toBe(false);
  });

  it('accepts flags after arguments for other commands, and -- ends flags', async () => {
    await docker(['image', 'ls', 'web*', '-a', '--filter', 'dangling=true', '-f', 'label=x']);
    expect(received).toEqual({ path: ['image', 'ls'], args: ['web*'], flags: { all: true, quiet: false, filter: ['dangling=true', 'label=x'] } });
    await docker(['images', '--', '-a']);
    expect(received?.args).toEqual(['-a']);
    expect(received?.flags.all).toBe(false);
  });

  it('reads --flag=false for bools', async () => {
    await docker(['run', '--rm=false', '-d=true', 'x']);
    expect(received?.flags.rm).toBe(false);
    expect(received?.flags.detach).toBe(true);
  });

  it('accepts global flags before the command', async () => {
    const r = await docker(['-D', '--host', 'unix:///var/run/docker.sock', '--log-level=debug', '--context', 'default', 'ps', '-a']);
    expect(r.code).toBe(0);
    expect(received).toEqual({ path: ['ps'], args: [], flags: { all: true } });
  });

  it('runs aliases as the same command', async () => {
    for (const argv of [['images'], ['image', 'ls'], ['image', 'list']]) {
      await docker(argv);
      expect(received?.path).toEqual(argv);
    }
    expect((await docker(['rmi', 'a', 'b'])).code).toBe(0);
    expect((await docker(['image', 'remove', 'a'])).code).toBe(0);
  });

  it('shows the -h deprecation notice like docker and still prints help', async () => {
    const r = await docker(['image', 'ls', '-h']);
    expect(r.out.startsWith('Flag shorthand -h has been deprecated, use --help\nUsage:  docker image ls')).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe('management groups and top-level help', () => {
  it('prints a group help on stderr when no subcommand is given, on stdout with --help', async () => {
    const bare = await docker(['image']);
    const helped = await docker(['image', '--help']);
    expect(bare.code).toBe(0);
    expect(bare.out).toBe('');
    expect(bare.err).toBe(helped.out);
    expect(helped.out).toContain('Usage:  docker image COMMAND\n\nManage images\n\nCommands:\n  history     Show the history of an image\n');
    expect(helped.out).toContain("\nRun 'docker image COMMAND --help' for more information on a command.\n");
    // `image list` is an alias and not listed; `image tag` is.
    expect(helped.out).not.toContain('  list ');
    expect(helped.out).toContain('  tag         Create a tag');
  });

  it('docker --help lists Layerlab commands in docker sections', async () => {
    const r = await docker(['--help']);
    expect(r.out).toMatch(/^Usage: {2}docker \[OPTIONS\] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n {2}run {9}Create and run/);
    expect(r.out).toContain('\nManagement Commands:\n  container   Manage containers\n  image       Manage images\n  system      Manage Docker\n');
    // The Global Options block and the end are docker 28's, byte for byte.
    const real = (transcripts as { topLevelHelp: string }).topLevelHelp;
    expect(r.out.slice(r.out.indexOf('\nGlobal Options:\n'))).toBe(real.slice(real.indexOf('\nGlobal Options:\n')));
    expect((await docker([])).err).toBe(r.out);
  });

  it('calls a real docker command Layerlab lacks "not simulated", not unknown', async () => {
    const r = await docker(['network', 'ls'], registered);
    expect(r.code).toBe(1);
    expect(r.err).toContain("'docker network ls' is a real docker command that Layerlab does not simulate yet");
    // Also inside a group Layerlab has: `image save` is real, `image bogus` is not.
    expect((await docker(['image', 'save', 'x'])).err).toContain("'docker image save' is a real docker command that Layerlab does not simulate yet");
    expect((await docker(['image', 'bogus'])).err).toMatch(/^docker: unknown command: docker image bogus\n/);
  });
});

describe('help width', () => {
  it('wraps at the width of a terminal on stdin, like docker', async () => {
    const io = bufferIO({ stdinIsTTY: true, columns: 120 });
    await runDocker(engine(), ['version', '--help'], io, all);
    expect(io.out).toContain("  -f, --format string   Format output using a custom template:\n                        'json':             Print in JSON format\n                        'TEMPLATE':         Print output using the given Go template.\n");
    const narrow = bufferIO({ stdinIsTTY: false, columns: 120 });
    await runDocker(engine(), ['version', '--help'], narrow, all);
    expect(narrow.out).toContain("'TEMPLATE':         Print output using the given\n                        Go template.\n");
  });
});

describe('argument-count messages', () => {
  const spec = fakes.find((f) => f.path[1] === 'commit')!;
  it('uses the docker 28 forms', () => {
    expect(argCountError(spec, ['commit'], 0)).toBe(
      "docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information\n",
    );
    expect(argCountError(spec, ['commit'], 1)).toBeNull();
  });
});

describe('a command that throws', () => {
  it('is reported, not crashed', async () => {
    const boom: CommandSpec = { path: ['boom'], usage: 'docker boom', short: 'x', flags: [], run: () => { throw new Error('kaput'); } };
    const r = await docker(['boom'], [boom]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("layerlab: internal error in 'docker boom': kaput\n");
  });
});
