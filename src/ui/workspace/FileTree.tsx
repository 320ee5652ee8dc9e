/**
 * The workspace's files as an ARIA tree, windowed: only the rows near the visible part of the panel are in the
 * DOM (a 5,000-file project costs a few dozen rows to lay out, not 5,000), placed at their offset in a box as
 * tall as all rows. Keyboard: one row is the tab stop; ↑/↓, Home/End move, → opens a directory or goes into
 * it, ← closes it or goes to the parent, Enter opens a file (or toggles a directory), F2 renames, Delete
 * deletes. Directories open and close on click; big ones start closed (treeRows.ts). The open file is
 * revealed (its directories opened) and scrolled into view when it changes.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronRight, Pencil, X } from 'lucide-react';
import { formatBytes } from '../layers/format';
import { ancestorsOf, treeRows, type TreeRowModel } from './treeRows';
import type { TreeNode } from './treeNodes';
import './fileTree.css';

/** Rows kept in the DOM beyond each edge of the visible part. */
const OVERSCAN = 20;
/** The window moves in steps of this many rows (fewer renders while scrolling). */
const STEP = 10;
/** Rows rendered when the panel cannot be measured (hidden, or no layout at all). */
const UNMEASURED = 60;

const sizeLabels = new Map<number, string>();
/** Docker-style sizes, cached. */
function sizeLabel(n: number): string {
  let s = sizeLabels.get(n);
  if (s === undefined) {
    s = formatBytes(n);
    if (sizeLabels.size > 5000) sizeLabels.clear();
    sizeLabels.set(n, s);
  }
  return s;
}

export interface FileTreeActions {
  open(path: string): void;
  rename(path: string): void;
  remove(path: string): void;
}

interface RowActions extends FileTreeActions {
  toggle(path: string): void;
  focus(path: string): void;
}

interface RowProps {
  row: TreeRowModel;
  top: number;
  selected: boolean;
  tabStop: boolean;
  renameLabel: string;
  removeLabel: string;
  actions: RowActions;
}

/** One row: a file (opens on click, with its size) or a directory (opens and closes), with rename and delete. */
const Row = memo(function Row({ row, top, selected, tabStop, renameLabel, removeLabel, actions }: RowProps) {
  const { node, level, posinset, setsize, open } = row;
  const dir = node.kind === 'dir';
  const style: CSSProperties = { top, paddingLeft: `${(level - 1) * 0.75 + 0.2}rem` };
  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-expanded={dir ? open : undefined}
      aria-selected={dir ? undefined : selected}
      aria-label={node.name}
      data-path={node.path}
      tabIndex={tabStop ? 0 : -1}
      className={`tree-row${selected ? ' selected' : ''}`}
      style={style}
      onFocus={(e) => e.target === e.currentTarget && actions.focus(node.path)}
    >
      {dir ? (
        <span
          className="tree-name dir"
          onClick={() => {
            actions.focus(node.path);
            actions.toggle(node.path);
          }}
        >
          {open ? <ChevronDown size={12} aria-hidden /> : <ChevronRight size={12} aria-hidden />}
          <span className="tree-dir-name">{node.name}/</span>
        </span>
      ) : (
        <button
          type="button"
          tabIndex={-1}
          className="tree-name"
          aria-current={selected ? 'true' : undefined}
          onClick={() => {
            actions.focus(node.path);
            actions.open(node.path);
          }}
        >
          {node.name}
        </button>
      )}
      {!dir && <span className="tree-size">{sizeLabel(node.size)}</span>}
      <span className="tree-actions">
        <button type="button" tabIndex={tabStop ? 0 : -1} className="icon" title={renameLabel} aria-label={`${renameLabel} ${node.path}`} onClick={() => actions.rename(node.path)}>
          <Pencil size={14} aria-hidden />
        </button>
        <button type="button" tabIndex={tabStop ? 0 : -1} className="icon" title={removeLabel} aria-label={`${removeLabel} ${node.path}`} onClick={() => actions.remove(node.path)}>
          <X size={14} aria-hidden />
        </button>
      </span>
    </div>
  );
});

