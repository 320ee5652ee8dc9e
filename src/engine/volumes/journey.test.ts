/**
 * Volumes and mounts as a learner meets them (the "Docker in a Month of Lunches" chapter 6 exercises, on busybox):
 * data that outlives its container, VOLUME in a Dockerfile, read-only mounts, tmpfs, bind mounts of the workspace.
 * Expected outputs: testdata/engine-20.10-volumes.txt, recorded from a real Engine 20.10.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testEnv } from '../core/env';
import { memoryContext } from '../core/host';
import { bufferIO } from '../core/io';
import { memoryHostFiles } from './memory-host-files';

const VOLUME_DOCKERFILE = 'FROM busybox\nRUN mkdir /vol && echo seeded > /vol/s\nVOLUME /vol\nCMD ["cat","/vol/s"]\n';

function setup(opts: { snapshot?: ReturnType<Engine['snapshot']>; files?: Record<string, string | Uint8Array> } = {}) {
  const env = testEnv();
  const files = opts.files ?? { Dockerfile: VOLUME_DOCKERFILE };
  let version = 0;
  const hostFiles = memoryHostFiles('/home/learner/app', {
    files: () => files,
    write: (p, d) => void (files[p] = new TextDecoder().decode(d)),
    remove: (p) => {
      for (const k of Object.keys(files)) if (k === p || k.startsWith(p + '/')) delete files[k];
    },
    version: () => version,
  });
  const engine = new Engine({ env, context: memoryContext({ Dockerfile: VOLUME_DOCKERFILE }), snapshot: opts.snapshot, hostFiles });
  engine.registry.sleep = null;
  const run = async (...argv: string[]) => {
    const io = bufferIO();
    const code = await engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  /** An edit in the workspace, as the editor makes it. */
  const edit = (path: string, text: string) => {
    files[path] = text;
    version++;
  };
  return { env, engine, run, files, edit };
}

