/**
 * Program dispatch: which implementation runs for a resolved executable, plus the hello-world program.
 */
import { WatchProgram, wantsWatch } from './nodejs/watch-mode';
import type { Program, ProgramContext } from './kernel';
import type { ResolvedProgram } from './executables';
import { NodeProgram } from './nodejs/node-program';
import { ShellProgram } from './shell/shell';
import { AppletProgram } from './shell/applet-program';

/** The text of hello-world's /hello (docker-library/hello-world), for linux/amd64. */
export function helloText(arch = 'amd64'): string {
  return [
    '',
    'Hello from Docker!',
    'This message shows that your installation appears to be working correctly.',
    '',
    'To generate this message, Docker took the following steps:',
    ' 1. The Docker client contacted the Docker daemon.',
    ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
    `    (${arch})`,
    ' 3. The Docker daemon created a new container from that image which runs the',
    '    executable that produces the output you are currently reading.',
    ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
    '    to your terminal.',
    '',
    'To try something more ambitious, you can run an Ubuntu container with:',
    ' $ docker run -it ubuntu bash',
    '',
    'Share images, automate workflows, and more with a free Docker ID:',
    ' https://hub.docker.com/',
    '',
    'For more examples and ideas, visit:',
    ' https://docs.docker.com/get-started/',
    '',
    '',
  ].join('\n');
}

class HelloProgram implements Program {
  constructor(private ctx: ProgramContext) {}
  start(): void {
    this.ctx.write('stdout', helloText());
    this.ctx.exit(0);
  }
}

export function createProgram(ctx: ProgramContext, resolved: ResolvedProgram): Program {
  switch (resolved.kind) {
    case 'node':
      return wantsWatch(ctx.argv) ? new WatchProgram(ctx) : new NodeProgram(ctx);
    case 'npm':
      // npm is a package program (packages/npm.ts): installs, and scripts through the shell.
      return new AppletProgram(ctx, 'npm');
    case 'sh':
      return new ShellProgram(ctx);
    case 'hello':
      return new HelloProgram(ctx);
    case 'applet':
      return new AppletProgram(ctx, resolved.applet ?? 'true');
  }
}
