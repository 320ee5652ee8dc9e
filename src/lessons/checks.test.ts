import { describe, expect, it } from 'vitest';
import * as c from './checks';
import { FakeWorld } from './fakeWorld';

const ctx = { since: 0 };

describe('Image checks', () => {
  it('needs the pulled image with enough layers', () => {
    const w = new FakeWorld();
    expect(c.imagePresent('diamol/ch03-web-ping', 2).run(w, ctx).ok).toBe(false);
    w.image(['diamol/ch03-web-ping:latest'], ['a']);
    expect(c.imagePresent('diamol/ch03-web-ping', 2).run(w, ctx).ok).toBe(false);
    w.imageList[0].layers.push('b');
    expect(c.imagePresent('docker.io/diamol/ch03-web-ping', 2).run(w, ctx).ok).toBe(true);
  });

  it('sees shared layers between images', () => {
    const w = new FakeWorld();
    w.image(['diamol/node:latest'], ['base', 'node']);
    w.image(['web-ping:latest'], ['x', 'y']);
    expect(c.imagesShareLayers('web-ping', 'diamol/node').run(w, ctx).ok).toBe(false);
    w.imageList[1].layers = ['base', 'node', 'app'];
    expect(c.imagesShareLayers('web-ping', 'diamol/node').run(w, ctx).ok).toBe(true);
  });

  it('accepts a built image only when its config matches the Dockerfile', () => {
    const w = new FakeWorld();
    w.image(['web-ping:latest'], ['a'], { workingDir: '/web-ping', env: ['TARGET=x', 'METHOD=HEAD'], cmd: ['node', '/web-ping/app.js'] });
    const check = c.imageBuilt('web-ping', { workingDir: '/web-ping', envKeys: ['TARGET', 'METHOD', 'INTERVAL'], cmdIncludes: 'app.js' });
    expect(check.run(w, ctx).ok).toBe(false); // no build on record
    w.build(['web-ping:latest'], [{ name: 'COPY app.js .' }]);
    const r = check.run(w, ctx);
    expect(r.ok).toBe(false);
    expect(r.missing?.en).toContain('INTERVAL');
    w.imageList[0].env.push('INTERVAL=3000');
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('sees that shared layers make the logical total larger than the real one', () => {
    const w = new FakeWorld();
    w.image(['diamol/node:latest'], ['base', 'node'], { size: 75, layerSizes: [5, 70] });
    expect(c.logicalExceedsReal().run(w, ctx).ok).toBe(false);
    w.image(['other:latest'], ['x'], { size: 10, layerSizes: [10] });
    expect(c.logicalExceedsReal().run(w, ctx).ok).toBe(false);
    w.image(['web-ping:latest'], ['base', 'node', 'app'], { size: 76, layerSizes: [5, 70, 1] });
    expect(c.logicalExceedsReal().run(w, ctx).ok).toBe(true);
  });

  it('knows a committed image from the container change it came from', () => {
    const w = new FakeWorld();
    w.image(['ch03-lab-soln:latest'], ['a', 'b'], { committedFrom: { containerId: 'c1', changedPaths: ['/diamol/other.txt'] } });
    expect(c.imageCommittedFrom('ch03-lab-soln', 'ch03.txt').run(w, ctx).ok).toBe(false);
    w.imageList[0].committedFrom!.changedPaths.push('/diamol/ch03.txt');
    expect(c.imageCommittedFrom('ch03-lab-soln', 'ch03.txt').run(w, ctx).ok).toBe(true);
  });

  it('tells dangling images apart and ignores those still used by a container', () => {
    const w = new FakeWorld();
    expect(c.danglingImageExists().run(w, ctx).ok).toBe(false);
    const old = w.image([], ['a']);
    expect(c.danglingImageExists().run(w, ctx).ok).toBe(true);
    expect(c.noDanglingImages().run(w, ctx).ok).toBe(false);
    w.container({ name: 'app', image: old.id, imageId: old.id });
    expect(c.noDanglingImages().run(w, ctx).ok).toBe(true);
  });
});

describe('Container checks', () => {
  it('wants a running container with the overridden env', () => {
    const w = new FakeWorld();
    const img = w.image(['diamol/ch03-web-ping:latest'], ['a']);
    const check = c.containerMatches({ name: 'web-ping', image: 'diamol/ch03-web-ping', env: { TARGET: 'google.com' } });
    w.container({ name: 'web-ping', image: 'diamol/ch03-web-ping', imageId: img.id, env: ['TARGET=blog.sixeyed.com'] });
    expect(check.run(w, ctx).ok).toBe(false);
    w.containerList[0].env.push('TARGET=google.com');
    expect(check.run(w, ctx).ok).toBe(true);
    w.containerList[0].state = 'exited';
    expect(check.run(w, ctx).ok).toBe(false);
  });

  it('matches a container by image id when it was started by image ID', () => {
    const w = new FakeWorld();
    const img = w.image(['node-web:1'], ['a'], { exposedPorts: ['80/tcp'] });
    w.container({ name: 'app', image: img.id.slice(7, 19), imageId: img.id, ports: [{ hostPort: 3000, containerPort: 80, protocol: 'tcp' }] });
    expect(c.containerMatches({ name: 'app', image: 'node-web:1', port: { hostPort: 3000, containerPort: 80 } }).run(w, ctx).ok).toBe(true);
    expect(c.containerMatches({ name: 'app', image: 'node-web:1', port: { hostPort: 8080, containerPort: 80 } }).run(w, ctx).ok).toBe(false);
  });

  it('needs both a removed container and a docker rm on record', () => {
    const w = new FakeWorld();
    w.container({ name: 'web-ping', image: 'x' });
    expect(c.containerRemoved('web-ping').run(w, ctx).ok).toBe(false);
    w.containerList = [];
    expect(c.containerRemoved('web-ping').run(w, ctx).ok).toBe(false);
    w.command(['rm', '-f', 'web-ping']);
    expect(c.containerRemoved('web-ping').run(w, ctx).ok).toBe(true);
    expect(c.containerRemoved('web-ping').run(w, { since: 5 }).ok).toBe(false);
  });

  it('compares plain and interactive runs', () => {
    const w = new FakeWorld();
    const img = w.image(['node:latest'], ['a']);
    const check = c.interactiveVsDetached('node');
    w.container({ name: 'a', image: 'node', imageId: img.id, state: 'exited', exitCode: 0 });
    expect(check.run(w, ctx).ok).toBe(false);
    w.container({ name: 'b', image: 'node', imageId: img.id, tty: true, interactive: true });
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('sees a change in a container\'s writable layer while the image stays the same', () => {
    const w = new FakeWorld();
    const img = w.image(['diamol/ch03-lab:latest'], ['a']);
    const ctr = w.container({ name: 'lab', image: 'diamol/ch03-lab', imageId: img.id, state: 'exited' });
    const check = c.writableLayerChanged('diamol/ch03-lab', 'ch03.txt');
    expect(check.run(w, ctx).ok).toBe(false);
    ctr.changes.push({ path: '/diamol/ch03.txt', kind: 'C' });
    expect(check.run(w, ctx).ok).toBe(true);
  });
});

describe('Command checks', () => {
  it('counts aliases, exit codes and output', () => {
    const w = new FakeWorld();
    const check = c.commandSucceeded('image ls', { arg: (a) => a.replace(/'/g, '').startsWith('w'), outputIncludes: 'web-ping' });
    w.command(['images', 'w*'], 0, 'REPOSITORY TAG\n');
    expect(check.run(w, ctx).ok).toBe(false);
    w.command(['image', 'list', "'w*'"], 0, 'REPOSITORY TAG\nweb-ping latest\n');
    expect(check.run(w, ctx).ok).toBe(true);
    expect(c.commandRefused('image rm').run(w, ctx).ok).toBe(false);
    w.command(['rmi', 'node-web:2'], 1);
    expect(c.commandRefused('image rm').run(w, ctx).ok).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('wants the image built in the step without the ignored file, the context still holding it', () => {
    const w = new FakeWorld();
    const check = c.imageLeavesOut('target:clean', '/app/secret.env', '/app/app.js', 'secret.env');
    w.fileMap = { 'secret.env': 'x', 'app.js': 'y' };
    const img = w.image(['target:clean'], ['a']);
    w.imagePaths[img.id] = ['/app/app.js', '/app/secret.env'];
    expect(check.run(w, ctx).ok).toBe(false); // not built in this step
    w.build(['target:clean'], []);
    expect(check.run(w, ctx).missing?.en).toContain('still has /app/secret.env');
    w.imagePaths[img.id] = ['/app/app.js'];
    expect(check.run(w, ctx).ok).toBe(true);
    w.fileMap = { 'app.js': 'y' };
    expect(check.run(w, ctx).missing?.en).toContain('Keep secret.env');
  });
});

describe('Command checks: argument, error text and flag', () => {
  it('counts a refusal only for that image and only when Docker says a container uses it', () => {
    const w = new FakeWorld();
    const check = c.commandRefused('image rm', { arg: (a) => a === 'node-web:2', errorIncludes: 'is using its referenced image' });
    w.command(['rmi', 'nosuchimage'], 1, '', {}, 'Error response from daemon: No such image: nosuchimage:latest');
    expect(check.run(w, ctx).ok).toBe(false);
    w.command(['rmi', 'node-web:2'], 1, '', {}, 'Error response from daemon: No such image: node-web:2');
    expect(check.run(w, ctx).ok).toBe(false);
    w.command(['rmi', 'node-web:2'], 1, '', {}, 'Error response from daemon: conflict: unable to remove repository reference "node-web:2" (must force) - container 0123abcd is using its referenced image 4567');
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('wants a flag when asked', () => {
    const w = new FakeWorld();
    const check = c.commandSucceeded('image build', { flag: '-f' });
    w.command(['build', '-t', 'x', '.']);
    expect(check.run(w, ctx).ok).toBe(false);
    w.command(['build', '-f', 'Dockerfile.v2', '-t', 'x', '.']);
    expect(check.run(w, ctx).ok).toBe(true);
  });
});

describe('Build checks', () => {
  const webPingSteps = (copy: 'cached' | 'built', reasonFiles: string[] = ['app.js']) => [
    { name: 'FROM diamol/node', outcome: 'cached' as const },
    { name: 'ENV TARGET=blog.sixeyed.com', outcome: 'cached' as const },
    { name: 'WORKDIR /web-ping', outcome: 'cached' as const },
    { name: 'COPY app.js .', outcome: copy, reason: copy === 'built' ? { kind: 'files-changed' as const, files: reasonFiles } : undefined },
    { name: 'CMD ["node", "/web-ping/app.js"]', outcome: 'built' as const, layer: false },
  ];

  it('calls an unchanged rebuild all-cached, ignoring metadata-only steps', () => {
    const w = new FakeWorld();
    w.build(['web-ping:latest'], webPingSteps('cached'));
    expect(c.lastBuildAllCached('web-ping').run(w, ctx).ok).toBe(true);
    w.build(['web-ping:latest'], webPingSteps('built'));
    expect(c.lastBuildAllCached('web-ping').run(w, ctx).ok).toBe(false);
  });

  it('sees the cascade after a changed file', () => {
    const w = new FakeWorld();
    w.build(['web-ping:latest'], [
      { name: 'FROM diamol/node', outcome: 'cached' },
      { name: 'COPY app.js .', outcome: 'built', reason: { kind: 'files-changed', files: ['app.js'] } },
      { name: 'RUN node -v', outcome: 'cached' },
    ]);
    expect(c.lastBuildCascade('web-ping', 'app.js', 'RUN').run(w, ctx).ok).toBe(false);
    w.build(['web-ping:latest'], [
      { name: 'FROM diamol/node', outcome: 'cached' },
      { name: 'COPY app.js .', outcome: 'built', reason: { kind: 'files-changed', files: ['app.js'] } },
      { name: 'RUN node -v', outcome: 'built', reason: { kind: 'parent-changed', line: 2, instruction: 'COPY app.js .' } },
    ]);
    expect(c.lastBuildCascade('web-ping', 'app.js', 'RUN').run(w, ctx).ok).toBe(true);
    expect(c.lastBuildCascade('web-ping', 'server.js', 'RUN').run(w, ctx).ok).toBe(false);
    // One miss with nothing after it is not a cascade.
    w.build(['web-ping:latest'], [
      { name: 'FROM diamol/node', outcome: 'cached' },
      { name: 'COPY app.js .', outcome: 'built', reason: { kind: 'files-changed', files: ['app.js'] } },
    ]);
    expect(c.lastBuildCascade('web-ping', 'app.js', 'RUN').run(w, ctx).ok).toBe(false);
  });

  it('config only: BuildKit, config differs from the build before, every layer cached', () => {
    const w = new FakeWorld();
    const steps = (cmd: string, run: 'cached' | 'built' = 'cached') => [
      { name: 'FROM diamol/node', outcome: 'cached' as const },
      { name: 'COPY app.js ./', outcome: 'cached' as const },
      { name: 'RUN npm install', outcome: run, reason: run === 'built' ? { kind: 'env-changed' as const, names: ['INTERVAL'] } : undefined },
      { name: cmd, instruction: 'CMD', metadataOnly: true, outcome: 'cached' as const },
    ];
    const check = c.lastBuildConfigOnly('web-ping');
    w.build(['web-ping:latest'], steps('CMD ["node", "/web-ping/app.js"]'));
    w.build(['web-ping:latest'], steps('CMD ["node", "/web-ping/app.js"]'));
    expect(check.run(w, ctx).ok).toBe(false); // nothing changed
    w.build(['web-ping:latest'], steps('CMD ["node", "app.js"]', 'built'));
    expect(check.run(w, ctx).ok).toBe(false); // a RUN was rebuilt
    w.build(['web-ping:latest'], steps('CMD ["node", "app.js"]'), { builder: 'legacy' });
    expect(check.run(w, ctx).ok).toBe(false); // not BuildKit
    w.build(['web-ping:latest'], steps('CMD ["node", "web-ping/app.js"]'));
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('legacy cascade: a warm legacy build missing at a changed line, not a cold one', () => {
    const w = new FakeWorld();
    const check = c.legacyCascade('web-ping');
    const cold = { kind: 'first-build' as const };
    w.build(['web-ping:latest'], [
      { name: 'ENV INTERVAL="3000"', instruction: 'ENV', metadataOnly: true, outcome: 'built', reason: cold },
      { name: 'COPY app.js ./', outcome: 'built', reason: cold },
    ], { builder: 'legacy' });
    expect(check.run(w, ctx).ok).toBe(false);
    w.build(['web-ping:latest'], [
      { name: 'ENV INTERVAL="5000"', instruction: 'ENV', metadataOnly: true, outcome: 'built', reason: { kind: 'instruction-changed' } },
      { name: 'COPY app.js ./', outcome: 'built', reason: { kind: 'parent-changed', line: 3, instruction: 'ENV INTERVAL="5000"' } },
    ]);
    expect(check.run(w, ctx).ok).toBe(false); // BuildKit
    w.build(['web-ping:latest'], [
      { name: 'ENV INTERVAL="5000"', instruction: 'ENV', metadataOnly: true, outcome: 'built', reason: { kind: 'instruction-changed' } },
      { name: 'COPY app.js ./', outcome: 'built', reason: { kind: 'parent-changed', line: 3, instruction: 'ENV INTERVAL="5000"' } },
    ], { builder: 'legacy' });
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('no-cache: every COPY and RUN rebuilt for --no-cache', () => {
    const w = new FakeWorld();
    const check = c.lastBuildNoCache('web-ping');
    w.build(['web-ping:latest'], [{ name: 'COPY app.js ./', outcome: 'built', reason: { kind: 'files-changed', files: ['app.js'] } }]);
    expect(check.run(w, ctx).ok).toBe(false);
    w.build(['web-ping:latest'], [{ name: 'COPY app.js ./', outcome: 'built', reason: { kind: 'no-cache' } }]);
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('rebuilt at most one layer after a change to server.js, with npm install cached', () => {
    const w = new FakeWorld();
    const check = c.lastBuildRebuiltAtMost('node-web', 'server.js', 1, ['RUN npm install']);
    w.build(['node-web:3'], [
      { name: 'FROM node', outcome: 'cached' },
      { name: 'COPY . /app', outcome: 'built', reason: { kind: 'files-changed', files: ['server.js'] } },
      { name: 'RUN npm install', outcome: 'built', reason: { kind: 'parent-changed', line: 3, instruction: 'COPY . /app' } },
    ]);
    expect(check.run(w, ctx).ok).toBe(false);
    w.build(['node-web:3'], [
      { name: 'FROM node', outcome: 'cached' },
      { name: 'WORKDIR /app', outcome: 'cached' },
      { name: 'COPY package.json /app', outcome: 'cached' },
      { name: 'RUN npm install', outcome: 'cached' },
      { name: 'COPY . /app', outcome: 'built', reason: { kind: 'files-changed', files: ['server.js'] } },
    ]);
    expect(check.run(w, ctx).ok).toBe(true);
    expect(check.run(w, { since: 99 }).ok).toBe(false);
  });

  it('checks builder and which steps were cached or rebuilt', () => {
    const w = new FakeWorld();
    w.build(['greet:latest'], [
      { name: 'COPY app.js .', outcome: 'cached' },
      { name: 'RUN echo "$GREETING" > greeting.txt', outcome: 'built', reason: { kind: 'env-changed', names: ['GREETING'] } },
    ]);
    expect(c.lastBuildShape('greet', { builder: 'buildkit', cached: ['COPY'], built: ['RUN'] }).run(w, ctx).ok).toBe(true);
    expect(c.lastBuildShape('greet', { builder: 'legacy' }).run(w, ctx).ok).toBe(false);
    expect(c.lastBuildShape('greet', { minStages: 2 }).run(w, ctx).ok).toBe(false);
  });

  it('checks the order in the Dockerfile that was built, never the editor text', () => {
    const w = new FakeWorld();
    const order: c.OrderedStep[] = [
      { label: 'CMD', is: (x) => x.instruction === 'CMD' },
      { label: 'COPY app.js', is: (x) => x.instruction === 'COPY' },
    ];
    const check = c.builtOrder('web-ping', order, { ENV: 1 });
    w.build(['web-ping:latest'], [
      { name: 'ENV A=1', instruction: 'ENV', metadataOnly: true },
      { name: 'ENV B=2', instruction: 'ENV', metadataOnly: true },
      { name: 'COPY app.js .' },
      { name: 'CMD ["node"]', instruction: 'CMD', metadataOnly: true },
    ]);
    // The editor already holds the right order, but it was not built.
    w.fileMap.Dockerfile = 'FROM diamol/node\nCMD ["node"]\nENV A=1 B=2\nCOPY app.js .\n';
    expect(check.run(w, ctx).ok).toBe(false);
    w.build(['web-ping:latest'], [
      { name: 'CMD ["node"]', instruction: 'CMD', metadataOnly: true },
      { name: 'ENV A=1', instruction: 'ENV', metadataOnly: true },
      { name: 'ENV B=2', instruction: 'ENV', metadataOnly: true },
      { name: 'COPY app.js .' },
    ]);
    expect(check.run(w, ctx).missing?.en).toContain('2 ENV');
    w.build(['web-ping:latest'], [
      { name: 'CMD ["node"]', instruction: 'CMD', metadataOnly: true },
      { name: 'ENV A=1 B=2', instruction: 'ENV', metadataOnly: true },
      { name: 'COPY app.js .' },
    ]);
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('wants a running container from the newest build', () => {
    const w = new FakeWorld();
    const b = w.build(['node-web:2'], [{ name: 'COPY . /app', outcome: 'built', reason: { kind: 'files-changed', files: ['server.js'] } }]);
    w.container({ name: 'app', image: 'node-web:1', imageId: 'old' });
    expect(c.runningLatestBuild('node-web', 'server.js').run(w, ctx).ok).toBe(false);
    w.container({ name: 'app2', image: 'node-web:2', imageId: b.imageId! });
    expect(c.runningLatestBuild('node-web', 'server.js').run(w, ctx).ok).toBe(true);
  });
});

describe('Quiz and combined checks', () => {
  it('passes a quiz at the ratio', () => {
    const w = new FakeWorld();
    expect(c.quizPassed('ch3', 0.75).run(w, ctx).ok).toBe(false);
    w.scores.ch3 = { correct: 2, total: 4 };
    expect(c.quizPassed('ch3', 0.75).run(w, ctx).ok).toBe(false);
    w.scores.ch3 = { correct: 3, total: 4 };
    expect(c.quizPassed('ch3', 0.75).run(w, ctx).ok).toBe(true);
  });

  it('allOf explains the first failure', () => {
    const w = new FakeWorld();
    w.command(['system', 'df']);
    const r = c.allOf(c.commandSucceeded('image ls'), c.commandSucceeded('system df')).run(w, ctx);
    expect(r.ok).toBe(false);
    expect(r.missing?.en).toContain('image ls');
  });
});

describe('Volume and bind-mount checks', () => {
  const vol = { type: 'volume' as const, name: 'notes-data', source: '/var/lib/docker/volumes/notes-data/_data', destination: '/data' };
  const bind = { type: 'bind' as const, source: '/workspace', destination: '/data' };

  it('wants a volume made by that name, not an anonymous one', () => {
    const w = new FakeWorld();
    w.volumeList.push({ name: 'notes-data', anonymous: true, labels: {} });
    expect(c.volumeExists('notes-data').run(w, ctx).ok).toBe(false);
    w.volumeList[0].anonymous = false;
    expect(c.volumeExists('notes-data').run(w, ctx).ok).toBe(true);
  });

  it('wants the file in the volume, not in a container', () => {
    const w = new FakeWorld();
    w.volumeList.push({ name: 'notes-data', anonymous: false, labels: {} });
    w.container({ name: 'writer', image: 'diamol/base', state: 'exited', exitCode: 0, changes: [{ path: '/data/note.txt', kind: 'A' }] });
    expect(c.volumeHasFile('notes-data', '/note.txt').run(w, ctx).ok).toBe(false);
    w.volumeFiles['notes-data'] = { '/note.txt': 'hello\n' };
    expect(c.volumeHasFile('notes-data', '/note.txt').run(w, ctx).ok).toBe(true);
  });

  it('wants the writer gone and another container mounting the volume to print the file', () => {
    const w = new FakeWorld();
    w.volumeList.push({ name: 'notes-data', anonymous: false, labels: {} });
    w.volumeFiles['notes-data'] = { '/note.txt': 'hello\n' };
    const check = c.volumeOutlivesContainer('notes-data', '/note.txt', 'writer');
    w.container({ name: 'writer', image: 'diamol/base', state: 'exited', exitCode: 0, mounts: [vol] });
    w.container({ name: 'reader', image: 'diamol/base', state: 'exited', exitCode: 0, mounts: [vol], logs: 'hello\n' });
    expect(check.run(w, ctx).missing?.en).toContain('writer still exists');
    w.containerList.shift();
    expect(check.run(w, ctx).ok).toBe(true);
    w.containerList[0].mounts = [];
    expect(check.run(w, ctx).ok).toBe(false);
  });

  it('wants a bind mount of the workspace that printed the file as it is now', () => {
    const w = new FakeWorld();
    w.fileMap['input.txt'] = 'a line\nKim\n';
    w.container({ name: 'copy', image: 'file-display', state: 'exited', exitCode: 0, logs: 'a line\nKim\n' });
    expect(c.bindMountRead('input.txt').run(w, ctx).ok).toBe(false);
    w.container({ name: 'display', image: 'diamol/base', state: 'exited', exitCode: 0, mounts: [bind], logs: 'a line\n' });
    expect(c.bindMountRead('input.txt').run(w, ctx).ok).toBe(false);
    w.containerList[1].logs = 'a line\nKim\n';
    expect(c.bindMountRead('input.txt').run(w, ctx).ok).toBe(true);
  });

  it('wants the workspace file written by a bind-mounting container (its hostname)', () => {
    const w = new FakeWorld();
    const stamper = w.container({ name: 'stamper', image: 'diamol/base', state: 'exited', exitCode: 0, mounts: [bind] });
    w.fileMap['made-by.txt'] = 'abcdef123456\n';
    expect(c.bindMountWrote('made-by.txt').run(w, ctx).ok).toBe(false);
    w.fileMap['made-by.txt'] = stamper.hostname + '\n';
    expect(c.bindMountWrote('made-by.txt').run(w, ctx).ok).toBe(true);
    stamper.mounts = [];
    expect(c.bindMountWrote('made-by.txt').run(w, ctx).ok).toBe(false);
  });
});

describe('Network and Compose checks', () => {
  it('wants a network the user made', () => {
    const w = new FakeWorld();
    expect(c.networkExists('bridge').run(w, ctx).ok).toBe(false);
    w.networkList.push({ name: 'app-net', builtIn: false, driver: 'bridge', labels: {} });
    expect(c.networkExists('app-net').run(w, ctx).ok).toBe(true);
  });

  it('wants a container on every named network', () => {
    const w = new FakeWorld();
    w.container({ name: 'web2', image: 'nginx', networks: ['app-net'] });
    const check = c.containerMatches({ name: 'web2', networks: ['bridge', 'app-net'] });
    expect(check.run(w, ctx).ok).toBe(false);
    w.containerList[0].networks = ['bridge', 'app-net'];
    expect(check.run(w, ctx).ok).toBe(true);
  });

  it('knows Compose containers by their labels, and a project that is down', () => {
    const w = new FakeWorld();
    w.container({ name: 'web', image: 'nginx', ports: [{ hostPort: 8081, containerPort: 80, protocol: 'tcp' }] });
    const check = c.composeService('web', { state: 'running', port: { hostPort: 8081, containerPort: 80 } });
    expect(check.run(w, ctx).ok).toBe(false);
    w.containerList[0].labels = { 'com.docker.compose.project': 'workspace', 'com.docker.compose.service': 'web' };
    expect(check.run(w, ctx).ok).toBe(true);
    expect(c.composeDown().run(w, ctx).ok).toBe(false);
    w.containerList[0].state = 'exited';
    expect(c.composeDown().run(w, ctx).ok).toBe(false);
    w.containerList.length = 0;
    w.networkList.push({ name: 'workspace_default', builtIn: false, driver: 'bridge', labels: { 'com.docker.compose.project': 'workspace' } });
    w.command(['compose', 'down']);
    expect(c.composeDown().run(w, ctx).ok).toBe(false);
    w.networkList.pop();
    expect(c.composeDown().run(w, ctx).ok).toBe(true);
  });
});

describe('Size and registry checks', () => {
  it('compares logical sizes', () => {
    const w = new FakeWorld();
    w.image(['image-gallery:latest'], ['a'], { size: 16_500_000 });
    w.image(['gallery-build:latest'], ['b'], { size: 98_000_000 });
    expect(c.imageSmallerThan('image-gallery', 'gallery-build', 10).run(w, ctx).ok).toBe(false);
    w.imageList[1].size = 980_000_000;
    expect(c.imageSmallerThan('image-gallery', 'gallery-build', 10).run(w, ctx).ok).toBe(true);
  });

  it('wants an account name in the tag of the same image', () => {
    const w = new FakeWorld();
    w.image(['hello:latest', 'hello:v1'], ['a']);
    expect(c.taggedForAccount('hello', 'hello', 'v1').run(w, ctx).ok).toBe(false);
    w.imageList[0].tags.push('learner/hello:v1');
    expect(c.taggedForAccount('hello', 'hello', 'v1').run(w, ctx).ok).toBe(true);
  });

  it('wants the image removed, then pulled back', () => {
    const w = new FakeWorld();
    w.image(['learner/hello:v1'], ['a']);
    w.command(['pull', 'learner/hello:v1']);
    expect(c.pulledBack('hello', 'v1').run(w, ctx).ok).toBe(false);
    w.command(['image', 'rm', 'learner/hello:v1']);
    expect(c.pulledBack('hello', 'v1').run(w, ctx).ok).toBe(false);
    w.command(['image', 'pull', 'learner/hello:v1']);
    expect(c.pulledBack('hello', 'v1').run(w, ctx).ok).toBe(true);
  });
});

describe('VOLUME in a Dockerfile', () => {
  it('wants two containers of the image, each with its own anonymous volume', () => {
    const w = new FakeWorld();
    const mount = (name: string) => [{ type: 'volume' as const, name, source: `/var/lib/docker/volumes/${name}/_data`, destination: '/data' }];
    w.volumeList.push({ name: 'visitors-data', anonymous: false, labels: {} }, { name: 'a'.repeat(64), anonymous: true, labels: {} }, { name: 'b'.repeat(64), anonymous: true, labels: {} });
    const check = c.anonymousVolumePerContainer('visitors', '/data');
    w.container({ name: 'visit1', image: 'visitors', state: 'exited', exitCode: 0, mounts: mount('visitors-data') });
    w.container({ name: 'visit2', image: 'visitors', state: 'exited', exitCode: 0, mounts: mount('visitors-data') });
    expect(check.run(w, ctx).ok).toBe(false);
    w.containerList[0].mounts = mount('a'.repeat(64));
    w.containerList[1].mounts = mount('a'.repeat(64));
    expect(check.run(w, ctx).ok).toBe(false);
    w.containerList[1].mounts = mount('b'.repeat(64));
    expect(check.run(w, ctx).ok).toBe(true);
  });
});
