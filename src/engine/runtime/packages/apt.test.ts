import { describe, expect, it } from 'vitest';
import { debianFs, run } from './testing';
import { readText } from '../fs-helpers';
import { aptSize } from './apt';

describe('apt-get', () => {
  it('fails without apt-get update, as on the official images whose /var/lib/apt/lists is empty', async () => {
    const fs = debianFs();
    const r = await run(fs, 'apt-get install -y curl wget');
    expect(r.exit?.code).toBe(100);
    expect(r.stdout()).toBe('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    expect(r.stderr()).toBe('E: Unable to locate package curl\nE: Unable to locate package wget\n');
    // Cleaning the lists in a layer brings the trap back for the next one.
    const again = await run(fs, 'apt-get update -qq && rm -rf /var/lib/apt/lists/* && apt-get install -y curl');
    expect(again.stderr()).toBe('E: Unable to locate package curl\n');
  });

  it('installs with dependencies and recommends, in apt-get 2.6 lines, and records dpkg status', async () => {
    const fs = debianFs();
    const r = await run(fs, 'apt-get update && apt-get install -y curl');
    expect(r.exit?.code).toBe(0);
    const out = r.stdout();
    expect(out).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n');
    expect(out).toContain('The following NEW packages will be installed:\n  ca-certificates curl krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2\n');
    expect(out).toContain('0 upgraded, 22 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 6,132 kB of archives.\nAfter this operation, 15.8 MB of additional disk space will be used.\n');
    expect(out).toMatch(/\nGet:\d+ http:\/\/deb\.debian\.org\/debian bookworm\/main amd64 curl amd64 7\.88\.1-10\+deb12u15 \[316 kB\]\n/);
    expect(out).toContain('Selecting previously unselected package libcurl4:amd64.\nPreparing to unpack .../');
    expect(out).toContain('Setting up curl (7.88.1-10+deb12u15) ...\n');
    expect(out).toMatch(/Processing triggers for libc-bin \(2\.36-9\+deb12u\d+\) \.\.\.\n$/);
    expect(r.stderr()).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(fs.stat('/usr/bin/curl')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(readText(fs, '/usr/share/doc/curl/copyright')).toMatch(/^Format: https:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\/1\.0\/\n/);
    expect(readText(fs, '/var/lib/dpkg/status')).toContain('Package: curl\nStatus: install ok installed\nPriority: optional\nInstalled-Size: 489\nArchitecture: amd64\nVersion: 7.88.1-10+deb12u15\n');
    // Downloads and unpacking take virtual time, as the build's logs show.
    expect(r.ms).toBeGreaterThan(3000);
    const again = await run(fs, 'apt-get install -y curl');
    expect(again.stdout()).toContain('curl is already the newest version (7.88.1-10+deb12u15).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    // The installed curl runs (Layerlab's curl); remove takes its files away.
    expect((await run(fs, 'curl http://nosuch.invalid/')).stderr()).toBe('curl: (6) Could not resolve host: nosuch.invalid\n');
    const rm = await run(fs, 'apt-get remove -y curl && ls /usr/bin/curl');
    expect(rm.stdout()).toContain('The following packages will be REMOVED:\n  curl\n0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\nAfter this operation, 501 kB disk space will be freed.\nRemoving curl (7.88.1-10+deb12u15) ...\n');
    expect(rm.stderr()).toBe('ls: /usr/bin/curl: No such file or directory\n');
  });

  it('--no-install-recommends lists the recommends it leaves out; programs it cannot run say so', async () => {
    const fs = debianFs();
    const r = await run(fs, 'apt-get update -qq && apt-get install -y --no-install-recommends git && git --version && vi; apt-get install -y -qq vim >/dev/null 2>&1; vim --version');
    expect(r.stdout()).toContain('Recommended packages:\n  ca-certificates patch less openssh-client\n');
    expect(r.stdout()).toContain('git version 2.39.5\n');
    expect(r.stderr()).toContain("vim: Layerlab installs this package's files but cannot run it\n");
    expect(fs.readlink?.('/usr/bin/vim')).toBe('/etc/alternatives/vim');
    expect(r.exit?.code).toBe(126);
  });

  it("names what the offline index lacks after apt's own error", async () => {
    const r = await run(debianFs(), 'apt-get update -qq && apt-get install -y nosuchpkg');
    expect(r.exit?.code).toBe(100);
    expect(r.stderr()).toMatch(/^E: Unable to locate package nosuchpkg\nLayerlab: the offline index has \d+ bookworm packages, the ones tutorials install and their dependencies; nosuchpkg is not among them\n$/);
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

  it('prints sizes as apt SizeToStr does', () => {
    expect([8_808, 55_400, 315_764, 7_264_380, 44_900_000, 123_000_000].map(aptSize)).toEqual(['8,808 B', '55.4 kB', '316 kB', '7,264 kB', '44.9 MB', '123 MB']);
  });

  it('is not found where the image has no apt-get (alpine)', async () => {
    const { alpineFs } = await import('./testing');
    const r = await run(alpineFs(), 'apt-get update');
    expect(r.exit?.code).toBe(127);
    expect(r.stderr()).toBe('sh: apt-get: not found\n');
  });
});
