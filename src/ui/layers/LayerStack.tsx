/**
 * The layer stack region: what the last build did (animated step by step from its events) or, while the
 * Dockerfile or context is being edited, what the next build would do (engine.predictBuild). Hover shows a
 * band's facts, click opens its file diff, drag or Alt+Up/Down moves its instruction.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { activeWorkspace, FAST_STEP_MS, SLOW_STEP_MS, useApp } from '../state/store';
import { useLang, useT, type TFunc } from '../i18n/useT';
import { predictedBands, summarize, bandHeights, type Band, type BuildView } from './model';
import { describeReason } from './reasons';
import { formatBytes, formatSeconds } from './format';
import { imageHistory, type BaseLayerView } from '../engine/engineApi';
import { moveInstruction, moveInstructionTo } from '../editor/logicalLines';
import { textOf } from '../workspace/workspace';
import { LayerDiff } from './LayerDiff';
import type { StackItem } from './stackD3';
import type { Lang } from '../i18n/i18n';

type StackModule = typeof import('./stackD3');

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return;
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

function statusText(t: TFunc, b: { status: Band['status']; running: boolean }): string {
  if (b.running) return t('layers.running');
  switch (b.status) {
    case 'cached':
      return t('layers.cached');
    case 'built':
      return t('layers.built');
    case 'will-rebuild':
      return t('layers.willRebuild');
    case 'pending':
      return t('layers.pending');
    default:
      return '';
  }
}

function baseImageOf(name: string): string {
  // "FROM diamol/node" / "[1/4] FROM docker.io/library/node:18@sha256..." -> the image reference
  const m = /FROM\s+(?:--\S+\s+)*(\S+)/i.exec(name);
  return (m ? m[1] : name).replace(/^docker\.io\/(library\/)?/, '').replace(/@sha256:.*/, '');
}

