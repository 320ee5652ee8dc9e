/**
 * The D3 drawing of the layer stack (lazy-loaded with D3): one <g data-testid="layer"> per band, stacked
 * bottom-up, colour by status, animated transitions, drag to move an instruction, keyboard handlers.
 */
import { drag, select } from 'd3';
// d3's own package is side-effect free, so the transition methods on selections need this import.
import 'd3-transition';
import type { BandStatus } from './model';

export interface StackItem {
  key: string;
  kind: 'base-group' | 'base-layer' | 'band';
  status: BandStatus;
  /** Dockerfile line ("" for base). */
  dataLine: string;
  /** For FROM (base group): its line, to keep the link to the editor. */
  fromLine?: number;
  label: string;
  right: string;
  ariaLabel: string;
  tooltip: string;
  height: number;
  running: boolean;
  stage?: string;
  /** Show the cascade marker from this band up. */
  firstMiss?: boolean;
  expanded?: boolean;
  movable: boolean;
}

export interface StackHandlers {
  activate(item: StackItem): void;
  move(item: StackItem, dir: 1 | -1): void;
  dropOn(item: StackItem, target: StackItem): void;
  hover(item: StackItem | null, x: number, y: number): void;
}

export interface StackOptions {
  width: number;
  animateMs: number;
  cascadeLabel: string;
}

const GAP = 2;

