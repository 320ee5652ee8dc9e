import { describe, expect, it } from 'vitest';
import { nodeFs, run } from './testing';
import { readText } from '../fs-helpers';

const NODE18 = { NODE_VERSION: '18.20.5' };

describe('npm', () => {
  it('install reads package.json and writes node_modules, the lockfile and the cache', async () => {
    const fs = nodeFs({ '/app/package.json': JSON.stringify({ name: 'web', dependencies: { express: '^4.18.0' } }) });
    const r = await run(fs, 'npm install', { cwd: '/app', env: NODE18 });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^\nadded 65 packages, and audited 66 packages in \ds\n\n8 packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n$/);
    expect(fs.readdir('/app/node_modules')).toContain('express');
    expect(fs.readdir('/app/node_modules')).toContain('body-parser');
    expect(JSON.parse(readText(fs, '/app/node_modules/express/package.json')!)).toMatchObject({ name: 'express', version: '4.21.2' });
    expect(fs.stat('/app/node_modules/express/index.js')?.size).toBe(919_800);
    expect(fs.stat('/app/package-lock.json')?.type).toBe('file');
    expect(fs.stat('/root/.npm/_cacache/index-v5.bin')?.type).toBe('file');
    expect(r.ms).toBeGreaterThan(1000);
  });

  it('install NAME adds it to package.json', async () => {
    const fs = nodeFs({ '/app/package.json': '{"name":"x","version":"1.0.0"}' });
    const r = await run(fs, 'npm i lodash', { cwd: '/app', env: NODE18 });
    expect(r.stdout()).toContain('\nadded 1 package, and audited 2 packages in 1s\n');
    expect(JSON.parse(readText(fs, '/app/package.json')!).dependencies).toEqual({ lodash: '^4.17.21' });
  });

  it('ci without a lockfile fails like npm; install without package.json too', async () => {
    const ci = await run(nodeFs({ '/app/package.json': '{"name":"x"}' }), 'npm ci', { cwd: '/app', env: NODE18 });
    expect(ci.exit?.code).toBe(1);
    expect(ci.stderr()).toContain('npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\n');
    const none = await run(nodeFs(), 'npm install', { cwd: '/tmp', env: NODE18 });
    expect(none.exit?.code).toBe(254);
    expect(none.stderr()).toContain("npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/tmp/package.json'\n");
  });

  it('runs scripts through the shell with node_modules/.bin on PATH, and says when one is missing', async () => {
    const pkg = JSON.stringify({ name: 'web', version: '1.0.0', scripts: { build: 'echo building $npm_lifecycle_event; echo $PATH', fail: 'exit 3' } });
    const fs = nodeFs({ '/app/package.json': pkg });
    const r = await run(fs, 'npm run build', { cwd: '/app', env: NODE18 });
    expect(r.stdout()).toBe('\n> web@1.0.0 build\n> echo building $npm_lifecycle_event; echo $PATH\n\nbuilding build\n/app/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
    expect((await run(fs, 'npm run fail', { cwd: '/app', env: NODE18 })).exit?.code).toBe(3);
    const missing = await run(fs, 'npm test', { cwd: '/app', env: NODE18 });
    expect(missing.exit?.code).toBe(1);
    expect(missing.stderr()).toBe('npm error Missing script: "test"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n');
    const list = await run(fs, 'npm run', { cwd: '/app', env: NODE18 });
    expect(list.stdout()).toBe('available via `npm run-script`:\n  build\n    echo building $npm_lifecycle_event; echo $PATH\n  fail\n    exit 3\n');
  });

  it('prints the npm of the image\'s Node', async () => {
    expect((await run(nodeFs(), 'npm -v', { env: NODE18 })).stdout()).toBe('10.8.2\n');
    expect((await run(nodeFs(), 'npm --version', { env: { NODE_VERSION: '10.16.0' } })).stdout()).toBe('6.9.0\n');
  });
});

describe('yarn', () => {
  it('installs and saves a lockfile; --frozen-lockfile needs one', async () => {
    const fs = nodeFs({ '/app/package.json': JSON.stringify({ name: 'w', dependencies: { lodash: '^4.17.21' } }) });
    const frozen = await run(fs, 'yarn install --frozen-lockfile', { cwd: '/app' });
    expect(frozen.exit?.code).toBe(1);
    expect(frozen.stderr()).toBe('error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.\n');
    const r = await run(fs, 'yarn', { cwd: '/app' });
    expect(r.stdout()).toMatch(/^yarn install v1\.22\.22\ninfo No lockfile found\.\n\[1\/4\] Resolving packages\.\.\.\n\[2\/4\] Fetching packages\.\.\.\n\[3\/4\] Linking dependencies\.\.\.\n\[4\/4\] Building fresh packages\.\.\.\nsuccess Saved lockfile\.\nDone in \d+\.\d\ds\.\n$/);
    expect(readText(fs, '/app/yarn.lock')).toContain('lodash@^4.17.21:\n  version "4.17.21"\n');
    expect(fs.readdir('/app/node_modules')).toContain('lodash');
  });
});

describe('npm install -g', () => {
  it('installs into /usr/local/lib/node_modules and links the command; a non-root user gets EACCES', async () => {
    const fs = nodeFs();
    const r = await run(fs, 'npm install -g nodemon', { cwd: '/app', env: NODE18 });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^\nadded 29 packages in \ds\n/);
    expect(JSON.parse(readText(fs, '/usr/local/lib/node_modules/nodemon/package.json')!)).toMatchObject({ name: 'nodemon', version: '3.1.9' });
    expect(fs.readlink('/usr/local/bin/nodemon')).toBe('../lib/node_modules/nodemon/index.js');
    expect(fs.stat('/app')).toBeNull();
    const denied = await run(fs, 'npm i -g pm2', { user: 'nobody', env: NODE18 });
    expect(denied.exit?.code).toBe(243);
    expect(denied.stderr()).toContain("npm error Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/pm2'\n");
  });
});
