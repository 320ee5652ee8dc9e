/**
 * COPY and ADD: select the sources (the context after .dockerignore, a stage, an image, heredocs, ADD's URLs and
 * local archives), checksum them for the cache key, and copy them into a new layer with the owner and mode flags.
 * A rebuild after a small context change patches the previous selection and layer (copy-selection.ts, copy-layer.ts).
 */
import type { ContextEntry } from '../../core/host';
import type { CopyInstr } from '../../dockerfile/index';
import { Layer } from '../../fs/layer';
import { contentDigest, dirNode, fileNode, isWhiteout, symlinkNode, type FsNode } from '../../fs/node';
import { basename, dirname, joinPath, normalizePath } from '../../fs/path';
import { UnionFs, FsError } from '../../fs/union';
import { canonicalJSON } from '../../images/config';
import { fullString, parseReference, withDefaultTag } from '../../images/reference';
import { passwdReader, type BuildRun } from '../builder';
import type { StepResult } from '../cache/rules';
import { FileList, patchSelection, SelectionMemos, sourceChecksum } from '../copy-selection';
import { ignoreMatcher } from '../dockerignore';
import { cleanPath } from '../../core/clean-path';
import { readArchive } from '../tar';
import { lookupGroup, lookupUser } from '../../runtime/users';
import type { StageState } from '../types';
import { COPY_SHAPE_MIN, copiedNode, copyShape, globFs, ownedNode, sameCopyShape, sameLayers } from './copy-layer';
import { baseImage, pullBase } from '../phases/resolve-base';

