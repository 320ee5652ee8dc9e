/** `docker container inspect` objects, in Docker's key order (API 1.50). */
import type { ContainerStore } from './store';
import type { Container } from './types';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's time.Time JSON form (RFC3339Nano: the fraction without trailing zeros) for an epoch-ms time. */
export function goJSONTime(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? '.' + frac : ''}Z`;
}

export function inspectContainer(store: ContainerStore, c: Container, opts: { size?: boolean; imageSize?: number } = {}): Record<string, unknown> {
  const s = c.state;
  const running = s.Status === 'running' || s.Status === 'paused';
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (running) {
    for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = null;
    for (const b of c.hostConfig.PortBindings) {
      const list = ports[b.containerPort] ?? [];
      if (b.hostIp === '' || b.hostIp === '0.0.0.0') list.push({ HostIp: '0.0.0.0', HostPort: String(b.hostPort) }, { HostIp: '::', HostPort: String(b.hostPort) });
      else list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
      ports[b.containerPort] = list;
    }
  }
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const b of c.hostConfig.PortBindings) (portBindings[b.containerPort] ??= []).push({ HostIp: b.hostIp, HostPort: b.hostPort ? String(b.hostPort) : '' });
  // The address the container got on Docker's default bridge when it started (the one its processes see).
  const ip = running ? store.ipAddressOf(c) : '';
  const ipLast = running ? Number(ip.split('.')[3]) : 0;
  const mac = running ? `02:42:ac:11:00:${ipLast.toString(16).padStart(2, '0')}` : '';
  const config: Record<string, unknown> = {
    Hostname: c.config.Hostname,
    Domainname: c.config.Domainname,
    User: c.config.User,
    AttachStdin: c.config.AttachStdin,
    AttachStdout: c.config.AttachStdout,
    AttachStderr: c.config.AttachStderr,
  };
  if (c.config.ExposedPorts) config.ExposedPorts = c.config.ExposedPorts;
  Object.assign(config, {
    Tty: c.config.Tty,
    OpenStdin: c.config.OpenStdin,
    StdinOnce: c.config.StdinOnce,
    Env: c.config.Env,
    Cmd: c.config.Cmd,
    Image: c.config.Image,
    Volumes: c.config.Volumes,
    WorkingDir: c.config.WorkingDir,
    Entrypoint: c.config.Entrypoint,
    OnBuild: null,
    Labels: c.config.Labels,
  });
  if (c.config.StopSignal) config.StopSignal = c.config.StopSignal;
  if (c.config.StopTimeout !== undefined) config.StopTimeout = c.config.StopTimeout;
  const out: Record<string, unknown> = {
    Id: c.id,
    Created: goJSONTime(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: s.Status === 'exited' && !s.StartedAt ? 'created' : s.Status,
      Running: running,
      Paused: s.Status === 'paused',
      Restarting: s.Status === 'restarting',
      OOMKilled: s.OOMKilled,
      Dead: s.Status === 'dead',
      Pid: running ? s.Pid : 0,
      ExitCode: s.ExitCode,
      Error: s.Error,
      StartedAt: s.StartedAt ? goJSONTime(s.StartedAt) : ZERO_TIME,
      FinishedAt: s.FinishedAt ? goJSONTime(s.FinishedAt) : ZERO_TIME,
    },
    Image: c.imageId,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: c.hostConfig.Binds?.length ? c.hostConfig.Binds : null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: c.hostConfig.NetworkMode,
      PortBindings: portBindings,
      RestartPolicy: c.hostConfig.RestartPolicy,
      AutoRemove: c.hostConfig.AutoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: c.hostConfig.PublishAllPorts,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      ...(c.hostConfig.Tmpfs && Object.keys(c.hostConfig.Tmpfs).length ? { Tmpfs: c.hostConfig.Tmpfs } : {}),
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      Memory: c.hostConfig.Memory ?? 0,
      NanoCpus: 0,
      PidsLimit: c.hostConfig.PidsLimit ?? null,
      ...(c.hostConfig.Mounts?.length ? { Mounts: c.hostConfig.Mounts } : {}),
    },
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${c.id}-init/diff`,
        MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${c.id}/work`,
      },
      Name: 'overlay2',
    },
  };
  if (opts.size) {
    const rw = store.sizeRw(c);
    out.SizeRw = rw;
    out.SizeRootFs = rw + (opts.imageSize ?? 0);
  }
  Object.assign(out, {
    Mounts: c.mounts ?? [],
    Config: config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: running ? c.id.split('').reverse().join('') : '',
      SandboxKey: running ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: running ? c.id.slice(32) + c.id.slice(0, 32) : '',
      Gateway: running ? '172.17.0.1' : '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: ip,
      IPPrefixLen: running ? 16 : 0,
      IPv6Gateway: '',
      MacAddress: mac,
      Networks: {
        bridge: {
          IPAMConfig: null,
          Links: null,
          Aliases: null,
          MacAddress: mac,
          DriverOpts: null,
          GwPriority: 0,
          NetworkID: 'a5c5d0b1e4f6e2d1c8a39b0f7c3e2d1a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e',
          EndpointID: running ? c.id.slice(32) + c.id.slice(0, 32) : '',
          Gateway: running ? '172.17.0.1' : '',
          IPAddress: ip,
          IPPrefixLen: running ? 16 : 0,
          IPv6Gateway: '',
          GlobalIPv6Address: '',
          GlobalIPv6PrefixLen: 0,
          DNSNames: null,
        },
      },
    },
  });
  return out;
}

export { ZERO_TIME };
