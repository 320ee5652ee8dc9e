/**
 * The layer stack region: what the last build did (revealed step by step at the pace of `playback.ts`) or, while
 * the Dockerfile or context is being edited, what the next build would do (engine.predictBuild). Each band shows
 * its instruction, status and reason as text; heights follow the layer size or the build time; BuildKit's
 * config-only instructions are thin annotations between the layers. Click (Enter) opens a layer's files, drag or
 * Alt+Up/Down moves its instruction.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { activeWorkspace, FAST_STEP_MS, SLOW_STEP_MS, useApp } from '../state/store';
import { useLang, useT, type TFunc } from '../i18n/useT';
import { predictedBands, type Band, type BuildView } from './model';
import { bandKind, bandText, buildCounts, explainBand, statusWord, summaryText } from './buildModel';
import { formatBytes, formatSeconds } from './format';
import { imageHistory, type BaseLayerView } from '../engine/engineApi';
import { moveInstruction, moveInstructionTo } from '../editor/logicalLines';
import { textOf } from '../workspace/workspace';
import { LayerDiff } from './LayerDiff';
import { setPaused, setStepMs, stepOnce, usePlayback } from './playback';
import type { StackScale } from './stackHeights';
import { WINDOW_FROM } from './bandWindow';
import { StackLayout } from './stackLayout';
import { revealAll, RevealTracker, type Reveal } from './reveal';
import type { Lang } from '../i18n/i18n';
import { Pause, Play, StepForward } from 'lucide-react';
import './layerStack.css';

function baseImageOf(name: string): string {
  // "FROM diamol/node" / "[1/4] FROM docker.io/library/node:18@sha256..." -> the image reference
  const m = /FROM\s+(?:--\S+\s+)*(\S+)/i.exec(name);
  return (m ? m[1] : name).replace(/^docker\.io\/(library\/)?/, '').replace(/@sha256:.*/, '');
}

type Mode = 'prediction' | 'build' | 'empty' | 'loading' | 'error';

/** The space between two bands (`.ls-stack`'s gap in layerStack.css). */
const BAND_GAP = 4;

