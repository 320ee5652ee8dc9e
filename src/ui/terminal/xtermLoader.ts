/** xterm and its fit addon, in their own lazy chunk. */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';

export { Shell } from './shell';
export { installQueryGuard } from './terminalGuard';

export function createTerminal(host: HTMLElement, theme: ITheme, fontSize: number): { term: Terminal; fit: FitAddon } {
  const term = new Terminal({
    theme,
    convertEol: false,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK KR", monospace',
    fontSize,
    scrollback: 5000,
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
