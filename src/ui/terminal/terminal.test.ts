import { describe, expect, it } from 'vitest';
import { splitArgs, toDockerArgv } from './splitArgs';
import { LineEditor } from './lineEditor';
import { complete, DEFAULT_COMMANDS } from './completion';

describe('Terminal argument splitting', () => {
  it('splits on whitespace and keeps quoted words whole', () => {
    expect(splitArgs(`run -e TARGET="google.com x" --name 'web ping' web-ping`)).toEqual({
      ok: true,
      argv: ['run', '-e', 'TARGET=google.com x', '--name', 'web ping', 'web-ping'],
    });
  });
  it('handles escapes and empty quoted words', () => {
    expect(splitArgs(`echo a\\ b "" "say \\"hi\\""`)).toEqual({ ok: true, argv: ['echo', 'a b', '', 'say "hi"'] });
  });
  it('puts the workspace folder for $(pwd) and $PWD outside single quotes, as a shell would', () => {
    const vars = { PWD: '/workspace' };
    expect(splitArgs(`run -v "$(pwd)"/src:/app/src -v $PWD:/w -v \${PWD}:/x -e 'A=$(pwd)' -e "B=\\$PWD" -e C=$HOME img`, vars)).toEqual({
      ok: true,
      argv: ['run', '-v', '/workspace/src:/app/src', '-v', '/workspace:/w', '-v', '/workspace:/x', '-e', 'A=$(pwd)', '-e', 'B=$PWD', '-e', 'C=$HOME', 'img'],
    });
  });
  it('reports an unterminated quote', () => {
    expect(splitArgs(`run "abc`).ok).toBe(false);
  });
  it('accepts a leading docker', () => {
    expect(toDockerArgv(['docker', 'ps', '-a'])).toEqual(['ps', '-a']);
    expect(toDockerArgv(['ps'])).toEqual(['ps']);
  });
});

