/**
 * `npm` (also `npm-cli.js`): install/i/ci/add write node_modules from package.json (placeholders: a package.json
 * and a synthetic index.js per package, weighed like the real trees of popular packages), package-lock.json and
 * the cache, and print npm's summary; start/test/run run a package.json script with the image's shell after npm's
 * banner, with node_modules/.bin on PATH. Messages follow the npm bundled with the image's Node (NODE_VERSION).
 */
import { nodeFlavour } from '../nodejs/node-program';
import { getopt, pkgApplet, type PkgCtx } from './context';
import { table } from './table';

/** Popular packages: version, how many packages their tree adds, unpacked size of the tree, real dependency names. */
const NPM = table<{ v: string; tree: number; size: number; deps?: string[] }>({
  express: { v: '4.21.2', tree: 65, size: 2_300_000, deps: ['accepts', 'array-flatten', 'body-parser', 'content-disposition', 'content-type', 'cookie', 'cookie-signature', 'debug', 'depd', 'encodeurl', 'escape-html', 'etag', 'finalhandler', 'fresh', 'http-errors', 'merge-descriptors', 'methods', 'on-finished', 'parseurl', 'path-to-regexp', 'proxy-addr', 'qs', 'range-parser', 'safe-buffer', 'send', 'serve-static', 'setprototypeof', 'statuses', 'type-is', 'utils-merge', 'vary', 'mime', 'mime-types', 'mime-db', 'negotiator', 'ms', 'iconv-lite', 'raw-body', 'bytes', 'unpipe', 'destroy', 'ee-first', 'forwarded', 'ipaddr.js', 'media-typer', 'side-channel', 'toidentifier', 'inherits', 'safer-buffer'] },
  axios: { v: '1.7.9', tree: 9, size: 2_400_000, deps: ['follow-redirects', 'form-data', 'proxy-from-env', 'asynckit', 'combined-stream', 'mime-types', 'delayed-stream', 'mime-db'] },
  lodash: { v: '4.17.21', tree: 1, size: 1_400_000 },
  react: { v: '18.3.1', tree: 3, size: 320_000, deps: ['loose-envify', 'js-tokens'] },
  'react-dom': { v: '18.3.1', tree: 4, size: 4_600_000, deps: ['scheduler'] },
  typescript: { v: '5.7.2', tree: 1, size: 23_000_000 },
  nodemon: { v: '3.1.9', tree: 29, size: 1_900_000, deps: ['chokidar', 'debug', 'ignore-by-default', 'minimatch', 'pstree.remy', 'semver', 'simple-update-notifier', 'supports-color', 'touch', 'undefsafe'] },
  jest: { v: '29.7.0', tree: 270, size: 40_000_000 },
  mongoose: { v: '8.9.2', tree: 20, size: 9_000_000, deps: ['bson', 'kareem', 'mongodb', 'mpath', 'mquery', 'ms', 'sift'] },
  pg: { v: '8.13.1', tree: 14, size: 600_000, deps: ['pg-connection-string', 'pg-pool', 'pg-protocol', 'pg-types', 'pgpass'] },
  redis: { v: '4.7.0', tree: 10, size: 1_100_000 },
  dotenv: { v: '16.4.7', tree: 1, size: 80_000 },
  cors: { v: '2.8.5', tree: 3, size: 40_000, deps: ['object-assign', 'vary'] },
  'body-parser': { v: '1.20.3', tree: 24, size: 600_000 },
  'socket.io': { v: '4.8.1', tree: 22, size: 2_600_000 },
  next: { v: '15.1.3', tree: 26, size: 115_000_000 },
  vite: { v: '6.0.6', tree: 12, size: 15_000_000, deps: ['esbuild', 'postcss', 'rollup'] },
  restify: { v: '11.1.0', tree: 60, size: 4_000_000 },
  'node-fetch': { v: '3.3.2', tree: 6, size: 200_000 },
  eslint: { v: '9.17.0', tree: 85, size: 9_000_000 },
  prettier: { v: '3.4.2', tree: 1, size: 8_000_000 },
});

