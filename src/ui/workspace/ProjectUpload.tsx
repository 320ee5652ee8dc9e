/**
 * Bringing a project in (upload.ts): "Upload folder" (a folder input), "Upload files or .zip", and dropping a
 * folder or a .zip on the files panel. A folder or a .zip becomes a new workspace; files picked one by one go
 * into the open one. A progress bar with Cancel while files are read; the limits are said up front.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { formatBytes } from '../layers/format';
import { sourcesFromDrop, sourcesFromFiles, uploadFolder, uploadZip, type UploadResult } from './upload';
import { defaultYield, IMPORT_LIMITS, type ImportError, type ImportProgress } from './zipImport';
import type { Workspace } from './workspace';
import { fileTreeInSlices } from './treeNodes';
import { timeSlicer } from './timeSlicer';

type Importing = ImportProgress & { name: string; abort: AbortController };

/** How often the progress bar moves. */
const PROGRESS_MS = 100;

export function ProjectUpload() {
  const t = useT();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const [importing, setImporting] = useState<Importing | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [dragging, setDragging] = useState(false);
  const busy = useRef(false);

  const limits = t('robust.import.limits', {
    files: IMPORT_LIMITS.maxFiles.toLocaleString(),
    total: formatBytes(IMPORT_LIMITS.maxTotalBytes),
    file: formatBytes(IMPORT_LIMITS.maxFileBytes),
  });

  const failed = (name: string, e: ImportError): string => {
    const key: Record<ImportError['kind'], MessageKey> = {
      'too-many-files': 'robust.import.tooManyFiles',
      'too-large': 'robust.import.tooLarge',
      'file-too-large': 'robust.import.fileTooLarge',
      unreadable: 'robust.import.unreadable',
      cancelled: 'robust.import.cancelled',
    };
    const vars: Record<string, string | number> = { name };
    if (e.kind === 'too-many-files') Object.assign(vars, { count: e.count.toLocaleString(), max: e.max.toLocaleString() });
    if (e.kind === 'too-large') Object.assign(vars, { size: formatBytes(e.size), max: formatBytes(e.max) });
    if (e.kind === 'file-too-large') Object.assign(vars, { path: e.path, size: formatBytes(e.size), max: formatBytes(e.max) });
    if (e.kind === 'unreadable') vars.error = e.detail;
    return t(key[e.kind], vars);
  };

  /** Runs one upload: progress while it reads, then a new workspace (or files into the open one). */
  const run = async (name: string, asWorkspace: boolean, read: (p: { onProgress: (p: ImportProgress) => void; signal: AbortSignal }) => Promise<UploadResult>, pruned: string[] = []) => {
    if (busy.current) return;
    busy.current = true;
    setError('');
    setNotice('');
    const abort = new AbortController();
    setImporting({ name, done: 0, total: 0, abort });
    let r: UploadResult;
    // the bar moves ten times a second (each move lays out and paints the page): the first count, then every
    // 100 ms, and the last
    let shownAt = -Infinity;
    const onProgress = (p: ImportProgress) => {
      const now = performance.now();
      if (p.done > 0 && p.done < p.total && now - shownAt < PROGRESS_MS) return;
      shownAt = now;
      setImporting({ name, abort, ...p });
    };
    try {
      r = await read({ signal: abort.signal, onProgress });
      // a new workspace's file tree is laid out while the bar is full, a few milliseconds a task, not all at once
      // when the workspace is first shown
      if (r.ok && asWorkspace) await fileTreeInSlices(r.files, timeSlicer());
      if (r.ok && abort.signal.aborted) r = { ok: false, error: { kind: 'cancelled' } };
    } catch (e) {
      r = { ok: false, error: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
    } finally {
      busy.current = false;
      setImporting(null);
    }
    // the progress bar goes in one task, the workspace comes in the next: a page turn between them
    if (r.ok) await defaultYield();
    if (!r.ok) return setError(`${failed(name, r.error)}${r.error.kind === 'cancelled' ? '' : ` ${limits}`}`);
    const count = Object.keys(r.files).length;
    if (asWorkspace) {
      const base = name.replace(/\.zip$/i, '');
      const tag = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'project';
      const ws: Workspace = { id: '', name: base, tag, files: r.files };
      useApp.getState().addWorkspace(base, ws);
    } else if (count) useApp.getState().writeFiles(r.files);
    const dirs = [...new Set([...r.skipped.dirs, ...pruned])];
    const skipped = r.skipped.count || pruned.length
      ? ` ${dirs.length ? t('robust.import.skipped', { count: r.skipped.count.toLocaleString(), dirs: dirs.join(', ') }) : t('robust.import.skippedFiles', { count: r.skipped.count.toLocaleString() })}`
      : '';
    if (asWorkspace || count > 1) setNotice(t(asWorkspace ? 'robust.import.doneWorkspace' : 'robust.import.done', { count: count.toLocaleString(), name }) + skipped);
  };

  const fromFolderInput = (picked: File[]) => {
    const sources = sourcesFromFiles(picked);
    const name = picked[0]?.webkitRelativePath.split('/')[0] || 'project';
    void run(name, true, (o) => uploadFolder(sources, o));
  };

  const fromFilesInput = (picked: File[]) => {
    if (picked.length === 1 && /\.zip$/i.test(picked[0].name)) {
      const zip = picked[0];
      return void run(zip.name, true, async (o) => uploadZip(new Uint8Array(await zip.arrayBuffer()), o));
    }
    const sources = sourcesFromFiles(picked, (f) => f.name);
    const label = picked.slice(0, 2).map((f) => f.name).join(', ') + (picked.length > 2 ? ', …' : '');
    void run(label, false, (o) => uploadFolder(sources, o));
  };

  // Dropping a folder or a .zip anywhere on the panel this sits in.
  useEffect(() => {
    const panel = root.current?.parentElement;
    if (!panel) return;
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!panel.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(false);
      const items = e.dataTransfer.items;
      void sourcesFromDrop(items).then(
        (d) =>
          d.zip
            ? run(d.name, true, async (o) => uploadZip(new Uint8Array(await d.zip!.arrayBuffer()), o))
            : run(d.name, true, (o) => uploadFolder(d.sources, o), d.prunedDirs),
        (err: unknown) => setError(failed('drop', { kind: 'unreadable', detail: err instanceof Error ? err.message : String(err) })),
      );
    };
    panel.addEventListener('dragover', over);
    panel.addEventListener('dragleave', leave);
    panel.addEventListener('drop', drop);
    return () => {
      panel.removeEventListener('dragover', over);
      panel.removeEventListener('dragleave', leave);
      panel.removeEventListener('drop', drop);
    };
  });

  return (
    <div ref={root} className="project-upload" data-testid="project-upload">
      <div className="file-actions">
        <button type="button" disabled={!!importing} title={limits} onClick={() => files.current?.click()}>
          {t('files.upload')}
        </button>
        <button type="button" disabled={!!importing} title={limits} onClick={() => folder.current?.click()}>
          {t('robust.import.folder')}
        </button>
      </div>
      <input
        ref={(el) => {
          folder.current = el;
          // a folder picker: not in React's typed attributes
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="upload-folder"
        aria-label={t('robust.import.folder')}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          if (picked.length) fromFolderInput(picked);
        }}
      />
      <input
        ref={files}
        type="file"
        multiple
        hidden
        aria-label={t('robust.import.upload')}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          if (picked.length) fromFilesInput(picked);
        }}
      />
      {dragging && (
        <p className="muted drop-hint" data-testid="drop-hint">
          {t('robust.import.drop')} ({limits})
        </p>
      )}
      {importing && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <progress max={importing.total || 1} value={importing.done} aria-label={importing.name} />{' '}
          <span>
            {importing.total
              ? t('robust.import.progress', { name: importing.name, done: importing.done.toLocaleString(), total: importing.total.toLocaleString() })
              : t('robust.import.starting', { name: importing.name })}
          </span>{' '}
          <button type="button" onClick={() => importing.abort.abort()}>
            {t('robust.import.cancel')}
          </button>
        </div>
      )}
      {notice && !importing && (
        <p role="status" className="muted" data-testid="import-notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="inline-error" data-testid="files-error">
          {error}
        </p>
      )}
    </div>
  );
}
