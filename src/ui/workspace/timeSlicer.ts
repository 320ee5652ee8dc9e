/**
 * Long work on the page thread in slices: the work awaits the slicer's function at points where it may pause,
 * and the page gets a turn there once the slice has lasted `budgetMs` (so no task runs long, and the awaits
 * cost nothing while the slice is short).
 */
import { defaultYield } from './zipImport';

export function timeSlicer(yieldToPage: () => Promise<void> = defaultYield, budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since <= budgetMs) return;
    await yieldToPage();
    since = performance.now();
  };
}