export function LayerStack() {
  const t = useT();
  const lang = useLang();
  const ws = useApp((s) => activeWorkspace(s));
  const wsId = useApp((s) => s.activeId);
  const hist = useApp((s) => s.builds[s.activeId]);
  const dirty = useApp((s) => s.dirty[s.activeId] ?? false);
  const prediction = useApp((s) => s.prediction);
  const knownMeta = useApp((s) => s.knownMeta[s.activeId]);
  const predictionMs = useApp((s) => s.predictionMs);
  const predictionError = useApp((s) => s.predictionError);
  const settings = useApp((s) => s.settings);
  const engine = useApp((s) => s.engine);
  const engineRev = useApp((s) => s.engineRev);
  const reduced = useReducedMotion();
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [d3mod, setD3] = useState<StackModule | null>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [revealed, setRevealed] = useState(Number.POSITIVE_INFINITY);
  const [size, setSize] = useState({ w: 400, h: 300 });
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const [diffOf, setDiffOf] = useState<Band | null>(null);

  const last = hist?.last ?? null;
  const previous = hist?.previous ?? null;
  const stepMs = reduced ? 0 : settings.stepMs;

  useEffect(() => {
    void import('./stackD3').then(setD3);
  }, []);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  // Animation: a live build reveals its finished steps one by one.
  const startedAt = last?.startedAt;
  const isLive = !!last?.live;
  useEffect(() => {
    setRevealed(isLive && stepMs > 0 ? 0 : Number.POSITIVE_INFINITY);
  }, [startedAt, isLive, stepMs]);
  const finishedCount = last?.finishOrder.length ?? 0;
  useEffect(() => {
    if (revealed >= finishedCount) return;
    const id = setTimeout(() => setRevealed((r) => r + 1), stepMs);
    return () => clearTimeout(id);
  }, [revealed, finishedCount, stepMs]);

  const showPrediction = !!prediction && (dirty || !last) && last?.state !== 'running';
  // 'loading': the engine is starting and there is no saved build to show (the prediction comes with the engine)
  const mode: 'prediction' | 'build' | 'empty' | 'loading' = showPrediction ? 'prediction' : last ? 'build' : engine ? 'empty' : 'loading';

  const bands: Band[] = useMemo(() => {
    if (mode === 'prediction') return predictedBands(prediction!, last, knownMeta);
    if (mode === 'build' && last) {
      const shown = new Set(last.finishOrder.slice(0, revealed));
      const nextStep = last.finishOrder[revealed];
      return last.bands.map((b) => {
        if (shown.has(b.step) || b.status === 'base') return { ...b, running: b.running && !shown.has(b.step) };
        const isNext = nextStep === b.step || (b.running && nextStep === undefined);
        return { ...b, status: 'pending' as const, reason: undefined, running: isNext };
      });
    }
    return [];
  }, [mode, prediction, last, revealed, knownMeta]);

  const allRevealed = mode !== 'build' || revealed >= finishedCount;

  // Base image layers (collapsed group at the bottom, expandable).
  // As text, so an engine change that leaves the base images alone (a container started) keeps the same
  // object and does not redraw the stack.
  const baseLayersJson = useMemo(() => {
    const out: Record<string, BaseLayerView[] | null> = {};
    if (!engine) return '{}';
    for (const b of bands) if (b.status === 'base') out[b.step] = imageHistory(engine, baseImageOf(b.name));
    return JSON.stringify(out);
    // engineRev: the image store changed (a pull)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, bands, engineRev]);
  const baseLayers = useMemo(() => JSON.parse(baseLayersJson) as Record<string, BaseLayerView[] | null>, [baseLayersJson]);

  const scale = settings.presenter ? 1.45 : 1;
  const items: StackItem[] = useMemo(
    () => buildItems(t, lang, bands, baseLayers, expanded, settings.heightMode, size.h, mode, scale),
    [t, lang, bands, baseLayers, expanded, settings.heightMode, size.h, mode, scale],
  );

  const dockerfile = textOf(ws?.files['Dockerfile']);

  useEffect(() => {
    if (!d3mod || !svgRef.current) return;
    d3mod.renderStack(
      svgRef.current,
      items,
      {
        activate(item) {
          if (item.kind === 'base-group') setExpanded((x) => ({ ...x, [item.key]: !x[item.key] }));
          else if (item.kind === 'band') setDiffOf(bands.find((b) => `s${b.step}` === item.key) ?? null);
        },
        move(item, dir) {
          const line = Number(item.dataLine);
          const st = useApp.getState();
          const text = textOf(activeWorkspace(st)?.files['Dockerfile']);
          const r = moveInstruction(text, line, dir);
          if (r) {
            st.writeFile('Dockerfile', r.text);
            requestAnimationFrame(() => (svgRef.current?.querySelector(`g.band[data-line="${r.line}"]`) as SVGGElement | null)?.focus());
          }
        },
        dropOn(item, target) {
          const st = useApp.getState();
          const text = textOf(activeWorkspace(st)?.files['Dockerfile']);
          const r = moveInstructionTo(text, Number(item.dataLine), Number(target.dataLine));
          if (r) st.writeFile('Dockerfile', r.text);
        },
        hover(item, x, y) {
          setTip(item ? { text: item.tooltip, x, y } : null);
        },
      },
      { width: Math.max(200, size.w - 4), animateMs: stepMs > 0 ? Math.min(400, stepMs) : 0, cascadeLabel: '' },
    );
  }, [d3mod, items, size.w, stepMs, bands, dockerfile]);

  // Summary lines
  let summary = '';
  let compare = '';
  if (mode === 'prediction' && prediction) {
    const steps = bands.filter((b) => b.status !== 'base');
    const rebuild = steps.filter((b) => b.status === 'will-rebuild').length;
    summary = predictionError
      ? t('layers.predictionError', { error: predictionError })
      : rebuild
        ? t('layers.prediction', { rebuild, total: steps.length })
        : t('layers.predictionNone');
  } else if (mode === 'build' && last && allRevealed) {
    const s = summarize(last);
    if (last.state === 'failed') summary = t('layers.failed', { error: last.error ?? '' });
    else if (last.state === 'finished')
      summary = t('layers.result', { tag: last.tags[0] ?? last.imageId?.slice(7, 19) ?? '', seconds: formatSeconds(s.durationMs), built: s.built, cached: s.cached });
    if (previous && last.state === 'finished') compare = compareText(t, last, previous);
  }

  return (
    <section className="region layers" data-testid="layer-stack" data-mode={mode} aria-label={t('region.layers')} aria-busy={mode === 'loading' || undefined}>
      <div className="layers-bar">
        <label>
          {t('layers.height')}{' '}
          <select value={settings.heightMode} onChange={(e) => useApp.getState().setSettings({ heightMode: e.target.value as 'linear' | 'log' | 'uniform' })}>
            <option value="log">{t('layers.log')}</option>
            <option value="linear">{t('layers.linear')}</option>
            <option value="uniform">{t('layers.uniform')}</option>
          </select>
        </label>
        <label>
          {t('layers.speed')}{' '}
          <select value={String(speedOption(settings.stepMs))} onChange={(e) => useApp.getState().setSettings({ stepMs: Number(e.target.value) })}>
            <option value="0">{t('layers.speedInstant')}</option>
            <option value={String(FAST_STEP_MS)}>{t('layers.speedFast')}</option>
            <option value={String(SLOW_STEP_MS)}>{t('layers.speedSlow')}</option>
          </select>
        </label>
      </div>
      <div className="layers-status" role="status" aria-live="polite" data-testid="layers-summary">
        {summary && <p>{summary}</p>}
        {mode === 'loading' && <p data-testid="layers-loading">{t('engine.starting')}</p>}
        {compare && <p data-testid="build-compare">{compare}</p>}
        {mode === 'prediction' && <p className="muted" data-testid="prediction-time" data-ms={predictionMs.toFixed(1)}>{t('layers.dragHint')}</p>}
        {/* the prediction that follows the engine shows a summary and this hint: keep their place (no layout shift) */}
        {mode === 'loading' && (
          <p className="muted" aria-hidden="true" style={{ visibility: 'hidden' }}>
            {t('layers.dragHint')}
          </p>
        )}
      </div>
      <div className="stack-box" ref={boxRef} data-testid="stack-box" data-ws={wsId}>
        {mode === 'empty' && <p className="muted">{t('layers.empty')}</p>}
        <svg ref={svgRef} className="stack-svg" role="group" aria-label={t('region.layers')} />
        {tip && (
          <div className="tooltip" role="tooltip" style={{ left: Math.min(tip.x + 12, size.w - 260), top: tip.y + 12 }}>
            {tip.text}
          </div>
        )}
        <Legend t={t} />
      </div>
      {diffOf && engine && <LayerDiff band={diffOf} engine={engine} imageId={mode === 'build' ? last?.imageId : undefined} onClose={() => setDiffOf(null)} />}
    </section>
  );
}

function Legend({ t }: { t: TFunc }) {
  return (
    <ul className="legend" aria-hidden="true">
      <li className="status-cached">{t('layers.cached')}</li>
      <li className="status-built">{t('layers.built')}</li>
      <li className="status-will-rebuild">{t('layers.willRebuild')}</li>
      <li className="status-base">{t('layers.legendBase')}</li>
    </ul>
  );
}

function compareText(t: TFunc, last: BuildView, prev: BuildView): string {
  const a = summarize(last);
  const b = summarize(prev);
  const delta = b.durationMs - a.durationMs;
  return t('layers.compare', {
    built: a.built,
    cached: a.cached,
    seconds: formatSeconds(delta),
    faster: delta >= 0 ? t('layers.faster') : t('layers.slower'),
    bytes: formatBytes(a.bytesRebuilt),
  });
}

function buildItems(
  t: TFunc,
  lang: Lang,
  bands: Band[],
  baseLayers: Record<string, BaseLayerView[] | null>,
  expanded: Record<string, boolean>,
  heightMode: 'linear' | 'log' | 'uniform',
  boxH: number,
  mode: string,
  scale: number,
): StackItem[] {
  const items: StackItem[] = [];
  const instrBands = bands.filter((b) => b.status !== 'base');
  const heights = bandHeights(
    instrBands,
    heightMode,
    Math.max(160, boxH - 60 - 30 * scale * bands.filter((b) => b.status === 'base').length),
    Math.round(14 * scale),
    Math.round(24 * scale),
    Math.round(120 * scale),
  );
  const firstMiss = instrBands.find((b) => b.status === 'built' || b.status === 'will-rebuild');
  let stage = '';
  const stages = new Set(bands.map((b) => b.stage));
  for (const b of bands) {
    const stageLabel = stages.size > 1 && b.stage !== stage ? b.stage : undefined;
    stage = b.stage;
    if (b.status === 'base') {
      const key = `base${b.step}`;
      const layers = baseLayers[b.step];
      const image = baseImageOf(b.name);
      const open = !!expanded[key];
      if (open && layers)
        layers.forEach((l, i) =>
          items.push({
            key: `${key}-${i}`,
            kind: 'base-layer',
            status: 'base',
            dataLine: '',
            label: l.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').slice(0, 80),
            right: formatBytes(l.size),
            ariaLabel: `${image}: ${l.createdBy} ${formatBytes(l.size)}`,
            tooltip: `${l.createdBy}\n${formatBytes(l.size)}`,
            height: Math.round((l.size > 0 ? 18 : 12) * scale),
            running: false,
            movable: false,
          }),
        );
      const total = layers?.reduce((s, l) => s + l.size, 0) ?? b.size;
      items.push({
        key,
        kind: 'base-group',
        status: 'base',
        dataLine: '',
        fromLine: b.line ?? undefined,
        label: `${open ? '▾' : '▸'} ${t('layers.base', { image })}`,
        right: layers ? `${t('layers.baseLayers', { count: layers.length })} · ${formatBytes(total)}` : '',
        ariaLabel: `${t('layers.base', { image })}. ${open ? t('layers.collapse') : t('layers.expand')}`,
        tooltip: `${b.name}${layers ? `\n${t('layers.baseLayers', { count: layers.length })}, ${formatBytes(total)}` : ''}`,
        height: Math.round(26 * scale),
        running: b.running,
        stage: stageLabel,
        expanded: open,
        movable: false,
      });
      continue;
    }
    const i = instrBands.indexOf(b);
    const reason = describeReason(lang, b.reason);
    const st = statusText(t, b);
    const size = b.metadataOnly ? '0B' : formatBytes(b.size);
    const right = b.status === 'cached' ? `${t('layers.cached')} · ${size}` : b.status === 'pending' ? st : `${st}${reason ? ` · ${reason}` : ''} · ${size}`;
    const name = b.name.replace(/^\[[^\]]*\]\s*/, '');
    items.push({
      key: `s${b.step}`,
      kind: 'band',
      status: b.status,
      dataLine: b.line === null ? '' : String(b.line),
      label: `${b.line ?? ''}  ${name}`.slice(0, 70),
      right,
      ariaLabel: `${t('layers.line', { line: b.line ?? '' })}: ${name}. ${st}${reason ? `, ${reason}` : ''}. ${b.metadataOnly ? t('layers.metadata') : size}`,
      tooltip: t('layers.tooltip', {
        instruction: name,
        line: b.line ?? '',
        status: `${st}${reason ? ` (${reason})` : ''}`,
        size: b.metadataOnly ? t('layers.metadata') : size,
        time: `${formatSeconds(b.durationMs)} s`,
        digest: b.digest ? b.digest.slice(0, 19) : '—',
        added: b.added,
        modified: b.modified,
        removed: b.removed,
      }),
      height: heights[i],
      running: b.running,
      stage: stageLabel,
      firstMiss: b === firstMiss && mode !== 'empty',
      movable: b.line !== null,
    });
  }
  return items;
}

/** The speed option that shows a saved step time (older versions saved other values, e.g. 500). */
function speedOption(stepMs: number): number {
  if (stepMs <= 0) return 0;
  return stepMs >= (FAST_STEP_MS + SLOW_STEP_MS) / 2 ? SLOW_STEP_MS : FAST_STEP_MS;
}
