/** "How Docker reads this": the parser's view of the Dockerfile (logical lines, instructions, stages). */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { describe, loadParser } from './parserBridge';

export function ExplainView({ text }: { text: string }) {
  const t = useT();
  const [model, setModel] = useState<unknown>(undefined);
  useEffect(() => {
    let cancelled = false;
    void loadParser().then((mod) => {
      if (!cancelled) setModel(mod ? describe(mod, text) : null);
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return (
    <aside className="explain" data-testid="explain" aria-label={t('editor.explain')}>
      <h2>{t('editor.explain')}</h2>
      {model === null || model === undefined ? <p>{t('editor.explainUnavailable')}</p> : <ExplainNode value={model} />}
    </aside>
  );
}

/** Renders the parser's view model generically: strings as paragraphs, arrays as lists, objects as definition lists. */
function ExplainNode({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return <span>{String(value)}</span>;
  if (Array.isArray(value))
    return (
      <ol className="explain-list">
        {value.map((v, i) => (
          <li key={i}>
            <ExplainNode value={v} />
          </li>
        ))}
      </ol>
    );
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <dl className="explain-obj">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <ExplainNode value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
