/**
 * xterm and its fit addon, in their own lazy chunk, and the terminal's font: Nanum Gothic Coding (bundled, a
 * monospace whose Hangul is exactly two Latin cells wide), so Korean output lines up instead of being drawn
 * spaced apart as it is when the Hangul comes from a proportional fallback font. The font's subsets load on
 * demand (unicode-range); `loadTerminalFont` fetches the Latin and first Hangul ones before xterm measures
 * its cell, and gives up after a second (xterm then measures the fallback monospace).
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import '@fontsource/nanum-gothic-coding/400.css';

export const TERMINAL_FONT = '"Nanum Gothic Coding", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export async function loadTerminalFont(px: number): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const loaded = document.fonts.load(`${px}px "Nanum Gothic Coding"`, 'W가').then(() => undefined, () => undefined);
  await Promise.race([loaded, new Promise<void>((r) => setTimeout(r, 1000))]);
}

export { Shell } from './shell';
export { installQueryGuard } from './terminalGuard';

export function createTerminal(host: HTMLElement, theme: ITheme, fontSize: number): { term: Terminal; fit: FitAddon } {
  const term = new Terminal({
    theme,
    convertEol: false,
    cursorBlink: true,
    fontFamily: TERMINAL_FONT,
    fontSize,
    scrollback: 5000,
    // Dim text (the echoed build command, the summary line) and any program's colours stay readable: xterm lifts
    // a foreground that would fall under WCAG AA's 4.5:1 against its background.
    minimumContrastRatio: 4.5,
    allowProposedApi: false,
    // OSC 8 links in a program's output open nothing (terminalGuard.ts also shows them as plain text)
    linkHandler: { activate: () => {}, allowNonHttpProtocols: false },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  try {
    fit.fit();
  } catch {
    // not laid out yet
  }
  return { term, fit };
}
