/**
 * Loading a Compose project the way compose-go does: find the file (compose.yaml, compose.yml,
 * docker-compose.yml, docker-compose.yaml, in that order, or `-f`), parse it with a YAML library, read `.env`,
 * interpolate, validate (schema then project), normalise, and pick the project name (`-p`, COMPOSE_PROJECT_NAME,
 * `name:`, else the directory's name normalised). Files are read through the host's ContextReader (the workspace
 * in the browser), relative to the host's working directory.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { ContextReader } from '../core/host';
import type { EngineError, Result, SourceRange } from '../core/errors';
import { engineError, err, ok } from '../core/errors';
import { interpolateTree, parseEnvFile } from './interpolate';
import { joinPath, normalize } from './normalize';
import { validateProject, validateSchema } from './validate';
import type { ComposeProject } from './model';

/** compose-go's DefaultFileNames, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface LoadOptions {
  context: ContextReader;
  /** `-f` values (relative to the working directory or absolute under it). */
  files: string[];
  /** `-p`. */
  projectName?: string;
  /** `--project-directory`. */
  projectDirectory?: string;
  /** `--env-file` values (default: `.env` in the project directory). */
  envFiles?: string[];
  /** The client's environment (COMPOSE_PROJECT_NAME, COMPOSE_FILE, variables for interpolation). */
  env: Record<string, string | undefined>;
  /** Absolute path of the host's working directory (the ContextReader's "."). */
  cwd: string;
}

export interface Loaded {
  project: ComposeProject;
  /** Compose's warnings (unset variables, several candidate files, obsolete `version`), in order. */
  warnings: string[];
}

const decoder = new TextDecoder();

/** The absolute path for a path relative to `cwd`, and the host-relative path the ContextReader takes. */
export function hostRelative(cwd: string, abs: string): string | null {
  if (abs === cwd) return '.';
  return abs.startsWith(`${cwd}/`) ? abs.slice(cwd.length + 1) : null;
}

async function readText(ctx: ContextReader, cwd: string, abs: string): Promise<string | null> {
  const rel = hostRelative(cwd, abs);
  if (rel === null) return null;
  const data = await ctx.readFile(rel);
  return data ? decoder.decode(data) : null;
}

