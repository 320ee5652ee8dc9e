/** Workspaces (examples and the learner's own) and the file tree of the active build context. */
import { useDeferredValue, useMemo, useState } from 'react';
import { activeWorkspace, useApp } from '../state/store';
import { useT } from '../i18n/useT';
import { normalizePath } from './workspace';
import { fileTree } from './treeNodes';
import { FileTree, type FileTreeActions } from './FileTree';
import { exampleWorkspaces } from './examples';
import { downloadBlob, zipFiles } from './zip';
import { ProjectUpload } from './ProjectUpload';
import { StorageUsage } from './StorageUsage';
import { Copy, Download, FilePlus, FolderPlus, Trash2 } from 'lucide-react';
import { PromptDialog, type PromptRequest } from '../kit/PromptDialog';
import { ConfirmDialog, type ConfirmRequest } from '../kit/AlertDialog';
import { IconButton } from '../kit/IconButton';

export function WorkspacePanel() {
  const t = useT();
  const workspaces = useApp((s) => s.workspaces);
  const ws = useApp((s) => activeWorkspace(s));
  const openFile = useApp((s) => s.openFile[s.activeId] ?? 'Dockerfile');
  const { selectWorkspace, addWorkspace, removeWorkspace, openPath, writeFile, renamePath, deletePath } = useApp.getState();
  const [error, setError] = useState('');
  const [ask, setAsk] = useState<PromptRequest | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  // the tree follows in a render of its own (a new workspace of thousands of files is laid out after the
  // rest of the page has answered, not in the same task)
  const shownWs = useDeferredValue(ws);
  const shownOpen = useDeferredValue(openFile);
  const files = shownWs?.files;
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

  // the tree's rows call these through stable handlers: a row re-renders only when what it shows changes
  const treeActions: FileTreeActions = {
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
      <FileTree key={shownWs?.id} tree={tree} openFile={shownOpen} label={t('region.files')} renameLabel={t('files.rename')} removeLabel={t('files.delete')} actions={treeActions} />
      <StorageUsage />
      <PromptDialog request={ask} onClose={() => setAsk(null)} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </nav>
  );
}
