/** How `docker ps` shows a container: STATUS, COMMAND, PORTS, IMAGE (shared by the CLI and the UI). */
import { goQuote, humanDuration, shortId, truncateDisplay } from '../core/format';
import type { ImageStore } from '../images/store';
import { healthSuffix } from './health';
import { formatPorts } from './ports';
import type { Container } from './types';

/** "Up 2 minutes", "Exited (0) 5 seconds ago", "Created" (daemon/container/state.go). */
export function statusText(c: Container, now: number): string {
  const s = c.state;
  switch (s.Status) {
    case 'running':
      return `Up ${humanDuration(Math.max(0, now - s.StartedAt))}${healthSuffix(c)}`;
    case 'paused':
      return `Up ${humanDuration(Math.max(0, now - s.StartedAt))} (Paused)`;
    case 'restarting':
      return `Restarting (${s.ExitCode}) ${humanDuration(Math.max(0, now - s.FinishedAt))} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'exited':
      return s.StartedAt ? `Exited (${s.ExitCode}) ${humanDuration(Math.max(0, now - s.FinishedAt))} ago` : 'Created';
    default:
      return 'Created';
  }
}

/** The command as the API reports it: Path and Args joined by spaces, args with spaces in single quotes. */
export function commandText(c: Container): string {
  return [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
}

/** COMMAND column: cut to 20 columns, then Go-quoted (`"/docker-entrypoint.…"`). */
export function commandColumn(c: Container, trunc = true): string {
  const cmd = commandText(c);
  return goQuote(trunc ? truncateDisplay(cmd, 20) : cmd);
}

/** PORTS column (published ports only while running). */
export function portsColumn(c: Container): string {
  if (c.state.Status !== 'running' && c.state.Status !== 'paused') return '';
  return formatPorts(c.hostConfig.PortBindings, Object.keys(c.config.ExposedPorts ?? {}));
}

/** IMAGE column: the image as typed, or its short ID once that name points elsewhere. */
export function imageColumn(c: Container, images: ImageStore, trunc = true): string {
  const cur = images.get(c.config.Image);
  if (cur && cur.id === c.imageId) return c.config.Image;
  return trunc ? shortId(c.imageId) : c.imageId;
}
