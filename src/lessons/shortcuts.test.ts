// @vitest-environment node
/**
 * Negative specs: for every step of every lesson, the nearest shortcut a learner could take leaves the step
 * unchecked, and then what the step teaches checks it. Each lesson is driven once through the real engine, step by
 * step: shortcut, "not yet", (undo), solution, "done". The table "Shortcuts that do not pass" in README.md lists
 * the same shortcuts; this spec fails when the two disagree.
 */
import { describe, expect, it } from 'vitest';
import readme from './README.md?raw';
import { LESSONS, NODE_APP } from './curriculum';
import { CACHE_DOCKERFILE, CACHE_REORDERED_DOCKERFILE } from './workspaces';
import { lessonHarness, type Harness } from './testHarness';

interface StepScript {
  /** What the learner might try instead, as the README lists it. */
  shortcut: string;
  try: (h: Harness) => Promise<void>;
  /** Puts things back so the solution can run (e.g. removes a container the shortcut created). */
  undo?: (h: Harness) => Promise<void>;
  solve: (h: Harness) => Promise<void>;
}

const LEGACY = { env: { DOCKER_BUILDKIT: '0' } };
const docker = (...argv: string[]) => async (h: Harness) => {
  await h.run(argv);
};
const appendTo = (h: Harness, path: string, text: string) => h.edit(path, h.files()[path] + text);

const NODE_PACKAGE_FIRST = 'FROM node\n\nWORKDIR /app\n\nCOPY package.json package-lock.json /app/\n\nRUN npm install\n\nCOPY . /app\n\nEXPOSE 80\n\nCMD ["node", "server.js"]\n';
const NODE_PACKAGE_ONLY_FIRST = NODE_PACKAGE_FIRST.replace('COPY package.json package-lock.json /app/', 'COPY package.json /app');