/** compose-go's NormalizeProjectName: lower case, keep [a-z0-9_-], no leading `_`/`-`. */
export function normalizeProjectName(s: string): string {
  return (s.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

function invalidName(v: string): EngineError {
  return engineError(
    'COMPOSE_PROJECT_NAME',
    `invalid project name "${v}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
  );
}

const basename = (p: string) => p.split('/').filter(Boolean).pop() ?? '';
const dirname = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

/** Finds the Compose files: `-f` paths, COMPOSE_FILE, else the first default name present (with Compose's warning when several are). */
export async function findComposeFiles(o: LoadOptions): Promise<Result<{ files: string[]; warnings: string[] }>> {
  const dir = o.projectDirectory ? joinPath(o.cwd, o.projectDirectory) : o.cwd;
  const explicit = o.files.length ? o.files : o.env.COMPOSE_FILE ? o.env.COMPOSE_FILE.split(o.env.COMPOSE_PATH_SEPARATOR ?? ':') : [];
  if (explicit.length) {
    const files = explicit.map((f) => joinPath(o.cwd, f));
    for (const f of files) {
      if ((await readText(o.context, o.cwd, f)) === null) return err(engineError('COMPOSE_FILE_NOT_FOUND', `open ${f}: no such file or directory`));
    }
    return ok({ files, warnings: [] });
  }
  const found: string[] = [];
  for (const name of DEFAULT_FILE_NAMES) {
    const abs = joinPath(dir, name);
    if ((await readText(o.context, o.cwd, abs)) !== null) found.push(abs);
  }
  if (!found.length) return err(engineError('COMPOSE_FILE_NOT_FOUND', 'no configuration file provided: not found'));
  const warnings = found.length > 1 ? [`Found multiple config files with supported names: ${found.join(', ')}`, `Using ${found[0]}`] : [];
  return ok({ files: [found[0]], warnings });
}

/** Where a YAML path points in the file (the key for an extra key, else the value). */
function rangeOf(doc: Document, lc: LineCounter, path: (string | number)[], key = false): SourceRange | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | undefined;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const items: Pair[] = node.items as Pair[];
      const pair: Pair | undefined = items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (node && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: Node[] }).items[Number(seg)];
      keyNode = undefined;
    } else break;
  }
  const target = key && keyNode ? keyNode : (node ?? keyNode);
  const r = target?.range;
  if (!r) return undefined;
  const a = lc.linePos(r[0]);
  const b = lc.linePos(r[1]);
  return { start: { line: a.line, column: a.col }, end: { line: b.line, column: b.col } };
}

/** A yaml-library parse error in go-yaml's form: `yaml: line N: message`. */
function yamlError(file: string, doc: Document, lc: LineCounter): EngineError {
  const e = doc.errors[0];
  const pos = lc.linePos(e.pos[0]);
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const msg = first.charAt(0).toLowerCase() + first.slice(1);
  return engineError('COMPOSE_YAML', `failed to parse ${file}: yaml: line ${pos.line}: ${msg}`, {
    file,
    range: { start: { line: pos.line, column: pos.col }, end: { line: pos.line, column: pos.col + 1 } },
  });
}

/** Loads and validates the project. */
export async function loadProject(o: LoadOptions): Promise<Result<Loaded>> {
  const found = await findComposeFiles(o);
  if (!found.ok) return found;
  const warnings = [...found.value.warnings];
  const file = found.value.files[0];
  const workingDir = o.projectDirectory ? joinPath(o.cwd, o.projectDirectory) : dirname(file);
  // `.env` (or --env-file) feeds interpolation; the client's environment wins over it.
  const environment: Record<string, string> = {};
  const envFiles = o.envFiles?.length ? o.envFiles.map((f) => joinPath(o.cwd, f)) : [joinPath(workingDir, '.env')];
  for (const f of envFiles) {
    const text = await readText(o.context, o.cwd, f);
    if (text === null) {
      if (o.envFiles?.length) return err(engineError('COMPOSE_ENV_FILE', `couldn't find env file: ${f}`));
      continue;
    }
    const parsed = parseEnvFile(text);
    if (!parsed.ok) return err(engineError('COMPOSE_ENV_FILE', `failed to read ${f}: ${parsed.error}`));
    for (const [k, v] of parsed.value) if (v !== null) environment[k] = v;
  }
  for (const [k, v] of Object.entries(o.env)) if (v !== undefined) environment[k] = v;

  const text = (await readText(o.context, o.cwd, file)) ?? '';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) return err(yamlError(file, doc, lc));
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined) return err(engineError('COMPOSE_EMPTY', 'empty compose file', { file }));
  const at = (path: (string | number)[], key = false) => ({ file, range: rangeOf(doc, lc, path, key) });
  if (typeof raw !== 'object' || Array.isArray(raw)) return err(engineError('COMPOSE_SCHEMA', 'top-level object must be a mapping', at([])));

  const interp = interpolateTree(raw, (n) => environment[n]);
  if (!interp.ok) return err(engineError('COMPOSE_INTERPOLATION', interp.error, at(interp.path)));
  for (const n of interp.unset) warnings.push(`The "${n}" variable is not set. Defaulting to a blank string.`);
  const root = interp.value as Record<string, unknown>;

  const schema = validateSchema(root);
  if (schema) return err(engineError('COMPOSE_SCHEMA', `validating ${file}: ${schema.message}`, at(schema.path, schema.key)));
  if ('version' in root) warnings.push(`${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);

  // The project name: -p, COMPOSE_PROJECT_NAME (environment or .env), name:, then the directory's name normalised.
  let name: string;
  if (o.projectName) {
    if (!PROJECT_NAME.test(o.projectName)) return err(invalidName(o.projectName));
    name = o.projectName;
  } else if (environment.COMPOSE_PROJECT_NAME) {
    // COMPOSE_PROJECT_NAME may come from the environment or from `.env`.
    name = environment.COMPOSE_PROJECT_NAME;
    if (!PROJECT_NAME.test(name)) return err(invalidName(name));
  } else if (typeof root.name === 'string' && root.name) {
    name = root.name;
    if (!PROJECT_NAME.test(name)) return err({ ...invalidName(name), ...at(['name']) });
  } else name = normalizeProjectName(basename(workingDir));
  if (!name) return err(engineError('COMPOSE_PROJECT_NAME', 'project name must not be empty'));

  // env_file of each service, read now (relative to the project directory).
  const serviceEnv: Record<string, Record<string, string | null>> = {};
  for (const [svc, def] of Object.entries((root.services ?? {}) as Record<string, Record<string, unknown>>)) {
    const list = def.env_file === undefined ? [] : Array.isArray(def.env_file) ? def.env_file : [def.env_file];
    for (const entry of list) {
      const spec = typeof entry === 'string' ? { path: entry, required: true } : (entry as { path: string; required?: boolean });
      const abs = joinPath(workingDir, String(spec.path));
      const content = await readText(o.context, o.cwd, abs);
      if (content === null) {
        if (spec.required === false) continue;
        return err(engineError('COMPOSE_ENV_FILE', `env file ${abs} not found: stat ${abs}: no such file or directory`, at(['services', svc, 'env_file'])));
      }
      const parsed = parseEnvFile(content);
      if (!parsed.ok) return err(engineError('COMPOSE_ENV_FILE', `failed to read ${abs}: ${parsed.error}`, at(['services', svc, 'env_file'])));
      serviceEnv[svc] = { ...serviceEnv[svc], ...Object.fromEntries(parsed.value.map(([k, v]) => [k, v ?? environment[k] ?? null])) };
    }
  }

  const project = normalize({ name, workingDir, configFiles: [file], root, environment, envFiles: serviceEnv });
  if ('error' in project) return err(engineError('COMPOSE_SCHEMA', project.error, at(project.path)));
  const problem = validateProject(
    Object.values(project.services).map((s) => ({
      name: s.name,
      hasImage: s.image !== undefined,
      hasBuild: s.build !== undefined,
      dependsOn: Object.entries(s.dependsOn).filter(([, d]) => d.required).map(([d]) => d),
      networks: Object.keys(s.networks),
      namedVolumes: s.volumes.filter((v) => v.type === 'volume' && v.source).map((v) => v.source!),
    })),
    Object.keys(project.networks),
    Object.keys(project.volumes),
  );
  if (problem) return err(engineError('COMPOSE_INVALID', problem.message, at(problem.path)));
  for (const s of Object.values(project.services)) s.range = rangeOf(doc, lc, ['services', s.name], true);
  return ok({ project, warnings });
}
