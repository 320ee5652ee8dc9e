/** A button that shows only an icon: its label is the accessible name and the tooltip. */
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Tip } from './Tooltip';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { label: string; icon: ReactNode; tone?: 'danger' };

export const IconButton = forwardRef<HTMLButtonElement, Props>(function IconButton({ label, icon, tone, className, ...rest }, ref) {
  return (
    <Tip label={label}>
      <button ref={ref} type="button" aria-label={label} className={['kit-icon-button', tone ?? '', className ?? ''].filter(Boolean).join(' ')} {...rest}>
        {icon}
      </button>
    </Tip>
  );
});
