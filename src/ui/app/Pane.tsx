/**
 * The frame of one region of the workspace: a header with the region's icon and title (and optional actions
 * on the right), and a body that scrolls on its own. Every region (editor, files, layer stack, terminal,
 * containers, lesson) sits in one, so they read as one family.
 */
import { useId, type ReactNode } from 'react';

export function Pane({ title, icon, actions, children, className, testId }: { title: string; icon: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  const id = useId();
  return (
    <div className={['pane', className ?? ''].filter(Boolean).join(' ')} data-testid={testId} role="group" aria-labelledby={id}>
      <div className="pane-header">
        <span className="pane-icon" aria-hidden>
          {icon}
        </span>
        <h2 id={id} className="pane-title">
          {title}
        </h2>
        {actions && <div className="pane-actions">{actions}</div>}
      </div>
      <div className="pane-body">{children}</div>
    </div>
  );
}
