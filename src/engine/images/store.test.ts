import { describe, expect, it } from 'vitest';
import { testEnv } from '../core/env';
import { ImageStore, type StoreSnapshot } from './store';
import { busyboxTree, baseConfig } from './base-images';
import { familiarRef, normalizeRef, parseReference, pathMatch } from './reference';
import { inspectImage, dockerJSON } from './inspect';
import { layerFromTree } from '../fs/tree';

const mk = () => {
  const env = testEnv();
  const store = new ImageStore(env);
  const bb = store.importImage({ refs: ['busybox:latest'], layers: [busyboxTree()], config: baseConfig(['sh']), digest: 'sha256:' + 'a'.repeat(64) });
  return { env, store, bb };
};

describe('image references', () => {
  it('normalises familiar names', () => {
    expect(normalizeRef('web-ping')).toBe('docker.io/library/web-ping:latest');
    expect(normalizeRef('diamol/ch03-web-ping:v2')).toBe('docker.io/diamol/ch03-web-ping:v2');
    expect(normalizeRef('localhost:5000/x')).toBe('localhost:5000/x:latest');
    expect(familiarRef('docker.io/library/node:18')).toBe('node:18');
    const bad = parseReference('Web-Ping');
    expect(bad.ok || bad.error.message).toBe('invalid reference format: repository name (library/Web-Ping) must be lowercase');
    expect(parseReference('x::y').ok).toBe(false);
  });
  it('matches like Go path.Match', () => {
    expect(pathMatch('w*', 'web-ping')).toBe(true);
    expect(pathMatch('w*', 'diamol/web-ping')).toBe(false);
    expect(pathMatch('diamol/*', 'diamol/web-ping')).toBe(true);
    expect(pathMatch('[a-c]?', 'b1')).toBe(true);
    expect(pathMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(200))).toBe(false);
  });
});

describe('ImageStore', () => {
  it('gives identical inputs identical IDs and resolves by ref or short id', () => {
    const { store, bb } = mk();
    const again = store.importImage({ refs: ['busybox'], layers: [busyboxTree()], config: baseConfig(['sh']) });
    expect(again.id).toBe(bb.id);
    expect(store.get('busybox')?.id).toBe(bb.id);
    expect(store.get(bb.id.slice(7, 19))?.id).toBe(bb.id);
    expect(store.rootfs(bb.id).stat('/bin/sh')?.path).toBe('/bin/busybox');
    expect(store.digestsOf(bb.id)).toEqual(['busybox@sha256:' + 'a'.repeat(64)]);
  });

  it('tags, untags and removes with Docker lines and conflicts', () => {
    const { store, bb } = mk();
    expect(store.tag('busybox', 'mybox:1').ok).toBe(true);
    expect(store.tagsOf(bb.id)).toEqual(['busybox:latest', 'mybox:1']);
    const byId = store.remove(bb.id.slice(7, 19));
    expect(byId.ok ? '' : byId.error.message).toBe(`conflict: unable to delete ${bb.id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`);
    expect(store.remove('mybox:1')).toEqual({ ok: true, value: ['Untagged: mybox:1'] });
    const users = () => [{ id: 'c'.repeat(64), running: false }];
    const conflict = store.remove('busybox', { usersOf: users });
    expect(conflict.ok ? '' : conflict.error.message).toBe(`conflict: unable to remove repository reference "busybox" (must force) - container cccccccccccc is using its referenced image ${bb.id.slice(7, 19)}`);
    const gone = store.remove('busybox');
    expect(gone.ok && gone.value).toEqual(['Untagged: busybox:latest', 'Untagged: busybox@sha256:' + 'a'.repeat(64), `Deleted: ${bb.id}`, `Deleted: ${bb.config.rootfs.diff_ids[0]}`]);
    expect(store.list()).toEqual([]);
    const none = store.remove('nope');
    expect(none.ok ? '' : none.error.message).toBe('No such image: nope:latest');
  });

  it('commits a container layer and survives snapshot/restore', () => {
    const { env, store, bb } = mk();
    const fs = store.rootfs(bb.id);
    fs.writeFile('/hello.txt', 'hi\n');
    const c = store.commit({ baseId: bb.id, upper: fs.upper, config: { ...bb.config.config }, ref: 'box:v2', comment: 'test' });
    expect(c.ok).toBe(true);
    const id = c.ok ? c.value.id : '';
    expect(store.size(id)).toBe(store.size(bb.id) + 3);
    const copy = new ImageStore(env);
    copy.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(copy.get('box:v2')?.id).toBe(id);
    expect(copy.rootfs(id).readText('/hello.txt')).toBe('hi\n');
    const ins = inspectImage(copy, 'box:v2')!;
    expect(Object.keys(ins).slice(0, 4)).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Parent']);
    expect((ins.RootFS as { Layers: string[] }).Layers).toHaveLength(2);
    expect(dockerJSON([ins])).toMatch(/^\[\n {4}\{\n {8}"Id": "sha256:/);
  });

  it('shares layers between images (stored once)', () => {
    const { env, store, bb } = mk();
    const extra = layerFromTree(env.sha256, { '/app/x': 'x' });
    const child = store.put({ ...bb.config, rootfs: { type: 'layers', diff_ids: [] } }, [...store.layers(bb.id), extra]);
    expect(store.layerRefCounts().get(bb.config.rootfs.diff_ids[0])).toBe(2);
    expect(child.config.rootfs.diff_ids).toHaveLength(2);
  });
});

describe('Image store restore', () => {
  it('restores its own snapshot exactly', () => {
    const { env, store } = mk();
    const again = new ImageStore(env);
    again.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(again.snapshot()).toEqual(store.snapshot());
  });

  it('refuses a slice of the wrong shape with an error naming the damaged field', () => {
    const { env, store } = mk();
    const good = JSON.parse(JSON.stringify(store.snapshot()));
    /** Restores a copy of the good snapshot with the value at `path` replaced (nothing replaced: no path). */
    const damage = (path: (string | number)[] = [], value?: unknown) => {
      const s: unknown = JSON.parse(JSON.stringify(good));
      if (path.length) {
        let at = s as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[path[path.length - 1]] = value;
      }
      const target = new ImageStore(env);
      try {
        target.restore(s as StoreSnapshot);
        return 'restored';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(damage(['images', 0, 'repoDigests'], {})).toBe('damaged snapshot: images.images[0].repoDigests is not a list of strings');
    expect(damage(['images', 0, 'config', 'rootfs'], null)).toBe('damaged snapshot: images.images[0].config.rootfs is not an object');
    expect(damage(['layers', 0, 'entries', 0, 1, 't'], 'pipe')).toBe('damaged snapshot: images.layers[0].entries[0][1].t is not one of "file", "dir", "symlink"');
    expect(damage(['tags'], [[1, 2]])).toBe('damaged snapshot: images.tags[0][0] is not a string');
    expect(damage(['images'], 'x')).toBe('damaged snapshot: images.images is not a list');
    expect(damage(['images', 0, 'id'], '')).toBe('damaged snapshot: images.images[0].id is not a sha256 digest');
    expect(damage()).toBe('restored');
  });
});
