/**
 * The state a `ContainerStore` shares with the modules it delegates to (main processes, mounts, networking,
 * exec, http, snapshots): the container records, their live processes and mounts, and the engine's services.
 */
import type { EngineEnv } from '../core/env';
import type { Mounts } from '../fs/process-fs';
import type { UnionFs } from '../fs/union';
import type { ImageStore } from '../images/store';
import type { NetworkStore } from '../networks/store';
import type { SandboxHost } from '../runtime/process';
import type { BindTree } from '../volumes/bind-tree';
import type { HostFiles } from '../volumes/host-files';
import type { VolumeStore } from '../volumes/store';
import type { Live } from './main-process';
import type { Container } from './types';

export interface StoreContext {
  readonly env: EngineEnv;
  readonly images: () => ImageStore;
  /** The sandbox runtime (the in-process host when the engine has none). */
  readonly host: () => SandboxHost | null;
  /** The engine's networks (null when the containers run without a network store: unit tests). */
  readonly networks: () => NetworkStore | null;
  /** Tells the engine that container state changed. */
  readonly changed: () => void;
  /** Every container by full ID, in creation order. */
  readonly containers: Map<string, Container>;
  /** The main process of each running container, while the engine runs (not in snapshots). */
  readonly live: Map<string, Live>;
  /** The files Docker mounts into each container (`mounts.ts`). */
  readonly mountSets: Map<string, Mounts>;
  /** Named and anonymous volumes (`engine.volumes`). */
  readonly volumes: () => VolumeStore;
  /** The host folders bind mounts read and write (none: bind mounts are refused). */
  readonly hostFiles: () => HostFiles | null;
  /** Each container's bind-mounted host folders by target, while the engine runs (reloaded from the host). */
  readonly binds: Map<string, Map<string, BindTree>>;
  /** Exit codes of containers `--rm` removed (for the attached `docker run`). */
  readonly removedExitCodes: Map<string, number>;
  /** Execs started so far (seeds and pids of exec processes). */
  execSeq: number;
  now(): number;
  /** Newest first (like `docker ps`). */
  list(): Container[];
  isRunning(c: Container): boolean;
  /** Union view of a container's filesystem. */
  fs(c: Container): UnionFs;
}
