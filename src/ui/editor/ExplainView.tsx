/**
 * "How Docker reads this": the parser's describeDockerfile view — stages, each logical instruction with the
 * lines it spans, exec or shell form and the argv Docker stores or runs, expanded variables, and whether it
 * makes a filesystem layer (BuildKit) or an empty layer (legacy builder).
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { describe, loadParser } from './parserBridge';
import type { DockerfileDescription } from '../../engine/dockerfile/describe';

export function ExplainView({ text }: { text: string }) {
  const t = useT();
  const [model, setModel] = useState<DockerfileDescription | null | undefined>(undefined);
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
      {!model ? (
        <p>{t('editor.explainUnavailable')}</p>
      ) : (
        <>
          {model.error && <p className="inline-error">{model.error.message}</p>}
          {model.stages.map((st) => (
            <section key={st.index} className="explain-stage">
              <h3>
                {t('explain.stage', { index: st.index, name: st.name ?? '' })} · <span className="mono">{st.baseExpanded ?? st.base}</span>
              </h3>
              <ol className="explain-list">
                {model.instructions
                  .filter((i) => i.stageIndex === st.index)
                  .map((i) => (
                    <li key={i.line}>
                      <div className="mono explain-line">
                        <span className="muted">{i.endLine > i.line ? `${i.line}-${i.endLine}` : i.line}</span> {i.logicalLine}
                      </div>
                      <ul className="explain-facts">
                        {i.continued && <li>{t('explain.continued', { count: i.endLine - i.line + 1 })}</li>}
                        {i.form && (i.kind === 'COPY' || i.kind === 'ADD') ? (
                          // COPY and ADD are never run by a shell: the JSON form only lets paths hold spaces
                          <li data-testid="explain-copy-form">{t(i.form === 'exec' ? 'stack.explain.copyJson' : 'stack.explain.copyPlain', { instruction: i.kind })}</li>
                        ) : (
                          i.form && <li>{i.form === 'exec' ? t('explain.exec') : t('explain.shell', { shell: i.shell.join(' ') })}</li>
                        )}
                        {i.argv && (
                          <li>
                            {t('explain.argv')} <code>{JSON.stringify(i.argv)}</code>
                          </li>
                        )}
                        {i.expanded
                          .filter((e) => e.value !== e.raw)
                          .map((e, k) => (
                            <li key={k}>
                              {e.field}: <code>{e.raw}</code> → <code>{e.value ?? e.error}</code>
                            </li>
                          ))}
                        <li>
                          {i.layer.buildkit ? t('explain.layer') : t('explain.metadata')}
                          {i.layer.legacy === 'empty-layer' ? ` · ${t('explain.legacyEmpty')}` : ''}
                        </li>
                      </ul>
                    </li>
                  ))}
              </ol>
            </section>
          ))}
          {model.warnings.length > 0 && (
            <ul className="explain-warnings">
              {model.warnings.map((w, k) => (
                <li key={k}>
                  {w.range.start.line}: {w.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