describe('named volumes', () => {
  it('keep data written in one container for the next, after docker rm', async () => {
    const { run } = setup();
    expect(await run('run', '--name', 'writer', '-v', 'data:/data', 'busybox', 'sh', '-c', 'echo hello > /data/f; ls /data')).toMatchObject({ code: 0, out: 'f\n' });
    expect((await run('rm', 'writer')).out).toBe('writer\n');
    expect(await run('run', '--rm', '-v', 'data:/data', 'busybox', 'cat', '/data/f')).toMatchObject({ code: 0, out: 'hello\n' });
    expect((await run('volume', 'ls')).out).toBe('DRIVER    VOLUME NAME\nlocal     data\n');
  });

  it('are shared by running containers, never in the writable layer (docker diff, commit)', async () => {
    const { run } = setup();
    await run('run', '-d', '--name', 'ca', '-v', 'shared:/shared', 'busybox', 'sleep', '1000');
    await run('run', '-d', '--name', 'cb', '-v', 'shared:/shared', 'busybox', 'sleep', '1000');
    expect((await run('exec', 'ca', 'sh', '-c', 'echo from-a > /shared/note')).code).toBe(0);
    expect((await run('exec', 'cb', 'cat', '/shared/note')).out).toBe('from-a\n');
    // Only the mount point Docker made is in the writable layer (a real Engine: "A /data"), not the files.
    expect((await run('diff', 'ca')).out).toBe('A /shared\n');
    await run('commit', 'ca', 'snap');
    expect(await run('run', '--rm', 'snap', 'ls', '-a', '/shared')).toMatchObject({ code: 0, out: '.\n..\n' });
  });

  it('take docker cp into and out of the mount point (the files go to the volume, not the container)', async () => {
    const { run } = setup();
    await run('create', '--name', 'box', '-v', 'data:/data', '-v', 'ro:/ro:ro', 'busybox', 'true');
    expect(await run('cp', 'Dockerfile', 'box:/data/')).toMatchObject({ code: 0 });
    expect((await run('cp', 'box:/data/Dockerfile', '-')).out).toBe(VOLUME_DOCKERFILE);
    expect((await run('run', '--rm', '-v', 'data:/d', 'busybox', 'head', '-1', '/d/Dockerfile')).out).toBe('FROM busybox\n');
    expect((await run('diff', 'box')).out).toBe('');
    expect(await run('cp', 'Dockerfile', 'box:/ro/')).toEqual({ code: 1, out: '', err: 'Error response from daemon: mounted volume is marked read-only\n' });
  });

  it('are filled from the image when new and empty (busybox /etc), unless nocopy', async () => {
    const { run } = setup();
    const ls = await run('run', '--rm', '-v', 'etcvol:/etc', 'busybox', 'ls', '/etc');
    expect(ls.out.split('\n')).toEqual(expect.arrayContaining(['group', 'hostname', 'hosts', 'passwd']));
    // The copy is in the volume: mounted elsewhere, it still holds the image's /etc files.
    expect((await run('run', '--rm', '-v', 'etcvol:/data', 'busybox', 'cat', '/data/passwd')).out).toMatch(/^root:x:0:0:/);
    const nc = await run('run', '--rm', '--mount', 'type=volume,src=nc,dst=/etc,volume-nocopy', 'busybox', 'ls', '/etc');
    expect(nc.out).toBe('hostname\nhosts\n');
  });

  it('reject writes when mounted read-only, with the errors busybox prints', async () => {
    const { run } = setup();
    await run('pull', 'busybox');
    await run('volume', 'create', 'data');
    expect(await run('run', '--rm', '-v', 'data:/data:ro', 'busybox', 'sh', '-c', 'echo x > /data/g')).toMatchObject({ code: 1, err: "sh: can't create /data/g: Read-only file system\n" });
    expect(await run('run', '--rm', '-v', 'data:/data:ro', 'busybox', 'touch', '/data/h')).toMatchObject({ code: 1, err: 'touch: /data/h: Read-only file system\n' });
    expect(await run('run', '--rm', '--mount', 'source=data,target=/data,readonly', 'busybox', 'mkdir', '/data/d')).toMatchObject({
      code: 1,
      err: "mkdir: can't create directory '/data/d': Read-only file system\n",
    });
  });

  it('keep their mount point: rmdir and rm -rf say "Device or resource busy"', async () => {
    const { run } = setup();
    await run('pull', 'busybox');
    expect(await run('run', '--rm', '-v', 'data:/data', 'busybox', 'rmdir', '/data')).toMatchObject({ code: 1, err: "rmdir: '/data': Device or resource busy\n" });
    expect(await run('run', '--rm', '-v', '/stuff', 'busybox', 'rm', '-rf', '/stuff')).toMatchObject({ code: 1, err: "rm: can't remove '/stuff': Device or resource busy\n" });
  });

  it('stay while a container uses them: "volume is in use", even with -f', async () => {
    const { run } = setup();
    const id = (await run('run', '-d', '--name', 'holder', '-v', 'data:/data', 'busybox', 'sleep', '1000')).out.trim();
    for (const argv of [['volume', 'rm', 'data'], ['volume', 'rm', '-f', 'data']]) {
      expect(await run(...argv)).toEqual({ code: 1, out: '', err: `Error response from daemon: remove data: volume is in use - [${id}]\n` });
    }
    await run('rm', '-f', 'holder');
    expect(await run('volume', 'rm', 'data')).toEqual({ code: 0, out: 'data\n', err: '' });
    expect(await run('volume', 'rm', 'data')).toEqual({ code: 1, out: '', err: 'Error response from daemon: get data: no such volume\n' });
  });

  it('show in inspect: the container Mounts, HostConfig.Binds/Mounts, and docker volume inspect', async () => {
    const { run } = setup();
    await run('run', '-d', '--name', 'm1', '-v', 'data:/data', '--mount', 'type=volume,source=mv,target=/mv,readonly', 'busybox', 'sleep', '1000');
    const mounts = JSON.parse((await run('inspect', '--format', '{{json .Mounts}}', 'm1')).out);
    expect(mounts).toEqual([
      { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' },
      { Type: 'volume', Name: 'mv', Source: '/var/lib/docker/volumes/mv/_data', Destination: '/mv', Driver: 'local', Mode: 'z', RW: false, Propagation: '' },
    ]);
    expect((await run('inspect', '--format', '{{json .HostConfig.Binds}} {{json .HostConfig.Mounts}}', 'm1')).out).toBe('["data:/data"] [{"Type":"volume","Source":"mv","Target":"/mv","ReadOnly":true}]\n');
    const v = JSON.parse((await run('volume', 'inspect', 'data')).out);
    expect(v).toEqual([{ CreatedAt: expect.stringMatching(/Z$/), Driver: 'local', Labels: null, Mountpoint: '/var/lib/docker/volumes/data/_data', Name: 'data', Options: null, Scope: 'local' }]);
    expect((await run('volume', 'inspect', '-f', '{{.Name}} {{.Driver}}', 'data')).out).toBe('data local\n');
    expect(await run('volume', 'inspect', 'nope')).toEqual({ code: 1, out: '[]\n', err: 'Error response from daemon: get nope: no such volume\n' });
  });

  it('count in system df (size, links, reclaimable)', async () => {
    const { run } = setup();
    await run('volume', 'create', 'sized');
    await run('run', '--rm', '-v', 'sized:/s', 'busybox', 'sh', '-c', 'echo abcdef > /s/x');
    expect((await run('system', 'df')).out).toContain('Local Volumes   1         0         7B        7B (100%)\n');
    await run('run', '-d', '--name', 'holder', '-v', 'sized:/s', 'busybox', 'sleep', '1000');
    expect((await run('system', 'df')).out).toContain('Local Volumes   1         1         7B        0B (0%)\n');
    const v = (await run('system', 'df', '-v')).out;
    expect(v).toContain('Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\nsized         1         7B\n');
    expect(v).toMatch(/"sleep 1000"\s+1\s+0B/);
  });
});

describe('anonymous volumes', () => {
  it('come from VOLUME in a Dockerfile: one per container, a 64-hex name, in inspect Mounts; rm -v removes it', async () => {
    const { run } = setup();
    expect((await run('build', '-q', '-t', 'volimg', '.')).code).toBe(0);
    expect(await run('run', '--name', 'v1', 'volimg')).toMatchObject({ code: 0, out: 'seeded\n' });
    const names = (await run('volume', 'ls', '-q')).out.trim().split('\n');
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{64}$/);
    expect((await run('inspect', '--format', '{{json .Mounts}} {{json .Config.Volumes}} {{json .HostConfig.Binds}}', 'v1')).out).toBe(
      `[{"Type":"volume","Name":"${names[0]}","Source":"/var/lib/docker/volumes/${names[0]}/_data","Destination":"/vol","Driver":"local","Mode":"","RW":true,"Propagation":""}] {"/vol":{}} null\n`,
    );
    expect((await run('rm', '-v', 'v1')).out).toBe('v1\n');
    expect((await run('volume', 'ls', '-q')).out).toBe('');
  });

  it('outlive docker rm without -v until volume prune; --rm removes them; named ones stay', async () => {
    const { run } = setup();
    await run('build', '-q', '-t', 'volimg', '.');
    await run('run', '--name', 'v2', 'volimg');
    await run('rm', 'v2');
    const left = (await run('volume', 'ls', '-q')).out.trim();
    expect(left).toMatch(/^[0-9a-f]{64}$/);
    expect(await run('volume', 'prune', '-f')).toEqual({ code: 0, out: `Deleted Volumes:\n${left}\n\nTotal reclaimed space: 7B\n`, err: '' });
    expect((await run('run', '--rm', 'volimg')).out).toBe('seeded\n');
    expect((await run('volume', 'ls', '-q')).out).toBe('');
    await run('run', '--name', 'vv', '-v', 'data:/data', '-v', '/anon', 'busybox', 'true');
    await run('rm', '-v', 'vv');
    expect((await run('volume', 'ls', '-q')).out).toBe('data\n');
    await run('run', '--name', 'tmp', '-v', '/anon', 'busybox', 'true');
    await run('rm', 'tmp');
    const anon = (await run('volume', 'ls', '-q', '-f', 'dangling=true')).out.split('\n').find((n) => n.length === 64);
    expect((await run('system', 'prune', '-f', '--volumes')).out).toContain(`Deleted Volumes:\n${anon}\n\n`);
    // Engine 28 prunes only anonymous volumes unless -a (API 1.42 and later).
    expect((await run('volume', 'prune', '-f')).out).toBe('Total reclaimed space: 0B\n');
    expect((await run('volume', 'prune', '-a', '-f')).out).toBe('Deleted Volumes:\ndata\n\nTotal reclaimed space: 0B\n');
  });
});

