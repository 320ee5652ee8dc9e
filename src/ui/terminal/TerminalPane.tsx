/** The terminal region: xterm (lazy-loaded) running the Shell against the page's engine. */
import { useEffect, useRef, useState } from 'react';
import { useApp, whenEngine } from '../state/store';
import { useT } from '../i18n/useT';
import { translate } from '../i18n/i18n';
import { attachTerminal, setTerminalColumns } from '../state/terminalBus';
import { containerNames, imageRefs } from '../engine/engineApi';
import { DEFAULT_COMMANDS, type CompletionSource } from './completion';
import { commandRegistry, type Registry } from './commandRegistry';
import { outputSlices } from './outputSlices';

const HISTORY_KEY = 'layerlab.history';

/** Presenter mode's terminal type: readable on a projector (1920 wide still leaves 100+ columns). */
const PRESENTER_FONT_PX = 20;
const FONT_PX = 14;

function terminalTheme(dark: boolean, presenter: boolean) {
  return dark
    ? { background: presenter ? '#000000' : '#16191f', foreground: '#e8e8e8', cursor: '#e8e8e8', selectionBackground: '#3a5a8a' }
    : { background: '#ffffff', foreground: presenter ? '#000000' : '#1d1f21', cursor: '#1d1f21', selectionBackground: '#b5d0ff' };
}

export function TerminalPane() {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const theme = useApp((s) => s.settings.theme);
  const presenter = useApp((s) => s.settings.presenter);
  const termRef = useRef<import('@xterm/xterm').Terminal | null>(null);
  const fitRef = useRef<() => void>(() => {});

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | null = null;
    const px = () => (useApp.getState().settings.presenter ? PRESENTER_FONT_PX : FONT_PX);
    let registry: Registry | null = null;
    void commandRegistry(whenEngine()).then((r) => (registry = r));
    void import('./xtermLoader').then(async (x) => (await x.loadTerminalFont(px()), x)).then((x) => {
      if (disposed || !host.current) return;
      const st = useApp.getState().settings;
      const dark = st.theme === 'dark' || (st.theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
      const { term, fit } = x.createTerminal(host.current, terminalTheme(dark, st.presenter), px());
      fitRef.current = () => {
        try {
          fit.fit();
          setTerminalColumns(term.cols);
        } catch {
          // hidden
        }
      };
      termRef.current = term;
      let history: string[] = [];
      try {
        history = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
      } catch {
        history = [];
      }
      const source = (): CompletionSource => {
        const engine = useApp.getState().engine;
        return {
          commands: registry?.commands ?? DEFAULT_COMMANDS,
          flagsFor: (p) => registry?.flagsFor(p) ?? [],
          images: engine ? imageRefs(engine) : [],
          containers: engine ? containerNames(engine) : [],
        };
      };
      const shell = new x.Shell(
        {
          // a few lines per write: xterm yields to the page only between writes (outputSlices.ts)
          write: (s) => {
            for (const piece of outputSlices(s)) term.write(piece);
          },
          clear: () => term.clear(),
          get cols() {
            return term.cols;
          },
          get altScreen() {
            return term.buffer.active.type === 'alternate';
          },
        },
        () => useApp.getState().engine,
        source,
        () => {
          const lang = useApp.getState().settings.lang;
          return { help: translate(lang, 'term.help'), engineStarting: translate(lang, 'term.engineStarting'), engineFailed: translate(lang, 'term.engineFailed') };
        },
        history,
        (h) => {
          try {
            localStorage.setItem(HISTORY_KEY, JSON.stringify(h.slice(-200)));
          } catch {
            // storage full or blocked: history stays in memory
          }
        },
        whenEngine,
      );
      term.attachCustomKeyEventHandler((e) => {
        if (e.type !== 'keydown') return true;
        const mod = e.ctrlKey || e.metaKey;
        if (mod && e.key === 'Enter') return false; // the app's Build shortcut
        if (mod && (e.key === 'c' || e.key === 'C') && (e.shiftKey || term.hasSelection())) {
          if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
          return false;
        }
        if (mod && (e.key === 'v' || e.key === 'V')) return false; // let the browser paste
        return true;
      });
      // queries in program output are answered only when a program may read the answer (terminalGuard.ts)
      const unguard = x.installQueryGuard(term.parser, () => shell.repliesWanted);
      const data = term.onData((d) => shell.input(d));
      // Writes from outside the shell (a build's output) made in one task reach it as one: a build that releases
      // hundreds of steps' output at once erases and redraws the prompt once, not once per chunk.
      const outside: string[] = [];
      const detach = attachTerminal((text) => {
        if (!outside.length)
          queueMicrotask(() => {
            const all = outside.join('');
            outside.length = 0;
            shell.external(all);
          });
        outside.push(text);
      });
      const ro = new ResizeObserver(() => {
        try {
          fit.fit();
          setTerminalColumns(term.cols);
        } catch {
          // hidden
        }
      });
      ro.observe(host.current);
      shell.start(translate(useApp.getState().settings.lang, 'term.welcome'));
      // For end-to-end tests and debugging: the whole scrollback as text, and the modes programs can change.
      (window as unknown as { __layerlabTerminalText?: () => string }).__layerlabTerminalText = () => {
        const b = term.buffer.active;
        const lines: string[] = [];
        for (let i = 0; i < b.length; i++) {
          const l = b.getLine(i);
          if (!l) continue;
          if (l.isWrapped && lines.length) lines[lines.length - 1] += l.translateToString(true);
          else lines.push(l.translateToString(true));
        }
        return lines.join('\n');
      };
      (window as unknown as { __layerlabTerminalModes?: () => object }).__layerlabTerminalModes = () => ({
        ...term.modes,
        altScreen: term.buffer.active.type === 'alternate',
      });
      (window as unknown as { __layerlabTerminalSize?: () => object }).__layerlabTerminalSize = () => ({
        cols: term.cols,
        rows: term.rows,
        fontFamily: term.options.fontFamily,
        fontSize: term.options.fontSize,
      });
      setLoaded(true);
      cleanup = () => {
        ro.disconnect();
        detach();
        unguard();
        data.dispose();
        term.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup?.();
      termRef.current = null;
    };
  }, []);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
    term.options.theme = terminalTheme(dark, presenter);
    term.options.fontSize = presenter ? PRESENTER_FONT_PX : FONT_PX;
    fitRef.current();
  }, [theme, presenter, loaded]);

  return (
    <section className="region terminal" data-testid="terminal" aria-label={t('region.terminal')}>
      {!loaded && <p className="muted">{t('term.loading')}</p>}
      <div ref={host} className="xterm-host" data-testid="xterm" />
    </section>
  );
}
