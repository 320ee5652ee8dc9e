/**
 * Tabs (Radix Tabs): a tab list with arrow-key moves and panels that stay mounted when hidden (`keepMounted`),
 * so a terminal or an editor keeps its state while another tab is shown.
 */
import type { ReactNode } from 'react';
import { Tabs as T } from 'radix-ui';

export interface TabDef {
  value: string;
  label: string;
  icon?: ReactNode;
  content: ReactNode;
}

export function Tabs({ value, onValueChange, tabs, label, className, listClassName }: { value: string; onValueChange(v: string): void; tabs: TabDef[]; label: string; className?: string; listClassName?: string }) {
  return (
    <T.Root value={value} onValueChange={onValueChange} className={className} activationMode="manual">
      {tabs.map((tab) => (
        <T.Content key={tab.value} value={tab.value} forceMount className="kit-tab-panel" data-testid={`tabpanel-${tab.value}`}>
          {tab.content}
        </T.Content>
      ))}
      <T.List className={listClassName ?? 'kit-tabs'} aria-label={label}>
        {tabs.map((tab) => (
          <T.Trigger key={tab.value} value={tab.value} className="kit-tab" data-testid={`tab-${tab.value}`}>
            <span aria-hidden>{tab.icon}</span>
            <span>{tab.label}</span>
          </T.Trigger>
        ))}
      </T.List>
    </T.Root>
  );
}
