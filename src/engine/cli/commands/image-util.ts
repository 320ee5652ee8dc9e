/** Shared helpers of the image commands: rmi/prune conflicts, [y/N] prompts, short IDs. */
import type { Engine } from '../../engine';
import type { CliIO } from '../../core/io';
import type { ImageUser } from '../../images/store';

/** Containers using an image (for rmi conflicts, prune and system df). */
export function usersOf(engine: Engine): (imageId: string) => ImageUser[] {
  return (id) => engine.containers.usersOf(id);
}

/** Docker's [y/N] prompt; true when the user typed y or yes. */
export async function confirm(io: CliIO, warning: string): Promise<boolean> {
  io.stdout(`${warning}\nAre you sure you want to continue? [y/N] `);
  let answer = '';
  if (io.stdin) {
    for (;;) {
      const chunk = await io.stdin.read();
      if (chunk === null) break;
      answer += chunk;
      if (answer.includes('\n')) break;
    }
  }
  const a = answer.split('\n')[0].trim().toLowerCase();
  if (a === 'y' || a === 'yes') return true;
  if (!io.stdin || answer === '') io.stdout('\n');
  return false;
}

export const shortHex = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
