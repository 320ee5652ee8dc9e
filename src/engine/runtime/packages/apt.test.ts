import { describe, expect, it } from 'vitest';
import { debianFs, run } from './testing';
import { readText } from '../fs-helpers';

describe('apt-get', () => {
  it('needs apt-get update before install, then installs binaries and records them in dpkg status', async () => {
    const fs = debianFs();
    const first = await run(fs, 'apt-get install -y curl');
    expect(first.exit?.code).toBe(100);
    expect(first.stderr()).toContain('E: Unable to locate package curl\n');
    const r = await run(fs, 'apt-get update && apt-get install -y curl');
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n');
    expect(r.stdout()).toContain('The following additional packages will be installed:\n');
    expect(r.stdout()).toContain('Setting up curl (7.88.1-10+deb12u8) ...\n');
    expect(r.stdout()).toContain('Processing triggers for libc-bin (2.36-9+deb12u9) ...\n');
    expect(fs.stat('/usr/bin/curl')).toMatchObject({ type: 'file', size: 300_000, mode: 0o755 });
    expect(readText(fs, '/var/lib/dpkg/status')).toContain('\nPackage: curl\nStatus: install ok installed\nVersion: 7.88.1-10+deb12u8\n');
    expect(fs.stat('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4')?.size).toBe(17_800_000);
    // Downloads and unpacking take virtual time, as the build's logs show.
    expect(r.ms).toBeGreaterThan(3000);
    const again = await run(fs, 'apt-get install -y curl');
    expect(again.stdout()).toContain('curl is already the newest version (7.88.1-10+deb12u8).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
  });

  it('stops at the prompt without -y when more packages come along', async () => {
    const r = await run(debianFs(), 'apt-get update -qq && apt-get install curl');
    expect(r.exit?.code).toBe(1);
    expect(r.stdout()).toContain('Do you want to continue? [Y/n] Abort.\n');
  });

  it('refuses a non-root user like apt, and apt answers too', async () => {
    const r = await run(debianFs(), 'apt-get update', { user: 'nobody' });
    expect(r.exit?.code).toBe(100);
    expect(r.stderr()).toBe('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
    expect((await run(debianFs(), 'apt frobnicate')).stderr()).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\nE: Invalid operation frobnicate\n');
  });

  it('is not found where the image has no apt-get (alpine)', async () => {
    const { alpineFs } = await import('./testing');
    const r = await run(alpineFs(), 'apt-get update');
    expect(r.exit?.code).toBe(127);
    expect(r.stderr()).toBe('sh: apt-get: not found\n');
  });
});
