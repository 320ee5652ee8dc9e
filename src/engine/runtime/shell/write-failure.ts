/**
 * What a BusyBox program does when writing its standard output fails (`> /dev/full`: ENOSPC), as real BusyBox
 * 1.35 does it, program by program: some say `write error` and exit 1, some name `standard output` and keep their
 * status, some only exit 1 (or 255), the others ignore the failure. Programs not listed ignore it.
 */
import type { FsErrno } from '../process';
import { strerror } from '../coreutils/types';

type Reaction = 'write-error' | 'standard-output' | 'status-1' | 'status-255';

const REACTIONS: Record<string, Reaction> = {
  cat: 'write-error',
  echo: 'write-error',
  tail: 'write-error',
  tr: 'write-error',
  cut: 'standard-output',
  env: 'standard-output',
  head: 'standard-output',
  id: 'standard-output',
  sort: 'standard-output',
  uname: 'standard-output',
  uniq: 'standard-output',
  wc: 'standard-output',
  basename: 'status-1',
  printf: 'status-1',
  pwd: 'status-1',
  seq: 'status-255',
};

/**
 * The status a program ends with after its output failed with `e`, printing its message through `err`.
 * `prefix`: how the message starts (`cat: `; `sh: ` for the shell's echo builtin).
 */
export function afterWriteFailure(name: string, status: number, e: FsErrno, err: (text: string) => void, prefix = `${name}: `): number {
  switch (REACTIONS[name]) {
    case 'write-error':
      err(`${prefix}write error: ${strerror(e)}\n`);
      return 1;
    case 'standard-output':
      err(`${prefix}standard output: ${strerror(e)}\n`);
      return status;
    case 'status-1':
      return 1;
    case 'status-255':
      return 255;
    default:
      return status;
  }
}
