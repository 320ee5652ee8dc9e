/**
 * Confirmation of a destructive action (Radix AlertDialog): the safe choice has the focus, the destructive
 * button says what it does and is styled as danger. Replaces the browser's confirm().
 */
import { AlertDialog as A } from 'radix-ui';
import { useT } from '../i18n/useT';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose(): void }) {
  const t = useT();
  return (
    <A.Root open={!!request} onOpenChange={(o) => !o && onClose()}>
      <A.Portal>
        <A.Overlay className="kit-overlay" />
        <A.Content className="kit-dialog" data-testid="confirm-dialog">
          <A.Title className="kit-dialog-title">{request?.title}</A.Title>
          <A.Description className="kit-dialog-desc">{request?.body}</A.Description>
          <div className="kit-dialog-actions">
            <A.Cancel>{t('kit.cancel')}</A.Cancel>
            <A.Action
              className="danger-solid"
              data-testid="confirm-ok"
              onClick={() => {
                const r = request;
                onClose();
                r?.onConfirm();
              }}
            >
              {request?.confirmLabel}
            </A.Action>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