/** Step scripts by "lesson/step". */
const SCRIPTS: Record<string, StepScript> = {
  'web-ping/pull': {
    shortcut: '`docker container run -d --name web-ping diamol/ch03-web-ping` (run pulls a missing image by itself)',
    try: docker('container', 'run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping'),
    undo: docker('rm', '-f', 'web-ping'),
    solve: docker('image', 'pull', 'diamol/ch03-web-ping'),
  },
  'web-ping/run-detached': {
    shortcut: '`docker container create --name web-ping diamol/ch03-web-ping` (a named container that is not running)',
    try: docker('container', 'create', '--name', 'web-ping', 'diamol/ch03-web-ping'),
    undo: docker('rm', 'web-ping'),
    solve: docker('container', 'run', '-d', '--name', 'web-ping', 'diamol/ch03-web-ping'),
  },
  'web-ping/logs': {
    shortcut: '`docker container logs nosuch` (logs of a container that does not exist)',
    try: docker('container', 'logs', 'nosuch'),
    solve: docker('container', 'logs', 'web-ping'),
  },
  'web-ping/remove': {
    shortcut: '`docker rm web-ping` without -f (refused while it runs)',
    try: docker('rm', 'web-ping'),
    solve: docker('rm', '-f', 'web-ping'),
  },
  'web-ping/env': {
    shortcut: '`--env TAGRET=google.com` (a misspelt name is ignored)',
    try: docker('container', 'run', '-d', '--name', 'web-ping', '--env', 'TAGRET=google.com', 'diamol/ch03-web-ping'),
    undo: docker('rm', '-f', 'web-ping'),
    solve: docker('container', 'run', '-d', '--name', 'web-ping', '--env', 'TARGET=google.com', 'diamol/ch03-web-ping'),
  },
  'web-ping/build': {
    shortcut: '`docker image build .` (no --tag)',
    try: docker('image', 'build', '.'),
    solve: docker('image', 'build', '--tag', 'web-ping', '.'),
  },
  'web-ping/list': {
    shortcut: '`docker image ls web-ping` (a name, not a pattern)',
    try: docker('image', 'ls', 'web-ping'),
    solve: docker('image', 'ls', 'w*'),
  },
  'layers/history': {
    shortcut: '`docker image history diamol/node` (another image\'s history)',
    try: docker('image', 'history', 'diamol/node'),
    solve: docker('image', 'history', 'web-ping'),
  },
  'layers/shared': {
    shortcut: '`docker image history diamol/node` before pulling it (BuildKit kept the base in its build cache, not in the image list)',
    try: docker('image', 'history', 'diamol/node'),
    solve: docker('image', 'pull', 'diamol/node'),
  },
  'layers/disk': {
    shortcut: '`docker image ls` alone (no `docker system df`)',
    try: docker('image', 'ls'),
    solve: docker('system', 'df'),
  },
  'layers/read-only': {
    shortcut: 'a web-ping container that only reads app.js',
    try: docker('container', 'run', '--name', 'reader', 'web-ping', 'sh', '-c', 'cat /web-ping/app.js > /dev/null'),
    solve: docker('container', 'run', '--name', 'scratch', 'web-ping', 'sh', '-c', 'echo changed > /web-ping/app.js'),
  },
  'cache/rebuild': {
    shortcut: '`docker image build --no-cache -t web-ping .` (a build, but nothing from the cache)',
    try: docker('image', 'build', '--no-cache', '-t', 'web-ping', '.'),
    solve: docker('image', 'build', '-t', 'web-ping', '.'),
  },
  'cache/change-app': {
    shortcut: 'editing app.js without building',
    try: async (h) => appendTo(h, 'app.js', '// changed\n'),
    solve: docker('image', 'build', '-t', 'web-ping', '.'),
  },
  'cache/config-only': {
    shortcut: 'changing ENV INTERVAL instead of CMD and building (RUN npm install is rebuilt)',
    try: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('INTERVAL="3000"', 'INTERVAL="4000"'));
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
    },
    undo: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('INTERVAL="4000"', 'INTERVAL="3000"'));
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
    },
    solve: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('CMD ["node", "/web-ping/app.js"]', 'CMD ["node", "app.js"]'));
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
    },
  },
  'cache/legacy-rule': {
    shortcut: 'one legacy build on its cold cache (everything is built, nothing is a cascade)',
    try: async (h) => {
      await h.run(['image', 'build', '-t', 'web-ping', '.'], LEGACY);
    },
    solve: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('INTERVAL="3000"', 'INTERVAL="5000"'));
      await h.run(['image', 'build', '-t', 'web-ping', '.'], LEGACY);
    },
  },
  'cache/reorder': {
    shortcut: 'the reordered Dockerfile in the editor, not built (and before that: the original order built)',
    try: async (h) => {
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
      h.edit('Dockerfile', CACHE_REORDERED_DOCKERFILE);
    },
    solve: docker('image', 'build', '-t', 'web-ping', '.'),
  },
  'cache/verify': {
    shortcut: 'app.js changed and built with the original Dockerfile (RUN npm install is rebuilt)',
    try: async (h) => {
      h.edit('Dockerfile', CACHE_DOCKERFILE);
      appendTo(h, 'app.js', '// original order\n');
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
    },
    undo: async (h) => h.edit('Dockerfile', CACHE_REORDERED_DOCKERFILE),
    solve: async (h) => {
      appendTo(h, 'app.js', '// again\n');
      await h.run(['image', 'build', '-t', 'web-ping', '.']);
    },
  },
  'cache/no-cache': {
    shortcut: '`docker image build -t web-ping .` without --no-cache',
    try: docker('image', 'build', '-t', 'web-ping', '.'),
    solve: docker('image', 'build', '--no-cache', '-t', 'web-ping', '.'),
  },
  'buildkit-legacy/bk-build': {
    shortcut: '`docker build -t other .` (another tag)',
    try: docker('build', '-t', 'other', '.'),
    solve: docker('build', '-t', 'greet', '.'),
  },
  'buildkit-legacy/bk-env': {
    shortcut: 'rebuilding without changing GREETING',
    try: docker('build', '-t', 'greet', '.'),
    solve: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('"hello"', '"hi"'));
      await h.run(['build', '-t', 'greet', '.']);
    },
  },
  'buildkit-legacy/legacy-env': {
    shortcut: 'one legacy build on its cold cache',
    try: async (h) => {
      await h.run(['build', '-t', 'greet', '.'], LEGACY);
    },
    solve: async (h) => {
      h.edit('Dockerfile', h.files().Dockerfile.replace('"hi"', '"hey"'));
      await h.run(['build', '-t', 'greet', '.'], LEGACY);
    },
  },
  'dockerfile-more/file-flag': {
    shortcut: '`docker image build -t target .` (the default Dockerfile, no ENTRYPOINT)',
    try: docker('image', 'build', '-t', 'target', '.'),
    solve: docker('image', 'build', '-f', 'Dockerfile.entrypoint', '-t', 'target', '.'),
  },
  'dockerfile-more/entrypoint-args': {
    shortcut: '`docker run target` (the default CMD argument)',
    try: docker('run', 'target'),
    solve: docker('run', 'target', 'google.com'),
  },
  'dockerfile-more/dockerignore': {
    shortcut: 'deleting secret.env from the workspace instead of listing it in .dockerignore (and before that: building without .dockerignore)',
    try: async (h) => {
      await h.run(['image', 'build', '-t', 'target:clean', '.']);
      h.setFiles(Object.fromEntries(Object.entries(h.files()).filter(([path]) => path !== 'secret.env')));
      await h.run(['image', 'build', '-t', 'target:clean', '.']);
    },
    undo: async (h) => h.edit('secret.env', 'API_KEY=only-on-this-computer\n'),
    solve: async (h) => {
      h.edit('.dockerignore', 'secret.env\n');
      await h.run(['image', 'build', '-t', 'target:clean', '.']);
    },
  },
  'commit-lab/run-it': {
    shortcut: '`docker container run --name lab diamol/ch03-lab` without -it',
    try: docker('container', 'run', '--name', 'lab', 'diamol/ch03-lab'),
    undo: docker('rm', 'lab'),
    solve: async (h) => {
      await h.run(['container', 'run', '-it', '--name', 'lab', 'diamol/ch03-lab'], { stdin: 'exit\n' });
    },
  },
  'commit-lab/edit': {
    shortcut: 'an interactive container that only reads ch03.txt',
    try: async (h) => {
      await h.run(['container', 'run', '-it', '--name', 'reader', 'diamol/ch03-lab'], { stdin: 'cat ch03.txt\nexit\n' });
    },
    solve: async (h) => {
      await h.run(['container', 'run', '-it', '--name', 'lab2', 'diamol/ch03-lab'], { stdin: 'echo Kim >> ch03.txt\nexit\n' });
    },
  },
  'commit-lab/commit': {
    shortcut: 'committing the container that did not change ch03.txt',
    try: docker('container', 'commit', 'lab', 'ch03-lab-soln'),
    undo: docker('image', 'rm', 'ch03-lab-soln'),
    solve: docker('container', 'commit', 'lab2', 'ch03-lab-soln'),
  },
  'commit-lab/verify': {
    shortcut: '`docker container run diamol/ch03-lab cat ch03.txt` (the original image)',
    try: docker('container', 'run', 'diamol/ch03-lab', 'cat', 'ch03.txt'),
    solve: docker('container', 'run', 'ch03-lab-soln', 'cat', 'ch03.txt'),
  },
  'ch3-review/quiz': {
    shortcut: 'two of four answers right',
    try: async (h) => {
      h.scores.ch3 = { correct: 2, total: 4 };
    },
    solve: async (h) => {
      h.scores.ch3 = { correct: 3, total: 4 };
    },
  },
  'node-app/interactive': {
    shortcut: '`docker run node` alone',
    try: docker('run', 'node'),
    solve: async (h) => {
      await h.run(['run', '-it', 'node'], { stdin: '1 + 1\n.exit\n' });
    },
  },
  'node-app/build': {
    shortcut: '`docker build -t node-web .` (tag latest, not 1)',
    try: docker('build', '-t', 'node-web', '.'),
    solve: docker('build', '-t', 'node-web:1', '.'),
  },
  'node-app/publish': {
    shortcut: '`docker run -d --name app node-web:1` (EXPOSE, but no -p)',
    try: docker('run', '-d', '--name', 'app', 'node-web:1'),
    undo: docker('rm', '-f', 'app'),
    solve: docker('run', '-d', '-p', '3000:80', '--name', 'app', 'node-web:1'),
  },
  'node-app/code-change': {
    shortcut: 'server.js changed and rebuilt, but the old container still running',
    try: async (h) => {
      h.edit('server.js', h.files()['server.js'].replace('Hello from', 'Hi from'));
      await h.run(['build', '-t', 'node-web:2', '.']);
    },
    solve: async (h) => {
      await h.run(['rm', '-f', 'app']);
      await h.run(['run', '-d', '-p', '3000:80', '--name', 'app', 'node-web:2']);
    },
  },
  'node-app/package-first': {
    shortcut: 'server.js changed and built with `COPY . /app` before npm install, then with package.json copied first but not its lockfile',
    try: async (h) => {
      appendTo(h, 'server.js', '// one\n');
      await h.run(['build', '-t', 'node-web:3', '.']);
      expect(h.advance(NODE_APP).newlyCompleted).toEqual([]);
      h.edit('Dockerfile', NODE_PACKAGE_ONLY_FIRST);
      await h.run(['build', '-t', 'node-web:3', '.']);
      appendTo(h, 'server.js', '// one more\n');
      await h.run(['build', '-t', 'node-web:3', '.']);
    },
    solve: async (h) => {
      h.edit('Dockerfile', NODE_PACKAGE_FIRST);
      await h.run(['build', '-t', 'node-web:3', '.']);
      appendTo(h, 'server.js', '// two\n');
      await h.run(['build', '-t', 'node-web:3', '.']);
    },
  },
  'node-app/images': {
    shortcut: '`docker system df` (sizes, but not the image list)',
    try: docker('system', 'df'),
    solve: docker('images'),
  },
  'node-app/rmi-in-use': {
    shortcut: '`docker rmi nosuchimage` (refused, but not because a container uses it)',
    try: docker('rmi', 'nosuchimage'),
    solve: docker('rmi', 'node-web:2'),
  },
  'node-app/stopped-still-uses': {
    shortcut: '`docker rmi node-web:2` again while app still runs',
    try: docker('rmi', 'node-web:2'),
    solve: async (h) => {
      await h.run(['stop', 'app']);
      await h.run(['rmi', 'node-web:2']);
    },
  },
  'node-app/prune': {
    shortcut: '`docker rm app` without pruning',
    try: docker('rm', 'app'),
    solve: docker('image', 'prune', '-f'),
  },
  'node-app/inspect': {
    shortcut: '`docker image inspect nosuchimage`',
    try: docker('image', 'inspect', 'nosuchimage'),
    solve: docker('image', 'inspect', 'node-web:3'),
  },
  'multi-stage/build': {
    shortcut: '`docker build --target build-stage -t multistage .` (one stage)',
    try: docker('build', '--target', 'build-stage', '-t', 'multistage', '.'),
    solve: docker('build', '-t', 'multistage', '.'),
  },
  'multi-stage/run': {
    shortcut: '`docker run diamol/base cat /build.txt` (the base image has no such file)',
    try: docker('run', 'diamol/base', 'cat', '/build.txt'),
    solve: docker('run', 'multistage'),
  },
  'volumes/create': {
    shortcut: '`docker volume create` without a name (an anonymous volume with a random name)',
    try: docker('volume', 'create'),
    solve: docker('volume', 'create', 'notes-data'),
  },
  'volumes/write': {
    shortcut: 'the same container without `-v` (the file goes to its writable layer)',
    try: docker('container', 'run', '--name', 'writer', 'diamol/base', 'sh', '-c', 'mkdir -p /data && echo hello from writer > /data/note.txt'),
    undo: docker('rm', 'writer'),
    solve: docker('container', 'run', '--name', 'writer', '-v', 'notes-data:/data', 'diamol/base', 'sh', '-c', 'echo hello from writer > /data/note.txt'),
  },
  'volumes/outlive': {
    shortcut: 'reading the volume while writer still exists',
    try: docker('container', 'run', '--name', 'reader', '-v', 'notes-data:/data', 'diamol/base', 'cat', '/data/note.txt'),
    undo: docker('rm', 'reader'),
    solve: async (h) => {
      await h.run(['rm', 'writer']);
      await h.run(['container', 'run', '--name', 'reader', '-v', 'notes-data:/data', 'diamol/base', 'cat', '/data/note.txt']);
    },
  },
  'volumes/dockerfile-volume': {
    shortcut: 'both containers with `-v visitors-data:/data` (one named volume, shared)',
    try: async (h) => {
      await h.run(['container', 'run', '--name', 'visit1', '-v', 'visitors-data:/data', 'visitors']);
      await h.run(['container', 'run', '--name', 'visit2', '-v', 'visitors-data:/data', 'visitors']);
    },
    undo: docker('rm', 'visit1', 'visit2'),
    solve: async (h) => {
      await h.run(['container', 'run', '--name', 'visit1', 'visitors']);
      await h.run(['container', 'run', '--name', 'visit2', 'visitors']);
    },
  },
  'volumes/bind-read': {
    shortcut: 'building the workspace\'s Dockerfile and running it (input.txt copied at build time, no bind mount)',
    try: async (h) => {
      appendTo(h, 'input.txt', 'Kim was here\n');
      await h.run(['build', '-t', 'file-display', '.']);
      await h.run(['run', 'file-display']);
    },
    solve: docker('container', 'run', '--name', 'display', '-v', '/workspace:/data', 'diamol/base', 'cat', '/data/input.txt'),
  },
  'volumes/bind-write': {
    shortcut: 'made-by.txt created in the editor with a made-up text',
    try: async (h) => h.edit('made-by.txt', 'abcdef123456\n'),
    undo: async (h) => h.setFiles(Object.fromEntries(Object.entries(h.files()).filter(([path]) => path !== 'made-by.txt'))),
    solve: docker('container', 'run', '--name', 'stamper', '-v', '/workspace:/data', 'diamol/base', 'sh', '-c', 'hostname > /data/made-by.txt'),
  },
  'go-multi-stage/build': {
    shortcut: '`docker build --target builder -t image-gallery .` (the build stage only)',
    try: docker('build', '--target', 'builder', '-t', 'image-gallery', '.'),
    solve: docker('build', '-t', 'image-gallery', '.'),
  },
  'go-multi-stage/build-stage': {
    shortcut: '`docker tag diamol/golang gallery-build` (the SDK image by that name, no build)',
    try: docker('tag', 'diamol/golang', 'gallery-build'),
    solve: docker('build', '--target', 'builder', '-t', 'gallery-build', '.'),
  },
  'go-multi-stage/no-sdk': {
    shortcut: '`docker run --name has-go gallery-build go version` (the build image has go)',
    try: docker('run', '--name', 'has-go', 'gallery-build', 'go', 'version'),
    solve: docker('run', '--name', 'no-go', 'image-gallery', 'go', 'version'),
  },
  'registry/tag': {
    shortcut: '`docker image tag hello hello:v1` (no account name)',
    try: docker('image', 'tag', 'hello', 'hello:v1'),
    solve: docker('image', 'tag', 'hello', 'learner/hello:v1'),
  },
  'registry/push': {
    shortcut: '`docker image push learner/hello:v1` before `docker login` (denied)',
    try: docker('image', 'push', 'learner/hello:v1'),
    solve: async (h) => {
      await h.run(['login', '-u', 'learner', '-p', 'secret']);
      await h.run(['image', 'push', 'learner/hello:v1']);
    },
  },
  'registry/pull-back': {
    shortcut: '`docker image pull learner/hello:v1` without removing it first (Image is up to date)',
    try: docker('image', 'pull', 'learner/hello:v1'),
    solve: async (h) => {
      await h.run(['image', 'rm', 'learner/hello:v1']);
      await h.run(['image', 'pull', 'learner/hello:v1']);
    },
  },
  'networks/create': {
    shortcut: '`docker network ls` (the built-in networks, nothing created)',
    try: docker('network', 'ls'),
    solve: docker('network', 'create', 'app-net'),
  },
  'networks/attach': {
    shortcut: '`docker container run -d --name web nginx` (the default bridge network)',
    try: docker('container', 'run', '-d', '--name', 'web', 'nginx'),
    undo: docker('rm', '-f', 'web'),
    solve: docker('container', 'run', '-d', '--name', 'web', '--network', 'app-net', 'nginx'),
  },
  'networks/by-name': {
    shortcut: 'the client without `--network app-net` (bad address \'web\' on the default bridge)',
    try: docker('container', 'run', '--name', 'client', 'diamol/base', 'wget', '-qO-', 'http://web'),
    undo: docker('rm', 'client'),
    solve: docker('container', 'run', '--name', 'client', '--network', 'app-net', 'diamol/base', 'wget', '-qO-', 'http://web'),
  },
  'networks/connect': {
    shortcut: '`docker container run -d --name web2 --network app-net nginx` (on app-net only)',
    try: docker('container', 'run', '-d', '--name', 'web2', '--network', 'app-net', 'nginx'),
    undo: docker('rm', '-f', 'web2'),
    solve: async (h) => {
      await h.run(['container', 'run', '-d', '--name', 'web2', 'nginx']);
      await h.run(['network', 'connect', 'app-net', 'web2']);
    },
  },
  'compose/up': {
    shortcut: 'the same two containers made by hand with `docker run` (no Compose project)',
    try: async (h) => {
      await h.run(['network', 'create', 'by-hand']);
      await h.run(['run', '-d', '--name', 'web', '--network', 'by-hand', '-p', '8080:80', 'nginx']);
      await h.run(['run', '--name', 'client', '--network', 'by-hand', 'diamol/base', 'wget', '-qO-', 'http://web']);
      await h.wait(1000);
    },
    undo: async (h) => {
      await h.run(['rm', '-f', 'web', 'client']);
      await h.run(['network', 'rm', 'by-hand']);
    },
    // the client service's container runs on after `up -d` returns: a second passes before the step is checked
    solve: async (h) => {
      await h.run(['compose', 'up', '-d']);
      await h.wait(1000);
    },
  },
  'compose/logs': {
    shortcut: '`docker compose logs web` (another service\'s logs)',
    try: docker('compose', 'logs', 'web'),
    solve: docker('compose', 'logs', 'client'),
  },
  'compose/change': {
    shortcut: 'the port changed in compose.yaml without `docker compose up`',
    try: async (h) => h.edit('compose.yaml', h.files()['compose.yaml'].replace('"8080:80"', '"8081:80"')),
    solve: docker('compose', 'up', '-d'),
  },
  'compose/down': {
    shortcut: '`docker compose stop` (containers and network stay)',
    try: docker('compose', 'stop'),
    solve: docker('compose', 'down'),
  },
};

