import { describe, expect, it } from 'vitest';
import { bufferIO, stringStdin } from '../../core/io';
import { testEngine } from '../../build/testkit';

const WEB_PING = {
  Dockerfile: 'FROM diamol/node\nENV TARGET="blog.sixeyed.com"\nWORKDIR /web-ping\nCOPY app.js .\nCMD ["node", "/web-ping/app.js"]\n',
  'app.js': 'console.log("ping")\n',
};

async function run(t: ReturnType<typeof testEngine>, argv: string[], opts: Parameters<typeof bufferIO>[0] = {}) {
  const io = bufferIO(opts);
  const code = await t.engine.run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('docker build (CLI)', () => {
  it('builds with -t and lists the image', async () => {
    const t = testEngine(WEB_PING);
    const b = await run(t, ['build', '-t', 'web-ping', '.']);
    expect(b.code).toBe(0);
    expect(b.err).toContain('naming to docker.io/library/web-ping:latest');
    t.env.clock.advance(180_000);
    const ls = await run(t, ['image', 'ls', 'w*']);
    expect(ls.out).toMatch(/^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {9}SIZE\nweb-ping {5}latest {4}[0-9a-f]{12} {3}2 minutes ago {3}118MB\n$/);
  });

  it('uses the legacy builder with DOCKER_BUILDKIT=0 and validates tags', async () => {
    const t = testEngine(WEB_PING);
    const b = await run(t, ['build', '-t', 'web-ping', '.'], { env: { DOCKER_BUILDKIT: '0' } });
    expect(b.out).toContain('Successfully tagged web-ping:latest');
    const bad = await run(t, ['build', '-t', 'Web-Ping', '.']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('ERROR: invalid tag "Web-Ping": repository name must be lowercase\n');
  });
});

describe('image commands', () => {
  it('image ls shows one row per tag and <none> for dangling images after a rebuild', async () => {
    const t = testEngine(WEB_PING);
    await run(t, ['build', '-t', 'web-ping', '.']);
    await run(t, ['tag', 'web-ping', 'web-ping:v1']);
    const two = await run(t, ['images', 'web-ping']);
    expect(two.out.split('\n').slice(1, 3).map((l) => l.split(/ +/).slice(0, 3).join(' '))).toEqual([
      expect.stringMatching(/^web-ping latest [0-9a-f]{12}$/),
      expect.stringMatching(/^web-ping v1 [0-9a-f]{12}$/),
    ]);
    await run(t, ['rmi', 'web-ping:v1']);
    t.setFiles({ ...WEB_PING, 'app.js': 'console.log("v2")\n' });
    await run(t, ['build', '-t', 'web-ping', '.']);
    const ls = await run(t, ['images', '--filter', 'dangling=true']);
    expect(ls.out.split('\n')[1]).toMatch(/^<none> {7}<none> {4}[0-9a-f]{12} {3}/);
    const q = await run(t, ['images', '-q', 'web-ping']);
    expect(q.out).toMatch(/^[0-9a-f]{12}\n$/);
  });

  it('history shows BuildKit rows, <missing> below the top and 45-column truncation', async () => {
    const t = testEngine({ Dockerfile: 'FROM alpine\nWORKDIR /app\nRUN echo "a rather long command that will not fit" > /app/x\nCMD ["/bin/sh", "-c", "cat /app/x"]\n' });
    await run(t, ['build', '-t', 'hist', '.']);
    const h = await run(t, ['history', 'hist']);
    const lines = h.out.split('\n');
    expect(lines[0]).toMatch(/^IMAGE +CREATED +CREATED BY +SIZE +COMMENT$/);
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}.* CMD \["\/bin\/sh" "-c" "cat \/app\/x"\] +0B +buildkit\.dockerfile\.v0$/);
    expect(lines[2]).toContain('<missing>');
    expect(lines[2]).toContain('RUN /bin/sh -c echo "a rather long command t…');
    expect(lines[2]).toMatch(/ 40B +buildkit\.dockerfile\.v0$/);
  });

  it('inspect prints a JSON array and falls back from containers to images', async () => {
    const t = testEngine(WEB_PING);
    await run(t, ['build', '-t', 'web-ping', '.']);
    const i = await run(t, ['inspect', 'web-ping']);
    const obj = JSON.parse(i.out)[0];
    expect(obj.RepoTags).toEqual(['web-ping:latest']);
    expect(obj.Config.Cmd).toEqual(['node', '/web-ping/app.js']);
    expect(obj.Config.WorkingDir).toBe('/web-ping');
    expect(obj.RootFS.Layers).toHaveLength(4);
    const f = await run(t, ['image', 'inspect', '-f', '{{.Config.WorkingDir}}', 'web-ping']);
    expect(f.out).toBe('/web-ping\n');
    const missing = await run(t, ['inspect', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('Error: No such object: nope\n');
  });

  it('tag and rmi print Docker errors and lines', async () => {
    const t = testEngine(WEB_PING);
    const bad = await run(t, ['tag', 'busybox', 'Box']);
    expect(bad.err).toBe('Error parsing reference: "Box" is not a valid repository/tag: invalid reference format: repository name (library/Box) must be lowercase\n');
    const none = await run(t, ['tag', 'nope', 'x']);
    expect(none.err).toBe('Error response from daemon: No such image: nope:latest\n');
    await run(t, ['tag', 'busybox', 'mybox']);
    const untag = await run(t, ['rmi', 'mybox']);
    expect(untag.out).toBe('Untagged: mybox:latest\n');
    const missing = await run(t, ['rmi', 'nope']);
    expect(missing.err).toBe('Error response from daemon: No such image: nope:latest\n');
  });

  it('image prune asks first and reports reclaimed space', async () => {
    const t = testEngine(WEB_PING);
    await run(t, ['build', '-t', 'web-ping', '.']);
    t.setFiles({ ...WEB_PING, 'app.js': 'console.log("v2")\n' });
    await run(t, ['build', '-t', 'web-ping', '.']);
    const no = await run(t, ['image', 'prune'], { stdin: stringStdin('n\n') });
    expect(no.out).toBe('WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ');
    const yes = await run(t, ['image', 'prune'], { stdin: stringStdin('y\n') });
    expect(yes.out).toMatch(/Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n/);
    expect(yes.out).toMatch(/\nTotal reclaimed space: \d+B\n$/);
    const again = await run(t, ['image', 'prune', '-f']);
    expect(again.out).toBe('Total reclaimed space: 0B\n');
  });

  it('system df counts shared layers once and builder prune empties the build cache', async () => {
    const t = testEngine(WEB_PING);
    await run(t, ['build', '-t', 'web-ping', '.']);
    const df = await run(t, ['system', 'df']);
    const lines = df.out.split('\n');
    expect(lines[0]).toMatch(/^TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE$/);
    expect(lines[1]).toMatch(/^Images +5 +0 +\S+ +\S+ \(100%\)$/);
    expect(lines[4]).toMatch(/^Build Cache +2 +0 +\d+B +\d+B$/);
    const p = await run(t, ['builder', 'prune', '-a', '-f']);
    expect(p.out).toMatch(/^ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED\n[a-z0-9]{25} {15}\ttrue \t\t/);
    expect(p.out).toMatch(/\nTotal:\t\d+B\n$/);
    const df2 = await run(t, ['system', 'df']);
    expect(df2.out.split('\n')[4]).toMatch(/^Build Cache +0 +0 +0B +0B$/);
    const v = await run(t, ['system', 'df', '-v']);
    expect(v.out).toContain('Images space usage:\n\nREPOSITORY ');
    expect(v.out).toContain('\nBuild cache usage: 0B\n');
  });
});

describe('legacy builder images', () => {
  it('keeps intermediate images (image ls -a), shows their IDs in history, and rmi deletes the chain', async () => {
    const t = testEngine(WEB_PING);
    await run(t, ['build', '-t', 'web-ping', '.'], { env: { DOCKER_BUILDKIT: '0' } });
    const all = await run(t, ['images', '-a']);
    expect(all.out.split('\n').filter((l) => l.startsWith('<none>'))).toHaveLength(3);
    expect((await run(t, ['images'])).out).not.toContain('<none>');
    const h = await run(t, ['history', 'web-ping']);
    const rows = h.out.trim().split('\n').slice(1);
    expect(rows.slice(0, 5).every((r) => /^[0-9a-f]{12} /.test(r))).toBe(true);
    expect(rows[0]).toContain('/bin/sh -c #(nop)  CMD ["node" "/web-ping/ap…   0B        ');
    expect(rows[5]).toMatch(/^<missing> /);
    const rm = await run(t, ['rmi', 'web-ping']);
    expect(rm.out.split('\n').filter((l) => l.startsWith('Deleted: ')).length).toBeGreaterThanOrEqual(4);
    expect((await run(t, ['images', '-a'])).out).not.toContain('<none>');
  });
});
