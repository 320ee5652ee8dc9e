/**
 * Shape checks for snapshot slices on restore. A snapshot is user data (a state file, browser storage, an
 * imported workspace): a slice of the wrong shape is refused with a clear `Error` naming the damaged field
 * ("damaged snapshot: images.images[2].repoDigests is not a list of strings"), which the hosts report with
 * the offer to start fresh, instead of restoring records that later crash `docker images` or `snapshot()`.
 */
export class SnapshotShapeError extends Error {
  constructor(where: string, what: string) {
    super(`damaged snapshot: ${where} ${what}`);
    this.name = 'SnapshotShapeError';
  }
}

export type Check = (v: unknown, where: string) => void;

const fail = (where: string, what: string): never => {
  throw new SnapshotShapeError(where, what);
};

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str: Check = (v, w) => {
  if (typeof v !== 'string') fail(w, 'is not a string');
};
export const num: Check = (v, w) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(w, 'is not a number');
};
export const bool: Check = (v, w) => {
  if (typeof v !== 'boolean') fail(w, 'is not a boolean');
};
export const oneOf =
  (...values: unknown[]): Check =>
  (v, w) => {
    if (!values.includes(v)) fail(w, `is not one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  };
export const optional =
  (c: Check): Check =>
  (v, w) => {
    if (v !== undefined) c(v, w);
  };
export const nullable =
  (c: Check): Check =>
  (v, w) => {
    if (v !== null) c(v, w);
  };
export const arrayOf =
  (c: Check): Check =>
  (v, w) => {
    if (!Array.isArray(v)) fail(w, 'is not a list');
    (v as unknown[]).forEach((x, i) => c(x, `${w}[${i}]`));
  };
export const strings: Check = (v, w) => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(w, 'is not a list of strings');
};
export const tuple =
  (...cs: Check[]): Check =>
  (v, w) => {
    if (!Array.isArray(v) || v.length !== cs.length) fail(w, `is not a pair`);
    cs.forEach((c, i) => c((v as unknown[])[i], `${w}[${i}]`));
  };
/** An object with these fields (others are ignored). */
export const shape =
  (fields: Record<string, Check>): Check =>
  (v, w) => {
    if (!isObject(v)) fail(w, 'is not an object');
    for (const [k, c] of Object.entries(fields)) c((v as Record<string, unknown>)[k], `${w}.${k}`);
  };
/** An object whose own values all pass `c` (Env-like maps: Labels, ExposedPorts). */
export const recordOf =
  (c: Check): Check =>
  (v, w) => {
    if (!isObject(v)) fail(w, 'is not an object');
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) c(x, `${w}[${JSON.stringify(k)}]`);
  };
/** "sha256:" and 64 lowercase hex digits (image IDs, layer diffIDs). */
export const digest: Check = (v, w) => {
  if (typeof v !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(v)) fail(w, 'is not a sha256 digest');
};
export const any: Check = () => {};
export const objectAny: Check = (v, w) => {
  if (!isObject(v)) fail(w, 'is not an object');
};

/** Runs a check on a slice; throws SnapshotShapeError naming the first damaged field. */
export function checkShape(c: Check, v: unknown, where: string): void {
  c(v, where);
}

// ---------- shapes shared by the image store and the build cache ----------

const entry: Check = (v, w) => {
  if (isObject(v) && v.w === 1) return;
  shape({
    t: oneOf('file', 'dir', 'symlink'),
    m: num,
    u: num,
    g: num,
    s: num,
    mt: optional(num),
    o: optional(oneOf(1)),
    x: optional(str),
    b: optional(str),
    sy: optional(str),
    l: optional(str),
  })(v, w);
};

export const layerJSON: Check = shape({
  diffId: digest,
  size: num,
  summary: shape({ added: num, modified: num, removed: num }),
  // A function: entries a host's store reads on first use (fs/serialize.ts).
  entries: (v, w) => (typeof v === 'function' ? undefined : arrayOf(tuple(str, entry))(v, w)),
});

/** The fields of a container config (also checked one by one when a shared config is restored). */
export const containerConfigFields: Record<string, Check> = {
  User: optional(str),
  ExposedPorts: optional(recordOf(objectAny)),
  Env: optional(strings),
  Entrypoint: optional(nullable(strings)),
  Cmd: optional(nullable(strings)),
  Volumes: optional(recordOf(objectAny)),
  WorkingDir: optional(str),
  Labels: optional(recordOf(str)),
  StopSignal: optional(str),
  ArgsEscaped: optional(bool),
  Healthcheck: optional(shape({ Test: strings, Interval: optional(num), Timeout: optional(num), StartPeriod: optional(num), StartInterval: optional(num), Retries: optional(num) })),
  OnBuild: optional(nullable(strings)),
  Shell: optional(strings),
};
const containerConfig: Check = shape(containerConfigFields);

export const historyEntry: Check = shape({ created: str, created_by: optional(str), author: optional(str), comment: optional(str), empty_layer: optional(bool) });

/** The fields of an image config JSON. */
export const imageConfigFields: Record<string, Check> = {
  architecture: str,
  os: str,
  variant: optional(str),
  author: optional(str),
  created: str,
  config: containerConfig,
  parent: optional(str),
  comment: optional(str),
  container_config: optional(containerConfig),
  rootfs: shape({ type: oneOf('layers'), diff_ids: arrayOf(digest) }),
  history: arrayOf(historyEntry),
};
export const imageConfigJSON: Check = shape(imageConfigFields);

export const imageRecord: Check = shape({
  id: digest,
  config: imageConfigJSON,
  repoDigests: strings,
  parent: optional(digest),
  lastTagTime: optional(str),
});
