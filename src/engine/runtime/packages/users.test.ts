import { describe, expect, it } from 'vitest';
import { alpineFs, debianFs, run } from './testing';
import { readText } from '../fs-helpers';
import { fsReader, lookupGroup, lookupUser, resolveUserSpec } from '../users';

describe('user tools', () => {
  it('busybox addgroup/adduser edit /etc/passwd and /etc/group and create the owned home', async () => {
    const fs = alpineFs();
    const r = await run(fs, 'addgroup -S app && adduser -S -G app app && addgroup -g 2000 web && adduser -D -u 1500 -h /srv/dev dev');
    expect(r.exit?.code).toBe(0);
    expect(readText(fs, '/etc/group')).toContain('\napp:x:100:\nweb:x:2000:\ndev:x:1500:\n');
    expect(readText(fs, '/etc/passwd')).toContain('\napp:x:100:100:Linux User,,,:/home/app:/sbin/nologin\ndev:x:1500:1500:Linux User,,,:/srv/dev:/bin/sh\n');
    expect(fs.stat('/home/app')?.type).toBe('dir');
    expect(fs.owner('/home/app')).toEqual({ uid: 100, gid: 100 });
    expect(lookupUser(fsReader(fs), 'dev')).toMatchObject({ uid: 1500, gid: 1500, home: '/srv/dev' });
    const dup = await run(fs, 'adduser -D app');
    expect(dup.exit?.code).toBe(1);
    expect(dup.stderr()).toBe("adduser: user 'app' in use\n");
    expect((await run(fs, 'addgroup dev web')).exit?.code).toBe(0);
    expect(lookupGroup(fsReader(fs), 'web')?.members).toEqual(['dev']);
  });

  it('useradd/groupadd take long options with values, as the nginx image runs them', async () => {
    const fs = debianFs();
    const r = await run(fs, 'groupadd --system --gid 101 nginx && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx');
    expect(r.exit?.code).toBe(0);
    expect(readText(fs, '/etc/passwd')).toContain('\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
    expect(fs.stat('/nonexistent')).toBeNull();
    const again = await run(fs, 'useradd nginx');
    expect(again.exit?.code).toBe(9);
    expect(again.stderr()).toBe("useradd: user 'nginx' already exists\n");
    expect((await run(fs, 'useradd -m -s /bin/bash dev')).exit?.code).toBe(0);
    expect(resolveUserSpec(fsReader(fs), 'dev:staff')).toEqual({ name: 'dev', uid: 1000, gid: 50, known: true });
    expect(fs.stat('/home/dev')?.type).toBe('dir');
  });

  it('useradd is not found on alpine, and users cannot add users', async () => {
    expect((await run(alpineFs(), 'useradd x')).stderr()).toBe('sh: useradd: not found\n');
    const r = await run(alpineFs(), 'adduser -D x', { user: 'nobody' });
    expect(r.exit?.code).toBe(1);
    expect(r.stderr()).toBe('adduser: Permission denied.\n');
  });
});
