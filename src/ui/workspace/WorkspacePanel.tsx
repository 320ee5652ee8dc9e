/** Workspaces (examples and the learner's own) and the file tree of the active build context. */
import { useMemo, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/messages';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { fileTree, isProbablyText, normalizePath, type FileContent, type TreeNode } from './workspace';
import { exampleWorkspaces } from './examples';
import { downloadBlob, zipFiles } from './zip';
import { checkPickedFiles, importZip, type ImportError, type ImportProgress } from './zipImport';
import { formatBytes } from '../layers/format';

/** Rows shown per directory before "show more" (an imported project can hold thousands of files). */
const DIR_ROWS = 100;

const sizeLabels = new Map<number, string>();
/** Docker-style sizes, cached: the tree asks for every file on each render. */
function sizeLabel(n: number): string {
  let s = sizeLabels.get(n);
  if (s === undefined) {
    s = formatBytes(n);
    if (sizeLabels.size > 5000) sizeLabels.clear();
    sizeLabels.set(n, s);
  }
  return s;
}

export function WorkspacePanel() {
  const t = useT();
  const workspaces = useApp((s) => s.workspaces);
  const ws = useApp((s) => activeWorkspace(s));
  const openFile = useApp((s) => s.openFile[s.activeId] ?? 'Dockerfile');
  const { selectWorkspace, addWorkspace, removeWorkspace, openPath, writeFile, renamePath, deletePath } = useApp.getState();
  const upload = useRef<HTMLInputElement>(null);
  const uploadFolder = useRef<HTMLInputElement | null>(null);
  const [error, setError] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [importing, setImporting] = useState<(ImportProgress & { name: string; abort: AbortController }) | null>(null);
  const files = ws?.files;
  const tree = useMemo(() => (files ? fileTree(files) : []), [files]);
  if (!ws) return null;

  const askPath = (label: string, initial = ''): string | null => {
    const input = prompt(label, initial);
    if (input === null) return null;
    const p = normalizePath(input);
    if (!p) {
      setError(t('files.invalidPath'));
      return null;
    }
    setError('');
    return p;
  };

  const importFailed = (name: string, e: ImportError): string => {
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

  /**
   * Uploads: a .zip is unpacked in turns with progress (zipImport.ts); a folder's files keep their paths
   * inside it (the folder is the build context) and zips in it stay files. Everything lands as one edit.
   */
  const importPicked = async (picked: File[], folder = false) => {
    setError('');
    setNotice('');
    const rel = (f: File) => (folder && f.webkitRelativePath ? f.webkitRelativePath.split('/').slice(1).join('/') : f.name);
    const isZip = (f: File) => !folder && f.name.endsWith('.zip');
    const top = folder && picked[0]?.webkitRelativePath ? picked[0].webkitRelativePath.split('/')[0] : '';
    const label = top || picked.slice(0, 2).map((f) => f.name).join(', ') + (picked.length > 2 ? ', …' : '');
    const tooMany = checkPickedFiles(picked.filter((f) => !isZip(f)).map((f) => ({ name: rel(f), size: f.size })));
    if (tooMany) return setError(importFailed(label, tooMany));
    const abort = new AbortController();
    const out: Record<string, FileContent> = {};
    let count = 0;
    let shown = performance.now();
    try {
      for (const f of picked) {
        if (abort.signal.aborted) return setError(importFailed(label, { kind: 'cancelled' }));
        const bytes = new Uint8Array(await f.arrayBuffer());
        if (!isZip(f)) {
          const np = normalizePath(rel(f));
          if (np) out[np] = isProbablyText(bytes) ? new TextDecoder().decode(bytes) : bytes;
          count++;
          if (picked.length > 50 && performance.now() - shown > 100) {
            shown = performance.now();
            setImporting({ name: label, done: count, total: picked.length, abort });
          }
          continue;
        }
        setImporting({ name: f.name, done: 0, total: 0, abort });
        const r = await importZip(bytes, { signal: abort.signal, onProgress: (p) => setImporting({ name: f.name, abort, ...p }) });
        if (!r.ok) return setError(importFailed(f.name, r.error));
        Object.assign(out, r.files);
        count += Object.keys(r.files).length;
      }
    } catch (err) {
      return setError(importFailed(label, { kind: 'unreadable', detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setImporting(null);
    }
    if (Object.keys(out).length) useApp.getState().writeFiles(out);
    if (folder || picked.some(isZip)) setNotice(t('robust.import.done', { count: count.toLocaleString(), name: label }));
  };

  const renderNode = (n: TreeNode, depth: number) => (
    <li key={n.path}>
      <div className={`tree-row${n.path === openFile ? ' selected' : ''}`} style={{ paddingLeft: `${depth * 0.9 + 0.3}rem` }}>
        {n.kind === 'file' ? (
          <button type="button" className="tree-name" aria-current={n.path === openFile ? 'true' : undefined} onClick={() => openPath(n.path)}>
            {n.name}
          </button>
        ) : (
          <span className="tree-name dir">{n.name}/</span>
        )}
        {n.kind === 'file' && <span className="tree-size">{sizeLabel(n.size)}</span>}
        <button
          type="button"
          className="icon"
          title={t('files.rename')}
          aria-label={`${t('files.rename')} ${n.path}`}
          onClick={() => {
            const to = askPath(t('files.renamePrompt', { path: n.path }), n.path);
            if (!to || to === n.path) return;
            if (ws.files[to] !== undefined) return setError(t('files.exists', { path: to }));
            renamePath(n.path, to);
          }}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon"
          title={t('files.delete')}
          aria-label={`${t('files.delete')} ${n.path}`}
          onClick={() => {
            if (confirm(t('files.deleteConfirm', { path: n.path }))) deletePath(n.path);
          }}
        >
          ×
        </button>
      </div>
      {n.children.length > 0 && (
        <ul>
          {(expanded.has(n.path) ? n.children : n.children.slice(0, DIR_ROWS)).map((c) => renderNode(c, depth + 1))}
          {!expanded.has(n.path) && n.children.length > DIR_ROWS && (
            <li>
              <button type="button" className="tree-more" style={{ paddingLeft: `${(depth + 1) * 0.9 + 0.3}rem` }} onClick={() => setExpanded(new Set(expanded).add(n.path))}>
                {t('robust.tree.more', { count: (n.children.length - DIR_ROWS).toLocaleString() })}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );

  return (
    <nav className="region files" aria-label={t('region.files')} data-testid="files">
      <div className="ws-bar">
        <label>
          <span className="label">{t('ws.label')}</span>
          <select data-testid="workspace-select" value={ws.id} onChange={(e) => selectWorkspace(e.target.value)}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <div className="ws-actions">
          <button
            type="button"
            onClick={() => {
              const name = prompt(t('ws.newName'), 'my-app');
              if (name) addWorkspace(name);
            }}
          >
            {t('ws.new')}
          </button>
          <button type="button" onClick={() => addWorkspace(`${ws.name} copy`, ws)}>
            {t('ws.duplicate')}
          </button>
          <button
            type="button"
            disabled={workspaces.length < 2}
            onClick={() => {
              if (confirm(t('ws.deleteConfirm', { name: ws.name }))) removeWorkspace(ws.id);
            }}
          >
            {t('ws.delete')}
          </button>
          <select
            aria-label={t('ws.example')}
            value=""
            onChange={(e) => {
              const ex = exampleWorkspaces().find((x) => x.id === e.target.value);
              if (ex) addWorkspace(ex.name, ex);
            }}
          >
            <option value="">{t('ws.example')}…</option>
            {exampleWorkspaces().map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="files-toolbar">
        <button
          type="button"
          onClick={() => {
            const p = askPath(t('files.newPrompt'));
            if (!p) return;
            if (ws.files[p] !== undefined) return setError(t('files.exists', { path: p }));
            writeFile(p, '');
            openPath(p);
          }}
        >
          {t('files.new')}
        </button>
        <button type="button" disabled={!!importing} onClick={() => upload.current?.click()}>
          {t('files.upload')}
        </button>
        <button type="button" disabled={!!importing} onClick={() => uploadFolder.current?.click()}>
          {t('robust.import.folder')}
        </button>
        <input
          ref={(el) => {
            uploadFolder.current = el;
            // a folder picker: not in React's typed attributes
            el?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          hidden
          data-testid="upload-folder"
          aria-label={t('robust.import.folder')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length && !importing) void importPicked(files, true);
          }}
        />
        <input
          ref={upload}
          type="file"
          multiple
          hidden
          aria-label={t('files.upload')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length && !importing) void importPicked(files);
          }}
        />
        <button type="button" onClick={() => downloadBlob(`${ws.id}.zip`, zipFiles(ws.files), 'application/zip')}>
          {t('files.download')}
        </button>
      </div>
      {importing && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <progress max={importing.total || 1} value={importing.done} aria-label={importing.name} />{' '}
          <span>{t('robust.import.progress', { name: importing.name, done: importing.done.toLocaleString(), total: importing.total.toLocaleString() })}</span>{' '}
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
      <ul className="tree" data-testid="file-tree">
        {tree.map((n) => renderNode(n, 0))}
      </ul>
    </nav>
  );
}
