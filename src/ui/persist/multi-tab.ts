/**
 * Tabs tell each other what they saved, on the BroadcastChannel `layerlab-workspaces`. Each workspace is
 * its own record, so a tab saves only what it changed; a notice lets the other tabs read the records again:
 * a workspace they show in the background is refreshed silently, the workspace they have open gets a
 * warning (MultiTabBanner) with "Reload" (load the other tab's saved version) and "Keep editing here" (this
 * tab's next save replaces it, knowingly).
 */
import { create } from 'zustand';

export const CHANNEL = 'layerlab-workspaces';

export interface SavedNotice {
  type: 'saved';
  /** The announcing tab. */
  tab: string;
  /** Workspaces whose records were written or deleted. */
  workspaceIds: string[];
  /** The workspace list changed (added, removed, reordered). */
  list: boolean;
  /** Wall-clock ms, for display only. */
  at: number;
}

interface MultiTabState {
  /** The workspace another tab saved while this tab has it open, or null. */
  conflict: { workspaceId: string; at: number } | null;
  dismiss(): void;
}

export const useMultiTab = create<MultiTabState>()((set) => ({
  conflict: null,
  dismiss: () => set({ conflict: null }),
}));

function randomId(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return a[0].toString(36) + a[1].toString(36);
}

export interface TabChannel {
  announce(workspaceIds: string[], list: boolean): void;
  close(): void;
}

/** Parses a message from the channel: anything malformed is ignored. */
export function parseNotice(data: unknown, ownTab: string): SavedNotice | null {
  const m = data as Partial<SavedNotice> | null;
  if (!m || typeof m !== 'object' || m.type !== 'saved' || m.tab === ownTab || typeof m.tab !== 'string') return null;
  if (!Array.isArray(m.workspaceIds) || !m.workspaceIds.every((x) => typeof x === 'string')) return null;
  return { type: 'saved', tab: m.tab, workspaceIds: m.workspaceIds, list: !!m.list, at: typeof m.at === 'number' ? m.at : Date.now() };
}

/**
 * Opens the channel: `announce` after each save, `onNotice` for other tabs' saves. Without BroadcastChannel
 * (very old browsers) announcing does nothing.
 */
export function openTabChannel(onNotice: (n: SavedNotice) => void, opts: { channel?: BroadcastChannel; now?: () => number } = {}): TabChannel {
  if (!opts.channel && typeof BroadcastChannel === 'undefined') return { announce: () => {}, close: () => {} };
  const channel = opts.channel ?? new BroadcastChannel(CHANNEL);
  const tab = randomId();
  const now = opts.now ?? (() => Date.now());
  const onMessage = (e: MessageEvent) => {
    const n = parseNotice(e.data, tab);
    if (n) onNotice(n);
  };
  channel.addEventListener('message', onMessage);
  return {
    announce(workspaceIds, list) {
      const msg: SavedNotice = { type: 'saved', tab, workspaceIds, list, at: now() };
      try {
        channel.postMessage(msg);
      } catch {
        // a closed channel: nothing to tell
      }
    },
    close() {
      channel.removeEventListener('message', onMessage);
      if (!opts.channel) channel.close();
    },
  };
}
