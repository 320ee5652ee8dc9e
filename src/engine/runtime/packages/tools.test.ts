import { describe, expect, it } from 'vitest';
import { alpineFs, run } from './testing';
import { readText } from '../fs-helpers';

describe('git and go', () => {
  it('git clone makes the working tree directory; other commands say they are not simulated', async () => {
    const fs = alpineFs({}, { '/usr/bin/git': 'git' });
    const ok = await run(fs, 'mkdir /src && cd /src && git clone --depth 1 https://github.com/docker/getting-started.git && ls getting-started');
    expect(ok.stderr()).toBe("Cloning into 'getting-started'...\n");
    expect(ok.stdout()).toBe('README.md\n');
    expect(fs.stat('/src/getting-started/.git/pack.bin')?.size).toBe(1_500_000);
    const log = await run(fs, 'git log');
    expect(log.exit?.code).toBe(1);
    expect(log.stderr()).toBe("git: Layerlab's git clones (a placeholder working tree) but `git log` is not simulated\n");
  });

  it('go build writes a binary sized by the sources', async () => {
    const fs = alpineFs({ '/app/go.mod': 'module example.com/hello\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n', '/app/main.go': 'package main\nfunc main() {}\n' }, { '/usr/local/go/bin/go': 'go' });
    const none = await run(fs, 'go build', { env: { PATH: '/usr/local/go/bin:/bin' } });
    expect(none.stderr()).toBe("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
    const r = await run(fs, 'go build -o /out/hello .', { cwd: '/app', env: { PATH: '/usr/local/go/bin:/bin' } });
    expect(r.exit?.code).toBe(0);
    expect(r.stderr()).toBe('go: downloading github.com/gin-gonic/gin v1.10.0\n');
    expect(fs.stat('/out/hello')?.mode).toBe(0o755);
    expect(fs.stat('/out/hello')!.size).toBeGreaterThan(1_900_000);
    expect(r.ms).toBeGreaterThan(4000);
    expect(readText(fs, '/app/go.mod')).toContain('module example.com/hello');
  });
});

describe('package program names', () => {
  it('names.ts lists exactly the programs index.ts implements', async () => {
    const { PACKAGE_PROGRAMS } = await import('./index');
    const { PACKAGE_PROGRAM_NAMES } = await import('./names');
    expect(Object.keys(PACKAGE_PROGRAMS).sort()).toEqual([...PACKAGE_PROGRAM_NAMES].sort());
  });
});

describe('git config', () => {
  it('writes and reads the global config file', async () => {
    const fs = alpineFs({}, { '/usr/bin/git': 'git' });
    const r = await run(fs, 'git config --global user.name "Ada L" && git config --global user.email ada@example.com && git config --global user.name Ada && git config --global --get user.name && git config --global --list');
    expect(r.stdout()).toBe('Ada\nuser.name=Ada\nuser.email=ada@example.com\n');
    expect(readText(fs, '/root/.gitconfig')).toBe('[user]\n\tname = Ada\n\temail = ada@example.com\n');
    expect((await run(fs, 'git config user.name x')).stderr()).toBe('fatal: not in a git directory\n');
  });
});