export interface NpmPkgJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** package.json of a directory: null when missing, 'invalid' when it does not parse. */
export function readPkg(p: PkgCtx, dir: string): NpmPkgJson | null | 'invalid' {
  const text = p.read(joinPath(dir, 'package.json'));
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as NpmPkgJson) : 'invalid';
  } catch {
    return 'invalid';
  }
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export function npmInfo(p: PkgCtx, name: string, range: string) {
  const known = NPM[name];
  const v = known?.v ?? /^\^?~?(\d+\.\d+\.\d+)/.exec(range)?.[1] ?? `${p.rand('npmv' + name, 1, 5)}.${p.rand('npmv2' + name, 0, 12)}.${p.rand('npmv3' + name, 0, 9)}`;
  return { v, tree: known?.tree ?? p.rand('tree' + name, 1, 12), size: known?.size ?? p.rand('npmsize' + name, 20, 900) * 1000, deps: known?.deps ?? [] };
}

/** Writes node_modules for the given dependencies; returns [package count, bytes]. */
export function installNodeModules(p: PkgCtx, dir: string, deps: Record<string, string>): [number, number] {
  const nm = joinPath(dir, 'node_modules');
  const written = new Set<string>();
  let count = 0;
  let bytes = 0;
  const write = (name: string, version: string, size: number) => {
    if (written.has(name)) return;
    written.add(name);
    count++;
    bytes += size;
    const pdir = joinPath(nm, name);
    p.mkdirp(pdir);
    p.write(joinPath(pdir, 'package.json'), JSON.stringify({ name, version, main: 'index.js', license: 'MIT' }, null, 2) + '\n');
    p.writeSynthetic(joinPath(pdir, 'index.js'), { seed: `npm:${name}@${version}`, size: Math.max(200, size - 200) });
  };
  for (const [name, range] of Object.entries(deps)) {
    const info = npmInfo(p, name, range);
    const sub = info.deps.slice(0, Math.max(0, info.tree - 1));
    const subSize = sub.length ? Math.round((info.size * 0.6) / sub.length) : 0;
    write(name, info.v, sub.length ? Math.round(info.size * 0.4) : info.size);
    for (const d of sub) write(d, `${p.rand('dv' + d, 1, 4)}.${p.rand('dv2' + d, 0, 9)}.${p.rand('dv3' + d, 0, 9)}`, subSize);
    // Packages of the tree we do not name individually still count (and weigh) in npm's summary.
    const unnamed = Math.max(0, info.tree - 1 - sub.length);
    if (unnamed > 0) {
      count += unnamed;
      const extra = Math.round(info.size * 0.3);
      bytes += extra;
      p.writeSynthetic(joinPath(nm, `.${name}-deps.bin`), { seed: `npm-tree:${name}@${info.v}`, size: extra });
    }
  }
  if (count) p.write(joinPath(nm, '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: Object.fromEntries([...written].map((n) => [`node_modules/${n}`, {}])) }, null, 2) + '\n');
  return [count, bytes];
}

/** The npm bundled with a Node major version (close enough for messages). */
export function npmVersion(nodeMajor: number): string {
  if (nodeMajor <= 10) return '6.9.0';
  if (nodeMajor <= 12) return '6.14.16';
  if (nodeMajor <= 14) return '6.14.18';
  if (nodeMajor <= 16) return '8.19.4';
  if (nodeMajor <= 18) return '10.8.2';
  return '10.9.2';
}

interface Npm {
  version: string;
  major: number;
  /** "npm error" (npm 9+) or "npm ERR!". */
  e: string;
}

function npmOf(p: PkgCtx): Npm {
  const version = npmVersion(nodeFlavour(p.vars).major);
  const major = parseInt(version, 10);
  return { version, major, e: major >= 9 ? 'npm error' : 'npm ERR!' };
}

function logStamp(p: PkgCtx): string {
  return new Date(p.now()).toISOString().replace(/:/g, '_');
}

function logLine(p: PkgCtx, n: Npm): string {
  return `${n.e} A complete log of this run can be found in: /root/.npm/_logs/${logStamp(p)}-debug-0.log\n`;
}

function npmEnoent(p: PkgCtx, n: Npm, dir: string, log: boolean): number {
  const path = joinPath(dir, 'package.json');
  const e = n.e;
  if (n.major >= 7) p.err(`${e} code ENOENT\n${e} syscall open\n${e} path ${path}\n${e} errno -2\n${e} enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'\n${e} enoent This is related to npm not being able to find a file.\n${e} enoent\n`);
  else p.err(`${e} path ${path}\n${e} code ENOENT\n${e} errno -2\n${e} syscall open\n${e} enoent ENOENT: no such file or directory, open '${path}'\n${e} enoent This is related to npm not being able to find a file.\n${e} enoent\n`);
  if (log) p.err(logLine(p, n));
  return 254;
}

/** `npm install -g NAME...`: into the prefix's lib/node_modules, with the package's command linked in its bin. */
async function installGlobal(p: PkgCtx, n: Npm, names: string[]): Promise<number> {
  const prefix = p.vars.NPM_CONFIG_PREFIX || '/usr/local';
  if (p.uid !== 0 && !p.vars.NPM_CONFIG_PREFIX) {
    const path = `${prefix}/lib/node_modules`;
    p.err(`${n.e} code EACCES\n${n.e} syscall mkdir\n${n.e} path ${path}/${names[0]}\n${n.e} errno -13\n${n.e} Error: EACCES: permission denied, mkdir '${path}/${names[0]}'\n`);
    return 243;
  }
  const deps: Record<string, string> = {};
  for (const spec of names) {
    const at = spec.lastIndexOf('@');
    deps[at > 0 ? spec.slice(0, at) : spec] = at > 0 ? spec.slice(at + 1) : 'latest';
  }
  let count = 0;
  let bytes = 0;
  for (const [name, range] of Object.entries(deps)) {
    // Each global package has its own tree under its directory.
    const [c, b] = installNodeModules(p, `${prefix}/lib/node_modules/${name}`, { [name]: range });
    // The package itself sits at lib/node_modules/NAME; its dependencies in NAME/node_modules.
    const own = `${prefix}/lib/node_modules/${name}/node_modules/${name}`;
    for (const f of p.fs.readdir(own) ?? []) p.fs.rename(`${own}/${f}`, `${prefix}/lib/node_modules/${name}/${f}`);
    p.fs.rm(own);
    const link = `${prefix}/bin/${name}`;
    p.mkdirp(`${prefix}/bin`);
    if (!p.exists(link)) p.fs.symlink?.(`../lib/node_modules/${name}/index.js`, link);
    count += c;
    bytes += b;
  }
  const secs = Math.max(1, Math.round((800 + count * 45 + (bytes / 4_000_000) * 1000) / 1000));
  await p.spend(secs * 1000 - 150);
  p.out(`\nadded ${count} package${count === 1 ? '' : 's'} in ${secs}s\n`);
  const funding = Math.floor(count / 8);
  if (funding) p.out(`\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n`);
  return 0;
}

async function install(p: PkgCtx, n: Npm, sub: string, rest: string[], prod: boolean): Promise<number> {
  const dir = p.cwd;
  const e = n.e;
  const pkg = readPkg(p, dir);
  if (pkg === 'invalid') {
    p.err(`${e} code EJSONPARSE\n${e} JSON.parse Invalid package.json: JSONParseError: Unexpected token in JSON\n`);
    return 1;
  }
  if (sub === 'ci') {
    if (!pkg) return npmEnoent(p, n, dir, true);
    if (!p.exists(joinPath(dir, 'package-lock.json')) && !p.exists(joinPath(dir, 'npm-shrinkwrap.json'))) {
      p.err(`${e} code EUSAGE\n${e}\n${e} The \`npm ci\` command can only install with an existing package-lock.json or\n${e} npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\n${e} later to generate a package-lock.json file, then try again.\n${e}\n${e} Clean install a project\n${e}\n${e} Usage:\n${e} npm ci\n${e}\n${e} Options:\n${e} [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]\n${e}\n${e} Run "npm help ci" for more info\n`);
      p.err(logLine(p, n));
      return 1;
    }
    if (p.exists(joinPath(dir, 'node_modules'))) p.rmrf(joinPath(dir, 'node_modules'));
  }
  const deps: Record<string, string> = {};
  const explicit = rest.filter((r) => !r.startsWith('-'));
  if (explicit.length) {
    for (const spec of explicit) {
      const at = spec.lastIndexOf('@');
      const name = at > 0 ? spec.slice(0, at) : spec;
      deps[name] = at > 0 ? spec.slice(at + 1) : 'latest';
    }
  } else {
    if (!pkg) return npmEnoent(p, n, dir, true);
    Object.assign(deps, pkg.dependencies ?? {});
    if (!prod) Object.assign(deps, pkg.devDependencies ?? {});
  }
  const [count, bytes] = installNodeModules(p, dir, deps);
  const secs = Math.max(1, Math.round((800 + count * 45 + (bytes / 4_000_000) * 1000) / 1000));
  await p.spend(secs * 1000 - 150);
  if (explicit.length && pkg) {
    pkg.dependencies = { ...(pkg.dependencies ?? {}), ...Object.fromEntries(Object.keys(deps).map((d) => [d, '^' + npmInfo(p, d, deps[d]).v])) };
    p.write(joinPath(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  }
  if (sub !== 'ci' && (pkg || explicit.length) && !p.exists(joinPath(dir, 'package-lock.json'))) {
    const name = pkg ? pkg.name ?? dir.split('/').pop() : dir.split('/').pop();
    p.write(joinPath(dir, 'package-lock.json'), JSON.stringify({ name, lockfileVersion: 3, requires: true, packages: { '': { name, dependencies: deps } } }, null, 2) + '\n');
  }
  const cache = p.uid === 0 ? '/root/.npm/_cacache' : joinPath(p.vars.HOME ?? '/home/node', '.npm/_cacache');
  p.mkdirp(cache);
  p.writeSynthetic(joinPath(cache, 'index-v5.bin'), { seed: 'npm-cache:' + Object.keys(deps).join(','), size: Math.round(bytes * 0.45) });
  if (count === 0) p.out(`\nup to date, audited 1 package in ${secs}s\n\nfound 0 vulnerabilities\n`);
  else {
    const funding = Math.floor(count / 8);
    p.out(`\nadded ${count} package${count === 1 ? '' : 's'}, and audited ${count + 1} packages in ${secs}s\n`);
    if (funding) p.out(`\n${funding} package${funding === 1 ? ' is' : 's are'} looking for funding\n  run \`npm fund\` for details\n`);
    p.out('\nfound 0 vulnerabilities\n');
  }
  if (n.major >= 10 && p.rand('npmnotice', 0, 2) === 0) p.err(`npm notice\nnpm notice New major version of npm available! ${n.version} -> 11.0.0\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v11.0.0\nnpm notice To update run: npm install -g npm@11.0.0\nnpm notice\n`);
  return 0;
}

/** `npm start|test|stop|restart|run <script>`: the script through the image's shell. */
export async function runScript(p: PkgCtx, n: Npm, script: string | undefined, extra: string[]): Promise<number> {
  const e = n.e;
  const dir = p.cwd;
  const pkgPath = joinPath(dir, 'package.json');
  const pkg = readPkg(p, dir);
  if (pkg === null) return npmEnoent(p, n, dir, false);
  if (pkg === 'invalid') {
    p.err(`${e} code EJSONPARSE\n${e} file ${pkgPath}\n${e} JSON.parse Failed to parse json\n`);
    return 1;
  }
  if (script === undefined) {
    // `npm run` alone lists the scripts.
    const scripts = Object.entries(pkg.scripts ?? {});
    if (!scripts.length) return 0;
    const lifecycle = scripts.filter(([k]) => ['start', 'test', 'stop', 'restart'].includes(k));
    const other = scripts.filter(([k]) => !['start', 'test', 'stop', 'restart'].includes(k));
    const id = `${pkg.name ?? ''}@${pkg.version ?? ''}`;
    if (lifecycle.length) p.out(`Lifecycle scripts included in ${id}:\n${lifecycle.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`);
    if (other.length) p.out(`${lifecycle.length ? '\n' : ''}available via \`npm run-script\`:\n${other.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`);
    return 0;
  }
  let cmd = pkg.scripts?.[script];
  if (!cmd && script === 'start' && p.exists(joinPath(dir, 'server.js'))) cmd = 'node server.js';
  if (!cmd) {
    if (n.major >= 7) p.err(`${e} Missing script: "${script}"\n${e}\n${e} To see a list of scripts, run:\n${e}   npm run\n`);
    else p.err(`${e} missing script: ${script}\n`);
    return 1;
  }
  const full = [cmd, ...extra].join(' ');
  const id = `${pkg.name ?? ''}@${pkg.version ?? ''}`;
  p.out(n.major >= 7 ? `\n> ${id} ${script}\n> ${full}\n\n` : `\n> ${id} ${script} ${dir}\n> ${full}\n\n`);
  const env: Record<string, string> = { ...p.vars, npm_lifecycle_event: script, npm_package_name: String(pkg.name ?? ''), npm_package_version: String(pkg.version ?? '') };
  env.PATH = `${joinPath(dir, 'node_modules/.bin')}:${env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`;
  const code = await p.sh(full, { env });
  if (code !== 0 && n.major < 7) p.err(`${e} code ELIFECYCLE\n${e} errno ${code}\n${e} ${id} ${script}: \`${full}\`\n${e} Exit status ${code}\n`);
  return code;
}

export async function npm(p: PkgCtx): Promise<number> {
  const n = npmOf(p);
  const args = p.argv.slice(1);
  const { flags, values, operands } = getopt(args);
  const [sub = '', ...rest] = operands;
  if (args[0] === '-v' || args[0] === '--version' || (!sub && (flags.has('version') || flags.has('v')))) {
    p.out(`${n.version}\n`);
    return 0;
  }
  const prod = flags.has('production') || values.get('omit') === 'dev' || values.get('only') === 'production' || p.vars.NODE_ENV === 'production';
  const global = flags.has('g') || flags.has('global') || values.get('location') === 'global';
  if (['install', 'i', 'add'].includes(sub) && global && rest.some((r) => !r.startsWith('-'))) return installGlobal(p, n, rest.filter((r) => !r.startsWith('-')));
  if (['install', 'i', 'ci', 'add'].includes(sub)) return install(p, n, sub, rest, prod);
  if (['start', 'test', 'stop', 'restart'].includes(args[0] ?? '')) return runScript(p, n, args[0], dropDashDash(args.slice(1)));
  if (args[0] === 'run' || args[0] === 'run-script') return runScript(p, n, args[1], dropDashDash(args.slice(2)));
  if (sub === 'cache') {
    p.rmrf('/root/.npm/_cacache');
    return 0;
  }
  if (sub === 'prune') {
    p.out('\nup to date, audited 1 package in 1s\n\nfound 0 vulnerabilities\n');
    await p.spend(900);
    return 0;
  }
  if (sub === 'config' || sub === 'set') return 0;
  if (!sub) {
    p.out(`npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\n\nnpm@${n.version} /usr/local/lib/node_modules/npm\n`);
    return 1;
  }
  p.err(`${n.e} Layerlab's npm runs install, ci, start, test and run; \`npm ${sub}\` is not simulated.\n`);
  return 1;
}

function dropDashDash(a: string[]): string[] {
  return a[0] === '--' ? a.slice(1) : a;
}

export const NPM_PROGRAMS = { npm: pkgApplet(npm), 'npm-cli.js': pkgApplet(npm) };
