/**
 * The `docker` command-line front: dispatches to subcommands and answers unknown commands and flags
 * the way the docker 28 client does.
 */
import type { CliIO } from './io';
import type { Engine } from '../engine';
import { ENGINE_API_VERSION, ENGINE_VERSION, LAYERLAB_VERSION } from '../engine';

export async function runDocker(engine: Engine, argv: string[], io: CliIO): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'version') return version(engine, rest, io);
  io.stderr(`docker: unknown command: docker ${argv.join(' ')}\n\nRun 'docker --help' for more information\n`);
  return 1;
}

function version(engine: Engine, _args: string[], io: CliIO): number {
  void engine;
  io.stdout(
    [
      'Client:',
      ` Version:           ${ENGINE_VERSION}`,
      ` API version:       ${ENGINE_API_VERSION}`,
      ' Go version:        n/a (Layerlab simulated client)',
      ' Git commit:        layerlab',
      ' OS/Arch:           linux/amd64',
      ' Context:           default',
      '',
      'Server: Layerlab simulated Docker Engine',
      ' Engine:',
      `  Version:          ${ENGINE_VERSION}`,
      `  API version:      ${ENGINE_API_VERSION} (minimum version 1.24)`,
      `  Layerlab:         ${LAYERLAB_VERSION} (simulated engine, runs in your browser or in Node; no real containers)`,
      '  OS/Arch:          linux/amd64',
      '  Builder:          BuildKit (default), legacy builder with DOCKER_BUILDKIT=0',
      '',
    ].join('\n'),
  );
  return 0;
}
