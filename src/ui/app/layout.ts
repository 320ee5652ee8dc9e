/** What the two layouts (desktop panes, phone tabs) are given: one rendered node per region. */
import type { ReactNode } from 'react';

export interface Regions {
  build: ReactNode;
  editor: ReactNode;
  files: ReactNode;
  layers: ReactNode;
  terminal: ReactNode;
  side: ReactNode;
  lesson: ReactNode;
}

/**
 * The desktop panes' default sizes (percent of their group), used by DesktopLayout and by the static start
 * screen (startScreen.ts). The top row gets most of the height, so a Dockerfile of 15 lines shows whole at
 * 1280x720; the layer stack, the centrepiece, gets as much of the row's width as the editor.
 */
export const PANE_DEFAULTS = {
  outer: { 'p-work': 73, 'p-right': 27 },
  work: { 'p-top': 69, 'p-terminal': 31 },
  top: { 'p-files': 17, 'p-editor': 51, 'p-layers': 32 },
  right: { 'p-lesson': 62, 'p-side': 38 },
} as const;