export async function copyInstruction(run: BuildRun, st: StageState, ins: CopyInstr, idx: number): Promise<void> {
  const exp = (w: string) => {
    const r = st.scope.expand(w);
    if (!r.ok) run.fail(r.error.message, { range: ins.range });
    return r.value;
  };
  const destRaw = exp(ins.dest);
  const wd = run.workdir(st);
  const destIsDirSyntax = destRaw.endsWith('/') || destRaw === '.' || destRaw.endsWith('/.') || destRaw === '..';
  const dest = normalizePath(destRaw, wd);
  const chown = ins.chown !== undefined ? exp(ins.chown) : undefined;
  const chmod = ins.chmod !== undefined ? exp(ins.chmod) : undefined;
  const heredocSources = new Map(ins.heredocs.map((h) => [h.name, h]));
  // Inline files (`COPY <<EOF /dest`) come as heredocs; older parsers also listed them as "<<EOF" sources.
  const srcs = [...ins.sources.filter((s) => !/^<<-?/.test(s)).map((s) => exp(s)), ...ins.heredocs.map((h) => '<<' + h.name)];
  if (srcs.length > 1 && !destRaw.endsWith('/')) {
    run.fail('When using COPY with more than one source file, the destination must be a directory and end with a /', { range: ins.range, legacy: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
  }
  if (chmod !== undefined && !/^[0-7]{3,4}$/.test(chmod)) run.fail(`invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`, { range: ins.range });
  // Sources: the context, a stage or an image.
  let srcFs: UnionFs | null = null;
  let srcKey = 'context';
  let fromStage: StageState | null = null;
  if (ins.from !== undefined) {
    const ix = run.stageIndexByName(ins.from, st.plan.index);
    if (ix !== null) {
      fromStage = run.states.get(ix) ?? null;
      if (!fromStage) run.fail(`stage ${ins.from} not built`, { range: ins.range });
      srcFs = new UnionFs(fromStage.layers);
      srcKey = 'stage:' + fromStage.key;
    } else {
      let img = baseImage(run, ins.from);
      let pullError: { code: string; message: string; hint?: string } | undefined;
      if (!img && !run.dryRun && run.host.registry) {
        const r = pullBase(run, ins.from, () => {}, true);
        if (r.ok) img = r.value.image;
        else pullError = r.error;
      }
      if (!img) {
        if (run.dryRun) {
          srcFs = new UnionFs([]);
          srcKey = 'missing';
        } else {
          const c = parseReference(ins.from);
          const canonical = c.ok ? fullString(withDefaultTag(c.value)) : ins.from;
          // A tag the registry lacks: containerd's "<ref>: not found" (BuildKit), the daemon's pull error (legacy).
          if (pullError?.code === 'registry.manifest-unknown') {
            run.fail(`${ins.from}: failed to resolve source metadata for ${canonical}: ${canonical}: not found`, { range: ins.range, legacy: pullError.message, note: pullError.hint });
          }
          run.fail(`${ins.from}: failed to resolve source metadata for ${canonical}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, { range: ins.range, legacy: `pull access denied for ${ins.from}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` });
        }
      } else {
        srcFs = new UnionFs(run.host.images.layers(img.id));
        srcKey = 'image:' + img.id;
      }
    }
  }
  const isUrl = (s: string) => /^https?:\/\//.test(s);
  // COPY --exclude: patterns (dockerignore syntax) over the paths below each source.
  const excludeMatcher = ins.exclude.length ? ignoreMatcher(ins.exclude.map((x) => exp(x)).join('\n')) : null;
  const excluded = (rel: string) => !!excludeMatcher && excludeMatcher.ok && excludeMatcher.value.excludes(rel);
  // Selection: [sourcePathForChecksum, target, node]
  interface Item {
    src: string;
    target: string;
    node: FsNode;
    digest: string;
    /** The source's modification time, kept by the copy (context files of a host that knows it); else the build's time. */
    mtime?: number;
  }
  let items: Item[] = [];
  let fileList = FileList.empty();
  const many = srcs.length > 1;
  // Copied context files keep their modification time, as Docker's do (the context is sent with it). The legacy
  // builder keeps whole seconds of it for ADD and for what a copied directory holds (recorded on Engine 20.10).
  const sourceTime = (e: ContextEntry, inDir: boolean): number | undefined =>
    e.mtime === undefined ? undefined : !run.rules.buildkitFeatures && (ins.kind === 'ADD' || inDir) ? Math.floor(e.mtime / 1000) * 1000 : e.mtime;
  // A COPY of context directories after a build that changed only some files: patch its last selection.
  const selKey = !run.dryRun && !srcFs && !ins.exclude.length && !ins.heredocs.length && !srcs.some(isUrl) ? `${ins.kind}\0${dest}\0${destIsDirSyntax}\0${srcs.join('\0')}` : null;
  let selRoots: string[] | null = null;
  if (selKey) {
    selRoots = [];
    for (const s of srcs) {
      const r = run.ctx.match(s);
      if (!r || r.some((x) => x !== '.' && run.ctx.get(x)?.type !== 'dir')) {
        selRoots = null;
        break;
      }
      selRoots.push(...r);
    }
  }
  const selMemo = selKey && selRoots ? run.host.cache.selections.get(selKey) : undefined;
  const patched =
    selMemo && selRoots && run.contextDelta
      ? patchSelection(selMemo, run.contextDelta, selRoots, (p) => run.ctx.get(p), (e, old) => {
          const digest = run.ctx.digest(e);
          const node: FsNode = e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
          return { item: { src: old.src, target: old.target, node, digest, mtime: sourceTime(e, true) }, tag: run.host.memos.fileTag(e.mode, digest) };
        })
      : null;
  if (patched) {
    items = patched.items;
    fileList = patched.files;
  }
  const refId = () => `${run.randomHex(8)}-${run.randomHex(4)}-${run.randomHex(4)}-${run.randomHex(4)}-${run.randomHex(12)}::${run.randomHex(25).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
  for (const s of patched ? [] : srcs) {
    const hd = /^<<-?(.+)$/.exec(s);
    if (hd && heredocSources.has(hd[1]) && run.rules.buildkitFeatures) {
      const h = heredocSources.get(hd[1])!;
      let content = h.content;
      if (h.expand) content = exp(content.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'")) ;
      const target = destIsDirSyntax ? joinPath(dest, h.name) : dest;
      const node = fileNode(content, { mode: 0o644 });
      const digest = run.sha(content);
      items.push({ src: '<<' + h.name, target, node, digest });
      fileList.set('<<' + h.name, digest.slice(0, 16));
      continue;
    }
    if (isUrl(s) && ins.kind === 'ADD') {
      const name = basename(s.replace(/[?#].*$/, '')) || 'index.html';
      const target = destIsDirSyntax ? joinPath(dest, name) : dest;
      const size = 1000 + (parseInt(run.sha(s).slice(0, 6), 16) % 5_000_000);
      const node = fileNode({ seed: 'url:' + s, size }, { mode: 0o600 });
      const digest = run.sha('url:' + s);
      items.push({ src: s, target, node, digest });
      fileList.set(s, digest.slice(0, 16));
      continue;
    }
    if (srcFs) {
      const path = normalizePath(s);
      const matches = /[*?[]/.test(path) ? globFs(srcFs, path) : srcFs.lstat(path) ? [path] : [];
      if (!matches.length) {
        const msg = `failed to calculate checksum of ref ${refId()}: "${path}": not found`;
        run.fail(`failed to compute cache key: ${msg}`, { vertex: run.failedVertex(st, ins, msg), range: ins.range, legacy: `COPY failed: stat ${path.slice(1)}: file does not exist` });
      }
      for (const m of matches) {
        const stat = srcFs.stat(m)!;
        const isDir = stat.type === 'dir';
        for (const { path: p, node } of srcFs.walk(m)) {
          const rel = p === stat.path ? '' : p.slice(stat.path === '/' ? 1 : stat.path.length + 1);
          const target = isDir ? (rel ? joinPath(dest, rel) : dest) : destIsDirSyntax || many || matches.length > 1 ? joinPath(dest, basename(m)) : dest;
          const digest = node.type === 'file' ? (node.data ? contentDigest(node, run.sha) : run.sha(`synthetic:${node.synthetic?.seed}:${node.size}`)) : node.type === 'symlink' ? 'link:' + node.target : 'dir';
          items.push({ src: p, target, node: { ...node }, digest });
          fileList.set(p, run.host.memos.fileTag(node.mode, digest));
        }
      }
      continue;
    }
    const ctxPath = cleanPath(s);
    if (ctxPath.startsWith('..')) run.fail(`failed to compute cache key: failed to calculate checksum of ref ${refId()}: "/${ctxPath}": not found`, { range: ins.range, legacy: `COPY failed: forbidden path outside the build context: ${s} ()` });
    const roots = run.ctx.match(s);
    if (!roots) {
      const shown = '/' + ctxPath.replace(/^\/+/, '');
      const wildcard = /[*?[]/.test(s);
      const msg = `failed to calculate checksum of ref ${refId()}: "${shown}": not found`;
      run.fail(`failed to compute cache key: ${msg}`, {
        vertex: run.failedVertex(st, ins, msg),
        range: ins.range,
        legacy: wildcard ? `COPY failed: no source files were specified` : `${ins.kind} failed: file not found in build context or excluded by .dockerignore: stat ${ctxPath.replace(/^\/+/, '')}: file does not exist`,
      });
    }
    const multiMatch = roots!.length > 1;
    if (multiMatch && !destRaw.endsWith('/') && !run.rules.buildkitFeatures) {
      const anyFile = roots!.some((r) => run.ctx.get(r)?.type !== 'dir');
      if (anyFile) run.fail('When using COPY with more than one source file, the destination must be a directory and end with a /', { legacy: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
    }
    for (const root of roots!) {
      const rootEntry = root === '.' ? null : run.ctx.get(root);
      const isDir = root === '.' || rootEntry?.type === 'dir';
      for (const f of run.ctx.under(root)) {
        const rel = root === '.' ? f.path : f.path === root ? '' : f.path.slice(root.length + 1);
        let target: string;
        if (isDir) target = rel ? joinPath(dest, rel) : dest;
        else target = destIsDirSyntax || many || multiMatch || run.isDir(st, dest) ? joinPath(dest, basename(root)) : dest;
        const e = f.entry;
        if (excluded(rel || basename(f.path))) continue;
        // ADD unpacks local tar archives (plain or gzip) into the destination directory.
        if (ins.kind === 'ADD' && e.type === 'file' && !isDir && /\.(tar|tgz|tar\.gz)$/.test(f.path) && e.content) {
          const entries = readArchive(e.content);
          if (entries) {
            for (const t of entries) {
              const node: FsNode = t.type === 'dir' ? dirNode({ mode: t.mode }) : t.type === 'symlink' ? symlinkNode(t.target ?? '') : fileNode(t.data ?? new Uint8Array(0), { mode: t.mode });
              items.push({ src: `${f.path}!${t.path}`, target: joinPath(dest, t.path), node, digest: t.type === 'file' ? run.sha(t.data ?? new Uint8Array(0)) : t.type });
            }
            fileList.set(f.path, run.host.memos.fileTag(e.mode, f.digest));
            continue;
          }
        }
        const node: FsNode = e.type === 'dir' ? dirNode({ mode: e.mode }) : e.type === 'symlink' ? symlinkNode(e.target ?? '') : fileNode(e.content ?? new Uint8Array(0), { mode: e.mode });
        if (isDir && rel === '') continue; // the directory itself: its contents go into dest
        items.push({ src: f.path, target, node, digest: f.digest, mtime: sourceTime(e, isDir) });
        fileList.set(f.path, run.host.memos.fileTag(e.mode, f.digest));
      }
    }
  }
  // Ownership and mode.
  const sum = sourceChecksum(items, run.sha, patched ? selMemo : undefined, patched?.changed);
  const checksum = sum.checksum;
  if (selKey && selRoots && run.contextDelta) {
    const index = patched ? selMemo!.index : SelectionMemos.index(items);
    if (index) run.host.cache.selections.set(selKey, { gen: run.contextDelta.gen, roots: selRoots, items, files: fileList, pieces: sum.pieces, index });
  }
  const fromKey = fromStage ? fromStage.key : srcKey;
  const flagsText = [chown !== undefined ? `--chown=${chown}` : '', chmod !== undefined ? `--chmod=${chmod}` : '', ins.link ? '--link' : ''].filter(Boolean).join(' ');
  const shownSrcs = srcs;
  const exec = async (): Promise<StepResult> => {
    const lower = ins.link && run.rules.buildkitFeatures ? [] : st.layers;
    const fs = new UnionFs(lower, new Layer(), () => run.now());
    const lowerView = new UnionFs(lower);
    const ownerFs = passwdReader(st.fs());
    let uid: number | undefined;
    let gid: number | undefined;
    if (chown !== undefined) {
      const [u, g] = chown.split(':');
      const user = u ? lookupUser(ownerFs, u) : null;
      if (u && !user) run.fail(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}`, { range: ins.range, legacy: `unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}` });
      uid = user?.uid;
      gid = user?.gid;
      if (g) {
        const grp = lookupGroup(ownerFs, g);
        if (!grp) run.fail(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}`, { range: ins.range, legacy: `unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}` });
        gid = grp!.gid;
      }
    }
    const mode = chmod !== undefined ? parseInt(chmod, 8) : undefined;
    let bytes = 0;
    const keepOwner = !!fromStage || srcKey.startsWith('image:');
    // Rebuild of the same COPY shape (same lower layers, destination, owner/mode flags and the same sequence of
    // target paths and node types) whose previous run put every item straight into the layer: every decision below
    // depends only on those, so the items go straight into the layer again, without the per-item lookups.
    const memoKey = `${dest}\0${destIsDirSyntax}\0${uid}\0${gid}\0${mode}\0${keepOwner}`;
    const memos = run.host.memos.copyShapes();
    const prevShape = memos.get(memoKey);
    // A patched selection keeps every target and type of the one the previous run used: only the few changed
    // items are new, so the layer is the previous one with those entries replaced.
    if (patched && prevShape?.layer && prevShape.items === selMemo!.items && prevShape.key === memoKey && sameLayers(prevShape.lower, lower)) {
      const now = run.now();
      const before = prevShape.layer;
      const changes: [string, FsNode][] = [];
      let bytes = prevShape.bytes;
      for (const i of patched.changed) {
        const it = items[i];
        const was = selMemo!.items[i].node;
        if (was.type === 'file') bytes -= was.size;
        if (it.node.type === 'file') bytes += it.node.size;
        changes.push([it.target, copiedNode(it, before, uid, gid, mode, keepOwner, now)]);
      }
      const layer = Layer.patched(before, changes);
      prevShape.layer = layer;
      prevShape.items = items;
      prevShape.bytes = bytes;
      return { layer, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
    }
    const shape = copyShape(lower, dest, destIsDirSyntax, uid, gid, mode, keepOwner, items);
    if (prevShape && sameCopyShape(prevShape, shape)) {
      if (!fs.stat(dest) && (destIsDirSyntax || items.some((i) => i.target !== dest))) fs.mkdirp(dest, { uid: uid ?? 0, gid: gid ?? 0 });
      const now = run.now();
      // The previous run's layer: an item whose node would be the same (content, type, mode, owner) keeps that
      // node object (and its mtime, as an unchanged file keeps its timestamp), so the new layer's diffId reuses
      // the digests of every unchanged piece (fs/layer.ts).
      const before = prevShape.layer;
      for (const it of items) {
        const node = copiedNode(it, before, uid, gid, mode, keepOwner, now);
        fs.upper.set(it.target, node);
        if (node.type === 'file') bytes += node.size;
      }
      prevShape.layer = fs.upper;
      prevShape.items = items;
      prevShape.bytes = bytes;
      return { layer: fs.upper, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
    }
    let allDirect = true;
    try {
      if (!fs.stat(dest) && (destIsDirSyntax || items.some((i) => i.target !== dest))) fs.mkdirp(dest, { uid: uid ?? 0, gid: gid ?? 0 });
      // A single file copied to a path whose directories are missing: Docker creates them.
      else if (!fs.stat(dirname(dest))) fs.mkdirp(dirname(dest), { uid: uid ?? 0, gid: gid ?? 0 });
      // Parent directories known to be real directories (checked once each), so most files go straight into the layer.
      const dirs = new Set<string>();
      const now = run.now();
      // Directories this COPY creates (absent from the lower layers): what lies below them can only be in the new layer.
      const newDirs = new Set<string>();
      for (const it of items) {
        const n = ownedNode(it.node, uid ?? (keepOwner ? it.node.uid : 0), gid ?? (keepOwner ? it.node.gid : 0), it.mtime ?? now);
        if (mode !== undefined && n.type !== 'symlink') n.mode = mode;
        const parent = dirname(it.target);
        if (!dirs.has(parent)) {
          const pn = fs.lookupRaw(parent);
          if (pn?.type === 'dir') {
            dirs.add(parent);
            if (!lowerView.lookupRaw(parent)) newDirs.add(parent);
          }
        }
        let existing: FsNode | null | undefined;
        if (newDirs.has(parent)) {
          const u = fs.upper.get(it.target);
          existing = u && !isWhiteout(u) ? u : null;
        } else existing = dirs.has(parent) ? fs.lookupRaw(it.target) : undefined;
        if (dirs.has(parent) && (!existing || (existing.type !== 'dir' && existing.type !== 'symlink'))) {
          if (n.type === 'dir') delete n.opaque;
          fs.upper.set(it.target, n);
          if (n.type === 'dir') {
            dirs.add(it.target);
            if (!existing && newDirs.has(parent)) newDirs.add(it.target);
          }
        } else {
          allDirect = false;
          fs.putNode(it.target, n);
        }
        if (n.type === 'file') bytes += n.size;
      }
    } catch (e) {
      if (e instanceof FsError) run.fail(`failed to copy files: ${e.text}: ${e.path}`, { range: ins.range, legacy: `COPY failed: ${e.text}` });
      throw e;
    }
    shape.layer = fs.upper;
    shape.bytes = bytes;
    if (allDirect && items.length >= COPY_SHAPE_MIN) memos.set(memoKey, shape);
    else memos.delete(memoKey);
    return { layer: fs.upper, durationMs: 40 + Math.round(bytes / 40_000), logs: [] };
  };
  const kindOf = items.length === 1 && items[0].node.type === 'file' ? 'file' : srcs.length > 1 ? 'multi' : 'dir';
const legacyText = `${ins.kind} ${chown !== undefined ? `--chown=${chown} ` : ''}${kindOf}:${checksum} in ${destRaw.endsWith('/') && !dest.endsWith('/') ? dest + '/' : dest} `;
await run.rules.step(st, ins, idx, {
  def: canonicalJSON({ copy: ins.kind, dest, destDir: destIsDirSyntax, chown: chown ?? '', chmod: chmod ?? '', link: ins.link, exclude: ins.exclude, parents: ins.parents, from: fromKey, checksum }),
  createdBy: `${ins.kind} ${flagsText ? flagsText + ' ' : ''}${shownSrcs.join(' ')} ${destRaw} # buildkit`,
  legacyCreatedBy: `/bin/sh -c #(nop) ${legacyText}`,
  probe: ['/bin/sh', '-c', `#(nop) ${legacyText}`],
  container: false,
  ignoreCache: run.ignoreCache(st),
  files: fileList,
  link: ins.link,
  fromStage,
  exec,
});
}
