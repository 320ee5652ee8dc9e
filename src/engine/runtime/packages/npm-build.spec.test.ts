/**
 * `RUN npm install` in a build writes the offline registry's real package files into the image: they are in the
 * layer (its size, `docker run IMG ls`, `cat`, `docker cp`), and npm's output is in the build log.
 */
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../core/io';
import { testEngine } from '../../build/testkit';

function setup(files: Record<string, string>) {
  const t = testEngine(files);
  t.engine.registry.sleep = null;
  const docker = async (...argv: string[]) => {
    const io = bufferIO();
    const code = await t.engine.run(argv, io);
    return { code, out: io.out, err: io.err };
  };
  return { ...t, docker };
}

const PKG = JSON.stringify({ name: 'web', version: '1.0.0', main: 'server.js', dependencies: { express: '^4.21.2' } }, null, 2);

describe('RUN npm install in a build', () => {
  it('puts the real express 4 files in the image layer', async () => {
    const t = setup({ Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n', 'package.json': PKG });
    const r = await t.build({ tags: ['web'] });
    expect(r.exitCode, r.err + r.out).toBe(0);
    expect(r.err + r.out).toMatch(/added 71 packages in \d+s/);
    const ls = await t.docker('run', '--rm', 'web', 'ls', 'node_modules');
    expect(ls.code).toBe(0);
    const names = ls.out.trim().split(/\s+/);
    expect(names).toEqual(expect.arrayContaining(['express', 'body-parser', 'accepts', 'debug', 'ms', 'qs', 'send', 'serve-static']));
    expect(names).toHaveLength(70); // 71 packages, one of them nested (send/node_modules/ms)
    const cat = await t.docker('run', '--rm', 'web', 'cat', 'node_modules/express/package.json');
    expect(JSON.parse(cat.out)).toMatchObject({ name: 'express', version: '4.22.3', description: 'Fast, unopinionated, minimalist web framework' });
    const lib = await t.docker('run', '--rm', 'web', 'sh', '-c', 'head -3 node_modules/express/lib/express.js; wc -c < node_modules/express/lib/router/index.js');
    expect(lib.out).toMatch(/^\/\*!\n \* express\n \* Copyright\(c\) 2009-2013 TJ Holowaychuk\n\d+\n$/);
    // The layer holds the files: its size is the unpacked tree's, not a guess.
    const history = await t.docker('history', '--format', '{{.CreatedBy}}\t{{.Size}}', 'web');
    expect(history.out).toMatch(/RUN \/bin\/sh -c npm install[^\t]*\t(1|2|3)\.\d+MB\n/);
  });

  it('fails the build with npm\'s 404 for a package the registry lacks', async () => {
    const t = setup({ Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n', 'package.json': JSON.stringify({ name: 'x', dependencies: { 'left-pad-layerlab-missing': '^1.0.0' } }) });
    const r = await t.build({ tags: ['x'] });
    expect(r.exitCode).not.toBe(0);
    expect(r.err + r.out).toContain('npm error 404 Not Found - GET https://registry.npmjs.org/left-pad-layerlab-missing - Not found');
  });

  it('warns EBADENGINE as npm 10.9.2 does when a package wants a newer Node, and installs it anyway', async () => {
    const pkg = JSON.stringify({ name: 'cli', version: '1.0.0', dependencies: { commander: '15.1.0' } });
    const t = setup({ Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n', 'package.json': pkg });
    const r = await t.build({ tags: ['cli'] });
    expect(r.exitCode, r.err + r.out).toBe(0);
    const run = await t.docker('run', '--rm', 'cli', 'sh', '-c', 'node --version; npm --version');
    const [node, npm] = run.out.trim().split('\n');
    const w = 'npm warn EBADENGINE';
    const log = (r.err + r.out).replace(/^#\d+ [\d.]+ /gm, '');
    expect(log).toContain(
      `${w} Unsupported engine {\n${w}   package: 'commander@15.1.0',\n${w}   required: { node: '>=22.12.0' },\n${w}   current: { node: '${node}', npm: '${npm}' }\n${w} }\n`,
    );
    expect(log).toMatch(/added 1 package in \d+m?s/);
  });
});
