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
import { Copy, Download, FilePlus, FolderPlus, FolderUp, Pencil, Trash2, Upload, X } from 'lucide-react';
import { PromptDialog, type PromptRequest } from '../kit/PromptDialog';
import { ConfirmDialog, type ConfirmRequest } from '../kit/AlertDialog';
import { IconButton } from '../kit/IconButton';

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
  const [ask, setAsk] = useState<PromptRequest | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const files = ws?.files;
  const tree = useMemo(() => (files ? fileTree(files) : []), [files]);
  if (!ws) return null;

  /** Asks for a path inside the build context in a dialog; `check` refuses one that cannot be used. */
  const askPath = (title: string, label: string, confirmLabel: string, initial: string, check: (p: string) => string, done: (p: string) => void) =>
    setAsk({
      title,
      label,
      initial,
      confirmLabel,
      validate: (v) => {
        const p = normalizePath(v);
        return p ? check(p) : t('files.invalidPath');
      },
      onSubmit: (v) => {
        setError('');
        done(normalizePath(v)!);
      },
    });

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
          onClick={() =>
            askPath(
              t('files.renameTitle', { path: n.path }),
              t('files.renamePrompt', { path: n.path }),
              t('files.renameAction'),
              n.path,
              (to) => (to !== n.path && ws.files[to] !== undefined ? t('files.exists', { path: to }) : ''),
              (to) => to !== n.path && renamePath(n.path, to),
            )
          }
        >
          <Pencil size={14} aria-hidden />
        </button>
        <button
          type="button"
          className="icon"
          title={t('files.delete')}
          aria-label={`${t('files.delete')} ${n.path}`}
          onClick={() =>
            setConfirm({
              title: t('files.deleteTitle', { path: n.path }),
              body: t('files.deleteBody', { path: n.path }),
              confirmLabel: t('files.deleteAction'),
              onConfirm: () => deletePath(n.path),
            })
          }
        >
          <X size={14} aria-hidden />
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
          <IconButton
            label={t('ws.new')}
            icon={<FolderPlus size={16} aria-hidden />}
            onClick={() =>
              setAsk({
                title: t('ws.newTitle'),
                label: t('ws.newName'),
                initial: 'my-app',
                confirmLabel: t('ws.create'),
                validate: (v) => (v.trim() ? '' : t('ws.nameEmpty')),
                onSubmit: (v) => addWorkspace(v.trim()),
              })
            }
          />
          <IconButton label={t('ws.duplicate')} icon={<Copy size={16} aria-hidden />} onClick={() => addWorkspace(`${ws.name} copy`, ws)} />
          <select
            className="ws-examples"
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
          <IconButton
            label={t('ws.delete')}
            tone="danger"
            className="ws-delete"
            icon={<Trash2 size={16} aria-hidden />}
            disabled={workspaces.length < 2}
            onClick={() =>
              setConfirm({
                title: t('ws.deleteTitle'),
                body: t('ws.deleteBody', { name: ws.name }),
                confirmLabel: t('ws.delete'),
                onConfirm: () => removeWorkspace(ws.id),
              })
            }
          />
        </div>
      </div>
      <div className="files-toolbar">
        <IconButton
          label={t('files.new')}
          icon={<FilePlus size={16} aria-hidden />}
          onClick={() =>
            askPath(
              t('files.newTitle'),
              t('files.newPrompt'),
              t('files.create'),
              '',
              (p) => (ws.files[p] !== undefined ? t('files.exists', { path: p }) : ''),
              (p) => {
                writeFile(p, '');
                openPath(p);
              },
            )
          }
        />
        <IconButton label={t('files.upload')} icon={<Upload size={16} aria-hidden />} disabled={!!importing} onClick={() => upload.current?.click()} />
        <IconButton label={t('robust.import.folder')} icon={<FolderUp size={16} aria-hidden />} disabled={!!importing} onClick={() => uploadFolder.current?.click()} />
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
        <IconButton label={t('files.download')} icon={<Download size={16} aria-hidden />} onClick={() => downloadBlob(`${ws.id}.zip`, zipFiles(ws.files), 'application/zip')} />
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
      <PromptDialog request={ask} onClose={() => setAsk(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </nav>
  );
}
