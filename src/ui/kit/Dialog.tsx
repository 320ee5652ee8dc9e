/**
 * A modal dialog (Radix Dialog): focus moves in and back, Escape and the close button dismiss, the page behind
 * is inert. `title` is its accessible name; `footer` holds the actions (the primary one last).
 */
import type { ReactNode } from 'react';
import { Dialog as D } from 'radix-ui';
import { X } from 'lucide-react';
import { useT } from '../i18n/useT';

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Wider content (a list, a preview). */
  wide?: boolean;
  testId?: string;
}

export function Dialog({ open, onOpenChange, title, description, children, footer, wide, testId }: DialogProps) {
  const t = useT();
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="kit-overlay" />
        <D.Content className={`kit-dialog${wide ? ' wide' : ''}`} data-testid={testId}>
          <div className="kit-dialog-head">
            <D.Title className="kit-dialog-title">{title}</D.Title>
            <D.Close className="kit-icon-button" aria-label={t('kit.close')}>
              <X size={18} aria-hidden />
            </D.Close>
          </div>
          {description ? <D.Description className="kit-dialog-desc">{description}</D.Description> : <D.Description className="visually-hidden">{title}</D.Description>}
          {children}
          {footer && <div className="kit-dialog-actions">{footer}</div>}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
