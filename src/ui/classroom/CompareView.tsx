/** Two Dockerfiles side by side, built in two separate engines with the same change; time and steps saved. */
import { useState } from 'react';
import { compareDockerfiles, NAIVE_NODE_DOCKERFILE, OPTIMIZED_NODE_DOCKERFILE, type CompareResult, type CompareSide } from './compare';
import { NODE_APP_FILES } from '../../lessons/workspaces';
import type { TFunc } from '../i18n/useT';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function Side({ title, text, setText, result, t, testid }: { title: string; text: string; setText(s: string): void; result?: CompareSide; t: TFunc; testid: string }) {
  return (
    <div className="compare-side" data-testid={testid}>
      <h4>{title}</h4>
      <textarea value={text} onChange={(e) => setText(e.target.value)} rows={9} spellCheck={false} aria-label={`${title} Dockerfile`} />
      {result && !result.ok && <p role="alert">{t('classroom.compare.failed', { error: result.error ?? '' })}</p>}
      {result && result.ok && (
        <>
          <p className="compare-sum">
            <strong>{t('classroom.compare.rebuilt', { n: result.rebuilt })}</strong> · {t('classroom.compare.time', { s: secs(result.durationMs) })}
          </p>
          <ol className="compare-steps">
            {result.steps.map((s, i) => (
              <li key={i} className={s.outcome}>
                <span className="compare-outcome">{s.outcome === 'cached' ? t('classroom.compare.cached') : t('classroom.compare.built')}</span> <code>{s.name}</code>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function CompareView({ t }: { t: TFunc }) {
  const [naive, setNaive] = useState(NAIVE_NODE_DOCKERFILE);
  const [optimized, setOptimized] = useState(OPTIMIZED_NODE_DOCKERFILE);
  const [result, setResult] = useState<CompareResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setRunning(true);
    setError('');
    try {
      const files = { 'package.json': NODE_APP_FILES['package.json'], 'server.js': NODE_APP_FILES['server.js'] };
      const change = { path: 'server.js', content: NODE_APP_FILES['server.js'] + '// changed\n' };
      setResult(await compareDockerfiles(files, naive, optimized, change, { env: { clock: { now: () => Date.now() } } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="compare" data-testid="compare-view">
      <h3>{t('classroom.compare.title')}</h3>
      <p>{t('classroom.compare.help')}</p>
      <button type="button" onClick={() => void run()} disabled={running} data-testid="compare-run">
        {running ? t('classroom.compare.running') : t('classroom.compare.run')}
      </button>
      {error && <p role="alert">{t('classroom.compare.failed', { error })}</p>}
      {result && result.naive.ok && result.optimized.ok && (
        <p className="compare-verdict" role="status" data-testid="compare-verdict">
          {result.stepsSaved > 0 || result.msSaved > 0 ? t('classroom.compare.saved', { layers: result.stepsSaved, s: secs(Math.max(0, result.msSaved)) }) : t('classroom.compare.noSaving')}
        </p>
      )}
      <div className="compare-grid">
        <Side title={t('classroom.compare.naive')} text={naive} setText={setNaive} result={result?.naive} t={t} testid="compare-naive" />
        <Side title={t('classroom.compare.optimized')} text={optimized} setText={setOptimized} result={result?.optimized} t={t} testid="compare-optimized" />
      </div>
    </section>
  );
}
