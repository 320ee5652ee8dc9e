/** `docker version`: docker's block, saying plainly that the server is Layerlab's simulated engine. */
import type { CommandSpec } from '../command';
import { ENGINE_API_VERSION, ENGINE_VERSION, LAYERLAB_VERSION } from '../../engine';
import { FORMAT_USAGE_JSON } from '../help';
import { formatObject, TemplateError } from '../format/template';

export function versionInfo() {
  return {
    Client: {
      Platform: { Name: 'Layerlab' },
      Version: ENGINE_VERSION,
      ApiVersion: ENGINE_API_VERSION,
      DefaultAPIVersion: ENGINE_API_VERSION,
      GitCommit: 'layerlab',
      GoVersion: 'n/a (Layerlab simulated client)',
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: 'n/a',
      Context: 'default',
    },
    Server: {
      Platform: { Name: 'Layerlab simulated Docker Engine' },
      Components: [{ Name: 'Engine', Version: ENGINE_VERSION, Details: { ApiVersion: ENGINE_API_VERSION, MinAPIVersion: '1.24', Layerlab: LAYERLAB_VERSION } }],
      Version: ENGINE_VERSION,
      ApiVersion: ENGINE_API_VERSION,
      MinAPIVersion: '1.24',
      GitCommit: 'layerlab',
      GoVersion: 'n/a',
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: 'n/a (simulated)',
      BuildTime: 'n/a',
    },
  };
}

export const versionCommand: CommandSpec = {
  path: ['version'],
  usage: 'docker version [OPTIONS]',
  short: 'Show the Docker version information',
  flags: [{ name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE_JSON }],
  args: { max: 0 },
  run({ io, flags }) {
    const format = flags.string('format');
    if (format) {
      try {
        io.stdout(formatObject(format, versionInfo()));
        return 0;
      } catch (e) {
        io.stderr(`${e instanceof TemplateError ? e.message : String(e)}\n`);
        return 1;
      }
    }
    io.stdout(
      [
        'Client:',
        ` Version:           ${ENGINE_VERSION}`,
        ` API version:       ${ENGINE_API_VERSION}`,
        ' Go version:        n/a (Layerlab simulated client)',
        ' Git commit:        layerlab',
        ' Built:             n/a',
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
  },
};
