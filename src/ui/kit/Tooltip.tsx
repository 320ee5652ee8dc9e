/**
 * A tooltip (Radix Tooltip) naming an icon-only control on hover and keyboard focus; the control keeps its own
 * aria-label, so the tooltip is only visual help. One <TipProvider> at the app root sets the delays.
 */
import type { ReactElement, ReactNode } from 'react';
import { Tooltip as T } from 'radix-ui';

export function TipProvider({ children }: { children: ReactNode }) {
  return <T.Provider delayDuration={400} skipDelayDuration={200}>{children}</T.Provider>;
}

export function Tip({ label, children }: { label: string; children: ReactElement }) {
  return (
    <T.Root>
      <T.Trigger asChild>{children}</T.Trigger>
      <T.Portal>
        <T.Content className="kit-tooltip" sideOffset={6}>
          {label}
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
