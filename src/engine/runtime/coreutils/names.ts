/**
 * Names of the coreutils (busybox applets) and of the programs that run only where the image has their file.
 * Free of imports of the implementations, so PATH lookup (executables.ts) can use them cheaply.
 */
import { PACKAGE_PROGRAM_NAMES } from '../packages/names';

/** The busybox-like applets (also runnable directly: `docker run img cat file`); images get a `/bin/<name>` marker for each. */
export const APPLETS: ReadonlySet<string> = new Set([
  'cat', 'cp', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mv', 'printenv',
  'ps', 'pwd', 'rm', 'sleep', 'tail', 'touch', 'true', 'uname', 'wc', 'whoami', 'which', 'printf', 'basename',
  'dirname', 'test', 'chmod', 'clear', 'seq', 'ifconfig', 'wget', 'adduser', 'addgroup', 'egrep', 'fgrep', 'sort',
  'uniq', 'tr', 'cut', 'tee', 'yes', 'sed', 'awk', 'find', 'xargs', 'tar', 'ln', 'readlink', 'realpath', 'stat',
  'install', 'mktemp', 'du', 'df', 'rmdir', 'chown', 'nproc', 'gzip', 'gunzip', 'zcat', 'od',
  'nc', 'ping', 'nslookup', 'httpd',
]);

/** Programs implemented like applets but not part of busybox: they run only where the image has the file. */
export const EXTRA_PROGRAMS: ReadonlySet<string> = new Set(['curl', ...PACKAGE_PROGRAM_NAMES]);
