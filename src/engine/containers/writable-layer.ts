/** What a container's writable layer holds: its size (`ps -s`), its changes (`docker diff`), an image of it (`docker commit`). */
import type { Result } from '../core/errors';
import { Layer } from '../fs/layer';
import { UnionFs } from '../fs/union';
import type { ContainerConfig as ImageContainerConfig } from '../images/config';
import type { ImageRecord, ImageStore } from '../images/store';
import type { Container } from './types';

export interface CommitOptions {
  repo?: string;
  author?: string;
  message?: string;
  config?: Partial<ImageContainerConfig>;
}

/** Size of the writable layer in bytes (files and symlinks). */
export function sizeRw(c: Container): number {
  let s = 0;
  for (const e of c.upper.entries.values()) if (e.type === 'file' || e.type === 'symlink') s += e.size;
  return s;
}

/** `docker commit`: the writable layer on top of the image, with the container's config (+ `changes`). */
export function commitContainer(images: ImageStore, c: Container, o: CommitOptions): Result<ImageRecord> {
  const copy = new Layer(new Map(c.upper.entries));
  const cfg: ImageContainerConfig = {
    User: c.config.User || undefined,
    ExposedPorts: c.config.ExposedPorts,
    Env: [...c.config.Env],
    Entrypoint: c.config.Entrypoint,
    Cmd: c.config.Cmd,
    WorkingDir: c.config.WorkingDir || undefined,
    Labels: Object.keys(c.config.Labels).length ? { ...c.config.Labels } : undefined,
    StopSignal: c.config.StopSignal,
    ...(o.config ?? {}),
  };
  return images.commit({
    baseId: c.imageId,
    upper: copy,
    config: cfg,
    comment: o.message,
    author: o.author,
    // moby NewChildImage: created_by is the container's Cmd joined by spaces.
    createdBy: (c.config.Cmd ?? []).join(' '),
    ref: o.repo,
  });
}

/** `docker diff`: C/A/D lines for the writable layer, parents of changes included (as Docker lists them). */
export function diffContainer(images: ImageStore, c: Container): { kind: 'A' | 'C' | 'D'; path: string }[] {
  const lower = new UnionFs(images.layers(c.imageId));
  const kinds = new Map<string, 'A' | 'C' | 'D'>();
  for (const ch of c.upper.changes((p) => lower.lookupRaw(p))) {
    if (ch.kind === 'C' && ch.type === 'dir') {
      kinds.set(ch.path, 'C');
      continue;
    }
    kinds.set(ch.path, ch.kind);
  }
  for (const p of [...kinds.keys()]) {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const a = '/' + parts.slice(0, i).join('/');
      if (!kinds.has(a)) kinds.set(a, lower.lookupRaw(a) ? 'C' : 'A');
    }
  }
  return [...kinds]
    .map(([path, kind]) => ({ path, kind }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
