/**
 * `npm` at container run time: `npm start`, `npm test`, `npm run <script>` (the common `CMD ["npm", "start"]`),
 * `npm -v`. Runs the package.json script with `sh -c` like npm does, after npm's banner. Installing packages
 * happens at build time (the build's RUN npm install); here it says so.
 */
import type { Program, ProgramContext } from '../kernel';
import { decodeText, resolvePath } from '../fs-helpers';
import { nodeFlavour } from './node-program';

/** The npm bundled with a Node major version (close enough for messages). */
function npmVersion(nodeMajor: number): string {
  if (nodeMajor <= 10) return '6.9.0';
  if (nodeMajor <= 12) return '6.14.16';
  if (nodeMajor <= 14) return '6.14.18';
  if (nodeMajor <= 16) return '8.19.4';
  if (nodeMajor <= 18) return '10.8.2';
  return '10.9.2';
}

export class NpmProgram implements Program {
  constructor(private ctx: ProgramContext) {}

  start(): void {
    const fl = nodeFlavour(this.ctx.env);
    const npmMajor = parseInt(npmVersion(fl.major), 10);
    const args = this.ctx.argv.slice(1);
    const errPrefix = npmMajor >= 9 ? 'npm error' : 'npm ERR!';
    if (args[0] === '-v' || args[0] === '--version') {
      this.ctx.write('stdout', `${npmVersion(fl.major)}\n`);
      return this.ctx.exit(0);
    }
    let script: string | undefined;
    let extra: string[] = [];
    if (args[0] === 'start' || args[0] === 'test' || args[0] === 'stop' || args[0] === 'restart') {
      script = args[0];
      extra = args.slice(1);
    } else if (args[0] === 'run' || args[0] === 'run-script') {
      script = args[1];
      extra = args.slice(2);
    }
    if (extra[0] === '--') extra = extra.slice(1);
    if (!script) {
      this.ctx.write('stderr', `${errPrefix} Layerlab runs npm scripts (npm start, npm test, npm run <script>) in containers; install packages at build time with RUN npm install.\n`);
      return this.ctx.exit(1);
    }
    const pkgPath = resolvePath(this.ctx.cwd, 'package.json');
    const data = this.ctx.fs.readFile(pkgPath);
    let pkg: any = null;
    try {
      pkg = data ? JSON.parse(decodeText(data)) : null;
    } catch {
      pkg = undefined;
    }
    if (!data) {
      if (npmMajor >= 7) this.ctx.write('stderr', `${errPrefix} code ENOENT\n${errPrefix} syscall open\n${errPrefix} path ${pkgPath}\n${errPrefix} errno -2\n${errPrefix} enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${pkgPath}'\n`);
      else this.ctx.write('stderr', `${errPrefix} path ${pkgPath}\n${errPrefix} code ENOENT\n${errPrefix} errno -2\n${errPrefix} syscall open\n${errPrefix} enoent ENOENT: no such file or directory, open '${pkgPath}'\n`);
      return this.ctx.exit(npmMajor >= 7 ? 254 : 254);
    }
    if (pkg === undefined) {
      this.ctx.write('stderr', `${errPrefix} code EJSONPARSE\n${errPrefix} file ${pkgPath}\n${errPrefix} JSON.parse Failed to parse json\n`);
      return this.ctx.exit(1);
    }
    let cmd: string | undefined = pkg?.scripts?.[script];
    if (!cmd && script === 'start' && this.ctx.fs.stat(resolvePath(this.ctx.cwd, 'server.js'))) cmd = 'node server.js';
    if (!cmd) {
      if (npmMajor >= 7) this.ctx.write('stderr', `${errPrefix} Missing script: "${script}"\n${errPrefix}\n${errPrefix} To see a list of scripts, run:\n${errPrefix}   npm run\n`);
      else this.ctx.write('stderr', `${errPrefix} missing script: ${script}\n`);
      return this.ctx.exit(1);
    }
    const full = [cmd, ...extra].join(' ');
    const id = `${pkg?.name ?? ''}@${pkg?.version ?? ''}`;
    this.ctx.write('stdout', npmMajor >= 7 ? `\n> ${id} ${script}\n> ${full}\n\n` : `\n> ${id} ${script} ${this.ctx.cwd}\n> ${full}\n\n`);
    const env: Record<string, string> = { ...this.ctx.env, npm_lifecycle_event: script, npm_package_name: String(pkg?.name ?? ''), npm_package_version: String(pkg?.version ?? '') };
    const binDir = resolvePath(this.ctx.cwd, 'node_modules/.bin');
    env.PATH = `${binDir}:${env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`;
    const release = this.ctx.hold();
    void this.ctx.spawnChild(['sh', '-c', full], { env, cwd: this.ctx.cwd }).then((code) => {
      release();
      if (code !== 0 && npmMajor < 7) this.ctx.write('stderr', `${errPrefix} code ELIFECYCLE\n${errPrefix} errno ${code}\n${errPrefix} ${id} ${script}: \`${full}\`\n${errPrefix} Exit status ${code}\n`);
      this.ctx.exit(code);
    });
  }

  signal(): boolean {
    return false;
  }
}
