/**
 * A container's /dev as Docker makes it: the listing real Engine 20.10 showed for `ls -l /dev` in a busybox
 * container (dates aside: they are the container's start), devices read and written like the real ones, and
 * nothing written under /dev reaching a container's `docker diff` or a build step's layer.
 */
import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from './test-helpers';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { testEngine } from '../build/testkit';

async function sh(script: string, opts: { tty?: boolean; stdin?: string } = {}) {
  const c = spawnCollect({ argv: ['sh', '-c', script], tty: opts.tty ?? false, interactive: opts.stdin !== undefined, env: { PATH: '/bin', HOME: '/root' }, fs: imageFs('busybox') });
  if (opts.stdin !== undefined) {
    c.proc.write(opts.stdin);
    c.proc.closeStdin();
  }
  await c.proc.advanceTo(T0 + 60_000);
  return { out: c.stdout(), err: c.stderr(), all: c.all(), code: c.exit?.code };
}

/** `docker run --rm busybox ls -l /dev` on Engine 20.10, its dates replaced by the container's start. */
const ORACLE_LS_DEV = `total 0
lrwxrwxrwx    1 root     root            13 DATE fd -> /proc/self/fd
crw-rw-rw-    1 root     root        1,   7 DATE full
drwxrwxrwt    2 root     root            40 DATE mqueue
crw-rw-rw-    1 root     root        1,   3 DATE null
lrwxrwxrwx    1 root     root             8 DATE ptmx -> pts/ptmx
drwxr-xr-x    2 root     root             0 DATE pts
crw-rw-rw-    1 root     root        1,   8 DATE random
drwxrwxrwt    2 root     root            40 DATE shm
lrwxrwxrwx    1 root     root            15 DATE stderr -> /proc/self/fd/2
lrwxrwxrwx    1 root     root            15 DATE stdin -> /proc/self/fd/0
lrwxrwxrwx    1 root     root            15 DATE stdout -> /proc/self/fd/1
crw-rw-rw-    1 root     root        5,   0 DATE tty
crw-rw-rw-    1 root     root        1,   9 DATE urandom
crw-rw-rw-    1 root     root        1,   5 DATE zero
`.replaceAll('DATE', 'Nov 23 09:00');

describe("a container's /dev", () => {
  it('lists the devices, links and directories Docker gives every container', async () => {
    expect(await sh('ls -l /dev')).toMatchObject({ out: ORACLE_LS_DEV, code: 0 });
    // Engine 20.10: `ls -ld /dev` (a tmpfs: 40 bytes and 20 per entry; 2 links and one per subdirectory).
    expect((await sh('ls -ld /dev')).out).toBe('drwxr-xr-x    5 root     root           320 Nov 23 09:00 /dev\n');
    // With -t the console is the container's pty (group tty); its line as Engine 20.10 printed it.
    expect((await sh('ls -l /dev | grep console', { tty: true })).out).toBe('crw--w----    1 root     5         136,   0 Nov 23 09:00 console\r\n');
  });

  it('reads and writes the devices like the real ones', async () => {
    expect(await sh('cat < /dev/null; echo "st=$?"; echo gone > /dev/null; echo kept 2>/dev/null; head -c 8 /dev/zero | wc -c')).toEqual({ out: 'st=0\nkept\n8\n', err: '', all: 'st=0\nkept\n8\n', code: 0 });
    // Engine 20.10: `echo hi > /dev/full` and /dev/tty without a terminal.
    expect(await sh('echo hi > /dev/full; echo "st=$?"; echo hi > /dev/tty; echo "st=$?"; cat /dev/tty; echo "st=$?"')).toMatchObject({
      out: 'st=1\nst=1\nst=1\n',
      err: "sh: write error: No space left on device\nsh: can't create /dev/tty: No such device or address\ncat: can't open '/dev/tty': No such device or address\n",
    });
    expect((await sh('echo hi > /dev/tty; echo st=$?', { tty: true })).out).toBe('hi\r\nst=0\r\n');
    expect(await sh('echo o > /dev/stdout; echo e > /dev/stderr; cat /dev/stdin', { stdin: 'in\n' })).toMatchObject({ out: 'o\nin\n', err: 'e\n' });
    expect((await sh('test -c /dev/null && echo char; test -f /dev/null || echo notfile; stat -c %F /dev/zero; find /dev -type c | sort | head -3')).out).toBe('char\nnotfile\ncharacter special file\n/dev/full\n/dev/null\n/dev/pts/ptmx\n');
  });

  it('serves node programs the same devices', async () => {
    const script = "const fs = require('fs'); fs.writeFileSync('/dev/null', 'x'); fs.writeFileSync('/dev/stdout', 'via-path\\n'); console.log(fs.readFileSync('/dev/zero').length, fs.statSync('/dev/null').isCharacterDevice(), fs.readFileSync('/dev/null').length); fs.writeFileSync('/dev/full', 'x')";
    const c = spawnCollect({ argv: ['node', '-e', script], env: { PATH: '/usr/local/bin:/bin', NODE_VERSION: '20.11.1' }, fs: imageFs('node') });
    await c.proc.advanceTo(T0 + 10_000);
    expect(c.stdout()).toBe('via-path\n65536 true 0\n');
    expect(c.stderr()).toContain('ENOSPC: no space left on device');
    // The link itself is left alone: the shell still finds the descriptor behind it.
    expect((await sh('echo a > /dev/stdout; ls -l /dev/stdout')).out).toMatch(/^a\nlrwxrwxrwx .* \/dev\/stdout -> \/proc\/self\/fd\/1\n$/);
  });

  it('gives bytes of the process randomness from /dev/urandom: the same seed, the same bytes', async () => {
    const a = await sh('od -An -N8 -tx1 /dev/urandom');
    expect(a.out).toMatch(/^( [0-9a-f]{2}){8}\n$/);
    expect(a.out).not.toBe(' 00 00 00 00 00 00 00 00\n');
    expect((await sh('od -An -N8 -tx1 /dev/urandom')).out).toBe(a.out);
  });

  it('keeps what a process writes under /dev out of docker diff (a tmpfs, as on Engine 20.10)', async () => {
    const engine = new Engine({ env: testEnv(), context: memoryContext({}) });
    engine.registry.sleep = null;
    const docker = async (argv: string[]) => {
      const io = bufferIO();
      const code = await engine.run(argv, io);
      return { code, out: io.out, err: io.err };
    };
    expect((await docker(['run', '--name', 'c1', 'busybox', 'sh', '-c', 'echo x > /dev/shm/a; touch /dev/b; mkdir /dev/d; echo y > /etc/t'])).code).toBe(0);
    expect((await docker(['diff', 'c1'])).out).toBe('C /etc\nA /etc/t\n');
  });

  it("keeps a RUN step's writes under /dev out of its layer", async () => {
    const t = testEngine({ Dockerfile: 'FROM busybox\nRUN echo a > /dev/shm/x; mkdir -p /dev/qq; ls /dev > /list; echo y > /y\n' });
    await t.build({ progress: 'plain' });
    const img = t.engine.images.get('app')!;
    const fs = t.engine.images.rootfs(img.id);
    expect(fs.exists('/y')).toBe(true);
    expect(fs.exists('/dev/shm/x') || fs.exists('/dev/qq')).toBe(false);
    expect(new TextDecoder().decode(fs.readFile('/list'))).toContain('null\n');
  });
});
