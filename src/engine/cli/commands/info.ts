/** `docker info` (alias `docker system info`): docker's block with the simulated engine's own counts. */
import type { CommandSpec } from '../command';
import type { Engine } from '../../engine';
import { ENGINE_API_VERSION, ENGINE_VERSION, LAYERLAB_VERSION } from '../../engine';
import { FORMAT_USAGE_JSON } from '../help';
import { formatObject, TemplateError } from '../format/template';

export function systemInfo(engine: Engine) {
  const states = engine.containers.list().map((c) => c.state.Status);
  const running = states.filter((s) => s === 'running' || s === 'restarting').length;
  const paused = states.filter((s) => s === 'paused').length;
  const containers = states.length;
  const images = engine.images.all();
  return {
    ID: 'LAYERLAB-SIMULATED-ENGINE',
    Containers: containers,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: containers - running - paused,
    Images: images.length,
    Driver: 'overlay2',
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    KernelVersion: 'n/a (simulated)',
    OperatingSystem: `Layerlab ${LAYERLAB_VERSION} (simulated Docker Engine)`,
    OSType: 'linux',
    Architecture: 'x86_64',
    NCPU: 2,
    MemTotal: 2147483648,
    Name: 'layerlab',
    DockerRootDir: '/var/lib/docker',
    ServerVersion: ENGINE_VERSION,
    Debug: false,
    ExperimentalBuild: false,
    LiveRestoreEnabled: false,
    IndexServerAddress: 'https://index.docker.io/v1/',
    ClientInfo: { Version: ENGINE_VERSION, ApiVersion: ENGINE_API_VERSION, Context: 'default', Debug: false },
  };
}

export const infoCommand: CommandSpec = {
  path: ['system', 'info'],
  aliases: [['info']],
  usage: 'docker system info [OPTIONS]',
  short: 'Display system-wide information',
  flags: [{ name: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE_JSON }],
  args: { max: 0 },
  run({ engine, io, flags }) {
    const info = systemInfo(engine);
    const format = flags.string('format');
    if (format) {
      try {
        io.stdout(formatObject(format, info));
        return 0;
      } catch (err) {
        io.stderr(`${err instanceof TemplateError ? err.message : String(err)}\n`);
        return 1;
      }
    }
    io.stdout(
      [
        'Client:',
        ` Version:    ${ENGINE_VERSION}`,
        ' Context:    default',
        ' Debug Mode: false',
        ' Plugins:',
        '  buildx: Docker Buildx (Docker Inc.)',
        '    Version:  v0.24.0 (simulated by Layerlab)',
        '    Path:     /usr/libexec/docker/cli-plugins/docker-buildx',
        '',
        'Server:',
        ` Containers: ${info.Containers}`,
        `  Running: ${info.ContainersRunning}`,
        `  Paused: ${info.ContainersPaused}`,
        `  Stopped: ${info.ContainersStopped}`,
        ` Images: ${info.Images}`,
        ` Server Version: ${ENGINE_VERSION}`,
        ' Storage Driver: overlay2',
        '  Backing Filesystem: layerlab (in memory)',
        ' Logging Driver: json-file',
        ' Cgroup Driver: systemd',
        ' Cgroup Version: 2',
        ' Swarm: inactive',
        ' Default Runtime: runc (simulated: programs run in Layerlab\'s sandbox)',
        ` Kernel Version: ${info.KernelVersion}`,
        ` Operating System: ${info.OperatingSystem}`,
        ' OSType: linux',
        ' Architecture: x86_64',
        ` CPUs: ${info.NCPU}`,
        ' Total Memory: 2GiB',
        ` Name: ${info.Name}`,
        ` ID: ${info.ID}`,
        ` Docker Root Dir: ${info.DockerRootDir}`,
        ' Debug Mode: false',
        ' Experimental: false',
        ' Insecure Registries:',
        '  ::1/128',
        '  127.0.0.0/8',
        ' Live Restore Enabled: false',
        '',
      ].join('\n'),
    );
    return 0;
  },
};
