/** Download a workspace as a .zip (fflate); uploads are read by zipImport.ts. */
import { strToU8, zipSync } from 'fflate';
import type { FileContent } from './workspace';

export function zipFiles(files: Record<string, FileContent>): Uint8Array {
  const input: Record<string, Uint8Array> = {};
  for (const [p, c] of Object.entries(files)) input[p] = typeof c === 'string' ? strToU8(c) : c;
  return zipSync(input, { level: 6 });
}

export function downloadBlob(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
