import { describe, expect, it } from 'vitest';
import { alpineFs, run } from './testing';
import { readText } from '../fs-helpers';

describe('apk', () => {
  it('add fetches the indexes, installs with dependencies and records the database', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add curl');
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/community\/x86_64\/APKINDEX\.tar\.gz\n\(1\/8\) Installing ca-certificates \(20241121-r0\)\n/);
    expect(r.stdout()).toContain('(8/8) Installing curl (8.11.1-r0)\nExecuting busybox-1.36.1-r29.trigger\nExecuting ca-certificates-20241121-r0.trigger\nOK: ');
    expect(r.stdout()).toMatch(/OK: \d+ MiB in 10 packages\n$/);
    expect(fs.stat('/usr/bin/curl')).toMatchObject({ type: 'file', size: 125_000, mode: 0o755 });
    expect(readText(fs, '/lib/apk/db/installed')).toContain('\nP:curl\nV:8.11.1-r0\n');
    expect(fs.readdir('/var/cache/apk')?.length).toBe(2);
  });

  it('--no-cache keeps no index; --virtual adds the virtual package', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add --no-cache --virtual .build-deps jq');
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toContain('(1/2) Installing jq (1.7.1-r0)\n(2/2) Installing .build-deps (20241123.090000)\n');
    expect(fs.stat('/var/cache/apk')).toBeNull();
  });

  it('refuses names that are no package, installing nothing', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add --no-cache /root build-essential');
    expect(r.exit?.code).toBe(1);
    expect(r.stderr()).toBe('ERROR: unable to select packages:\n  /root (no such package):\n    required by: world[/root]\n  build-essential (no such package):\n    required by: world[build-essential]\n');
    expect(fs.stat('/usr/bin/build-essential')).toBeNull();
  });

  it('needs root', async () => {
    const r = await run(alpineFs(), 'apk update', { user: 'nobody' });
    expect(r.exit?.code).toBe(99);
    expect(r.stderr()).toBe('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
  });
});
