/**
 * Asks for one line of text (a name, a path) in a dialog, instead of the browser's prompt(): the field is
 * labelled, starts selected, and `validate` can refuse a value with a message shown under it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from './Dialog';
import { useT } from '../i18n/useT';

export interface PromptRequest {
  title: string;
  label: string;
  initial?: string;
  confirmLabel: string;
  /** An error message for a value that cannot be used, or '' to accept it. */
  validate?(value: string): string;
  onSubmit(value: string): void;
}

export function PromptDialog({ request, onClose }: { request: PromptRequest | null; onClose(): void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setValue(request?.initial ?? '');
    setError('');
  }, [request]);
  const submit = () => {
    if (!request) return;
    const problem = request.validate?.(value) ?? '';
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    onClose();
    request.onSubmit(value);
  };
  return (
    <Dialog
      open={!!request}
      onOpenChange={(o) => !o && onClose()}
      title={request?.title ?? ''}
      testId="prompt-dialog"
    >
      <form
        className="kit-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={id}>{request?.label}</label>
        <input
          ref={input}
          id={id}
          value={value}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => {
            setValue(e.target.value);
            setError('');
          }}
        />
        {error && (
          <p id={`${id}-error`} className="kit-field-error" role="alert">
            {error}
          </p>
        )}
        <div className="kit-dialog-actions">
          <button type="button" onClick={onClose}>
            {t('kit.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="prompt-ok">
            {request?.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
