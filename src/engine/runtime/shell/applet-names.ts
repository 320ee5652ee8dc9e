import { PACKAGE_PROGRAM_NAMES } from '../packages/names';

/** The busybox-like applets the shell implements (also runnable directly: `docker run img cat file`). */
export const APPLETS: ReadonlySet<string> = new Set([
  'cat', 'cp', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mv', 'printenv',
  'ps', 'pwd', 'rm', 'sleep', 'tail', 'touch', 'true', 'uname', 'wc', 'whoami', 'which', 'printf', 'basename',
  'dirname', 'test', 'chmod', 'clear', 'seq', 'ifconfig', 'wget', 'adduser', 'addgroup',
]);

/** Programs implemented like applets but not part of busybox: they run only where the image has the file. */
export const EXTRA_PROGRAMS: ReadonlySet<string> = new Set(['curl', ...PACKAGE_PROGRAM_NAMES]);
