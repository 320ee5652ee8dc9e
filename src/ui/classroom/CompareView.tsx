/**
 * Two Dockerfiles side by side, built in two separate engines with the same change; time and steps saved. The
 * pair is the lesson's (naive vs optimized node app) or the learner's own: the workspace's Dockerfile on both
 * sides and its files as the context, then one side edited. Steps read as in the layer stack (buildModel.ts).
 */
import { useState } from 'react';
import { compareDockerfiles, NAIVE_NODE_DOCKERFILE, OPTIMIZED_NODE_DOCKERFILE, type CompareResult, type CompareSide } from './compare';
import { NODE_APP_FILES } from '../../lessons/workspaces';
import type { TFunc } from '../i18n/useT';
import { useLang } from '../i18n/useT';
import { activeWorkspace, useApp } from '../state/store';
import { textOf } from '../workspace/workspace';
import { explainBand, statusWord } from '../layers/buildModel';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function Side({ title, text, setText, result, t, testid }: { title: string; text: string; setText(s: string): void; result?: CompareSide; t: TFunc; testid: string }) {
  const lang = useLang();
  return (
    <div className="compare-side" data-testid={testid}>
      <h4>{title}</h4>
      <textarea value={text} onChange={(e) => setText(e.target.value)} rows={9} spellCheck={false} aria-label={`${title} Dockerfile`} />
      {result && !result.ok && <p role="alert">{t('classroom.compare.failed', { error: result.error ?? '' })}</p>}
      {result && result.ok && result.view && (
        <>
          <p className="compare-sum">
            <strong>{t('classroom.compare.rebuilt', { n: result.rebuilt })}</strong> · {t('classroom.compare.time', { s: secs(result.durationMs) })}
          </p>
          <ol className="compare-steps">
            {result.steps.map((s, i) => (
              <li key={i} className={`${s.outcome}${s.kind === 'config' ? ' config' : ''}`} data-kind={s.kind}>
                <span className="compare-outcome">{s.kind === 'config' ? `${t('stack.config')} · ` : ''}{statusWord(lang, s.band, s.kind)}</span> <code>{s.name}</code>
                <span className="compare-why"> ({explainBand(lang, result.view!.builder, s.band)})</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

type Source = { kind: 'lesson' } | { kind: 'mine'; files: Record<string, string> };

export function CompareView({ t }: { t: TFunc }) {
  const [naive, setNaive] = useState(NAIVE_NODE_DOCKERFILE);
  const [optimized, setOptimized] = useState(OPTIMIZED_NODE_DOCKERFILE);
  const [source, setSource] = useState<Source>({ kind: 'lesson' });
  const [changed, setChanged] = useState('server.js');
  const [result, setResult] = useState<CompareResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const useMine = () => {
    const ws = activeWorkspace(useApp.getState());
    if (!ws) return;
    const files: Record<string, string> = {};
    for (const [path, content] of Object.entries(ws.files)) if (path !== 'Dockerfile') files[path] = textOf(content);
    const dockerfile = textOf(ws.files['Dockerfile']);
    setNaive(dockerfile);
    setOptimized(dockerfile);
    setSource({ kind: 'mine', files });
    setChanged(Object.keys(files).sort()[0] ?? '');
    setResult(null);
  };
  const files = source.kind === 'mine' ? source.files : { 'package.json': NODE_APP_FILES['package.json'], 'server.js': NODE_APP_FILES['server.js'] };
  const run = async () => {
    setRunning(true);
    setError('');
    try {
      // a change every file type survives: one more line at the end
      const change = changed in files ? { path: changed, content: files[changed] + (source.kind === 'mine' ? '\n' : '// changed\n') } : { path: '.compare-change', content: 'x' };
      setResult(await compareDockerfiles(files, naive, optimized, change, { env: { clock: { now: () => Date.now() } } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const mine = source.kind === 'mine';
  return (
    <section className="compare" data-testid="compare-view">
      <h3>{t('classroom.compare.title')}</h3>
      <p>{mine ? t('stack.compare.help') : t('classroom.compare.help')}</p>
      <div className="compare-controls">
        <button type="button" onClick={useMine} data-testid="compare-mine">
          {t('stack.compare.mine')}
        </button>
        {mine && (
          <label>
            {t('stack.compare.change')}{' '}
            <select value={changed} onChange={(e) => setChanged(e.target.value)} data-testid="compare-change">
              {Object.keys(files)
                .sort()
                .map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => void run()} disabled={running} data-testid="compare-run">
          {running ? t('classroom.compare.running') : t('classroom.compare.run')}
        </button>
      </div>
      {error && <p role="alert">{t('classroom.compare.failed', { error })}</p>}
      {result && result.naive.ok && result.optimized.ok && (
        <p className="compare-verdict" role="status" data-testid="compare-verdict">
          {result.stepsSaved > 0 || result.msSaved > 0 ? t('classroom.compare.saved', { layers: result.stepsSaved, s: secs(Math.max(0, result.msSaved)) }) : t('classroom.compare.noSaving')}
        </p>
      )}
      <div className="compare-grid">
        <Side title={mine ? t('stack.compare.left') : t('classroom.compare.naive')} text={naive} setText={setNaive} result={result?.naive} t={t} testid="compare-naive" />
        <Side title={mine ? t('stack.compare.right') : t('classroom.compare.optimized')} text={optimized} setText={setOptimized} result={result?.optimized} t={t} testid="compare-optimized" />
      </div>
    </section>
  );
}
