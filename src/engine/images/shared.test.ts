/**
 * Shared image configs (shared.ts) against the plain values they stand for: the same canonical JSON (so the same
 * image IDs), the same materialized config, key order and history, and a snapshot form that restores the same
 * structures or is refused as damaged.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJSON, cloneConfig, type ContainerConfig, type HistoryEntry } from './config';
import { SnapshotShapeError } from './shape';
import { decodeSharedConfig, encodeSharedConfig, plainContainerConfig, shareContainerConfig, SharedList, SharedMap, sharedConfigOf, sharedImageConfig, type SharedImageConfig } from './shared';

/** A small deterministic generator (no Math.random in the engine's tests either). */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe('SharedList', () => {
  it('stays equal to the plain array through appends, replacements, inserts and truncations, sharing unchanged chunks', () => {
    const r = rng(7);
    let plain: string[] = [];
    let list = SharedList.of<string>([]);
    for (let step = 0; step < 1500; step++) {
      const op = r(10);
      const next = plain.slice();
      if (op < 6 || !next.length) next.push(`V${step}=${step}`);
      else if (op < 8) next[r(next.length)] = `R${step}`;
      else if (op < 9) next.splice(r(next.length), 1);
      else next.length = r(next.length);
      const shared = SharedList.of(next, list);
      expect(shared.length).toBe(next.length);
      if (step % 97 === 0 || op >= 8) {
        expect(shared.toArray()).toEqual(next);
        expect(canonicalJSON(shared)).toBe(canonicalJSON(next));
      }
      // Appending or replacing one element copies at most two chunks (the changed one and the last).
      if (op < 8 && plain.length > 256) {
        const fresh = shared.chunks.filter((c) => !list.chunks.includes(c)).length;
        expect(fresh).toBeLessThanOrEqual(2);
      }
      const keep = shared.commonPrefix(list);
      expect(keep).toBe(commonPrefix(next, plain));
      expect(list.derive(keep, shared.slice(keep)).toArray()).toEqual(next);
      plain = next;
      list = shared;
    }
    expect(list.toArray()).toEqual(plain);
  });

  it('inserts and sets by index like Array.splice', () => {
    const r = rng(3);
    const plain: number[] = [];
    let list = SharedList.of<number>([]);
    for (let i = 0; i < 1000; i++) {
      const at = r(plain.length + 1);
      plain.splice(at, 0, i);
      list = list.insert(at, i);
      if (i % 5 === 0) {
        const j = r(plain.length);
        plain[j] = -i;
        list = list.set(j, -i);
      }
    }
    expect(list.toArray()).toEqual(plain);
    expect(list.at(500)).toBe(plain[500]);
    expect(canonicalJSON(list)).toBe(JSON.stringify(plain));
  });
});

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe('SharedMap', () => {
  it('materializes the object with its key order and writes its canonical JSON, through adds and changes', () => {
    const r = rng(11);
    const obj: Record<string, string> = {};
    let map = SharedMap.of<string>({});
    for (let i = 0; i < 600; i++) {
      const op = r(10);
      const keys = Object.keys(obj);
      // Integer-like keys ("5") sort first in a JS object: the map follows Object.keys, whatever the order.
      if (op < 6 || !keys.length) obj[op === 0 ? String(r(50)) : `k${r(400)}.${i % 3}`] = `v${i}`;
      else if (op < 9) obj[keys[r(keys.length)]] = `changed ${i}`;
      else delete obj[keys[r(keys.length)]];
      map = SharedMap.of(obj, map);
      if (i % 37 === 0 || op === 9) {
        const back = map.toObject();
        expect(Object.keys(back)).toEqual(Object.keys(obj));
        expect(back).toEqual(obj);
        expect(canonicalJSON(map)).toBe(canonicalJSON(obj));
      }
    }
    const keep = map.order.commonPrefix(SharedMap.of(obj).order);
    expect(keep).toBe(0); // a map built afresh shares no entries with this one
    expect(map.derive(map.size, []).toObject()).toEqual(obj);
  });
});

const config = (n: number): ContainerConfig => ({
  User: 'app',
  Env: ['PATH=/bin', ...Array.from({ length: n }, (_, i) => `V${i}=${i}`)],
  Cmd: ['sh'],
  Labels: Object.fromEntries(Array.from({ length: n }, (_, i) => [`l${(i * 7) % 101}`, `${i}`])),
  ExposedPorts: Object.fromEntries(Array.from({ length: n % 50 }, (_, i) => [`${8000 + i}/tcp`, {}])),
  Volumes: { '/data': {} },
  OnBuild: ['RUN echo hi'],
  Healthcheck: { Test: ['CMD', 'true'], Interval: 5e9 },
  WorkingDir: '/app',
});

