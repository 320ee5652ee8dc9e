import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ErrorBoundary, FAULT_KEY } from './ErrorBoundary';
import { useApp } from '../state/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile() {
  if (broken) throw new Error('layer model exploded <img src=x onerror="window.__xss=1">');
  return <p data-testid="fragile-ok">layers fine</p>;
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" data-testid="counter" onClick={() => setN(n + 1)}>
      {n}
    </button>
  );
}

describe('Panel error boundary', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    broken = true;
    sessionStorage.clear();
    useApp.setState({ settings: { ...useApp.getState().settings, lang: 'en' } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    vi.restoreAllMocks();
  });

  const render = () =>
    act(() =>
      root.render(
        <main>
          <ErrorBoundary panel="layers" className="region layers">
            <Fragile />
          </ErrorBoundary>
          <ErrorBoundary panel="terminal" className="region terminal">
            <Counter />
          </ErrorBoundary>
        </main>,
      ),
    );

  it('shows a message and a reload button for the failing panel while the other panel keeps working', () => {
    render();
    const alert = host.querySelector('[data-testid="panel-error-layers"]')!;
    expect(alert).not.toBeNull();
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.className).toContain('region layers');
    expect(alert.textContent).toContain('The Layer stack panel stopped working.');
    // The error text is shown as text, never as markup.
    expect(alert.querySelector('pre')!.textContent).toContain('<img src=x onerror="window.__xss=1">');
    expect(alert.querySelector('img')).toBeNull();
    // The neighbour panel still responds.
    const counter = host.querySelector<HTMLButtonElement>('[data-testid="counter"]')!;
    act(() => counter.click());
    act(() => counter.click());
    expect(counter.textContent).toBe('2');
  });

  it('remounts the panel on "Reload this panel" once the cause is gone', () => {
    render();
    broken = false;
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="panel-reload-layers"]')!.click());
    expect(host.querySelector('[data-testid="panel-error-layers"]')).toBeNull();
    expect(host.querySelector('[data-testid="fragile-ok"]')!.textContent).toBe('layers fine');
  });

  it('stays on the message when the panel fails again after a reload', () => {
    render();
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="panel-reload-layers"]')!.click());
    expect(host.querySelector('[data-testid="panel-error-layers"]')).not.toBeNull();
  });

  it('speaks Korean when the app does', () => {
    useApp.setState({ settings: { ...useApp.getState().settings, lang: 'ko' } });
    render();
    expect(host.querySelector('[data-testid="panel-error-layers"]')!.textContent).toContain('레이어 스택 패널이 멈췄어요.');
    expect(host.querySelector('[data-testid="panel-reload-layers"]')!.textContent).toBe('이 패널 다시 불러오기');
  });

  it('fails a named panel on demand through the fault-injection key (used by the e2e test)', () => {
    broken = false;
    sessionStorage.setItem(FAULT_KEY, 'terminal');
    render();
    expect(host.querySelector('[data-testid="panel-error-terminal"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="fragile-ok"]')).not.toBeNull();
    sessionStorage.removeItem(FAULT_KEY);
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="panel-reload-terminal"]')!.click());
    expect(host.querySelector('[data-testid="counter"]')).not.toBeNull();
  });
});
