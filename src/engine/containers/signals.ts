/** Signal names as `docker kill --signal` and `docker stop --signal` accept them. */
import type { Signal } from '../runtime/process';

const SIGNALS: Record<string, Signal> = {
  HUP: 'SIGHUP', INT: 'SIGINT', QUIT: 'SIGQUIT', KILL: 'SIGKILL', USR1: 'SIGUSR1', USR2: 'SIGUSR2', TERM: 'SIGTERM',
  '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '9': 'SIGKILL', '10': 'SIGUSR1', '12': 'SIGUSR2', '15': 'SIGTERM',
};

/** "SIGTERM", "TERM", "15" → "SIGTERM"; null when unknown. Docker's other signals map to SIGTERM-like handling. */
export function toSignal(s: string): Signal | null {
  const u = s.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS[u]) return SIGNALS[u];
  if (['WINCH', 'CONT', 'STOP', 'PIPE', 'ALRM', 'CHLD'].includes(u)) return 'SIGTERM';
  return null;
}
