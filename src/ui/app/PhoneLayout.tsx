/**
 * Narrow screens (phones, small tablets): one region at a time behind a tab bar at the bottom: the editor (with
 * the build controls and the files), the layer stack, the terminal (with the containers), the lesson. Regions
 * mount when their tab is first shown and stay mounted (the terminal keeps its session); Monaco still loads
 * only on first use on a touch screen (EditorPane).
 */
import { useState } from 'react';
import { Container, FileCode, FolderTree, GraduationCap, Layers, SquareTerminal } from 'lucide-react';
import { useT } from '../i18n/useT';
import { Tabs } from '../kit/Tabs';
import { Pane } from './Pane';
import type { Regions } from './layout';

export function PhoneLayout({ regions, tab, onTab }: { regions: Regions; tab: string; onTab(tab: string): void }) {
  const t = useT();
  const [filesOpen, setFilesOpen] = useState(false);
  return (
    <Tabs
      value={tab}
      onValueChange={onTab}
      label={t('phone.tabs')}
      className="phone"
      listClassName="kit-tabs phone-tabs"
      tabs={[
        {
          value: 'editor',
          label: t('phone.editor'),
          icon: <FileCode size={20} />,
          content: (
            <div className="phone-stack">
              {regions.build}
              <details className="phone-files" open={filesOpen} onToggle={(e) => setFilesOpen(e.currentTarget.open)}>
                <summary>
                  <FolderTree size={16} aria-hidden /> {t('pane.files')}
                </summary>
                {regions.files}
              </details>
              <div className="phone-editor">{regions.editor}</div>
            </div>
          ),
        },
        { value: 'stack', label: t('phone.stack'), icon: <Layers size={20} />, content: <Pane title={t('pane.layers')} icon={<Layers size={16} />} className="pane-layers">{regions.layers}</Pane> },
        {
          value: 'terminal',
          label: t('phone.terminal'),
          icon: <SquareTerminal size={20} />,
          content: (
            <div className="phone-stack">
              <Pane title={t('pane.terminal')} icon={<SquareTerminal size={16} />} className="pane-terminal phone-terminal">
                {regions.terminal}
              </Pane>
              <Pane title={t('pane.side')} icon={<Container size={16} />} className="pane-side">
                {regions.side}
              </Pane>
            </div>
          ),
        },
        { value: 'lesson', label: t('phone.lesson'), icon: <GraduationCap size={20} />, content: <Pane title={t('pane.lesson')} icon={<GraduationCap size={16} />} className="pane-lesson">{regions.lesson}</Pane> },
      ]}
    />
  );
}
