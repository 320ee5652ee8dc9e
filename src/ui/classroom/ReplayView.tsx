/** Replays the last recorded build event by event, with a timeline scrubber and play/pause. */
import { useEffect, useState } from 'react';
import type { BuildEvent } from '../../engine/build/events';
import { replayAt } from './replay';
import type { TFunc } from '../i18n/useT';
import type { Lang } from '../i18n/i18n';
import { describeReason } from '../layers/reasons';

export function ReplayView({ t, lang, events, slow }: { t: TFunc; lang: Lang; events: BuildEvent[] | undefined; slow: boolean }) {
  const n = events?.length ?? 0;
  const [pos, setPos] = useState(n);
  const [playing, setPlaying] = useState(false);
  const [seen, setSeen] = useState(events);
  if (seen !== events) {
    setSeen(events);
    setPos(events?.length ?? 0);
    setPlaying(false);
  }
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      setPos((p) => {
        if (p >= n) {
          setPlaying(false);
          return p;
        }
        return p + 1;
      });
    }, slow ? 900 : 400);
    return () => clearInterval(id);
  }, [playing, n, slow]);
  if (!events || n === 0)
    return (
      <section className="replay" data-testid="replay-view">
        <h3>{t('classroom.replay.title')}</h3>
        <p>{t('classroom.replay.none')}</p>
      </section>
    );
  const st = replayAt(events, pos);
  return (
    <section className="replay" data-testid="replay-view">
      <h3>{t('classroom.replay.title')}</h3>
      <div className="replay-controls">
        <button
          type="button"
          onClick={() => {
            if (!playing && pos >= n) setPos(0);
            setPlaying(!playing);
          }}
          data-testid="replay-play"
        >
          {playing ? t('classroom.replay.pause') : t('classroom.replay.play')}
        </button>
        <input
          type="range"
          min={0}
          max={n}
          value={pos}
          onChange={(e) => {
            setPlaying(false);
            setPos(Number(e.target.value));
          }}
          aria-label={t('classroom.replay.scrub')}
          data-testid="replay-scrubber"
        />
        <span>{t('classroom.replay.event', { i: pos, n })}</span>
      </div>
      <ol className="replay-steps">
        {st.steps.map((s) => {
          // BuildKit never runs config-only instructions (ENV, CMD, EXPOSE...): they are not steps.
          const configOnly = st.builder === 'buildkit' && s.info.metadataOnly && s.status === 'pending';
          return (
          <li key={s.info.index} className={`replay-step ${configOnly ? 'config' : s.status}`} data-status={configOnly ? 'config' : s.status}>
            <span className="replay-status">
              {configOnly ? t('classroom.replay.config') : s.status === 'cached' ? 'CACHED' : s.status === 'built' ? 'DONE' : s.status === 'failed' ? 'ERROR' : s.status === 'running' ? t('classroom.replay.running') : t('classroom.replay.pending')}
            </span>{' '}
            <code>{s.info.name}</code>
            {s.status === 'built' && s.durationMs > 0 && <span className="replay-ms"> {(s.durationMs / 1000).toFixed(1)}s</span>}
            {s.reason && <span className="replay-reason"> ({describeReason(lang, s.reason)})</span>}
            {s.logs.length > 0 && <pre>{s.logs.join('').slice(-600)}</pre>}
          </li>
          );
        })}
      </ol>
      {st.finished && <p role="status">{t('classroom.replay.finished', { id: st.finished.imageId.replace(/^sha256:/, '').slice(0, 12) })}</p>}
      {st.failed && <p role="alert">{t('classroom.replay.failedAt', { message: st.failed.message })}</p>}
    </section>
  );
}
