import { describe, expect, it } from 'vitest';
import { alpineFs, run } from './testing';
import { readText } from '../fs-helpers';

describe('apk', () => {
  it('add fetches the indexes, installs with dependencies and records the database as apk writes it', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add curl');
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/community\/x86_64\/APKINDEX\.tar\.gz\n\(1\/11\) Installing ca-certificates \(20240705-r0\)\n/);
    expect(r.stdout()).toContain('(11/11) Installing curl (8.11.0-r2)\nExecuting busybox-1.36.1-r29.trigger\nExecuting ca-certificates-20240705-r0.trigger\nOK: ');
    expect(r.stdout()).toMatch(/OK: \d+ MiB in 13 packages\n$/);
    expect(fs.stat('/usr/bin/curl')).toMatchObject({ type: 'file', size: 162_202, mode: 0o755 });
    expect(readText(fs, '/lib/apk/db/installed')).toContain('\nP:curl\nV:8.11.0-r2\nA:x86_64\nI:270336\nD:ca-certificates brotli-libs c-ares libcurl libidn2 libpsl nghttp2-libs zstd-libs\nF:usr/bin\nR:curl\n');
    expect(readText(fs, '/etc/apk/world')).toBe('curl\n');
    expect(fs.readdir('/var/cache/apk')?.length).toBe(2);
    // curl is a program Layerlab runs; jq's files are there but it cannot run them.
    const jq = await run(fs, 'apk add -q jq && jq --version');
    expect(jq.stderr()).toBe("jq: Layerlab installs this package's files but cannot run it\n");
    expect(jq.exit?.code).toBe(126);
  });

  it('--no-cache keeps no index; --virtual adds the virtual package, and del purges it with what it pulled in', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add --no-cache --virtual .build-deps jq && apk del .build-deps');
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toContain('(1/3) Installing oniguruma (6.9.9-r0)\n(2/3) Installing jq (1.7.1-r0)\n(3/3) Installing .build-deps (20261123.090000)\n');
    expect(r.stdout()).toContain('(1/3) Purging .build-deps (20261123.090000)\n(2/3) Purging jq (1.7.1-r0)\n(3/3) Purging oniguruma (6.9.9-r0)\n');
    expect(r.stdout()).toMatch(/OK: 0 MiB in 2 packages\n$/);
    expect(fs.stat('/usr/bin/jq')).toBeNull();
    expect(fs.stat('/var/cache/apk')).toBeNull();
  });

  it('refuses names that are no package, installing nothing, in apk-tools 2.14 words', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'apk add --no-cache /root build-essential');
    expect(r.exit?.code).toBe(1);
    expect(r.stderr()).toMatch(
      /^ERROR: unable to select packages:\n {2}\/root \(no such package\):\n {4}required by: world\[\/root\]\n {2}build-essential \(no such package\):\n {4}required by: world\[build-essential\]\nLayerlab: the offline index has \d+ Alpine packages, the ones tutorials add and their dependencies; \/root, build-essential are not among them\n$/,
    );
    expect(fs.stat('/usr/bin/build-essential')).toBeNull();
  });

  it('needs root', async () => {
    const r = await run(alpineFs(), 'apk update', { user: 'nobody' });
    expect(r.exit?.code).toBe(99);
    expect(r.stderr()).toBe('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
  });
});
