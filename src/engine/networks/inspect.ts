/** `docker network inspect` objects, in Docker Engine 28's key order (API 1.50 `network.Inspect`). */
import { goJSONTime } from '../containers/inspect';
import type { NetworkStore } from './store';
import type { Network } from './types';

export function inspectNetwork(store: NetworkStore, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  const prefix = n.IPAM.Config[0]?.Subnet.split('/')[1];
  for (const { c, ep } of store.activeEndpoints(n)) {
    containers[c.id] = { Name: c.name, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: prefix ? `${ep.IPAddress}/${prefix}` : '', IPv6Address: '' };
  }
  return {
    Name: n.Name,
    Id: n.Id,
    Created: goJSONTime(n.Created),
    Scope: n.Scope,
    Driver: n.Driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: n.IPAM.Driver, Options: n.IPAM.Options, Config: n.IPAM.Config.map((c) => ({ Subnet: c.Subnet, Gateway: c.Gateway })) },
    Internal: n.Internal,
    Attachable: n.Attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: n.Options,
    Labels: n.Labels,
  };
}
