/** Workspaces (examples and the learner's own) and the file tree of the active build context. */
import { memo, useMemo, useRef, useState } from 'react';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { fileTree, normalizePath, type TreeNode } from './workspace';
import { exampleWorkspaces } from './examples';
import { downloadBlob, zipFiles } from './zip';
import { ProjectUpload } from './ProjectUpload';
import { StorageUsage } from './StorageUsage';
import { formatBytes } from '../layers/format';
import { Copy, Download, FilePlus, FolderPlus, Pencil, Trash2, X } from 'lucide-react';
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

interface RowActions {
  open(path: string): void;
  rename(path: string): void;
  remove(path: string): void;
}

interface RowProps {
  path: string;
  name: string;
  kind: TreeNode['kind'];
  size: number;
  depth: number;
  selected: boolean;
  renameLabel: string;
  removeLabel: string;
  actions: RowActions;
}

/** One row of the tree: a file (opens on click, with its size) or a directory, with rename and delete. */
const TreeRow = memo(function TreeRow({ path, name, kind, size, depth, selected, renameLabel, removeLabel, actions }: RowProps) {
  return (
    <div className={`tree-row${selected ? ' selected' : ''}`} style={{ paddingLeft: `${depth * 0.9 + 0.3}rem` }}>
      {kind === 'file' ? (
        <button type="button" className="tree-name" aria-current={selected ? 'true' : undefined} onClick={() => actions.open(path)}>
          {name}
        </button>
      ) : (
        <span className="tree-name dir">{name}/</span>
      )}
      {kind === 'file' && <span className="tree-size">{sizeLabel(size)}</span>}
      <button type="button" className="icon" title={renameLabel} aria-label={`${renameLabel} ${path}`} onClick={() => actions.rename(path)}>
        <Pencil size={14} aria-hidden />
      </button>
      <button type="button" className="icon" title={removeLabel} aria-label={`${removeLabel} ${path}`} onClick={() => actions.remove(path)}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
});

export function WorkspacePanel() {
  const t = useT();
  const workspaces = useApp((s) => s.workspaces);
  const ws = useApp((s) => activeWorkspace(s));
  const openFile = useApp((s) => s.openFile[s.activeId] ?? 'Dockerfile');
  const { selectWorkspace, addWorkspace, removeWorkspace, openPath, writeFile, renamePath, deletePath } = useApp.getState();
  const [error, setError] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [ask, setAsk] = useState<PromptRequest | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const files = ws?.files;
  const tree = useMemo(() => (files ? fileTree(files) : []), [files]);
  const rowActions = useRef<RowActions | null>(null);
  const stableActions = useMemo<RowActions>(
    () => ({ open: (p) => rowActions.current?.open(p), rename: (p) => rowActions.current?.rename(p), remove: (p) => rowActions.current?.remove(p) }),
    [],
  );
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

  // Rows get stable handlers that call the latest ones: a row re-renders only when what it shows changes (an
  // edit of one file in a project of thousands re-renders one row, not all of them).
  rowActions.current = {
    open: (path) => openPath(path),
    rename: (path) =>
      askPath(
        t('files.renameTitle', { path }),
        t('files.renamePrompt', { path }),
        t('files.renameAction'),
        path,
        (to) => (to !== path && ws.files[to] !== undefined ? t('files.exists', { path: to }) : ''),
        (to) => to !== path && renamePath(path, to),
      ),
    remove: (path) =>
      setConfirm({
        title: t('files.deleteTitle', { path }),
        body: t('files.deleteBody', { path }),
        confirmLabel: t('files.deleteAction'),
        onConfirm: () => deletePath(path),
      }),
  };
  const labels = { rename: t('files.rename'), remove: t('files.delete') };

  const renderNode = (n: TreeNode, depth: number) => (
    <li key={n.path}>
      <TreeRow path={n.path} name={n.name} kind={n.kind} size={n.size} depth={depth} selected={n.path === openFile} renameLabel={labels.rename} removeLabel={labels.remove} actions={stableActions} />
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
        <IconButton label={t('files.download')} icon={<Download size={16} aria-hidden />} onClick={() => downloadBlob(`${ws.id}.zip`, zipFiles(ws.files), 'application/zip')} />
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
      <PromptDialog request={ask} onClose={() => setAsk(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </nav>
  );
}
