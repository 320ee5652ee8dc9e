import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NPM_REGISTRY_FILE } from '../../../node/npm-registry';
import { nodeFs, run } from './testing';
import { readText } from '../fs-helpers';
import { setNpmRegistryLoader } from './npm-registry/source';

const NODE22 = { NODE_VERSION: '22.12.0' };
const testdata = (f: string) => readFileSync(join(__dirname, 'npm-registry/testdata', f), 'utf8');
/** What real npm 10.9.2 printed (scripts/npm-registry/record-npm10.sh). */
const real = JSON.parse(testdata('npm10-transcripts.json')) as Record<string, { stdout: string; stderr: string; code: number }>;
/** Durations are virtual: compared as a shape. */
const timeless = (s: string) => s.replace(/ in \d+(ms|s|m)\n/g, ' in Xs\n');
const logless = (s: string) => s.replace(/\/root\/\.npm\/_logs\/\S+-debug-0\.log/g, 'LOG');

beforeAll(() => setNpmRegistryLoader(() => readFileSync(NPM_REGISTRY_FILE)));
afterAll(() => setNpmRegistryLoader(null));

const pkgJson = (v: unknown) => JSON.stringify(v);

describe('npm install over the offline registry', () => {
  it('installs the real express 4 tree from package.json, with npm 10\'s output and package-lock.json', async () => {
    const fs = nodeFs({ '/app/package.json': pkgJson({ name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2' } }) });
    const r = await run(fs, 'npm install', { cwd: '/app', env: NODE22 });
    expect(r.exit?.code).toBe(0);
    expect(timeless(r.stdout())).toBe(timeless(real['install-express4'].stdout));
    expect(r.stderr()).toBe('');
    expect(readText(fs, '/app/package-lock.json')).toBe(testdata('install-express4.lock.json'));
    expect(readText(fs, '/app/node_modules/.package-lock.json')).toBe(testdata('install-express4.hidden-lock.json'));
    const express = JSON.parse(readText(fs, '/app/node_modules/express/package.json')!);
    expect(express).toMatchObject({ name: 'express', version: '4.22.3', license: 'MIT' });
    expect(readText(fs, '/app/node_modules/express/index.js')).toContain("module.exports = require('./lib/express');");
    expect(readText(fs, '/app/node_modules/express/LICENSE')).toContain('(The MIT License)');
    for (const loc of Object.keys(JSON.parse(testdata('install-express4.lock.json')).packages)) if (loc) expect(fs.stat(`/app/${loc}/package.json`)?.type).toBe('file');
    expect(fs.readlink('/app/node_modules/.bin/mime')).toBe('../mime/cli.js');
    expect(r.ms).toBeGreaterThan(1000);
    // A second install finds node_modules up to date.
    const again = await run(fs, 'npm install', { cwd: '/app', env: NODE22 });
    expect(timeless(again.stdout())).toBe(timeless(real['install-uptodate'].stdout));
  });

  it('install NAME@RANGE resolves, saves ^version in package.json (its format kept) and writes the lockfile', async () => {
    const fs = nodeFs({ '/app/package.json': '{"name":"b","version":"1.0.0","main":"index.js","license":"ISC"}\n' });
    const r = await run(fs, 'npm install express@4 cors', { cwd: '/app', env: NODE22 });
    expect(timeless(r.stdout())).toBe(timeless(real['install-name'].stdout));
    expect(readText(fs, '/app/package.json')).toBe(testdata('install-name.package.json'));
    expect(readText(fs, '/app/package-lock.json')).toBe(testdata('install-name.lock.json'));
  });

  it('nests conflicting versions, flags dev and optional packages, leaves out other platforms\' packages', async () => {
    const pkg = { name: 'd', version: '1.0.0', dependencies: { express: '^4.21.2', debug: '^4', chalk: '^4.1.2', axios: '^1' }, devDependencies: { nodemon: '^3' } };
    const fs = nodeFs({ '/app/package.json': pkgJson(pkg) });
    const r = await run(fs, 'npm install', { cwd: '/app', env: NODE22 });
    expect(timeless(r.stdout())).toBe(timeless(real['install-mixed'].stdout));
    expect(readText(fs, '/app/package-lock.json')).toBe(testdata('install-mixed.lock.json'));
    expect(JSON.parse(readText(fs, '/app/node_modules/debug/package.json')!).version).toMatch(/^4\./);
    expect(JSON.parse(readText(fs, '/app/node_modules/express/node_modules/debug/package.json')!).version).toBe('2.6.9');
    expect(fs.stat('/app/node_modules/fsevents')).toBeNull();
    expect(fs.readlink('/app/node_modules/.bin/nodemon')).toBe('../nodemon/bin/nodemon.js');
    const prod = nodeFs({ '/app/package.json': pkgJson(pkg) });
    await run(prod, 'npm install --omit=dev', { cwd: '/app', env: NODE22 });
    expect(prod.stat('/app/node_modules/nodemon')).toBeNull();
    expect(prod.stat('/app/node_modules/express')?.type).toBe('dir');
  });

  it('express 5 too', async () => {
    const fs = nodeFs({ '/app/package.json': pkgJson({ name: 'e', version: '1.0.0', dependencies: { express: '^5' } }) });
    const r = await run(fs, 'npm i', { cwd: '/app', env: NODE22 });
    expect(timeless(r.stdout())).toBe(timeless(real['install-express5'].stdout));
    expect(readText(fs, '/app/package-lock.json')).toBe(testdata('install-express5.lock.json'));
  });

  it('ci installs exactly the lockfile; without one, or out of sync with package.json, it fails as npm does', async () => {
    const fs = nodeFs({ '/app/package.json': pkgJson({ name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2' } }), '/app/package-lock.json': testdata('install-express4.lock.json') });
    const ci = await run(fs, 'npm ci', { cwd: '/app', env: NODE22 });
    expect(timeless(ci.stdout())).toBe(timeless(real['ci-express4'].stdout));
    expect(fs.readdir('/app/node_modules')).toContain('body-parser');
    const none = await run(nodeFs({ '/app/package.json': pkgJson({ name: 'c', version: '1.0.0', dependencies: { lodash: '^4' } }) }), 'npm ci', { cwd: '/app', env: NODE22 });
    expect(none.exit?.code).toBe(real['ci-nolock'].code);
    expect(logless(none.stderr())).toBe(logless(real['ci-nolock'].stderr));
    const stale = nodeFs({ '/app/package.json': pkgJson({ name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2', cors: '^2' } }), '/app/package-lock.json': testdata('install-express4.lock.json') });
    const bad = await run(stale, 'npm ci', { cwd: '/app', env: NODE22 });
    expect(bad.exit?.code).toBe(1);
    expect(bad.stderr()).toContain('npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm error\nnpm error Missing: cors@2.8.6 from lock file\n');
  });

  it('says 404 for a package the registry lacks and ETARGET for a version it lacks, with what it offers', async () => {
    const fs = nodeFs({ '/app/package.json': '{"name":"b","version":"1.0.0"}' });
    const missing = await run(fs, 'npm install left-pad-layerlab-missing', { cwd: '/app', env: NODE22 });
    expect(missing.exit?.code).toBe(1);
    // The recording machine's registry mirror answers 404 with an empty body; registry.npmjs.org's {"error":"Not found"} adds " - Not found".
    const recorded = logless(real['install-404'].stderr).replace(/npm error A complete log.*\n/, '').replace('left-pad-layerlab-missing\n', 'left-pad-layerlab-missing - Not found\n');
    const [npmLines, layerlab] = [recorded, missing.stderr().split('\n').find((l) => l.includes('Layerlab'))];
    expect(logless(missing.stderr())).toBe(`${npmLines}${layerlab}\nnpm error A complete log of this run can be found in: LOG\n`);
    expect(layerlab).toMatch(/^npm error Layerlab: the offline registry has \d+ packages, those beginners' tutorials install \(express, .*\) and their dependencies; left-pad-layerlab-missing is not one of them\.$/);
    const version = await run(fs, 'npm install express@4.0.99', { cwd: '/app', env: NODE22 });
    expect(logless(version.stderr())).toBe(logless(real['install-notarget'].stderr).replace('npm error A complete log', 'npm error Layerlab: the offline registry has express 5.3.0, 4.22.3.\nnpm error A complete log'));
    expect(fs.stat('/app/node_modules')).toBeNull();
  });

  it('runs the project\'s install scripts and pre/post scripts through the shell', async () => {
    const fs = nodeFs({ '/app/package.json': pkgJson({ name: 'w', version: '1.0.0', scripts: { postinstall: 'echo installed', prestart: 'echo before', start: 'echo start', poststart: 'echo after' }, dependencies: { ms: '^2' } }) });
    const r = await run(fs, 'npm install && npm start', { cwd: '/app', env: NODE22 });
    expect(timeless(r.stdout())).toBe('\n> w@1.0.0 postinstall\n> echo installed\n\ninstalled\n\nadded 1 package in Xs\n\n> w@1.0.0 prestart\n> echo before\n\nbefore\n\n> w@1.0.0 start\n> echo start\n\nstart\n\n> w@1.0.0 poststart\n> echo after\n\nafter\n');
  });
});

describe('npm', () => {
  it('install without package.json fails like npm', async () => {
    const none = await run(nodeFs(), 'npm install', { cwd: '/tmp', env: NODE22 });
    expect(none.exit?.code).toBe(254);
    expect(none.stderr()).toContain("npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/tmp/package.json'\n");
  });

  it('runs scripts through the shell with node_modules/.bin on PATH, and says when one is missing', async () => {
    const pkg = JSON.stringify({ name: 'web', version: '1.0.0', scripts: { build: 'echo building $npm_lifecycle_event; echo $PATH', fail: 'exit 3' } });
    const fs = nodeFs({ '/app/package.json': pkg });
    const r = await run(fs, 'npm run build', { cwd: '/app', env: NODE22 });
    expect(r.stdout()).toBe('\n> web@1.0.0 build\n> echo building $npm_lifecycle_event; echo $PATH\n\nbuilding build\n/app/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
    expect((await run(fs, 'npm run fail', { cwd: '/app', env: NODE22 })).exit?.code).toBe(3);
    const missing = await run(fs, 'npm test', { cwd: '/app', env: NODE22 });
    expect(missing.exit?.code).toBe(1);
    expect(missing.stderr()).toBe('npm error Missing script: "test"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n');
    const list = await run(fs, 'npm run', { cwd: '/app', env: NODE22 });
    expect(list.stdout()).toBe('available via `npm run-script`:\n  build\n    echo building $npm_lifecycle_event; echo $PATH\n  fail\n    exit 3\n');
  });

  it("prints the npm of the image's Node", async () => {
    expect((await run(nodeFs(), 'npm -v', { env: { NODE_VERSION: '18.20.5' } })).stdout()).toBe('10.8.2\n');
    expect((await run(nodeFs(), 'npm --version', { env: { NODE_VERSION: '10.16.0' } })).stdout()).toBe('6.9.0\n');
  });
});

describe('npm install -g', () => {
  it('installs the package with its own tree into /usr/local/lib/node_modules and links its command; a non-root user gets EACCES', async () => {
    const fs = nodeFs();
    const r = await run(fs, 'npm install -g nodemon', { cwd: '/app', env: NODE22 });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^\nadded \d+ packages in \d+s\n\n\d+ packages are looking for funding\n {2}run `npm fund` for details\n$/);
    expect(JSON.parse(readText(fs, '/usr/local/lib/node_modules/nodemon/package.json')!)).toMatchObject({ name: 'nodemon' });
    expect(fs.readdir('/usr/local/lib/node_modules/nodemon/node_modules')).toContain('chokidar');
    expect(fs.readlink('/usr/local/bin/nodemon')).toBe('../lib/node_modules/nodemon/bin/nodemon.js');
    expect(fs.stat('/app')).toBeNull();
    const denied = await run(fs, 'npm i -g pm2', { user: 'nobody', env: NODE22 });
    expect(denied.exit?.code).toBe(243);
    expect(denied.stderr()).toContain("npm error Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/pm2'\n");
  });
});

describe('yarn', () => {
  it('installs the real packages and saves a v1 lockfile; --frozen-lockfile needs one', async () => {
    const fs = nodeFs({ '/app/package.json': JSON.stringify({ name: 'w', dependencies: { lodash: '^4.17.21', 'body-parser': '^1' } }) });
    const frozen = await run(fs, 'yarn install --frozen-lockfile', { cwd: '/app' });
    expect(frozen.exit?.code).toBe(1);
    expect(frozen.stderr()).toBe('error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.\n');
    const r = await run(fs, 'yarn', { cwd: '/app' });
    expect(r.stdout()).toMatch(/^yarn install v1\.22\.22\ninfo No lockfile found\.\n\[1\/4\] Resolving packages\.\.\.\n\[2\/4\] Fetching packages\.\.\.\n\[3\/4\] Linking dependencies\.\.\.\n\[4\/4\] Building fresh packages\.\.\.\nsuccess Saved lockfile\.\nDone in \d+\.\d\ds\.\n$/);
    const lock = readText(fs, '/app/yarn.lock')!;
    expect(lock).toMatch(/^# THIS IS AN AUTOGENERATED FILE\. DO NOT EDIT THIS FILE DIRECTLY\.\n# yarn lockfile v1\n\n\n/);
    expect(lock).toMatch(/\nlodash@\^4\.17\.21:\n {2}version "(4\.\d+\.\d+)"\n {2}resolved "https:\/\/registry\.yarnpkg\.com\/lodash\/-\/lodash-\1\.tgz#[0-9a-f]{40}"\n {2}integrity sha512-/);
    // Ranges that resolve to one version share its entry.
    expect(lock).toMatch(/\n"?([a-z-]+)@[^,\n]+"?, "?\1@[^\n]+:\n {2}version "/);
    expect(JSON.parse(readText(fs, '/app/node_modules/lodash/package.json')!).name).toBe('lodash');
  });
});

describe('npm install after package.json changes', () => {
  it('removes what is no longer needed, with its commands, and says so as npm does', async () => {
    const fs = nodeFs({ '/app/package.json': pkgJson({ name: 'w', version: '1.0.0', dependencies: { nodemon: '^3' } }) });
    await run(fs, 'npm install', { cwd: '/app', env: NODE22 });
    expect(fs.readlink('/app/node_modules/.bin/nodemon')).toBe('../nodemon/bin/nodemon.js');
    fs.writeFile('/app/package.json', new TextEncoder().encode(pkgJson({ name: 'w', version: '1.0.0', dependencies: { dayjs: '^1' } })));
    const r = await run(fs, 'npm install', { cwd: '/app', env: NODE22 });
    expect(r.stdout()).toMatch(/^\nadded 1 package, and removed \d+ packages in \d+(ms|s)\n$/);
    expect(fs.readdir('/app/node_modules')).toContain('dayjs');
    expect(fs.readdir('/app/node_modules')).not.toContain('nodemon');
    expect(fs.lstat('/app/node_modules/.bin/nodemon')).toBeNull();
  });
});

describe("npm's words", () => {
  it('saves ^version unless the range asked for is narrower, as npm does', async () => {
    const { savedRange, parseSpec } = await import('./npm-install');
    expect(savedRange('4', '4.22.3')).toBe('^4.22.3');
    expect(savedRange('*', '5.3.0')).toBe('^5.3.0');
    expect(savedRange('latest', '5.3.0')).toBe('^5.3.0');
    expect(savedRange('4.17.1', '4.17.1')).toBe('^4.17.1');
    expect(savedRange('~4.17.0', '4.17.3')).toBe('~4.17.0');
    expect(parseSpec('@hapi/hoek@11')).toEqual({ name: '@hapi/hoek', spec: '11' });
    expect(parseSpec('@hapi/hoek')).toEqual({ name: '@hapi/hoek', spec: '*' });
    expect(parseSpec('express@')).toEqual({ name: 'express', spec: '*' });
  });

  it("summarises like npm's reify output", async () => {
    const { summary } = await import('./npm-install');
    expect(summary({ added: 0, removed: 0, changed: 0, funding: 0 }, '1s')).toBe('\nup to date in 1s\n');
    expect(summary({ added: 2, removed: 1, changed: 0, funding: 1 }, '2s')).toBe('\nadded 2 packages, and removed 1 package in 2s\n\n1 package is looking for funding\n  run `npm fund` for details\n');
    expect(summary({ added: 1, removed: 0, changed: 3, funding: 0 }, '3s')).toBe('\nadded 1 package, and changed 3 packages in 3s\n');
    expect(summary({ added: 1, removed: 2, changed: 3, funding: 0 }, '3s')).toBe('\nadded 1 package, removed 2 packages, and changed 3 packages in 3s\n');
  });
});
