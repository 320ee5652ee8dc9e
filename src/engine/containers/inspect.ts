/** `docker container inspect` objects, in Docker's key order (API 1.50). */
import type { ContainerStore } from './store';
import { macFor } from '../networks/ipam';
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
  const nets = networkSettingsOf(store, c, running);
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
    ...(c.config.Healthcheck ? { Healthcheck: c.config.Healthcheck } : {}),
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
      ...(c.health ? { Health: { Status: c.health.Status, FailingStreak: c.health.FailingStreak, Log: c.health.Log.map((l) => ({ Start: goJSONTime(l.Start), End: goJSONTime(l.End), ExitCode: l.ExitCode, Output: l.Output })) } } : {}),
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
      ...nets.legacy,
      Networks: nets.networks,
    },
  });
  return out;
}

export { ZERO_TIME };

/**
 * `NetworkSettings.Networks` (one entry per endpoint, API 1.50 keys) and the top-level address fields, which
 * Docker fills from the default bridge's endpoint only (empty on user-defined networks).
 */
function networkSettingsOf(store: ContainerStore, c: Container, running: boolean): { legacy: Record<string, unknown>; networks: Record<string, unknown> } {
  const networks: Record<string, unknown> = {};
  let legacy: Record<string, unknown> = { EndpointID: '', Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: '', IPPrefixLen: 0, IPv6Gateway: '', MacAddress: '' };
  const eps = store.endpointsOf(c);
  for (const [name, ep] of Object.entries(eps)) {
    const n = store.networkNamed(name);
    const cfg = n ? n.IPAM.Config[0] : name === 'bridge' ? { Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' } : undefined;
    // Records from before networks existed have no address on the endpoint: the spec's.
    const ip = running ? ep.IPAddress || (name === 'bridge' ? store.ipAddressOf(c) : '') : '';
    const up = running && ip !== '';
    const prefix = up && cfg ? Number(cfg.Subnet.split('/')[1]) : 0;
    const mac = up ? ep.MacAddress || macFor(ip) : '';
    const endpointId = running ? ep.EndpointID || c.id.slice(32) + c.id.slice(0, 32) : '';
    const user = !!n && !n.BuiltIn;
    networks[name] = {
      IPAMConfig: null,
      Links: null,
      Aliases: user && ep.Aliases.length ? ep.Aliases : null,
      MacAddress: mac,
      DriverOpts: null,
      GwPriority: 0,
      NetworkID: n?.Id ?? ep.NetworkID,
      EndpointID: endpointId,
      Gateway: up && cfg ? cfg.Gateway : '',
      IPAddress: ip,
      IPPrefixLen: prefix,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      // moby v26+: the names the embedded DNS answers for (user-defined networks only).
      DNSNames: user && running ? [c.name, ...ep.Aliases, c.id.slice(0, 12)] : null,
    };
    if (name === 'bridge') {
      legacy = { EndpointID: endpointId, Gateway: up && cfg ? cfg.Gateway : '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: ip, IPPrefixLen: prefix, IPv6Gateway: '', MacAddress: mac };
    }
  }
  return { legacy, networks };
}
