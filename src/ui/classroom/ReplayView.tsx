/** Replays the last recorded build event by event, with a timeline scrubber and play/pause. */
import { useEffect, useState } from 'react';
import type { BuildEvent } from '../../engine/build/events';
import { replayAt } from './replay';
import type { TFunc } from '../i18n/useT';
import type { Lang } from '../i18n/i18n';
import { bandKind, bandText, explainBand, statusWord } from '../layers/buildModel';
import { useApp } from '../state/store';

export function ReplayView({ t, lang, events, slow }: { t: TFunc; lang: Lang; events: BuildEvent[] | undefined; slow: boolean }) {
  const n = events?.length ?? 0;
  // The config entries the workspace's builds knew before this one, as the layer stack used them.
  const started = events?.find((e) => e.type === 'build-started')?.time;
  const knownMeta = useApp((s) => {
    const h = s.builds[s.activeId];
    return [h?.last, h?.previous].find((v) => v && v.startedAt === started)?.knownMeta;
  });
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
  const st = replayAt(events, pos, knownMeta ?? []);
  const view = st.view;
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
        {view?.bands.map((b) => {
          const kind = bandKind(view.builder, b);
          const cls = b.failed ? 'failed' : b.running ? 'running' : kind === 'config' ? `config ${b.status}` : b.status;
          const why = explainBand(lang, view.builder, b, st.failed?.message);
          const logs = st.logs[b.step] ?? [];
          return (
            <li key={b.step} className={`replay-step ${cls}`} data-status={b.status} data-kind={kind} data-line={b.line ?? ''}>
              <span className="replay-status">{kind === 'base' ? t('layers.legendBase') : statusWord(lang, b, kind)}</span> <code>{bandText(b)}</code>
              {b.status === 'built' && b.durationMs > 0 && <span className="replay-ms"> {(b.durationMs / 1000).toFixed(1)}s</span>}
              {why && <span className="replay-reason"> ({why})</span>}
              {logs.length > 0 && <pre>{logs.join('').slice(-600)}</pre>}
            </li>
          );
        })}
      </ol>
      {st.finished && <p role="status">{t('classroom.replay.finished', { id: st.finished.imageId.replace(/^sha256:/, '').slice(0, 12) })}</p>}
      {st.failed && <p role="alert">{t('classroom.replay.failedAt', { message: st.failed.message })}</p>}
    </section>
  );
}