/** The nearest ancestor that scrolls vertically (null: the page). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return null;
}

export interface FileTreeProps {
  tree: TreeNode[];
  openFile: string;
  label: string;
  renameLabel: string;
  removeLabel: string;
  actions: FileTreeActions;
}

export function FileTree({ tree, openFile, label, renameLabel, removeLabel, actions }: FileTreeProps) {
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const rows = useMemo(() => treeRows(tree, choices), [tree, choices]);
  const [rowH, setRowH] = useState(26);
  const [range, setRange] = useState<[number, number]>([0, UNMEASURED]);
  const [focusPath, setFocusPath] = useState('');
  const box = useRef<HTMLDivElement>(null);
  /** The panel's scroller, found on the first measure (undefined: not looked for yet; null: the page). */
  const scroller = useRef<HTMLElement | null | undefined>(undefined);
  /** A row to give the keyboard focus once it is rendered. */
  const focusWanted = useRef<string | null>(null);

  const latest = useRef({ rows, rowH, actions });
  latest.current = { rows, rowH, actions };

  /** Works out which rows are near the visible part of the panel (and the rows' height, from a rendered one). */
  const measure = useCallback(() => {
    const el = box.current;
    if (!el) return;
    if (scroller.current === undefined) scroller.current = scrollerOf(el);
    const n = latest.current.rows.length;
    const shownH = el.querySelector('.tree-row')?.getBoundingClientRect().height ?? 0;
    if (shownH > 0 && Math.abs(shownH - latest.current.rowH) > 0.5) {
      latest.current.rowH = shownH;
      setRowH(shownH);
    }
    const h = latest.current.rowH;
    const r = el.getBoundingClientRect();
    const s = scroller.current?.getBoundingClientRect();
    const top = Math.max(s ? s.top : 0, 0);
    const bottom = Math.min(s ? s.bottom : innerHeight, innerHeight);
    let next: [number, number];
    if (bottom <= top || r.width === 0) next = [0, Math.min(n, UNMEASURED)];
    else {
      const first = Math.floor((top - r.top) / h) - OVERSCAN;
      const last = Math.ceil((bottom - r.top) / h) + OVERSCAN;
      next = [Math.min(n, Math.max(0, Math.floor(first / STEP) * STEP)), Math.min(n, Math.max(0, Math.ceil(last / STEP) * STEP))];
    }
    setRange((p) => (p[0] === next[0] && p[1] === next[1] ? p : next));
  }, []);

  /** Scrolls the panel so row `i` is in view (and into the window). */
  const reveal = useCallback(
    (i: number) => {
      const el = box.current;
      const sc = scroller.current;
      if (!el || i < 0) return;
      const h = latest.current.rowH;
      if (sc) {
        const rowTop = el.getBoundingClientRect().top - sc.getBoundingClientRect().top + sc.scrollTop + i * h;
        if (rowTop < sc.scrollTop) sc.scrollTop = rowTop;
        else if (rowTop + h > sc.scrollTop + sc.clientHeight) sc.scrollTop = rowTop + h - sc.clientHeight;
      }
      measure();
    },
    [measure],
  );

  // A new window whenever anything scrolls or resizes, measured in the next frame's callback: reading the layout
  // there costs nothing the frame would not do anyway (read while a new workspace is committed, it would lay
  // out the whole page inside that task).
  const frame = useRef(0);
  const soon = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(() => ((frame.current = 0), measure()));
  }, [measure]);
  useLayoutEffect(() => {
    addEventListener('scroll', soon, { capture: true, passive: true });
    addEventListener('resize', soon);
    const ro = typeof ResizeObserver === 'function' && box.current?.parentElement ? new ResizeObserver(soon) : null;
    ro?.observe(box.current!.parentElement!);
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      removeEventListener('scroll', soon, { capture: true });
      removeEventListener('resize', soon);
      ro?.disconnect();
    };
  }, [soon]);

  // rows opened or closed, or a new row height (one for all rows, fileTree.css; it follows the font size and
  // the device): a new window
  useLayoutEffect(soon, [soon, rows, rowH]);

  // the open file changed: its directories open, and its row comes into view
  const revealed = useRef('');
  useLayoutEffect(() => {
    if (revealed.current === openFile) return;
    const closed = ancestorsOf(openFile).filter((d) => choices.get(d) !== true && !rows.some((r) => r.node.path === d && r.open));
    if (closed.length) {
      setChoices((c) => new Map([...c, ...closed.map((d) => [d, true] as const)]));
      return;
    }
    revealed.current = openFile;
    const i = rows.findIndex((r) => r.node.path === openFile);
    const id = requestAnimationFrame(() => reveal(i));
    return () => cancelAnimationFrame(id);
  }, [openFile, rows, choices, reveal]);

  // the keyboard focus follows the row asked for once it is in the DOM
  useLayoutEffect(() => {
    const want = focusWanted.current;
    if (!want) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(want)}"]`);
    if (el) {
      focusWanted.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const toggle = useCallback((path: string) => {
    const row = latest.current.rows.find((r) => r.node.path === path);
    if (row && row.node.kind === 'dir') setChoices((c) => new Map(c).set(path, !row.open));
  }, []);

  const rowActions = useMemo<RowActions>(
    () => ({
      open: (p) => latest.current.actions.open(p),
      rename: (p) => latest.current.actions.rename(p),
      remove: (p) => latest.current.actions.remove(p),
      toggle,
      focus: setFocusPath,
    }),
    [toggle],
  );

  const [from, to] = [Math.min(range[0], rows.length), Math.min(range[1], rows.length)];
  // the tab stop: the row last focused, else the open file, else the first row in the DOM (a row that is gone,
  // renamed or deleted, or scrolled out of the window, does not hold it)
  const shown = (p: string) => {
    const i = rows.findIndex((r) => r.node.path === p);
    return i >= from && i < to;
  };
  const stop = shown(focusPath) ? focusPath : shown(openFile) ? openFile : rows[from]?.node.path;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const onItem = item === e.target;
    const i = rows.findIndex((r) => r.node.path === item.dataset.path);
    if (i < 0) return;
    const row = rows[i];
    const go = (j: number) => {
      if (j < 0 || j >= rows.length) return;
      const path = rows[j].node.path;
      setFocusPath(path);
      focusWanted.current = path;
      reveal(j);
    };
    const dir = row.node.kind === 'dir';
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (dir && !row.open) toggle(row.node.path);
        else if (dir && row.node.children.length) go(i + 1);
        break;
      case 'ArrowLeft':
        if (dir && row.open) toggle(row.node.path);
        else if (row.parent) go(rows.findIndex((r) => r.node.path === row.parent));
        break;
      case 'Enter':
      case ' ':
        if (!onItem) return;
        if (dir) toggle(row.node.path);
        else actions.open(row.node.path);
        break;
      case 'F2':
        if (!onItem) return;
        actions.rename(row.node.path);
        break;
      case 'Delete':
        if (!onItem) return;
        actions.remove(row.node.path);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div ref={box} role="tree" aria-label={label} className="tree file-tree" data-testid="file-tree" style={{ height: rows.length * rowH }} onKeyDown={onKeyDown}>
      {rows.slice(from, to).map((row, k) => (
        <Row
          key={row.node.path}
          row={row}
          top={(from + k) * rowH}
          selected={row.node.path === openFile}
          tabStop={row.node.path === stop}
          renameLabel={renameLabel}
          removeLabel={removeLabel}
          actions={rowActions}
        />
      ))}
    </div>
  );
}