describe('shared container configs', () => {
  it('materialize as cloneConfig copies and hash like them', () => {
    let prev: ReturnType<typeof shareContainerConfig> | undefined;
    for (const n of [0, 1, 63, 64, 65, 200, 201]) {
      const c = config(n);
      const shared = shareContainerConfig(c, prev);
      const plain = plainContainerConfig(shared);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(cloneConfig(c)));
      expect(canonicalJSON(shared)).toBe(canonicalJSON(cloneConfig(c)));
      prev = shared;
    }
  });

  it('gives readers fresh values: changing one does not change the image', () => {
    const cfg = sharedImageConfig({ architecture: 'amd64', os: 'linux', created: 'x', config: shareContainerConfig(config(3)), rootfs: { type: 'layers', diff_ids: [] }, history: SharedList.of<HistoryEntry>([{ created: 'x', created_by: 'a' }]) });
    const first = cfg.config;
    first.Env!.push('X=1');
    first.Labels = {};
    cfg.history.push({ created: 'y' });
    expect(cfg.config.Env).toHaveLength(4);
    expect(Object.keys(cfg.config.Labels!)).toHaveLength(3);
    expect(cfg.history).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(cfg)).config.Env).toEqual(config(3).Env);
  });
});

/** A chain of step configs as the legacy builder makes them: each one ENV, LABEL or EXPOSE more. */
function chain(n: number): SharedImageConfig[] {
  const out: SharedImageConfig[] = [];
  const c: ContainerConfig = { Env: ['PATH=/bin'], Cmd: ['sh'], Labels: {} };
  const history: HistoryEntry[] = [{ created: '2024-01-01T00:00:00Z', created_by: 'ADD file' }];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) c.Env!.push(`V${i}=${i}`);
    else if (i % 3 === 1) c.Labels![`l${i % 40}`] = `${i}`;
    else (c.ExposedPorts ??= {})[`${i}/tcp`] = {};
    history.push({ created: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, created_by: `step ${i}`, empty_layer: true });
    const prev = out[out.length - 1];
    const cfg = shareContainerConfig(c, prev?.config);
    out.push({ architecture: 'amd64', os: 'linux', created: `t${i}`, config: cfg, container_config: { ...cfg, Cmd: ['/bin/sh', '-c', `#(nop) step ${i}`] }, rootfs: { type: 'layers', diff_ids: [] }, history: SharedList.of(history, prev?.history) });
  }
  return out;
}

describe('shared configs in snapshots', () => {
  it('are written relative to the step before, in size linear in the chain, and restore to the same configs', () => {
    const encode = (steps: SharedImageConfig[]) => steps.map((s, i) => encodeSharedConfig(s, steps[i - 1]));
    const steps = chain(400);
    const encoded = encode(steps);
    const json = JSON.parse(JSON.stringify(encoded)) as unknown[];
    // Each step writes what it added: twice the steps, about twice the size (whole copies: four times).
    const half = JSON.stringify(encode(chain(200))).length;
    expect(JSON.stringify(encoded).length / half).toBeLessThan(2.2);
    let base: SharedImageConfig | undefined;
    json.forEach((fields, i) => {
      const back = decodeSharedConfig(fields, base, `images[${i}]`);
      expect(canonicalJSON(back)).toBe(canonicalJSON(steps[i]));
      if (i % 50 === 0) expect(JSON.stringify(sharedImageConfig(back))).toBe(JSON.stringify(sharedImageConfig(steps[i])));
      base = back;
    });
    expect(sharedConfigOf(sharedImageConfig(steps[0]))).toBe(steps[0]);
  });

  it('refuse damaged fields with a SnapshotShapeError', () => {
    const [a, b] = chain(2);
    const good = JSON.parse(JSON.stringify(encodeSharedConfig(b, a))) as [string, string, ...unknown[]][];
    expect(() => decodeSharedConfig(good, a, 'x')).not.toThrow();
    const damaged = (f: (fields: [string, string, ...unknown[]][]) => void) => {
      const copy = JSON.parse(JSON.stringify(good)) as [string, string, ...unknown[]][];
      f(copy);
      return () => decodeSharedConfig(copy, a, 'x');
    };
    const history = (fs: [string, string, ...unknown[]][]) => fs.find((x) => x[0] === 'history')!;
    expect(damaged((fs) => (history(fs)[2] = 99))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => (history(fs)[3] = [{ created: 5 }]))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => (history(fs)[1] = 'q'))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => fs.push(['__proto__', 'v', {}]))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => fs.push(['os', 'l', 0, []]))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => fs.splice(fs.findIndex((x) => x[0] === 'config'), 1))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => fs.push(['created', 'v', 12]))).toThrow(SnapshotShapeError);
    const cfg = (fs: [string, string, ...unknown[]][]) => fs.find((x) => x[0] === 'config')![2] as unknown[][];
    expect(damaged((fs) => cfg(fs).push(['Env', 'l', 0, [1, 2]]))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => cfg(fs).push(['Labels', 'm', 0, [['a', 1]]]))).toThrow(SnapshotShapeError);
    expect(damaged((fs) => cfg(fs).push(['Cmd', 'v', 'sh']))).toThrow(SnapshotShapeError);
    // Without its base, a field that refers to the base's is damaged.
    expect(() => decodeSharedConfig(good, undefined, 'x')).toThrow(SnapshotShapeError);
  });
});
