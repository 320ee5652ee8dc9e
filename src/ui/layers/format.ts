/** Sizes and durations for the UI (decimal units like docker's humanSize). */
import { humanSize } from '../../engine/core/format';

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0B';
  return humanSize(n);
}

export function formatSeconds(ms: number): string {
  return (Math.abs(ms) / 1000).toFixed(1);
}
