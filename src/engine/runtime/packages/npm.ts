/**
 * `npm` (also `npm-cli.js`): install/i/ci/add install the real packages of the offline registry (npm-install.ts);
 * start/test/run run a package.json script, with its pre/post scripts, through the image's shell after npm's
 * banner, with node_modules/.bin on PATH. Messages follow the npm bundled with the image's Node (NODE_VERSION).
 */
import { nodeFlavour } from '../nodejs/node-program';
import { getopt, pkgApplet, type PkgCtx } from './context';
import { npmInstall, npmInstallGlobal, type NpmHelpers, type NpmInfo } from './npm-install';

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

/** The npm bundled with a Node major version (close enough for messages). */
export function npmVersion(nodeMajor: number): string {
  if (nodeMajor <= 10) return '6.9.0';
  if (nodeMajor <= 12) return '6.14.16';
  if (nodeMajor <= 14) return '6.14.18';
  if (nodeMajor <= 16) return '8.19.4';
  if (nodeMajor <= 18) return '10.8.2';
  return '10.9.2';
}

type Npm = NpmInfo;

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
  const scripts = pkg.scripts ?? {};
  // npm runs `preX` and `postX` around X when the package has them.
  if (scripts[`pre${script}`]) {
    const code = await runOne(p, n, pkg, `pre${script}`, scripts[`pre${script}`], []);
    if (code !== 0) return code;
  }
  const code = await runOne(p, n, pkg, script, cmd, extra);
  if (code !== 0 || !scripts[`post${script}`]) return code;
  return runOne(p, n, pkg, `post${script}`, scripts[`post${script}`], []);
}

/** One script with npm's banner, `npm_*` variables and node_modules/.bin on PATH. */
async function runOne(p: PkgCtx, n: Npm, pkg: NpmPkgJson, script: string, cmd: string, extra: string[]): Promise<number> {
  const e = n.e;
  const dir = p.cwd;
  const full = [cmd, ...extra].join(' ');
  const id = `${pkg.name ?? ''}@${pkg.version ?? ''}`;
  p.out(n.major >= 7 ? `\n> ${id} ${script}\n> ${full}\n\n` : `\n> ${id} ${script} ${dir}\n> ${full}\n\n`);
  const env: Record<string, string> = { ...p.vars, npm_lifecycle_event: script, npm_package_name: String(pkg.name ?? ''), npm_package_version: String(pkg.version ?? '') };
  env.PATH = `${joinPath(dir, 'node_modules/.bin')}:${env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`;
  const code = await p.sh(full, { env });
  if (code !== 0 && n.major < 7) p.err(`${e} code ELIFECYCLE\n${e} errno ${code}\n${e} ${id} ${script}: \`${full}\`\n${e} Exit status ${code}\n`);
  return code;
}

const INSTALL = ['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'ci', 'clean-install', 'ic'];

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
  const helpers: NpmHelpers = {
    logLine: () => logLine(p, n),
    enoent: (dir) => npmEnoent(p, n, dir, true),
    runScript: (name) => runScript(p, n, name, []),
  };
  const names = rest.filter((r) => !r.startsWith('-'));
  if (['install', 'i', 'add'].includes(sub) && global && names.length) return npmInstallGlobal(p, n, names, helpers);
  if (INSTALL.includes(sub)) {
    const noSave = flags.has('no-save') || values.get('save') === 'false';
    return npmInstall(p, n, sub, ['ci', 'clean-install', 'ic'].includes(sub) ? [] : names, { prod, noSave, ignoreScripts: flags.has('ignore-scripts') }, helpers);
  }
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
