/** Download a workspace as a .zip (fflate) and read an uploaded .zip back into files. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { isProbablyText, type FileContent } from './workspace';

export function zipFiles(files: Record<string, FileContent>): Uint8Array {
  const input: Record<string, Uint8Array> = {};
  for (const [p, c] of Object.entries(files)) input[p] = typeof c === 'string' ? strToU8(c) : c;
  return zipSync(input, { level: 6 });
}

export function unzipFiles(bytes: Uint8Array): Record<string, FileContent> {
  const out: Record<string, FileContent> = {};
  for (const [p, data] of Object.entries(unzipSync(bytes))) {
    if (p.endsWith('/')) continue;
    out[p] = isProbablyText(data) ? new TextDecoder().decode(data) : data;
  }
  return out;
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
