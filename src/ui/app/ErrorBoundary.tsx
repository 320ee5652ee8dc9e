/**
 * A React error boundary around one panel of the app shell. When the panel throws while rendering, it shows
 * what happened (as text) and a "Reload this panel" button that remounts it, while every other panel keeps
 * working. Wrap each grid region in App.tsx:
 *
 *   <ErrorBoundary panel="layers" className="region layers"><LayerStack /></ErrorBoundary>
 *
 * `className` puts the fallback into the panel's grid area so the layout does not jump.
 *
 * Fault injection for tests: when sessionStorage "layerlab:fault-panel" names a panel, that panel throws on
 * render (the e2e and unit tests use it; nothing in the app sets it).
 */
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/messages';

export type PanelName = 'files' | 'editor' | 'build' | 'layers' | 'terminal' | 'side' | 'lesson';

export const FAULT_KEY = 'layerlab:fault-panel';

interface Props {
  panel: PanelName;
  /** Classes of the panel's region (grid area), given to the fallback. */
  className?: string;
  /** Called before the panel is remounted by "Reload this panel" (e.g. to clear that panel's UI state). */
  onReset?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  attempt: number;
}

function faultPanel(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(FAULT_KEY);
  } catch {
    return null;
  }
}

/** Throws when fault injection names this panel (see the file comment). */
function FaultProbe({ panel }: { panel: PanelName }) {
  if (faultPanel() === panel) throw new Error(`injected fault in the ${panel} panel <img src=x onerror="window.__xss=1">`);
  return null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Layerlab: the ${this.props.panel} panel failed`, error, info.componentStack);
  }

  reload = (): void => {
    try {
      this.props.onReset?.();
    } catch (e) {
      console.error(e);
    }
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (error) return <PanelError panel={this.props.panel} className={this.props.className} error={error} onReload={this.reload} />;
    return (
      <Fragment key={attempt}>
        <FaultProbe panel={this.props.panel} />
        {this.props.children}
      </Fragment>
    );
  }
}

function PanelError({ panel, className, error, onReload }: { panel: PanelName; className?: string; error: Error; onReload: () => void }) {
  const t = useT();
  const name = t(`robust.panel.${panel}` as MessageKey);
  return (
    <section className={[className, 'panel-error'].filter(Boolean).join(' ')} role="alert" data-testid={`panel-error-${panel}`} aria-label={name} style={{ padding: '0.5rem', overflow: 'auto' }}>
      <h2>{t('robust.panelFailed', { panel: name })}</h2>
      <p>{t('robust.panelFailedBody')}</p>
      <details>
        <summary>{t('robust.panelDetail')}</summary>
        <pre>{error.message}</pre>
      </details>
      <p>
        <button type="button" className="primary" onClick={onReload} data-testid={`panel-reload-${panel}`}>
          {t('robust.reloadPanel')}
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          {t('robust.reloadPage')}
        </button>
      </p>
    </section>
  );
}
