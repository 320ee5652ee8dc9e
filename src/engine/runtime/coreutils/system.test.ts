/** Coreutils whose output depends on the container (user, clock, processes, PATH): asserted against the image's files. */
import { describe, expect, it } from 'vitest';
import { alpineFs, run } from '../packages/testing';
import { readText } from '../fs-helpers';
import { T0 } from '../test-helpers';

const GROUPS = 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nadm:x:4:root,adm,daemon\nwheel:x:10:root\nnode:x:1000:\nstaff:x:50:node\n';
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n';

describe('users: id, whoami, ps', () => {
  it('id reads the user and groups from /etc/passwd and /etc/group', async () => {
    const fs = alpineFs({ '/etc/group': GROUPS, '/etc/passwd': PASSWD });
    expect((await run(fs, 'id')).stdout()).toBe('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),4(adm),10(wheel)\n');
    expect((await run(fs, 'id', { user: 'node' })).stdout()).toBe('uid=1000(node) gid=1000(node) groups=1000(node),50(staff)\n');
    expect((await run(fs, 'id -u; id -un; id -g node; id -Gn node')).stdout()).toBe('0\nroot\n1000\nnode staff\n');
    // A uid without a passwd line, as `docker run -u 4242`: no name, group 0.
    expect((await run(fs, 'id', { user: '4242' })).stdout()).toBe('uid=4242 gid=0(root) groups=0(root)\n');
    const who = await run(fs, 'whoami', { user: '4242' });
    expect(who.stderr()).toBe('whoami: unknown uid 4242\n');
    expect(who.exit?.code).toBe(1);
    expect((await run(fs, 'whoami', { user: 'node' })).stdout()).toBe('node\n');
    expect((await run(fs, 'id nobody')).stderr()).toBe('id: unknown user nobody\n');
  });

  it('ps lists the processes with the user name', async () => {
    const r = await run(alpineFs({ '/etc/passwd': PASSWD }), 'ps', { user: 'node' });
    expect(r.stdout()).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 node {6}0:00 sh -c ps\n/);
  });
});

describe('clock and system', () => {
  it('date formats the virtual time in UTC', async () => {
    const r = await run(alpineFs(), 'date; date +%Y-%m-%dT%H:%M:%S%z; date -d "2024-02-29 13:05" "+%A %B %e %j %I%p"; date -d nonsense');
    const d = new Date(T0);
    expect(r.stdout()).toBe(`Mon Nov 23 09:00:00 UTC 2026\n2026-11-23T09:00:00+0000\nThursday February 29 060 01PM\n`.replace('Mon', ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]));
    expect(r.stderr()).toBe("date: invalid date 'nonsense'\n");
  });

  it('sleep waits on the virtual clock', async () => {
    const r = await run(alpineFs(), 'sleep 2; date +%s');
    expect(r.stdout()).toBe(`${T0 / 1000 + 2}\n`);
  });

  it('yes fills one pipe buffer for a reader that reads as a whole', async () => {
    const r = await run(alpineFs(), 'yes | wc -c; yes no | head -n 2');
    expect(r.stdout()).toBe('65536\nno\nno\n');
  });

  it('which, env and nproc', async () => {
    const fs = alpineFs();
    expect((await run(fs, 'which ls sh nope; echo $?')).stdout()).toBe('/bin/ls\n/bin/sh\n1\n');
    expect((await run(fs, 'env -i A=1 sh -c "echo \\$A"; env nope')).all()).toBe("1\nenv: can't execute 'nope': No such file or directory\n");
    expect((await run(fs, 'nproc')).stdout()).toBe('2\n');
  });
});

describe('files', () => {
  it('install copies with a mode and makes directories; mktemp makes unique files', async () => {
    const fs = alpineFs({ '/src/tool.sh': '#!/bin/sh\necho tool\n' });
    const r = await run(fs, 'install -D -m 700 /src/tool.sh /opt/bin/tool && stat -c "%a %s" /opt/bin/tool && install -d -m 750 /var/app && stat -c %a /var/app');
    expect(r.stdout()).toBe('700 20\n750\n');
    const t = await run(fs, 'a=$(mktemp); b=$(mktemp); d=$(mktemp -d); [ "$a" != "$b" ] && [ -f "$a" ] && [ -d "$d" ] && echo ok; echo $a | grep -c "^/tmp/tmp\\."');
    expect(t.stdout()).toBe('ok\n1\n');
  });

  it('ln -s makes a link that the shell and readlink follow; chown takes names from /etc/passwd', async () => {
    const fs = alpineFs({ '/etc/passwd': PASSWD, '/etc/group': GROUPS, '/app/a.txt': 'A\n' });
    expect((await run(fs, 'ln -s /app/a.txt /b && cat /b && readlink /b && ls -l /b | cut -c1')).stdout()).toBe('A\n/app/a.txt\nl\n');
    expect((await run(fs, 'chown -R node:staff /app && chown nobody /app')).stderr()).toBe('chown: unknown user nobody\n');
    expect(fs.owner('/app/a.txt')).toEqual({ uid: 1000, gid: 50 });
  });

  it('du counts 4 KiB blocks; df shows the overlay root', async () => {
    const fs = alpineFs({ '/data/big.bin': 'x'.repeat(10_000), '/data/small': 'y' });
    expect((await run(fs, 'du -s /data; du -sh /data')).stdout()).toBe('20\t/data\n20.0K\t/data\n');
    expect((await run(fs, 'df -h /')).stdout()).toMatch(/^Filesystem {16}Size {6}Used Available Use% Mounted on\noverlay /);
  });

  it('tar -z round-trips files made here', async () => {
    const fs = alpineFs({ '/src/a/b.txt': 'hello\n', '/src/c.txt': 'c\n' });
    const r = await run(fs, 'tar -czf /tmp/s.tgz -C /src . && mkdir /out && tar -xzf /tmp/s.tgz -C /out && cat /out/a/b.txt /out/c.txt && tar tzf /tmp/s.tgz');
    expect(r.stdout()).toBe('hello\nc\n./\n./a/\n./a/b.txt\n./c.txt\n');
    expect(readText(fs, '/out/a/b.txt')).toBe('hello\n');
  });
});

describe('owners', () => {
  it('ls -l and stat show the owners chown and adduser set, by name', async () => {
    const fs = alpineFs({ '/etc/passwd': PASSWD, '/etc/group': GROUPS, '/srv/a.txt': 'A\n' });
    const r = await run(fs, 'chown node:staff /srv/a.txt && ls -l /srv/a.txt | cut -c1-34 && stat -c "%U %G %u %g" /srv/a.txt');
    expect(r.stdout()).toBe('-rw-r--r--    1 node     staff    \nnode staff 1000 50\n');
  });
});
