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
