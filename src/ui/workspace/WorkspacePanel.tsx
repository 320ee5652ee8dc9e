/** Workspaces (examples and the learner's own) and the file tree of the active build context. */
import { useRef, useState } from 'react';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { fileTree, isProbablyText, normalizePath, type TreeNode } from './workspace';
import { exampleWorkspaces } from './examples';
import { downloadBlob, unzipFiles, zipFiles } from './zip';
import { formatBytes } from '../layers/format';

export function WorkspacePanel() {
  const t = useT();
  const workspaces = useApp((s) => s.workspaces);
  const ws = useApp((s) => activeWorkspace(s));
  const openFile = useApp((s) => s.openFile[s.activeId] ?? 'Dockerfile');
  const { selectWorkspace, addWorkspace, removeWorkspace, openPath, writeFile, renamePath, deletePath } = useApp.getState();
  const upload = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  if (!ws) return null;
  const tree = fileTree(ws.files);

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
        {n.kind === 'file' && <span className="tree-size">{formatBytes(n.size)}</span>}
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
      {n.children.length > 0 && <ul>{n.children.map((c) => renderNode(c, depth + 1))}</ul>}
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
        <button type="button" onClick={() => upload.current?.click()}>
          {t('files.upload')}
        </button>
        <input
          ref={upload}
          type="file"
          multiple
          hidden
          aria-label={t('files.upload')}
          onChange={async (e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            for (const f of files) {
              const bytes = new Uint8Array(await f.arrayBuffer());
              if (f.name.endsWith('.zip')) {
                for (const [p, c] of Object.entries(unzipFiles(bytes))) {
                  const np = normalizePath(p);
                  if (np) writeFile(np, c);
                }
              } else {
                const np = normalizePath(f.name);
                if (np) writeFile(np, isProbablyText(bytes) ? new TextDecoder().decode(bytes) : bytes);
              }
            }
          }}
        />
        <button type="button" onClick={() => downloadBlob(`${ws.id}.zip`, zipFiles(ws.files), 'application/zip')}>
          {t('files.download')}
        </button>
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <ul className="tree" data-testid="file-tree">
        {tree.map((n) => renderNode(n, 0))}
      </ul>
    </nav>
  );
}