export function LayerStack() {
  const t = useT();
  const lang = useLang();
  const wsId = useApp((s) => s.activeId);
  const hist = useApp((s) => s.builds[s.activeId]);
  const dirty = useApp((s) => s.dirty[s.activeId] ?? false);
  const prediction = useApp((s) => s.prediction);
  const knownMeta = useApp((s) => s.knownMeta[s.activeId]);
  const predictionMs = useApp((s) => s.predictionMs);
  const predictionError = useApp((s) => s.predictionError);
  const settings = useApp((s) => s.settings);
  const builder = useApp((s) => s.settings.builder);
  const engine = useApp((s) => s.engine);
  const engineRev = useApp((s) => s.engineRev);
  const playback = usePlayback();
  const boxRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [scale, setScale] = useState<StackScale>('size');
  const [boxH, setBoxH] = useState(300);
  const [scrollTop, setScrollTop] = useState(0);
  const scrollFrame = useRef(0);
  const [diffOf, setDiffOf] = useState<Band | null>(null);

  const last = hist?.last ?? null;
  const previous = hist?.previous ?? null;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBoxH(el.clientHeight));
    ro.observe(el);
    setBoxH(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  // A build this page is revealing (playback.ts) shows only its revealed steps; any other shows its end state.
  const revealing = !!last?.live && playback.key === last.startedAt;
  const revealed = revealing ? playback.revealed : Number.POSITIVE_INFINITY;
  const finishedCount = last?.finishOrder.length ?? 0;

  const showPrediction = !!prediction && (dirty || !last) && last?.state !== 'running';
  const parseFailed = showPrediction && !!predictionError && prediction!.length === 0;
  // 'loading': the engine is starting and there is no saved build to show (the prediction comes with the engine)
  const mode: Mode = parseFailed ? 'error' : showPrediction ? 'prediction' : last ? 'build' : engine ? 'empty' : 'loading';
  const viewBuilder = mode === 'build' && last ? last.builder : builder;

  // The bands as they are (the prediction's, or the build's end state) and, for a build being revealed, how
  // each is shown at this step of the reveal (reveal.ts): a step of the reveal changes only the bands on screen.
  const shownPrediction = mode === 'prediction' ? prediction : null;
  // the last build and the known metadata change what a prediction shows; a build shows its own bands
  const predictionLast = shownPrediction ? last : null;
  const predictionMeta = shownPrediction ? knownMeta : undefined;
  const buildBands = mode === 'build' && last ? last.bands : null;
  const bands: Band[] = useMemo(
    () => (shownPrediction ? predictedBands(shownPrediction, predictionLast, predictionMeta) : (buildBands ?? [])),
    [shownPrediction, predictionLast, predictionMeta, buildBands],
  );
  const tracker = useRef<RevealTracker | null>(null);
  tracker.current ??= new RevealTracker();
  const reveal: Reveal = useMemo(() => (mode === 'build' && last ? tracker.current!.reveal(last, revealed) : revealAll), [mode, last, revealed]);
  // What the bands are, as opposed to how far their build is: the same for every frame of a build (its bands
  // change status, not kind, stage or number), so what follows from it is not worked out again at each frame.
  const structure = mode === 'build' && last ? `build ${last.startedAt} ${bands.length}` : bands;

  const allRevealed = mode !== 'build' || revealed >= finishedCount;

  // Base image layers. As text, so an engine change that leaves the base images alone keeps the same object.
  const builtState = mode === 'build' ? `${last?.state} ${last?.imageId}` : '';
  const baseLayersJson = useMemo(() => {
    const out: Record<string, BaseLayerView[] | null> = {};
    if (!engine) return '{}';
    for (const b of bands) if (b.status === 'base') out[b.step] = imageHistory(engine, baseImageOf(b.name)) ?? baseFromBuilt(engine, mode === 'build' ? last : null, b);
    return JSON.stringify(out);
    // engineRev: the image store changed (a pull); a build's base layers are read from it once it has finished
    // (builtState), the bands' structure otherwise
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, structure, engineRev, mode, builtState]);
  const baseLayers = useMemo(() => JSON.parse(baseLayersJson) as Record<string, BaseLayerView[] | null>, [baseLayersJson]);

  const zoom = settings.presenter ? 1.4 : 1;

  // Summary lines
  let summary = '';
  let compare = '';
  if (mode === 'prediction' && prediction) {
    const layers = bands.filter((b) => bandKind(viewBuilder, b) === 'layer');
    const rebuild = layers.filter((b) => b.status === 'will-rebuild').length;
    summary = predictionError
      ? t('layers.predictionError', { error: predictionError })
      : rebuild
        ? t('layers.prediction', { rebuild, total: layers.length })
        : t('layers.predictionNone');
  } else if (mode === 'build' && last && allRevealed) {
    summary = summaryText(lang, last);
    if (previous && last.state === 'finished') compare = compareText(t, last, previous);
  }

  const moveBy = (line: number, dir: 1 | -1) => {
    const st = useApp.getState();
    const r = moveInstruction(textOf(activeWorkspace(st)?.files['Dockerfile']), line, dir);
    if (!r) return;
    st.writeFile('Dockerfile', r.text);
    requestAnimationFrame(() => (boxRef.current?.querySelector(`[data-testid="layer"][data-line="${r.line}"]`) as HTMLElement | null)?.focus());
  };
  const drag = useBandDrag((from, to) => {
    const st = useApp.getState();
    const r = moveInstructionTo(textOf(activeWorkspace(st)?.files['Dockerfile']), from, to);
    if (r) st.writeFile('Dockerfile', r.text);
  });

  const onKey = (e: ReactKeyboardEvent<HTMLElement>, activate: () => void, line: number | null) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && line !== null) {
      e.preventDefault();
      moveBy(line, e.key === 'ArrowUp' ? 1 : -1);
    } else if (!e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const all = [...(boxRef.current?.querySelectorAll<HTMLElement>('[data-testid="layer"]') ?? [])];
      all[all.indexOf(e.currentTarget) + (e.key === 'ArrowUp' ? 1 : -1)]?.focus();
    }
  };

  const { configNames, stages, instructions } = useMemo(
    () => ({
      configNames: [...new Set(bands.filter((b) => bandKind(viewBuilder, b) === 'config').map((b) => b.instruction))],
      stages: new Set(bands.map((b) => b.stage)),
      instructions: bands.filter((b) => b.status !== 'base').length,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [structure, viewBuilder],
  );
  const firstMiss = useMemo(() => {
    const isLayer = (x: Band) => bandKind(viewBuilder, x) === 'layer';
    // a build: the first band among its revealed steps that rebuilt a layer, learnt a few steps per frame
    if (mode === 'build' && last) return tracker.current!.firstRebuilt(last, revealed, isLayer);
    const missed = (status: string) => status === 'built' || status === 'will-rebuild';
    return bands.find((x) => isLayer(x) && missed(reveal.status(x)));
  }, [bands, viewBuilder, reveal, mode, last, revealed]);
  const speed = speedOption(settings.stepMs);
  const stageLabelOf = (i: number) => (stages.size > 1 && (i === 0 || bands[i - 1].stage !== bands[i].stage) ? bands[i].stage : undefined);

  // Band heights, measured again only for the bands a frame changed (stackLayout.ts); a stack of thousands of
  // bands keeps only the bands near the scrolled-to part in the DOM (bandWindow.ts).
  const layoutRef = useRef<StackLayout | null>(null);
  layoutRef.current ??= new StackLayout(BAND_GAP);
  const layout = layoutRef.current;
  layout.update({
    bands,
    item: (b) => ({ kind: bandKind(viewBuilder, b), size: b.status === 'base' ? baseSize(baseLayers[b.step], b) : b.size, durationMs: b.durationMs }),
    extra: (i) => (stageLabelOf(i) ? 18 : 0) + (bands[i].status === 'base' && expanded[`base${bands[i].step}`] ? (baseLayers[bands[i].step]?.length ?? 0) * 24 : 0),
    scale,
    boxHeight: boxH,
    zoom,
    key: [viewBuilder, baseLayers, expanded, stages],
  });
  const heights = layout.heights;
  const windowed = bands.length >= WINDOW_FROM;
  const win = windowed ? layout.window(scrollTop, boxH, Math.max(200, boxH)) : { lo: 0, hi: bands.length - 1, below: 0, above: 0 };
  const onScroll = () => {
    if (!windowed || scrollFrame.current) return;
    scrollFrame.current = requestAnimationFrame(() => {
      scrollFrame.current = 0;
      if (boxRef.current) setScrollTop(boxRef.current.scrollTop);
    });
  };
  const stepping = mode === 'build' && revealing && !allRevealed;

  return (
    <section className="region layers ls" data-testid="layer-stack" data-mode={mode} data-scale={scale} aria-label={t('region.layers')} aria-busy={mode === 'loading' || undefined}>
      <div className="ls-bar">
        <div className="ls-seg" role="radiogroup" aria-label={t('stack.view')}>
          {(['size', 'time'] as const).map((k) => (
            <button key={k} type="button" role="radio" aria-checked={scale === k} className={scale === k ? 'on' : ''} onClick={() => setScale(k)} data-testid={`stack-scale-${k}`}>
              {t(k === 'size' ? 'stack.view.size' : 'stack.view.time')}
            </button>
          ))}
        </div>
        <select
          className="ls-speed"
          aria-label={t('stack.speed')}
          value={String(speed)}
          onChange={(e) => {
            const ms = Number(e.target.value);
            useApp.getState().setSettings({ stepMs: ms });
            setStepMs(ms);
          }}
          data-testid="stack-speed"
        >
          <option value="0">{t('layers.speedInstant')}</option>
          <option value={String(FAST_STEP_MS)}>{t('layers.speedFast')}</option>
          <option value={String(SLOW_STEP_MS)}>{t('layers.speedSlow')}</option>
        </select>
        <button
          type="button"
          className="ls-icon"
          onClick={() => setPaused(!playback.paused)}
          disabled={!stepping && !playback.paused}
          aria-pressed={playback.paused}
          aria-label={t('stack.pause')}
          data-testid="stack-pause"
        >
          {playback.paused ? <Play size={16} aria-hidden="true" /> : <Pause size={16} aria-hidden="true" />}
        </button>
        <button type="button" className="ls-icon" onClick={stepOnce} disabled={!stepping} aria-label={t('stack.step')} data-testid="stack-step">
          <StepForward size={16} aria-hidden="true" />
        </button>
        {stepping && (
          <span className="ls-progress" data-testid="stack-progress">
            {t('stack.progress', { i: Math.min(revealed, finishedCount), n: instructions })}
          </span>
        )}
      </div>
      <div className="layers-status ls-status" role="status" aria-live="polite" data-testid="layers-summary">
        {summary && <p>{summary}</p>}
        {mode === 'loading' && <p data-testid="layers-loading">{t('engine.starting')}</p>}
        {compare && <p className="ls-compare" data-testid="build-compare">{compare}</p>}
        {configNames.length > 0 && (
          <p className="ls-note" data-testid="stack-config-note">
            {t('stack.configNote', { instructions: configNames.join(', ') })}
          </p>
        )}
        {mode === 'prediction' && <p className="muted" data-testid="prediction-time" data-ms={predictionMs.toFixed(1)}>{t('layers.dragHint')}</p>}
        {/* the prediction that follows the engine shows a summary and this hint: keep their place (no layout shift) */}
        {mode === 'loading' && (
          <p className="muted" aria-hidden="true" style={{ visibility: 'hidden' }}>
            {t('layers.dragHint')}
          </p>
        )}
      </div>
      <Legend t={t} />
      <div className="stack-box ls-box" ref={boxRef} data-testid="stack-box" data-ws={wsId} onScroll={onScroll}>
        {mode === 'empty' && <p className="muted ls-empty">{t('layers.empty')}</p>}
        {mode === 'error' && (
          <div className="ls-error" role="alert" data-testid="stack-error">
            <strong>{t('stack.parseErrorTitle')}</strong>
            <p>{t('stack.parseError', { error: predictionError })}</p>
          </div>
        )}
        <ol className="ls-stack" aria-label={t('region.layers')} data-windowed={windowed || undefined}>
          {win.below > 0 && <li className="ls-spacer" aria-hidden="true" style={{ height: win.below }} />}
          {bands.slice(win.lo, win.hi + 1).map((shownBand, k) => {
            const i = win.lo + k;
            const b = reveal.band(shownBand);
            const kind = bandKind(viewBuilder, b);
            const stageLabel = stageLabelOf(i);
            if (kind === 'base')
              return (
                <BaseBlock
                  key={`base${b.step}`}
                  t={t}
                  band={b}
                  layers={baseLayers[b.step]}
                  open={!!expanded[`base${b.step}`]}
                  toggle={() => setExpanded((x) => ({ ...x, [`base${b.step}`]: !x[`base${b.step}`] }))}
                  height={heights[i]}
                  stage={stageLabel}
                  onKey={onKey}
                />
              );
            return (
              <BandRow
                key={`s${b.step}`}
                t={t}
                lang={lang}
                band={b}
                kind={kind}
                builder={viewBuilder}
                height={heights[i]}
                stage={stageLabel}
                scale={scale}
                failure={mode === 'build' ? last?.error : undefined}
                cascade={!!firstMiss && b.stage === firstMiss.stage && b.step >= firstMiss.step}
                onActivate={() => kind === 'layer' && setDiffOf(b)}
                onKey={onKey}
                drag={drag}
              />
            );
          })}
          {win.above > 0 && <li className="ls-spacer" aria-hidden="true" style={{ height: win.above }} />}
        </ol>
      </div>
      {diffOf && engine && <LayerDiff band={diffOf} engine={engine} imageId={mode === 'build' ? last?.imageId : undefined} onClose={() => setDiffOf(null)} />}
    </section>
  );
}

/**
 * The base image's layers read from the built image, for a base that is not in the image store (BuildKit pulls
 * it into its cache only): the image's history up to the first layer of this stage, without the entries of the
 * stage's config instructions that come before that layer. The legacy builder pulls the base into the store: its
 * builds are not asked for (an image of thousands of steps has a history of thousands of entries to send).
 */
function baseFromBuilt(engine: NonNullable<ReturnType<typeof useApp.getState>['engine']>, view: BuildView | null, base: Band): BaseLayerView[] | null {
  if (!view?.imageId || view.state !== 'finished' || view.builder !== 'buildkit') return null;
  const last = view.bands[view.bands.length - 1];
  if (last.stage !== base.stage) return null;
  const all = imageHistory(engine, view.imageId);
  if (!all) return null;
  const stage = view.bands.filter((b) => b.stage === base.stage && b.status !== 'base');
  const digests = new Set(stage.map((b) => b.digest).filter(Boolean));
  const k = all.findIndex((l) => l.digest && digests.has(l.digest));
  const firstLayer = stage.findIndex((b) => b.digest && digests.has(b.digest));
  const configBefore = stage.slice(0, firstLayer < 0 ? stage.length : firstLayer).filter((b) => b.metadataOnly).length;
  return all.slice(0, Math.max(0, (k < 0 ? all.length : k) - configBefore));
}

function baseSize(layers: BaseLayerView[] | null | undefined, b: Band): number {
  return layers ? layers.reduce((s, l) => s + l.size, 0) : b.size;
}

type KeyHandler = (e: ReactKeyboardEvent<HTMLElement>, activate: () => void, line: number | null) => void;

function BaseBlock(p: { t: TFunc; band: Band; layers: BaseLayerView[] | null | undefined; open: boolean; toggle(): void; height: number; stage?: string; onKey: KeyHandler }) {
  const { t, band: b, layers, open } = p;
  const image = baseImageOf(b.name);
  const total = baseSize(layers, b);
  return (
    <li className="ls-item">
      {p.stage && <span className="ls-stage">{p.stage}</span>}
      <div
        className={`ls-band ls-base status-base${b.running ? ' running' : ''}`}
        style={{ minHeight: p.height }}
        data-testid="layer"
        data-line=""
        data-status="base"
        data-kind="base-group"
        data-from-line={b.line ?? undefined}
        data-running={b.running ? 'true' : undefined}
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-label={`${t('layers.base', { image })}. ${open ? t('layers.collapse') : t('layers.expand')}`}
        onClick={p.toggle}
        onKeyDown={(e) => p.onKey(e, p.toggle, null)}
      >
        <div className="ls-head">
          <span className="ls-chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className="ls-text">{t('layers.base', { image })}</span>
          <span className="ls-meta">{layers ? `${t('layers.baseLayers', { count: layers.length })} · ${formatBytes(total)}` : ''}</span>
        </div>
      </div>
      {open && layers && (
        <ol className="ls-baselayers">
          {layers.map((l, i) => (
            <li
              key={i}
              className="ls-baselayer"
              data-testid="layer"
              data-line=""
              data-status="base"
              data-kind="base-layer"
              tabIndex={0}
              aria-label={`${image}: ${l.createdBy} ${formatBytes(l.size)}`}
            >
              <code className="ls-text">{l.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '')}</code>
              <span className="ls-meta">{formatBytes(l.size)}</span>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function BandRow(p: {
  t: TFunc;
  lang: Lang;
  band: Band;
  kind: 'layer' | 'config';
  builder: BuildView['builder'];
  height: number;
  stage?: string;
  scale: StackScale;
  failure?: string;
  cascade: boolean;
  onActivate(): void;
  onKey: KeyHandler;
  drag: BandDrag;
}) {
  const { t, lang, band: b, kind } = p;
  const name = bandText(b);
  const status = statusWord(lang, b, kind);
  const why = explainBand(lang, p.builder, b, p.failure);
  const size = kind === 'config' ? '' : formatBytes(b.size);
  const meta = kind === 'config' ? '' : p.scale === 'time' ? t('stack.time', { seconds: formatSeconds(b.durationMs) }) : size;
  const label = `${t('layers.line', { line: b.line ?? '' })}: ${name}. ${status}${why ? `, ${why}` : ''}.${kind === 'layer' ? ` ${size}, ${formatSeconds(b.durationMs)} s` : ''}`;
  return (
    <li className="ls-item">
      {p.stage && <span className="ls-stage">{p.stage}</span>}
      <div
        className={`ls-band ls-${kind} status-${b.status}${b.running ? ' running' : ''}${b.failed ? ' failed' : ''}${p.cascade ? ' cascade' : ''}`}
        style={{ minHeight: p.height }}
        data-testid="layer"
        data-line={b.line === null ? '' : String(b.line)}
        data-status={b.status}
        data-kind={kind === 'config' ? 'config' : 'band'}
        data-running={b.running ? 'true' : undefined}
        data-failed={b.failed ? 'true' : undefined}
        role="button"
        tabIndex={0}
        aria-label={label}
        onClick={() => {
          if (!p.drag.consumeClick()) p.onActivate();
        }}
        onKeyDown={(e) => p.onKey(e, p.onActivate, b.line)}
        onPointerDown={b.line !== null ? (e) => p.drag.start(e, b.line!) : undefined}
      >
        <div className="ls-head">
          <span className="ls-line" aria-hidden="true">{b.line ?? ''}</span>
          {kind === 'config' && <span className="ls-tag">{t('stack.config')}</span>}
          <code className="ls-text ls-ins">{name}</code>
          {meta && <span className="ls-meta">{meta}</span>}
        </div>
        {(status || why) && (
          <div className="ls-why">
            {status && <span className="ls-status-word">{status}</span>}
            {why && <span className="ls-reason">{why}</span>}
          </div>
        )}
      </div>
    </li>
  );
}

interface BandDrag {
  start(e: ReactPointerEvent<HTMLElement>, line: number): void;
  /** True (once) when the click that follows a drag must not open the layer. */
  consumeClick(): boolean;
}

/** Drag a band onto another to move its instruction there (pointer events; a move under 5px is a click). */
function useBandDrag(drop: (from: number, to: number) => void): BandDrag {
  const dropRef = useRef(drop);
  dropRef.current = drop;
  const suppress = useRef(false);
  return useMemo<BandDrag>(
    () => ({
      start(e, line) {
        if (e.button !== 0) return;
        const el = e.currentTarget;
        const y0 = e.clientY;
        let moving = false;
        const move = (ev: PointerEvent) => {
          const dy = ev.clientY - y0;
          if (!moving && Math.abs(dy) < 5) return;
          moving = true;
          el.classList.add('dragging');
          el.style.transform = `translateY(${dy}px)`;
        };
        const up = (ev: PointerEvent) => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
          el.classList.remove('dragging');
          el.style.transform = '';
          if (!moving) return;
          suppress.current = true;
          setTimeout(() => (suppress.current = false), 0);
          const target = document
            .elementsFromPoint(ev.clientX, ev.clientY)
            .map((x) => x.closest<HTMLElement>('[data-testid="layer"]'))
            .find((x) => x && x !== el && x.dataset.line);
          const to = Number(target?.dataset.line);
          if (to && to !== line) dropRef.current(line, to);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      },
      consumeClick() {
        const s = suppress.current;
        suppress.current = false;
        return s;
      },
    }),
    [],
  );
}

function Legend({ t }: { t: TFunc }) {
  return (
    <ul className="ls-legend" aria-hidden="true">
      <li className="status-base">{t('layers.legendBase')}</li>
      <li className="status-cached">{t('layers.cached')}</li>
      <li className="status-built">{t('layers.built')}</li>
      <li className="status-will-rebuild">{t('layers.willRebuild')}</li>
      <li className="ls-legend-config">{t('stack.config')}</li>
    </ul>
  );
}

function compareText(t: TFunc, last: BuildView, prev: BuildView): string {
  const a = buildCounts(last);
  const b = buildCounts(prev);
  const delta = b.durationMs - a.durationMs;
  return t('layers.compare', {
    built: a.built,
    cached: a.cached,
    seconds: formatSeconds(delta),
    faster: delta >= 0 ? t('layers.faster') : t('layers.slower'),
    bytes: formatBytes(a.bytesRebuilt),
  });
}

/** The speed option that shows a saved step time (older versions saved other values, e.g. 500). */
function speedOption(stepMs: number): number {
  if (stepMs <= 0) return 0;
  return stepMs >= (FAST_STEP_MS + SLOW_STEP_MS) / 2 ? SLOW_STEP_MS : FAST_STEP_MS;
}
