/**
 * A menu behind one button (Radix DropdownMenu): arrow keys move, typing jumps, Escape closes and returns the
 * focus. Items are plain data; `danger` items are set apart at the end by a separator.
 */
import type { ReactNode } from 'react';
import { DropdownMenu as M } from 'radix-ui';

export interface MenuItem {
  label: string;
  icon?: ReactNode;
  onSelect(): void;
  danger?: boolean;
  testId?: string;
}

export function Menu({ label, trigger, items, testId }: { label: string; trigger: ReactNode; items: MenuItem[]; testId?: string }) {
  const safe = items.filter((i) => !i.danger);
  const danger = items.filter((i) => i.danger);
  const row = (i: MenuItem) => (
    <M.Item key={i.label} className={`kit-menu-item${i.danger ? ' danger' : ''}`} onSelect={i.onSelect} data-testid={i.testId}>
      <span className="kit-menu-icon" aria-hidden>
        {i.icon}
      </span>
      {i.label}
    </M.Item>
  );
  return (
    <M.Root modal={false}>
      <M.Trigger className="kit-icon-button" aria-label={label} title={label} data-testid={testId}>
        {trigger}
      </M.Trigger>
      <M.Portal>
        <M.Content className="kit-menu" align="end" sideOffset={6} loop>
          {safe.map(row)}
          {danger.length > 0 && safe.length > 0 && <M.Separator className="kit-menu-sep" />}
          {danger.map(row)}
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}