export function renderStack(svgEl: SVGSVGElement, items: StackItem[], h: StackHandlers, o: StackOptions): void {
  const total = items.reduce((s, it) => s + it.height + GAP, 0) + 8;
  const svg = select(svgEl).attr('width', o.width).attr('height', Math.max(total, 40)).attr('viewBox', `0 0 ${o.width} ${Math.max(total, 40)}`);
  // bottom-up: items[0] is the bottom
  const ys: number[] = [];
  let y = total - 4;
  for (const it of items) {
    y -= it.height + GAP;
    ys.push(y + GAP);
  }
  const left = 28;
  const w = Math.max(60, o.width - left - 6);

  const groups = svg
    .selectAll<SVGGElement, StackItem>('g.band')
    .data(items, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'band').attr('data-testid', 'layer').attr('opacity', 0);
        g.append('rect').attr('class', 'band-rect').attr('rx', 3);
        g.append('text').attr('class', 'band-label');
        g.append('text').attr('class', 'band-right').attr('text-anchor', 'end');
        return g;
      },
      (update) => update,
      (exit) => exit.remove(),
    );

  groups
    .attr('data-line', (d) => d.dataLine)
    .attr('data-status', (d) => d.status)
    .attr('data-kind', (d) => d.kind)
    .attr('data-from-line', (d) => (d.fromLine ? String(d.fromLine) : null))
    .attr('data-running', (d) => (d.running ? 'true' : null))
    .attr('class', (d) => `band status-${d.status} kind-${d.kind}${d.running ? ' running' : ''}${d.height < 14 ? ' thin' : ''}`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (d) => d.ariaLabel)
    .attr('aria-expanded', (d) => (d.kind === 'base-group' ? String(!!d.expanded) : null));

  const t = o.animateMs > 0 ? groups.transition().duration(o.animateMs) : null;
  const transform = (_d: StackItem, i: number) => `translate(${left},${ys[i]})`;
  if (t) t.attr('transform', transform).attr('opacity', 1);
  else groups.attr('transform', transform).attr('opacity', 1);

  groups
    .select<SVGRectElement>('rect')
    .attr('width', w)
    .attr('height', (d) => Math.max(2, d.height));
  groups
    .select<SVGTextElement>('text.band-label')
    .attr('x', 8)
    .attr('y', (d) => d.height / 2)
    .attr('dominant-baseline', 'central')
    .text((d) => (d.height >= 12 ? d.label : ''));
  groups
    .select<SVGTextElement>('text.band-right')
    .attr('x', w - 8)
    .attr('y', (d) => d.height / 2)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'central')
    .text((d) => (d.height >= 12 ? d.right : ''));
  // Fit the texts: two lines when the band is tall enough, else shorten the right-hand text.
  groups.each(function (d) {
    const g = select(this);
    const label = g.select<SVGTextElement>('text.band-label').node();
    const right = g.select<SVGTextElement>('text.band-right').node();
    if (!label || !right || !label.getComputedTextLength) return;
    let lw = 0;
    let rw = 0;
    try {
      lw = label.getComputedTextLength();
      rw = right.getComputedTextLength();
    } catch {
      return;
    }
    if (lw + rw + 24 <= w) return;
    if (d.height >= 36) {
      label.setAttribute('y', String(d.height / 2 - 9));
      right.setAttribute('y', String(d.height / 2 + 9));
      right.setAttribute('x', '8');
      right.setAttribute('text-anchor', 'start');
      fit(right, w - 16);
      fit(label, w - 16);
    } else {
      // one line: the status keeps at least a third of the width, the label gets the rest
      const rightMax = Math.max(Math.min(rw, w * 0.45), Math.min(rw, w - lw - 24));
      fit(right, rightMax);
      let used = rightMax;
      try {
        used = right.getComputedTextLength();
      } catch {
        // keep the estimate
      }
      fit(label, w - used - 24);
    }
  });

  groups
    .on('click', (_e, d) => h.activate(d))
    .on('keydown', (e: KeyboardEvent, d) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        h.activate(d);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && d.movable) {
        e.preventDefault();
        h.move(d, e.key === 'ArrowUp' ? 1 : -1);
      } else if (!e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        const all = svg.selectAll<SVGGElement, StackItem>('g.band').nodes();
        const i = all.indexOf(e.currentTarget as SVGGElement);
        const next = all[i + (e.key === 'ArrowUp' ? 1 : -1)];
        next?.focus();
      }
    })
    .on('mousemove', (e: MouseEvent, d) => h.hover(d, e.offsetX, e.offsetY))
    .on('mouseleave', () => h.hover(null, 0, 0))
    .on('focus', (e: FocusEvent, d) => {
      const i = items.indexOf(d);
      h.hover(d, left + 20, ys[i] + d.height);
      void e;
    })
    .on('blur', () => h.hover(null, 0, 0));

  // drag to move an instruction: drop it onto another band
  const dragBehaviour = drag<SVGGElement, StackItem>()
    .filter((e: MouseEvent) => !e.button)
    .subject((e) => ({ x: e.x, y: e.y }))
    .on('drag', function (e, d) {
      // raise only once it really moves: re-inserting the node on mousedown would cancel the click
      if (!this.classList.contains('dragging')) select(this).raise().classed('dragging', true);
      const i = items.indexOf(d);
      select(this).attr('transform', `translate(${left},${ys[i] + e.y - e.subject.y})`);
    })
    .on('end', function (e, d) {
      select(this).classed('dragging', false);
      const i = items.indexOf(d);
      const dropY = ys[i] + d.height / 2 + (e.y - e.subject.y);
      let target: StackItem | null = null;
      items.forEach((it, j) => {
        if (it.kind === 'band' && it.movable && dropY >= ys[j] && dropY <= ys[j] + it.height + GAP) target = it;
      });
      select(this).attr('transform', `translate(${left},${ys[i]})`);
      if (target && target !== d && Math.abs(e.y - e.subject.y) > 4) h.dropOn(d, target);
    });
  groups.filter((d) => d.movable).call(dragBehaviour);
  groups.filter((d) => !d.movable).on('.drag', null);

  // stage labels on the left and the cascade marker
  svg.selectAll('g.decor').remove();
  const decor = svg.append('g').attr('class', 'decor').attr('aria-hidden', 'true');
  items.forEach((it, i) => {
    if (it.stage) {
      decor
        .append('text')
        .attr('class', 'stage-label')
        .attr('transform', `translate(14,${ys[i] + it.height}) rotate(-90)`)
        .text(it.stage);
    }
    if (it.firstMiss) {
      const top = ys[ys.length - 1];
      const bottom = ys[i] + it.height;
      decor.append('line').attr('class', 'cascade').attr('x1', left - 6).attr('x2', left - 6).attr('y1', bottom).attr('y2', top);
      decor.append('circle').attr('class', 'cascade').attr('cx', left - 6).attr('cy', bottom - 2).attr('r', 3);
    }
  });
  void o.cascadeLabel;
}

/**
 * Shortens an SVG text with an ellipsis until it fits `max` pixels, finding the length by bisection: each
 * measurement is a layout, and one per removed character made the first draw of a narrow stack slow.
 */
function fit(el: SVGTextElement, max: number): void {
  const text = el.textContent ?? '';
  try {
    if (text.length <= 3 || el.getComputedTextLength() <= max) return;
    let lo = 1; // fits (or the shortest we keep)
    let hi = text.length; // does not fit
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      el.textContent = text.slice(0, mid) + '…';
      if (el.getComputedTextLength() <= max) lo = mid;
      else hi = mid;
    }
    el.textContent = text.slice(0, lo) + '…';
  } catch {
    // not rendered
  }
}
