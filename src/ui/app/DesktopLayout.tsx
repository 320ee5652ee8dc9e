/**
 * The desktop workspace: resizable panes (react-resizable-panels), their sizes saved in localStorage.
 *   [ files | editor | layer stack ]  [ lesson     ]
 *   [ terminal                     ]  [ containers ]
 * The terminal spans the whole work column, so docker's tables get 100+ columns at 1280 wide.
 */
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { Container, FileCode, FolderTree, GraduationCap, Layers, SquareTerminal } from 'lucide-react';
import { useT } from '../i18n/useT';
import { Pane } from './Pane';
import { PANE_DEFAULTS as D, type Regions } from './layout';

/** localStorage, or nothing where storage is blocked (the layout then starts from the defaults each time). */
function layoutStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

function SavedGroup({ id, orientation, panelIds, className, children }: { id: string; orientation: 'horizontal' | 'vertical'; panelIds: string[]; className?: string; children: ReactNode }) {
  const storage = layoutStorage();
  const saved = useDefaultLayout({ id: `layerlab.layout.${id}`, panelIds, ...(storage ? { storage } : {}) });
  return (
    <Group id={`group-${id}`} orientation={orientation} defaultLayout={saved.defaultLayout} onLayoutChanged={saved.onLayoutChanged} className={className}>
      {children}
    </Group>
  );
}

function Handle({ label }: { label: string }) {
  return <Separator className="resize-handle" aria-label={label} />;
}

export function DesktopLayout({ regions, lessonOpen }: { regions: Regions; lessonOpen: boolean }) {
  const t = useT();
  const resize = (a: string, b: string) => t('pane.resize', { a: t(a as 'pane.files'), b: t(b as 'pane.files') });
  // (panel ids become data-testid attributes too: prefixed, so they never collide with the regions' test ids)
  const right = lessonOpen ? ['p-lesson', 'p-side'] : ['p-side'];
  return (
    <SavedGroup id="outer" orientation="horizontal" panelIds={['p-work', 'p-right']} className="workbench">
      <Panel id="p-work" minSize={560} defaultSize={String(D.outer['p-work'])}>
        <SavedGroup id="work" orientation="vertical" panelIds={['p-top', 'p-terminal']}>
          <Panel id="p-top" minSize={200} defaultSize={String(D.work['p-top'])}>
            <SavedGroup id="top" orientation="horizontal" panelIds={['p-files', 'p-editor', 'p-layers']}>
              <Panel id="p-files" minSize={140} defaultSize={String(D.top['p-files'])}>
                <Pane title={t('pane.files')} icon={<FolderTree size={16} />} className="pane-files">
                  {regions.files}
                </Pane>
              </Panel>
              <Handle label={resize('pane.files', 'pane.editor')} />
              <Panel id="p-editor" minSize={260} defaultSize={String(D.top['p-editor'])}>
                <Pane title={t('pane.editor')} icon={<FileCode size={16} />} className="pane-editor">
                  {regions.build}
                  {regions.editor}
                </Pane>
              </Panel>
              <Handle label={resize('pane.editor', 'pane.layers')} />
              <Panel id="p-layers" minSize={200} defaultSize={String(D.top['p-layers'])}>
                <Pane title={t('pane.layers')} icon={<Layers size={16} />} className="pane-layers">
                  {regions.layers}
                </Pane>
              </Panel>
            </SavedGroup>
          </Panel>
          <Handle label={resize('pane.editor', 'pane.terminal')} />
          <Panel id="p-terminal" minSize={120} defaultSize={String(D.work['p-terminal'])}>
            <Pane title={t('pane.terminal')} icon={<SquareTerminal size={16} />} className="pane-terminal" testId="terminal-pane">
              {regions.terminal}
            </Pane>
          </Panel>
        </SavedGroup>
      </Panel>
      <Handle label={resize('pane.editor', lessonOpen ? 'pane.lesson' : 'pane.side')} />
      <Panel id="p-right" minSize={260} defaultSize={String(D.outer['p-right'])}>
        <SavedGroup key={right.join()} id={lessonOpen ? 'right' : 'right-side'} orientation="vertical" panelIds={right}>
          {lessonOpen && (
            <>
              <Panel id="p-lesson" minSize={160} defaultSize={String(D.right['p-lesson'])}>
                <Pane title={t('pane.lesson')} icon={<GraduationCap size={16} />} className="pane-lesson">
                  {regions.lesson}
                </Pane>
              </Panel>
              <Handle label={resize('pane.lesson', 'pane.side')} />
            </>
          )}
          <Panel id="p-side" minSize={120} defaultSize={lessonOpen ? String(D.right['p-side']) : '100'}>
            <Pane title={t('pane.side')} icon={<Container size={16} />} className="pane-side">
              {regions.side}
            </Pane>
          </Panel>
        </SavedGroup>
      </Panel>
    </SavedGroup>
  );
}