describe('tmpfs', () => {
  it('is empty at each start and never reaches the writable layer', async () => {
    const { run } = setup();
    await run('create', '--name', 'tt', '--tmpfs', '/scratch', 'busybox', 'sh', '-c', 'ls /scratch; echo x > /scratch/a; ls /scratch');
    expect((await run('start', '-a', 'tt')).out).toBe('a\n');
    expect((await run('start', '-a', 'tt')).out).toBe('a\n');
    expect((await run('diff', 'tt')).out).toBe('A /scratch\n');
    expect((await run('inspect', '--format', '{{json .Mounts}} {{json .HostConfig.Tmpfs}}', 'tt')).out).toBe('[] {"/scratch":""}\n');
  });

  it('keeps what a running container wrote across an engine restore (the CLI saves state between commands)', async () => {
    const first = setup();
    await first.run('run', '-d', '--name', 'tt', '--tmpfs', '/scratch', 'busybox', 'sh', '-c', 'echo kept > /scratch/a; sleep 1000');
    const again = setup({ snapshot: JSON.parse(JSON.stringify(first.engine.snapshot())) });
    expect((await again.run('exec', 'tt', 'cat', '/scratch/a')).out).toBe('kept\n');
  });
});

describe('volumes in the engine snapshot', () => {
  it('survive a save and restore with their files', async () => {
    const first = setup();
    await first.run('run', '--rm', '-v', 'data:/data', 'busybox', 'sh', '-c', 'echo persisted > /data/f');
    const again = setup({ snapshot: JSON.parse(JSON.stringify(first.engine.snapshot())) });
    expect((await again.run('run', '--rm', '-v', 'data:/data', 'busybox', 'cat', '/data/f')).out).toBe('persisted\n');
  });
});

