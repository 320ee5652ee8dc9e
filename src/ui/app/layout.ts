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
