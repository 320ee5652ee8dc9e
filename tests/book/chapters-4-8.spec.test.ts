/**
 * Every Linux Dockerfile of the book's chapters 4 to 8 (Learn Docker in a Month of Lunches; files from the
 * book's repository, tests/book/diamol/, CC BY-SA 4.0), built with both builders as `docker build` from the
 * exercise folder. Each row says what happens: the build succeeds, or where it stops and with which status.
 * Chapter 7 has Compose files only. Maven and the .NET SDK build from the exercise's pom.xml and .csproj (a
 * real jar, the published assembly's files); the JVM and .NET programs then say in one line that Layerlab
 * cannot run them (status 126). Chapter 5's golden images build FROM mcr.microsoft.com's .NET Core 3.0 images,
 * which the offline catalog holds beside Docker Hub's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bookEngine, run } from './book-engine';

interface Case {
  dir: string;
  file?: string;
  /** 'builds', or the instruction the build stops at and the status of its step (null: the FROM cannot be resolved). */
  outcome: 'builds' | { stopsAt: string; status: number | null };
  /** After a successful build: a run (with --entrypoint when the image's own program is one Layerlab cannot run) and what it prints. */
  then?: { args: string[]; out: string | RegExp; entrypoint?: string; err?: string; code?: number };
  /** Lines the build's steps print (the toolchains' own output, driven by the exercise's files). */
  log?: string[];
}

const CASES: Case[] = [
  { dir: 'ch04/exercises/access-log', outcome: 'builds' },
  { dir: 'ch04/exercises/image-gallery', outcome: 'builds', then: { args: ['ls', '-l', '/web/server'], out: /^-rwxr-xr-x .* \/web\/server\n$/ } },
  // Maven packages the learner's sources into a real jar; the JVM does not run in Layerlab (one line, status 126).
  { dir: 'ch04/exercises/image-of-the-day', outcome: 'builds', log: ['[INFO] Building iotd-service 0.1.0\n', '[INFO] Compiling 7 source files to /usr/src/iotd/target/classes\n', '[INFO] Building jar: /usr/src/iotd/target/iotd-service-0.1.0.jar\n', '[INFO] BUILD SUCCESS\n'], then: { args: [], out: '', err: 'java: Layerlab cannot run JVM bytecode; /app/iotd-service-0.1.0.jar (Main-Class org.springframework.boot.loader.JarLauncher, Start-Class iotd.Application) was not run\n', code: 126 } },
  { dir: 'ch04/exercises/multi-stage', outcome: 'builds', then: { args: [], out: 'Building...\nTesting...\n' } },
  // WORKDIR web is /go/web (the image's WORKDIR is /go); `go build -o /web/server` writes outside it.
  { dir: 'ch04/lab', outcome: 'builds', then: { args: ['ls', '/go/web', '/web'], out: '/go/web:\nindex.html\nmain.go\n\n/web:\nserver\n' } },
  { dir: 'ch04/lab', file: 'Dockerfile.optimized', outcome: 'builds', then: { args: ['ls', '/web'], out: 'index.html\nserver\n' } },
  { dir: 'ch05/exercises/aspnet-runtime', outcome: 'builds', then: { entrypoint: 'printenv', args: ['ASPNETCORE_URLS'], out: 'http://+:80\n' } },
  { dir: 'ch05/exercises/dotnet-sdk', outcome: 'builds', then: { entrypoint: 'cat', args: ['global.json'], out: readFileSync(join(ROOT, 'ch05/exercises/dotnet-sdk/global.json'), 'utf8') } },
  { dir: 'ch06/exercises/bind-mount', outcome: 'builds', then: { entrypoint: 'ls', args: ['/init'], out: 'abc.txt\ndef.txt\n' } },
  { dir: 'ch06/exercises/file-display', outcome: 'builds', then: { args: [], out: readFileSync(join(ROOT, 'ch06/exercises/file-display/input.txt'), 'utf8') } },
  { dir: 'ch06/exercises/random-number/linux', outcome: 'builds', then: { args: ['ls', '-l', '/random/random.sh'], out: /^-rwxr-xr-x / } },
  { dir: 'ch06/exercises/todo-list', outcome: 'builds', log: ['  Restore completed in ', ' for /src/ToDoList.csproj.\n', '  ToDoList -> /src/bin/Release/netcoreapp3.0/ToDoList.dll\n', '  ToDoList -> /out/\n'], then: { entrypoint: 'ls', args: ['/app'], out: /\nMicrosoft\.EntityFrameworkCore\.Sqlite\.dll\n(.*\n)*ToDoList\.dll\nToDoList\.pdb\nToDoList\.runtimeconfig\.json\n(.*\n)*web\.config\nwwwroot\n$/ } },
  { dir: 'ch06/exercises/todo-list-v2', outcome: 'builds', then: { entrypoint: 'cat', args: ['/app/wwwroot/css/site.css'], out: readFileSync(join(ROOT, 'ch06/exercises/todo-list-v2/site.css'), 'utf8') } },
  { dir: 'ch06/lab/todo-list-v3', outcome: 'builds', then: { entrypoint: 'ls', args: ['/init-data'], out: 'todo-list.db\n' } },
  ...['Dockerfile', 'Dockerfile.v2', 'Dockerfile.v3'].flatMap((file) => [
    { dir: 'ch08/exercises/numbers', file: `numbers-api/${file}`, outcome: 'builds' as const, log: ['  Numbers.Api -> /out/\n'], then: { entrypoint: 'ls', args: ['/app'], out: file === 'Dockerfile.v3' ? /\nMicrosoft\.Extensions\.Configuration\.Json\.dll\n(.*\n)*Numbers\.Api\.dll\n(.*\n)*PowerArgs\.dll\n(.*\n)*Utilities\.HttpCheck\.dll\n/ : /^Numbers\.Api\nNumbers\.Api\.deps\.json\nNumbers\.Api\.dll\nNumbers\.Api\.pdb\nNumbers\.Api\.runtimeconfig\.json\nappsettings\.Development\.json\nappsettings\.json\nweb\.config\n$/ } },
    { dir: 'ch08/exercises/numbers', file: `numbers-web/${file}`, outcome: 'builds' as const, log: ['  Numbers.Web -> /out/\n'], then: { entrypoint: 'ls', args: ['/app'], out: /(^|\n)Numbers\.Web\.dll\n(.*\n)*RestSharp\.dll\n/ } },
  ]),
  { dir: 'ch08/lab', outcome: 'builds', then: { args: ['ls', '/app'], out: /memory-hog\.js/ } },
  { dir: 'ch08/lab', file: 'Dockerfile.solution', outcome: 'builds', then: { args: ['ls', '/app'], out: /memory-check\.js/ } },
];

