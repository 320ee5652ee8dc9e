/**
 * What the store decides by a workspace's size: files too many or too big for the edit journal (serialising
 * them into it on the spot would stall the page: they are saved to IndexedDB at once instead), and an active
 * workspace big enough to be saved from the engine worker (which holds its own copy of the files, so the page
 * does not clone them for IndexedDB). Both are counted in files as well as in bytes: thousands of small files
 * cost the page by their number.
 */
import type { FileContent } from '../workspace/workspace';

/** Imports bigger than this (serialised) or of more files skip the journal. */
const JOURNAL_MAX_BYTES = 512 * 1024;
const JOURNAL_MAX_FILES = 1000;
/** Active workspaces this big, or of this many files, are saved from the engine worker. */
const WORKER_SAVE_MIN_BYTES = 1024 * 1024;
const WORKER_SAVE_MIN_FILES = 1000;

/** Roughly what files take in the journal (binary content is stored as base64). */
function journalSize(files: Record<string, FileContent>): number {
  let n = 0;
  for (const p in files) {
    const c = files[p];
    n += typeof c === 'string' ? c.length : Math.ceil(c.length * 1.37);
  }
  return n;
}

const fileCount = (files: Record<string, FileContent>): number => Object.keys(files).length;

/** Files that go to IndexedDB at once rather than into the edit journal. */
export function tooBigForJournal(files: Record<string, FileContent>): boolean {
  return fileCount(files) > JOURNAL_MAX_FILES || journalSize(files) > JOURNAL_MAX_BYTES;
}

/** An active workspace whose record the engine worker writes (with its own copy of the files). */
export function savedFromWorker(files: Record<string, FileContent>): boolean {
  return fileCount(files) >= WORKER_SAVE_MIN_FILES || journalSize(files) >= WORKER_SAVE_MIN_BYTES;
}