describe('bind mounts of the working directory', () => {
  it('map a host folder both ways: the container sees host files and its writes reach the host', async () => {
    const { run, files } = setup({ files: { 'src/index.txt': 'from host\n' } });
    const r = await run('run', '--rm', '-v', '/home/learner/app/src:/app/src', 'busybox', 'sh', '-c', 'cat /app/src/index.txt; echo from-container > /app/src/out.txt');
    expect(r).toMatchObject({ code: 0, out: 'from host\n' });
    expect(files['src/out.txt']).toBe('from-container\n');
    expect((await run('run', '--rm', '--mount', 'type=bind,source=/home/learner/app,target=/app', 'busybox', 'ls', '/app/src')).out).toBe('index.txt\nout.txt\n');
  });

  it('take -v .:/app and show edits made while the container runs', async () => {
    const { run, edit, files } = setup({ files: { 'page.html': 'v1\n' } });
    await run('run', '-d', '--name', 'web', '-v', '.:/app', 'busybox', 'sleep', '1000');
    expect((await run('exec', 'web', 'cat', '/app/page.html')).out).toBe('v1\n');
    edit('page.html', 'v2\n');
    expect((await run('exec', 'web', 'cat', '/app/page.html')).out).toBe('v2\n');
    expect((await run('cp', 'Dockerfile', 'web:/app/copied.txt')).code).toBe(0);
    expect(files['copied.txt']).toBe(VOLUME_DOCKERFILE);
    await run('exec', 'web', 'rm', '/app/page.html');
    expect(files['page.html']).toBeUndefined();
    expect((await run('diff', 'web')).out).toBe('A /app\n');
    expect((await run('inspect', '--format', '{{json .Mounts}}', 'web')).out).toBe('[{"Type":"bind","Source":"/home/learner/app","Destination":"/app","Mode":"","RW":true,"Propagation":"rprivate"}]\n');
  });

  it("give Docker's error for a missing --mount source, and say which folders Layerlab can mount", async () => {
    const { run } = setup();
    expect((await run('run', '--rm', '--mount', 'type=bind,source=/home/learner/app/nope,target=/x', 'busybox', 'true')).err).toBe(
      'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /home/learner/app/nope\n\nRun \'docker run --help\' for more information\n',
    );
    const outside = await run('run', '--rm', '-v', '/etc:/x', 'busybox', 'true');
    expect(outside.code).toBe(125);
    expect(outside.err).toContain('Layerlab bind-mounts only folders inside the working directory /home/learner/app, not /etc');
  });
});