const BUILDERS = [
  { name: 'BuildKit', env: {} as Record<string, string> },
  { name: 'the legacy builder', env: { DOCKER_BUILDKIT: '0' } },
];

describe.each(BUILDERS)('chapters 4 to 8, built with $name', ({ env }) => {
  it.each(CASES)('$dir $file', async (c) => {
    const e = bookEngine(c.dir, 'latin1');
    const b = await run(e, ['build', '-t', 'ex', ...(c.file ? ['-f', c.file] : []), '.'], env);
    if (c.outcome === 'builds') {
      expect(b.err + b.out).not.toMatch(/ERROR|returned a non-zero code/);
      expect(b.code).toBe(0);
      for (const line of c.log ?? []) expect(b.err + b.out).toContain(line);
      if (c.then) {
        const r = await run(e, ['run', '--rm', ...(c.then.entrypoint ? ['--entrypoint', c.then.entrypoint] : []), 'ex', ...c.then.args]);
        if (typeof c.then.out === 'string') expect(r.out).toBe(c.then.out);
        else expect(r.out).toMatch(c.then.out);
        if (c.then.err !== undefined) expect(r.err).toBe(c.then.err);
        if (c.then.code !== undefined) expect(r.code).toBe(c.then.code);
      }
      return;
    }
    expect(b.code).toBe(1);
    const { stopsAt, status } = c.outcome;
    const text = b.out + b.err;
    if (status === null) {
      expect(text).toContain(env.DOCKER_BUILDKIT ? `Step 1/` : `>>> ${stopsAt}`);
      expect(text).toMatch(/no such host/);
      expect(text).toContain('layerlab: the offline catalog holds images of Docker Hub and mcr.microsoft.com only');
    } else if (env.DOCKER_BUILDKIT) {
      expect(text).toContain(`The command '/bin/sh -c ${stopsAt.slice(4)}' returned a non-zero code: ${status}`);
      expect(text).toMatch(/this program is not simulated in Layerlab/);
    } else {
      expect(text).toContain(`process "/bin/sh -c ${stopsAt.slice(4)}" did not complete successfully: exit code: ${status}`);
      expect(text).toMatch(/this program is not simulated in Layerlab/);
    }
  });
});
