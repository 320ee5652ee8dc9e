/**
 * Two tabs on the same workspace must not silently overwrite each other. Every tab announces on a
 * BroadcastChannel when it saves an edit of a workspace; a tab that has the same workspace open shows a
 * warning (MultiTabBanner) with "Reload" (load the other tab's saved version) and "Keep editing here"
 * (this tab's next save replaces it, knowingly).
 *
 * It watches the app store from the outside (no change to the store's save logic): any change of
 * `workspaces` after the app is ready is an edit that the store saves.
 */
import { create } from 'zustand';

export const CHANNEL = 'layerlab-workspaces';

export interface EditNotice {
  type: 'edited';
  /** The announcing tab. */
  tab: string;
  workspaceId: string;
  /** Wall-clock ms, for display only. */
  at: number;
}

interface MultiTabState {
  /** The workspace another tab edited while this tab has it open, or null. */
  conflict: { workspaceId: string; at: number } | null;
  dismiss(): void;
}

export const useMultiTab = create<MultiTabState>()((set) => ({
  conflict: null,
  dismiss: () => set({ conflict: null }),
}));

export interface WatchedApp {
  getState(): { phase: string; activeId: string; workspaces: unknown };
  subscribe(listener: (s: { phase: string; activeId: string; workspaces: unknown }, prev: { phase: string; activeId: string; workspaces: unknown }) => void): () => void;
}

function randomId(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return a[0].toString(36) + a[1].toString(36);
}

/**
 * Starts watching: announces this tab's edits and listens for other tabs'. Returns a stop function.
 * Without BroadcastChannel (very old browsers) it does nothing.
 */
export function startMultiTab(app: WatchedApp, opts: { channel?: BroadcastChannel; now?: () => number } = {}): () => void {
  if (!opts.channel && typeof BroadcastChannel === 'undefined') return () => {};
  const channel = opts.channel ?? new BroadcastChannel(CHANNEL);
  const tab = randomId();
  const now = opts.now ?? (() => Date.now());
  const unsubscribe = app.subscribe((s, prev) => {
    if (s.phase !== 'ready' || prev.phase !== 'ready' || s.workspaces === prev.workspaces) return;
    const msg: EditNotice = { type: 'edited', tab, workspaceId: s.activeId, at: now() };
    try {
      channel.postMessage(msg);
    } catch {
      // a closed channel: nothing to tell
    }
  });
  const onMessage = (e: MessageEvent) => {
    const m = e.data as Partial<EditNotice> | null;
    if (!m || m.type !== 'edited' || m.tab === tab || typeof m.workspaceId !== 'string') return;
    const s = app.getState();
    if (s.phase === 'ready' && s.activeId === m.workspaceId) useMultiTab.setState({ conflict: { workspaceId: m.workspaceId, at: typeof m.at === 'number' ? m.at : now() } });
  };
  channel.addEventListener('message', onMessage);
  return () => {
    unsubscribe();
    channel.removeEventListener('message', onMessage);
    if (!opts.channel) channel.close();
  };
}