/** Steps without a shortcut spec here, and why (none today). */
const NOT_COVERED: Record<string, string> = {};

describe('Every step has a shortcut that does not pass it', () => {
  it('lists a script for every step, and README.md lists the same shortcuts', () => {
    const keys = LESSONS.flatMap((l) => l.steps.map((s) => `${l.id}/${s.id}`));
    expect(keys.filter((k) => !SCRIPTS[k] && !NOT_COVERED[k])).toEqual([]);
    expect(Object.keys(SCRIPTS).filter((k) => !keys.includes(k))).toEqual([]);
    const rows = readme.split('\n').filter((l) => /^\| `[^`]+` \/ `[^`]+` \|/.test(l));
    const listed = Object.fromEntries(rows.map((r) => {
      const cells = r.split(' | ');
      const key = /^\| `([^`]+)` \/ `([^`]+)`/.exec(r)!;
      return [`${key[1]}/${key[2]}`, cells.slice(2).join(' | ').replace(/ \|$/, '')];
    }));
    for (const k of keys) expect(listed[k], `README row for ${k}`).toBe(SCRIPTS[k]?.shortcut ?? `not covered: ${NOT_COVERED[k]}`);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: each shortcut leaves its step unchecked, the lesson's way checks it`, async () => {
      const h = lessonHarness(lesson.files);
      await h.start(lesson);
      for (const step of lesson.steps) {
        const key = `${lesson.id}/${step.id}`;
        const script = SCRIPTS[key];
        if (!script) {
          // Not covered (see NOT_COVERED): do what the step asks so the lesson can go on.
          for (const cmd of step.commands ?? []) await h.run(cmd.split(' ').slice(1));
          h.advance(lesson);
          expect(h.completed, key).toContain(step.id);
          continue;
        }
        await script.try(h);
        const after = h.advance(lesson);
        expect(h.completed, `${key}: "${script.shortcut}" must not pass`).not.toContain(step.id);
        expect(after.steps.find((s) => s.id === step.id)?.missing?.ko, key).toBeTruthy();
        await script.undo?.(h);
        await script.solve(h);
        const ev = h.advance(lesson);
        expect(h.completed, `${key}: solution\n${JSON.stringify(ev.steps.find((s) => s.id === step.id))}`).toContain(step.id);
      }
      expect(h.completed).toEqual(lesson.steps.map((s) => s.id));
    });
  }
});
