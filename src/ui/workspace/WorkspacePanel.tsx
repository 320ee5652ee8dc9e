/** Workspaces (examples and the learner's own) and the file tree of the active build context. */
import { useMemo, useState } from 'react';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { fileTree, normalizePath, type TreeNode } from './workspace';
import { exampleWorkspaces } from './examples';
import { downloadBlob, zipFiles } from './zip';
import { ProjectUpload } from './ProjectUpload';
import { StorageUsage } from './StorageUsage';
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
  const [error, setError] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
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
        <button type="button" onClick={() => downloadBlob(`${ws.id}.zip`, zipFiles(ws.files), 'application/zip')}>
          {t('files.download')}
        </button>
      </div>
      <ProjectUpload />
      {error && (
        <p role="alert" className="inline-error" data-testid="files-error">
          {error}
        </p>
      )}
      <ul className="tree" data-testid="file-tree">
        {tree.map((n) => renderNode(n, 0))}
      </ul>
      <StorageUsage />
    </nav>
  );
}