describe('Terminal line editor', () => {
  it('submits the typed line and recalls it with Up', () => {
    const ed = new LineEditor();
    expect(ed.handle('docker ps\r')).toEqual([{ kind: 'submit', line: 'docker ps' }]);
    ed.handle('images');
    ed.handle('\x1b[A');
    expect(ed.buffer).toBe('docker ps');
    ed.handle('\x1b[B');
    expect(ed.buffer).toBe('images');
  });
  it('edits in the middle of the line and deletes words', () => {
    const ed = new LineEditor();
    ed.handle('docker pss');
    ed.handle('\x1b[D\x7f');
    expect(ed.buffer).toBe('docker ps');
    ed.handle('\x1b[F\x17');
    expect(ed.buffer).toBe('docker ');
  });
  it('turns Ctrl-C into an interrupt and clears the line', () => {
    const ed = new LineEditor();
    ed.handle('abc');
    expect(ed.handle('\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(ed.buffer).toBe('');
  });
  it('treats a pasted multi-line chunk as several submitted lines', () => {
    const ed = new LineEditor();
    expect(ed.handle('ps\nimages\n').map((a) => a.kind)).toEqual(['submit', 'submit']);
  });
});

describe('Terminal completion', () => {
  const src = {
    commands: DEFAULT_COMMANDS,
    flagsFor: (p: string[]) => (p[0] === 'run' ? ['--detach', '--name', '--publish'] : []),
    images: ['diamol/ch03-web-ping:latest', 'web-ping:latest'],
    containers: ['web-ping'],
  };
  it('completes commands', () => {
    expect(complete([], 'ima', src).candidates).toEqual(['image', 'images']);
    expect(complete(['docker', 'image'], 'l', src).common).toBe('ls');
  });
  it('completes flags of the command typed so far', () => {
    expect(complete(['run'], '--na', src).common).toBe('--name');
  });
  it('completes image and container names', () => {
    expect(complete(['run', '-d'], 'diamol', src).common).toBe('diamol/ch03-web-ping:latest');
    expect(complete(['logs', '-f'], 'web', src).candidates).toEqual(['web-ping']);
  });
});

import { interactiveFlags, Shell } from './shell';
import type { Engine } from '../../engine/engine';
import type { CliIO } from '../../engine/core/io';

describe('Terminal shell', () => {
  it('knows which commands want stdin and a TTY', () => {
    expect(interactiveFlags(['run', '-it', 'node'])).toEqual({ interactive: true, tty: true });
    expect(interactiveFlags(['container', 'run', '-i', 'alpine', 'sh'])).toEqual({ interactive: true, tty: false });
    expect(interactiveFlags(['run', '-d', 'nginx', '-it'])).toEqual({ interactive: false, tty: false });
    expect(interactiveFlags(['logs', '-f', 'web'])).toEqual({ interactive: false, tty: false });
  });

  function setup() {
    let out = '';
    const calls: { argv: string[]; io: CliIO }[] = [];
    let release: (code: number) => void = () => {};
    const engine = {
      run(argv: string[], io: CliIO) {
        calls.push({ argv, io });
        return new Promise<number>((r) => (release = r));
      },
    } as unknown as Engine;
    const shell = new Shell(
      { write: (t) => (out += t), clear: () => (out = ''), cols: 80 },
      () => engine,
      () => ({ commands: DEFAULT_COMMANDS, flagsFor: () => [], images: [], containers: [] }),
      () => ({ help: 'HELP' }),
    );
    return { shell, calls, out: () => out, release: (c: number) => release(c) };
  }

  it('runs docker commands with or without the leading docker, with environment assignments', async () => {
    const s = setup();
    s.shell.input('DOCKER_BUILDKIT=0 docker build -t "my app" .\r');
    expect(s.calls[0].argv).toEqual(['build', '-t', 'my app', '.']);
    expect(s.calls[0].io.env).toEqual({ DOCKER_BUILDKIT: '0' });
    s.release(0);
  });

  it('passes keystrokes of a -it session raw to the container (no local echo)', async () => {
    const s = setup();
    s.shell.input('run -it node\r');
    const io = s.calls[0].io;
    expect(io.stdinIsTTY).toBe(true);
    const before = s.out();
    s.shell.input('1 + 1\r');
    expect(await io.stdin!.read()).toBe('1 + 1\r');
    expect(s.out()).toBe(before);
    s.shell.input('\x03');
    expect(await io.stdin!.read()).toBe('\x03');
    expect(io.signal!.aborted).toBe(false);
    s.release(0);
  });

  it('aborts a non-interactive command on Ctrl-C and says unknown words are not commands', async () => {
    const s = setup();
    s.shell.input('logs -f web\r');
    s.shell.input('\x03');
    expect(s.calls[0].io.signal!.aborted).toBe(true);
    s.release(0);
    await Promise.resolve();
    await Promise.resolve();
    s.shell.input('ls\r');
    expect(s.out()).toContain('ls: command not found (try "docker ls" or "help")');
  });

  it('offers the docker line a misspelt `docker` meant', () => {
    const s = setup();
    s.shell.input('dokcer ps -a\r');
    expect(s.out()).toContain('sh: dokcer: command not found (did you mean "docker ps -a"?)');
    expect(s.calls).toHaveLength(0);
  });

  const settle = () => new Promise((r) => setTimeout(r, 0));
  const plain = (t: string) => t.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

  it('runs every line of a pasted chunk in turn, each shown at the prompt before it runs', async () => {
    const s = setup();
    s.shell.input('image ls\rps -a\rversion');
    expect(s.calls.map((c) => c.argv)).toEqual([['image', 'ls']]);
    expect(plain(s.out())).toContain('$ image ls');
    s.release(0);
    await settle();
    expect(s.calls.map((c) => c.argv)).toEqual([['image', 'ls'], ['ps', '-a']]);
    expect(plain(s.out())).toContain('$ ps -a');
    s.release(0);
    await settle();
    // the last line has no Enter: it waits at the prompt
    expect(s.calls).toHaveLength(2);
    expect(s.shell.editor.buffer).toBe('version');
  });

  it('keeps what is typed while a command runs and runs it afterwards; Ctrl-C drops it', async () => {
    const s = setup();
    s.shell.input('build .\r');
    s.shell.input('p');
    s.shell.input('s\r');
    expect(s.calls).toHaveLength(1);
    s.release(0);
    await settle();
    expect(s.calls.map((c) => c.argv)).toEqual([['build', '.'], ['ps']]);
    s.release(0);
    await settle();
    s.shell.input('logs -f web\r');
    s.shell.input('images\r');
    s.shell.input('\x03');
    s.release(130);
    await settle();
    expect(s.calls.map((c) => c.argv[0])).toEqual(['build', 'ps', 'logs']);
  });

  it('completes with a Tab typed while a command ran, at the point it was typed', async () => {
    const s = setup();
    s.shell.input('version\r');
    s.shell.input('docker imag');
    s.shell.input('\t');
    s.shell.input(' ls\r');
    s.release(0);
    await settle();
    expect(s.calls.map((c) => c.argv)).toEqual([['version'], ['image', 'ls']]);
  });

  it('drops terminal replies at the prompt and while a program without a TTY runs; a TTY program gets them', async () => {
    const s = setup();
    s.shell.input('\x1b[?1;2c\x1b]11;rgb:0000/0000/0000\x1b\\');
    expect(s.shell.editor.buffer).toBe('');
    s.shell.input('run alpine sh -c x\r');
    s.shell.input('\x1b[?1;2c');
    s.release(0);
    await settle();
    expect(s.calls).toHaveLength(1); // nothing was typed ahead
    expect(s.shell.editor.buffer).toBe('');
    s.shell.input('run -it alpine sh\r');
    expect(s.shell.repliesWanted).toBe(true);
    s.shell.input('\x1b[12;1R');
    expect(await s.calls[1].io.stdin!.read()).toBe('\x1b[12;1R');
    s.release(0);
  });

  it('turns the terminal modes off when a program exits, before the prompt', async () => {
    const s = setup();
    s.shell.input('run alpine printf x\r');
    const before = s.out().length;
    s.release(0);
    await settle();
    const after = s.out().slice(before);
    expect(after).toContain('\x1b[?1000l');
    expect(after).toContain('\x1b[?2004l');
    expect(after).toContain('\x1b[?25h');
    expect(after.indexOf('\x1b[?1000l')).toBeLessThan(after.indexOf('$'));
  });
});

describe('Terminal shell while the engine starts', () => {
  function starting() {
    let out = '';
    const calls: string[][] = [];
    let current: Engine | null = null;
    let up: (e: Engine | null) => void = () => {};
    const ready = new Promise<Engine | null>((r) => (up = r));
    const engine = {
      async run(argv: string[], io: CliIO) {
        calls.push(argv);
        io.stdout('REPOSITORY   TAG\n');
        return 0;
      },
    } as unknown as Engine;
    const shell = new Shell(
      { write: (t) => (out += t), clear: () => (out = ''), cols: 80 },
      () => current,
      () => ({ commands: DEFAULT_COMMANDS, flagsFor: () => [], images: [], containers: [] }),
      () => ({ help: 'HELP', engineStarting: 'STARTING', engineFailed: 'NO ENGINE' }),
      [],
      () => {},
      () => ready,
    );
    return {
      shell,
      calls,
      out: () => out,
      up: () => {
        current = engine;
        up(engine);
      },
      fail: () => up(null),
    };
  }

  it('says the engine is starting, then runs the command typed meanwhile once it is up', async () => {
    const s = starting();
    const done = s.shell.execute('docker images');
    expect(s.out()).toContain('STARTING');
    expect(s.shell.busy).toBe(true);
    expect(s.calls).toEqual([]);
    s.up();
    expect(await done).toBe(0);
    expect(s.calls).toEqual([['images']]);
    expect(s.out()).toMatch(/STARTING[\s\S]*REPOSITORY/);
    expect(s.shell.busy).toBe(false);
  });

  it('Ctrl-C cancels the wait: the command never runs', async () => {
    const s = starting();
    s.shell.input('ps\r');
    expect(s.shell.busy).toBe(true);
    s.shell.input('\x03');
    await new Promise((r) => setTimeout(r, 0));
    expect(s.shell.busy).toBe(false);
    s.up();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.calls).toEqual([]);
    expect(s.out()).toContain('^C');
  });

  it('says so when the engine cannot start instead of failing silently', async () => {
    const s = starting();
    const done = s.shell.execute('ps');
    s.fail();
    expect(await done).toBe(1);
    expect(s.out()).toContain('NO ENGINE');
    expect(s.calls).toEqual([]);
  });
});
