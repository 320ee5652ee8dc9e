import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/sha256';
import { Layer } from './layer';
import { layerFromTree } from './tree';
import { UnionFs } from './union';

const base = () => layerFromTree(sha256Hex, { '/app/a/1.txt': 'one', '/app/a/2.txt': 'two', '/etc/motd': 'hi\n', '/opt/x/y': 'y' });

/** Three steps as a build makes them: each one a union over the sealed stack so far, committed. */
function stack(): Layer[] {
  const layers = [base()];
  const step = (f: (fs: UnionFs) => void) => {
    const fs = new UnionFs(layers.slice());
    f(fs);
    layers.push(fs.commit(sha256Hex));
  };
  step((fs) => fs.rm('/app/a', { recursive: true }));
  step((fs) => {
    fs.mkdirp('/app/a');
    fs.writeFile('/app/a/3.txt', 'three');
    fs.rm('/opt/x', { recursive: true });
    fs.writeFile('/opt/x', 'now a file');
  });
  step((fs) => fs.writeFile('/etc/motd', 'changed\n'));
  return layers;
}

describe('lookups in a stack of sealed layers', () => {
  it('answer as a walk through the layers does, whiteouts, opaque and replaced directories included', () => {
    const layers = stack();
    const remembered = new UnionFs(layers);
    // The same layers, unsealed copies: lookups walk the stack every time.
    const walked = new UnionFs(layers.map((l) => new Layer(new Map(l.entries), l.hides)));
    for (const p of ['/app/a/1.txt', '/app/a/2.txt', '/app/a/3.txt', '/app/a', '/opt/x', '/opt/x/y', '/etc/motd', '/nothere']) {
      expect(remembered.lookupRaw(p), p).toEqual(walked.lookupRaw(p));
    }
    expect(remembered.readText('/etc/motd')).toBe('changed\n');
    expect(remembered.exists('/app/a/1.txt')).toBe(false);
    expect(remembered.stat('/opt/x')?.type).toBe('file');
  });

  it('a later step sees its own writes over what earlier steps remembered', () => {
    const layers = stack();
    const first = new UnionFs(layers.slice());
    expect(first.readText('/etc/motd')).toBe('changed\n');
    const next = new UnionFs(layers.slice());
    next.rm('/etc/motd');
    expect(next.exists('/etc/motd')).toBe(false);
    next.writeFile('/app/a/1.txt', 'again');
    expect(next.readText('/app/a/1.txt')).toBe('again');
    const layer = next.commit(sha256Hex);
    expect(layer.summary).toEqual({ added: 1, modified: 0, removed: 1 });
  });
});
