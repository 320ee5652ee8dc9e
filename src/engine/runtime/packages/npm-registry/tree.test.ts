import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NPM_REGISTRY_FILE } from '../../../../node/npm-registry';
import { NpmRegistry } from './registry';
import { buildIdealTree, pickVersion, type RootDeps, type TreeNode } from './tree';
import { lockfileOf } from './lockfile';

const reg = new NpmRegistry(readFileSync(NPM_REGISTRY_FILE));
const testdata = (f: string) => readFileSync(join(__dirname, 'testdata', f), 'utf8');

function tree(deps: RootDeps): TreeNode {
  const r = buildIdealTree(reg, 'x', '1.0.0', deps);
  if ('error' in r) throw new Error(JSON.stringify(r.error));
  return r.tree;
}

describe('the ideal tree', () => {
  it('resolves ranges as npm does: the latest tag when it satisfies, else the highest match', () => {
    expect(pickVersion(reg, 'express', '^4.18.0')).toBe(reg.packument('express')!.versions['4.22.3'] ? '4.22.3' : null);
    expect(pickVersion(reg, 'express', 'latest')).toBe(reg.packument('express')!['dist-tags'].latest);
    expect(pickVersion(reg, 'express', '4.0.99')).toBeNull();
    expect(pickVersion(reg, 'no-such-package', '*')).toBeNull();
  });

  it('reports a missing package (E404) and a missing version (ETARGET)', () => {
    expect(buildIdealTree(reg, 'x', '1.0.0', { dependencies: { 'left-pad-missing': '^1' } })).toEqual({ error: { code: 'E404', name: 'left-pad-missing', spec: '^1' } });
    expect(buildIdealTree(reg, 'x', '1.0.0', { dependencies: { express: '4.0.99' } })).toEqual({ error: { code: 'ETARGET', name: 'express', spec: '4.0.99' } });
  });

  const cases: [string, Record<string, unknown> & RootDeps & { name: string }][] = [
    ['install-express4', { name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2' } }],
    ['install-express5', { name: 'e', version: '1.0.0', dependencies: { express: '^5' } }],
    ['install-mixed', { name: 'd', version: '1.0.0', dependencies: { express: '^4.21.2', debug: '^4', chalk: '^4.1.2', axios: '^1' }, devDependencies: { nodemon: '^3' } }],
  ];
  for (const [name, pkg] of cases) {
    it(`hoists and nests like npm 10 and writes its package-lock.json (${name})`, () => {
      const t = tree(pkg);
      expect(lockfileOf(t, pkg, pkg.name)).toBe(testdata(`${name}.lock.json`));
    });
  }

  it('writes the hidden lockfile of node_modules', () => {
    const pkg = { name: 'web', version: '1.0.0', dependencies: { express: '^4.21.2' } };
    expect(lockfileOf(tree(pkg), pkg, 'web', { hidden: true })).toBe(testdata('install-express4.hidden-lock.json'));
  });
});
