// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine';
import { memoryContext } from '../../engine/core/host';
import { testEnv } from '../../engine/core/env';
import { bufferIO } from '../../engine/core/io';
import type { BuildEvent } from '../../engine/build/events';
import { layerChangesInImage } from './layerDiffData';
import { wasteHints } from './diffTree';

describe('Layer diff in the layer stack', () => {
  it('tells added files from files that replace a copy in a lower layer (wasted space)', async () => {
    const engine = new Engine({
      env: testEnv(),
      context: memoryContext({
        Dockerfile: 'FROM alpine\nCOPY a.txt /data/a.txt\nCOPY b.txt /data/a.txt\n',
        'a.txt': 'x'.repeat(5000),
        'b.txt': 'small\n',
      }),
    });
    const layers: string[] = [];
    let imageId = '';
    await engine.build({ contextDir: '.', tags: ['t'] }, bufferIO(), (e: BuildEvent) => {
      if (e.type === 'step-finished' && e.layer) layers.push(e.layer.digest);
      if (e.type === 'build-finished') imageId = e.imageId;
    });
    layers.splice(0, layers.length - 2); // the base image's step may report its layer too
    expect(layers.length).toBe(2);
    const first = layerChangesInImage(engine, layers[0], imageId)!;
    expect(first.find((c) => c.path === '/data/a.txt')).toMatchObject({ kind: 'A', size: 5000 });
    const second = layerChangesInImage(engine, layers[1], imageId)!;
    const replaced = second.find((c) => c.path === '/data/a.txt')!;
    expect(replaced).toMatchObject({ kind: 'C', size: 6, lowerSize: 5000 });
    expect(wasteHints(second)).toEqual([{ kind: 'overwritten', path: '/data/a.txt', size: 5000 }]);
  });
});
