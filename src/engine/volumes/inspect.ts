/** `docker volume inspect` objects. */
import type { Volume } from './types';

/** A volume in the API's key order (`Anonymous` is the store's own bookkeeping and is not shown). */
export function inspectVolume(v: Volume): Record<string, unknown> {
  return { CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope };
}
