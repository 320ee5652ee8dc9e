/**
 * The mount flags of `docker run`/`create` (`-v`, `--mount`, `--tmpfs`) as the engine's MountSpecs, with the
 * client's checks and texts: `--mount` CSV errors are pflag's `invalid argument` errors (usage printed), `-v`'s
 * empty sections are client errors, paths and modes the daemon's. Bind mounts need the engine's host files and
 * a source inside their root (the CLI's working directory, the browser's workspace).
 */
import type { CommandContext } from '../command';
import { withHelpError } from '../daemon-error';
import { hostPath, insideRoot } from '../../volumes/host-files';
import { parseMountFlag, parseTmpfsFlag, parseVolumeFlag, type ParsedMount } from '../../volumes/mount-spec';
import type { MountSpec } from '../../volumes/types';

/** The specs in the order given (-v, then --mount, then --tmpfs), or the exit code after printing Docker's error. */
export async function mountOptions(ctx: CommandContext): Promise<MountSpec[] | number> {
  const { engine, flags, io, spec, invokedAs } = ctx;
  const host = engine.hostFiles;
  const root = host?.root() ?? '/';
  const parsed: ParsedMount[] = [
    ...flags.strings('volume').map((v) => parseVolumeFlag(v, (rel) => hostPath(root, rel))),
    ...flags.strings('mount').map(parseMountFlag),
    ...flags.strings('tmpfs').map(parseTmpfsFlag),
  ];
  const specs: MountSpec[] = [];
  for (const p of parsed) {
    if (p.ok) {
      specs.push(p.value);
      continue;
    }
    const e = p.error;
    if (e.from === 'flag') {
      const usage = `docker ${invokedAs.join(' ')} ${spec.usage.split(' ').slice(1 + spec.path.length).join(' ')}`;
      io.stderr(`${e.message}\n\nUsage:  ${usage}\n\nRun 'docker ${spec.path[spec.path.length - 1]} --help' for more information\n`);
      return 125;
    }
    return withHelpError(ctx, e.message, { daemon: e.from === 'daemon' });
  }
  for (const s of specs) {
    if (s.type !== 'bind' || !s.source) continue;
    if (!host) {
      return withHelpError(ctx, `Layerlab cannot bind-mount host folders here (${s.source}); use a volume (-v NAME:${s.target}) or the layerlab CLI`, { daemon: false });
    }
    if (!insideRoot(root, s.source)) {
      return withHelpError(ctx, `Layerlab bind-mounts only folders inside the working directory ${root}, not ${s.source}`, { daemon: false });
    }
    // `--mount type=bind` needs an existing source; `-v` creates a missing folder on the host.
    if (s.via === 'mount-flag' && !(await host.list(s.source)) && !(await host.readFile(s.source))) {
      return withHelpError(ctx, `invalid mount config for type "bind": bind source path does not exist: ${s.source}`);
    }
    if ((await host.readFile(s.source)) !== null) {
      return withHelpError(ctx, `Layerlab bind-mounts folders, not single files (${s.source})`, { daemon: false });
    }
  }
  return specs;
}
