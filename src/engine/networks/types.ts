/** Networks as `docker network inspect` shows them, and a container's endpoint on one. */

export interface IpamConfig {
  Subnet: string;
  Gateway: string;
}

export interface Network {
  Name: string;
  /** 64 hex. */
  Id: string;
  /** Epoch ms. */
  Created: number;
  Scope: 'local';
  /** 'bridge' (user networks and the default one), 'host', 'null' (the `none` network). */
  Driver: string;
  IPAM: { Driver: 'default'; Options: Record<string, string> | null; Config: IpamConfig[] };
  Internal: boolean;
  Attachable: boolean;
  Options: Record<string, string>;
  Labels: Record<string, string>;
  /** The built-in `bridge`, `host` and `none`: never removed, never pruned. */
  BuiltIn: boolean;
}

/**
 * A container's endpoint on one network (kept on the container, `Container.networks`, keyed by network name).
 * `IPAddress`/`MacAddress`/`EndpointID` belong to the container's current run: they mean nothing while it is
 * stopped (inspect then shows them empty) and are allocated again at each start.
 */
export interface Endpoint {
  NetworkID: string;
  /** `--network-alias` / `network connect --alias` (user networks only). */
  Aliases: string[];
  IPAddress: string;
  MacAddress: string;
  EndpointID: string;
}

/** What a network store needs to know of containers (kept abstract so networks never import the container store). */
export interface ContainerView {
  id: string;
  name: string;
  running: boolean;
  networks: Record<string, Endpoint>;
}
