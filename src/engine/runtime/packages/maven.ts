/**
 * `mvn` (Maven 3, in maven images): reads the project's pom.xml, resolves its parent, plugins and dependencies
 * against the local repository (~/.m2/repository: what is missing is "downloaded from central", written as
 * synthetic jars and poms, so a cached `dependency:go-offline` layer spares the next build the downloads), runs
 * the lifecycle phases up to the goal with Maven's log lines, and packages the learner's sources into
 * target/<artifactId>-<version>.jar, a real zip with a manifest. Java is not compiled: the .class entries are
 * placeholders named after the sources, and `java -jar` says it cannot run them.
 *
 * Log shapes: Maven 3.6's console output (infoMain's 72-column rules, "Downloading from central:" with an
 * [INFO] prefix in batch mode, "BUILD SUCCESS", "Total time:  N s", "Finished at:"), see
 * https://github.com/apache/maven/blob/maven-3.6.3/maven-embedder/src/main/java/org/apache/maven/cli/event/ExecutionEventLogger.java
 */
import { zipSync } from 'fflate';
import { basename, walk } from '../fs-helpers';
import { pkgApplet, type PkgCtx } from './context';
import { parsePom, type Coordinates, type Pom } from './pom';
import { table } from './table';

const CENTRAL = 'https://repo.maven.apache.org/maven2';
const LINE = 72;

/** Transitive dependencies of the Spring Boot 2.1 starters ("BOOT": the parent's version). */
const TRANSITIVE = table<string[]>({
  'spring-boot-starter-web': ['org.springframework.boot:spring-boot-starter:BOOT', 'org.springframework.boot:spring-boot-starter-json:BOOT', 'org.springframework.boot:spring-boot-starter-tomcat:BOOT', 'org.hibernate.validator:hibernate-validator:6.0.14.Final', 'org.springframework:spring-web:5.1.5.RELEASE', 'org.springframework:spring-webmvc:5.1.5.RELEASE'],
  'spring-boot-starter': ['org.springframework.boot:spring-boot:BOOT', 'org.springframework.boot:spring-boot-autoconfigure:BOOT', 'org.springframework.boot:spring-boot-starter-logging:BOOT', 'javax.annotation:javax.annotation-api:1.3.2', 'org.springframework:spring-core:5.1.5.RELEASE', 'org.yaml:snakeyaml:1.23'],
  'spring-boot-starter-json': ['com.fasterxml.jackson.core:jackson-databind:2.9.8', 'com.fasterxml.jackson.datatype:jackson-datatype-jdk8:2.9.8', 'com.fasterxml.jackson.datatype:jackson-datatype-jsr310:2.9.8', 'com.fasterxml.jackson.module:jackson-module-parameter-names:2.9.8'],
  'spring-boot-starter-tomcat': ['org.apache.tomcat.embed:tomcat-embed-core:9.0.16', 'org.apache.tomcat.embed:tomcat-embed-el:9.0.16', 'org.apache.tomcat.embed:tomcat-embed-websocket:9.0.16'],
  'spring-boot-starter-logging': ['ch.qos.logback:logback-classic:1.2.3', 'org.apache.logging.log4j:log4j-to-slf4j:2.11.2', 'org.slf4j:jul-to-slf4j:1.7.25'],
  'spring-boot-starter-test': ['org.springframework.boot:spring-boot-test:BOOT', 'org.springframework.boot:spring-boot-test-autoconfigure:BOOT', 'junit:junit:4.12', 'org.assertj:assertj-core:3.11.1', 'org.mockito:mockito-core:2.23.4', 'org.hamcrest:hamcrest-core:1.3', 'org.springframework:spring-test:5.1.5.RELEASE'],
  'spring-webmvc': ['org.springframework:spring-context:5.1.5.RELEASE', 'org.springframework:spring-aop:5.1.5.RELEASE', 'org.springframework:spring-beans:5.1.5.RELEASE', 'org.springframework:spring-expression:5.1.5.RELEASE'],
  'jackson-databind': ['com.fasterxml.jackson.core:jackson-annotations:2.9.0', 'com.fasterxml.jackson.core:jackson-core:2.9.8'],
  'logback-classic': ['ch.qos.logback:logback-core:1.2.3', 'org.slf4j:slf4j-api:1.7.25'],
  ehcache: ['org.slf4j:slf4j-api:1.7.25'],
  'json-path': ['net.minidev:json-smart:2.3', 'org.slf4j:slf4j-api:1.7.25'],
  'hibernate-validator': ['javax.validation:validation-api:2.0.1.Final', 'org.jboss.logging:jboss-logging:3.3.2.Final', 'com.fasterxml:classmate:1.4.0'],
});

/** The plugins a jar lifecycle uses: Maven 3.6's default bindings, or the versions Spring Boot 2.1's parent pins. */
function plugins(pom: Pom): Record<'clean' | 'resources' | 'compiler' | 'surefire' | 'jar' | 'install' | 'dependency', string> {
  if (pom.parent?.artifactId === 'spring-boot-starter-parent') return { clean: '3.1.0', resources: '3.1.0', compiler: '3.8.0', surefire: '2.22.1', jar: '3.1.1', install: '2.5.2', dependency: '3.1.1' };
  return { clean: '2.5', resources: '2.6', compiler: '3.1', surefire: '2.12.4', jar: '2.4', install: '2.4', dependency: '2.8' };
}

interface Artifact extends Coordinates {
  ext: 'pom' | 'jar';
  scope: string;
}

const repoPath = (a: Artifact) => `${a.groupId.replace(/\./g, '/')}/${a.artifactId}/${a.version}/${a.artifactId}-${a.version}.${a.ext}`;

const PHASES = ['validate', 'compile', 'test', 'package', 'verify', 'install', 'deploy'];

export async function mvn(p: PkgCtx): Promise<number> {
  const args = p.argv.slice(1);
  const goals: string[] = [];
  let batch = false;
  let quiet = false;
  let offline = false;
  let pomFile = 'pom.xml';
  const props: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-B' || a === '--batch-mode') batch = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-o' || a === '--offline') offline = true;
    else if (a === '-f' || a === '--file') pomFile = args[++i] ?? pomFile;
    else if (a === '-v' || a === '--version' || a === '-version') return version(p);
    else if (a.startsWith('-D')) {
      const [k, v] = a.slice(2).split('=');
      props[k] = v ?? 'true';
    } else if (!a.startsWith('-')) goals.push(a);
  }
  const info = (t = '') => {
    if (!quiet) p.out(`[INFO] ${t}\n`);
  };
  const start = p.now();
  const footer = (ok: boolean) => {
    info('------------------------------------------------------------------------');
    info(ok ? 'BUILD SUCCESS' : 'BUILD FAILURE');
    info('------------------------------------------------------------------------');
    const ms = p.now() - start;
    info(`Total time:  ${ms >= 60_000 ? `${String(Math.floor(ms / 60_000)).padStart(2, '0')}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')} min` : `${(ms / 1000).toFixed(3)} s`}`);
    info(`Finished at: ${new Date(p.now()).toISOString().replace(/\.\d+Z$/, 'Z')}`);
    info('------------------------------------------------------------------------');
  };
  const fail = (lines: string[], help: string) => {
    for (const l of lines) p.out(`[ERROR] ${l}\n`);
    p.out('[ERROR] \n[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.\n[ERROR] Re-run Maven using the -X switch to enable full debug logging.\n[ERROR] \n');
    p.out(`[ERROR] For more information about the errors and possible solutions, please read the following articles:\n[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/${help}\n`);
    return 1;
  };
  info('Scanning for projects...');
  await p.spend(600);
  const pomText = p.read(pomFile);
  if (goals.length === 0) {
    footer(false);
    return fail(['No goals have been specified for this build. You must specify a valid lifecycle phase or a goal in the format <plugin-prefix>:<goal> or <plugin-group-id>:<plugin-artifact-id>[:<plugin-version>]:<goal>. Available lifecycle phases are: validate, initialize, generate-sources, process-sources, generate-resources, process-resources, compile, process-classes, generate-test-sources, process-test-sources, generate-test-resources, process-test-resources, test-compile, process-test-classes, test, prepare-package, package, pre-integration-test, integration-test, post-integration-test, verify, install, deploy, pre-clean, clean, post-clean, pre-site, site, post-site, site-deploy. -> [Help 1]'], 'NoGoalSpecifiedException');
  }
  if (pomText === null) {
    footer(false);
    return fail([`The goal you specified requires a project to execute but there is no POM in this directory (${p.cwd}). Please verify you invoked Maven from the correct directory. -> [Help 1]`], 'MissingProjectException');
  }
  const parsed = parsePom(pomText, p.path(pomFile));
  if (!parsed.ok) {
    p.out('[ERROR] [ERROR] Some problems were encountered while processing the POMs:\n');
    for (const e of parsed.errors) p.out(`[ERROR] ${e}\n`);
    p.out(' @ \n[ERROR] The build could not read 1 project -> [Help 1]\n');
    return fail([], 'ProjectBuildingException');
  }
  const pom = parsed.pom;
  const home = p.vars.HOME || '/root';
  const repo = `${home}/.m2/repository`;
  const base = p.path(pomFile).replace(/\/[^/]*$/, '') || '/';
  const pv = plugins(pom);
  const sizeOf = (a: Artifact) => {
    const h = parseInt(p.sha256(`${a.groupId}:${a.artifactId}:${a.version}`).slice(0, 8), 16);
    return a.ext === 'pom' ? 1_500 + (h % 20_000) : 20_000 + (h % 1_500_000);
  };
  // Artifacts missing from the local repository are downloaded, in Maven's log shape.
  const fetch = async (arts: Artifact[]): Promise<number> => {
    for (const a of arts) {
      const path = `${repo}/${repoPath(a)}`;
      if (p.exists(path)) continue;
      const url = `${CENTRAL}/${repoPath(a)}`;
      if (offline) {
        footer(false);
        return fail([`Plugin or dependency ${a.groupId}:${a.artifactId}:${a.version} could not be resolved: Cannot access central (${CENTRAL}) in offline mode and the artifact ${a.groupId}:${a.artifactId}:${a.ext}:${a.version} has not been downloaded from it before. -> [Help 1]`], 'DependencyResolutionException');
      }
      const size = sizeOf(a);
      const ms = 30 + Math.round(size / 2_000);
      const prefix = batch ? '[INFO] ' : '';
      if (!quiet) p.out(`${prefix}Downloading from central: ${url}\n`);
      await p.spend(ms);
      if (!batch && !quiet) p.out(`Progress (1): ${kb(size)}\n\n`);
      if (!quiet) p.out(`${prefix}Downloaded from central: ${url} (${kb(size)} at ${kb(Math.round((size * 1000) / ms))}/s)\n`);
      if (a.ext === 'pom') p.write(path, `<?xml version="1.0" encoding="UTF-8"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>${a.groupId}</groupId>\n  <artifactId>${a.artifactId}</artifactId>\n  <version>${a.version}</version>\n</project>\n`);
      else p.writeSynthetic(path, { seed: `maven:${a.groupId}:${a.artifactId}:${a.version}`, size });
    }
    return 0;
  };
  const both = (c: Coordinates, scope: string): Artifact[] => [{ ...c, ext: 'pom', scope }, { ...c, ext: 'jar', scope }];
  const plugin = (name: string, v: string, group = 'org.apache.maven.plugins') => both({ groupId: group, artifactId: name, version: v }, 'plugin');
  // The parent's poms, then the project's dependencies and theirs.
  const parentPoms: Artifact[] = pom.parent ? [{ ...pom.parent, ext: 'pom', scope: 'parent' }, ...(pom.parent.artifactId === 'spring-boot-starter-parent' ? [{ groupId: 'org.springframework.boot', artifactId: 'spring-boot-dependencies', version: pom.parent.version, ext: 'pom' as const, scope: 'parent' }] : [])] : [];
  const deps: Artifact[] = [];
  const seen = new Set<string>();
  const visit = (c: Coordinates, scope: string) => {
    const key = `${c.groupId}:${c.artifactId}`;
    if (seen.has(key)) return;
    seen.add(key);
    deps.push(...both(c, scope));
    for (const t of TRANSITIVE[c.artifactId] ?? []) {
      const [g, a, v] = t.split(':');
      visit({ groupId: g, artifactId: a, version: v === 'BOOT' ? (pom.parent?.version ?? c.version) : v }, scope);
    }
  };
  for (const d of pom.dependencies) visit(d, d.scope);
  const bootPlugin = pom.plugins.includes('org.springframework.boot:spring-boot-maven-plugin');
  const lifecyclePlugins = [
    ...plugin('maven-resources-plugin', pv.resources),
    ...plugin('maven-compiler-plugin', pv.compiler),
    ...plugin('maven-surefire-plugin', pv.surefire),
    ...plugin(pom.packaging === 'war' ? 'maven-war-plugin' : 'maven-jar-plugin', pom.packaging === 'war' ? '3.2.2' : pv.jar),
    ...plugin('maven-install-plugin', pv.install),
    ...(bootPlugin ? plugin('spring-boot-maven-plugin', pom.parent?.version ?? '2.1.3.RELEASE', 'org.springframework.boot') : []),
  ];
  if ((await fetch(parentPoms)) !== 0) return 1;
  info('');
  info(rule(`< ${pom.groupId}:${pom.artifactId} >`));
  info(`Building ${pom.name ?? pom.artifactId} ${pom.version}`);
  info(rule(`[ ${pom.packaging} ]`));
  const mojo = async (name: string, v: string, goal: string, id: string) => {
    info('');
    info(`--- ${name}:${v}:${goal} (${id}) @ ${pom.artifactId} ---`);
    await p.spend(200);
  };
  const src = (dir: string, ext?: string) =>
    walk(p.fs, `${base}/${dir}`)
      .filter((e) => e.stat.type === 'file' && (!ext || e.path.endsWith(ext)))
      .map((e) => e.path);
  const encoding = pom.properties['project.build.sourceEncoding'] ?? (pom.parent?.artifactId === 'spring-boot-starter-parent' ? 'UTF-8' : undefined);
  const target = `${base}/target`;
  for (const goal of goals) {
    if (goal === 'clean') {
      if ((await fetch(plugin('maven-clean-plugin', pv.clean))) !== 0) return 1;
      await mojo('maven-clean-plugin', pv.clean, 'clean', 'default-clean');
      if (p.exists(target)) info(`Deleting ${target}`);
      p.rmrf(target);
      continue;
    }
    if (goal === 'dependency:go-offline' || goal === 'dependency:resolve') {
      if ((await fetch(plugin('maven-dependency-plugin', pv.dependency))) !== 0) return 1;
      await mojo('maven-dependency-plugin', pv.dependency, goal.split(':')[1], 'default-cli');
      if (goal === 'dependency:go-offline' && (await fetch(lifecyclePlugins)) !== 0) return 1;
      if ((await fetch(deps)) !== 0) return 1;
      if (goal === 'dependency:resolve') {
        info('');
        info('The following files have been resolved:');
        for (const d of deps.filter((a) => a.ext === 'jar')) info(`   ${d.groupId}:${d.artifactId}:jar:${d.version}:${d.scope}`);
      }
      continue;
    }
    const upto = PHASES.indexOf(goal);
    if (upto < 0) {
      footer(false);
      return fail([`Unknown lifecycle phase "${goal}". You must specify a valid lifecycle phase or a goal in the format <plugin-prefix>:<goal> or <plugin-group-id>:<plugin-artifact-id>[:<plugin-version>]:<goal>. -> [Help 1]`], 'LifecyclePhaseNotFoundException');
    }
    if ((await fetch(lifecyclePlugins)) !== 0 || (await fetch(deps)) !== 0) return 1;
    if (upto < PHASES.indexOf('compile')) continue;
    const resources = src('src/main/resources');
    await mojo('maven-resources-plugin', pv.resources, 'resources', 'default-resources');
    info(encoding ? `Using '${encoding}' encoding to copy filtered resources.` : '');
    if (!encoding) p.out('[WARNING] Using platform encoding (UTF-8 actually) to copy filtered resources, i.e. build is platform dependent!\n');
    if (resources.length || p.exists(`${base}/src/main/resources`)) info(`Copying ${resources.length} resource${resources.length === 1 ? '' : 's'}`);
    else info(`skip non existing resourceDirectory ${base}/src/main/resources`);
    for (const r of resources) {
      const data = p.fs.readFile(r);
      if (data) p.writeBytes(`${target}/classes/${r.slice(base.length + '/src/main/resources/'.length)}`, data);
    }
    const sources = src('src/main/java', '.java');
    await mojo('maven-compiler-plugin', pv.compiler, 'compile', 'default-compile');
    if (sources.length) {
      info('Changes detected - recompiling the module!');
      if (!encoding) p.out('[WARNING] File encoding has not been set, using platform encoding UTF-8, i.e. build is platform dependent!\n');
      info(`Compiling ${sources.length} source file${sources.length === 1 ? '' : 's'} to ${target}/classes`);
      await p.spend(800 + sources.length * 150);
      for (const s of sources) p.writeBytes(`${target}/classes/${classPath(base, s)}`, classPlaceholder(s));
    } else info('No sources to compile');
    if (upto < PHASES.indexOf('test')) continue;
    const tests = src('src/test/java', '.java');
    await mojo('maven-resources-plugin', pv.resources, 'testResources', 'default-testResources');
    if (encoding) info(`Using '${encoding}' encoding to copy filtered resources.`);
    info(`skip non existing resourceDirectory ${base}/src/test/resources`);
    await mojo('maven-compiler-plugin', pv.compiler, 'testCompile', 'default-testCompile');
    info(tests.length ? `Compiling ${tests.length} source file${tests.length === 1 ? '' : 's'} to ${target}/test-classes` : 'No sources to compile');
    await mojo('maven-surefire-plugin', pv.surefire, 'test', 'default-test');
    if (props.skipTests !== undefined || props['maven.test.skip'] !== undefined) info('Tests are skipped.');
    else if (!tests.length) info('No tests to run.');
    else p.out(`[WARNING] Layerlab cannot run JVM bytecode: the ${tests.length} test source${tests.length === 1 ? '' : 's'} in src/test/java were not run\n`);
    if (upto < PHASES.indexOf('package')) continue;
    const jarName = `${pom.artifactId}-${pom.version}.${pom.packaging === 'war' ? 'war' : 'jar'}`;
    if (pom.packaging !== 'pom') {
      await mojo(pom.packaging === 'war' ? 'maven-war-plugin' : 'maven-jar-plugin', pom.packaging === 'war' ? '3.2.2' : pv.jar, pom.packaging === 'war' ? 'war' : 'jar', `default-${pom.packaging === 'war' ? 'war' : 'jar'}`);
      info(`Building ${pom.packaging === 'war' ? 'war' : 'jar'}: ${target}/${jarName}`);
      const runtimeJars = bootPlugin ? deps.filter((d) => d.ext === 'jar' && d.scope !== 'test' && d.scope !== 'provided') : [];
      if (bootPlugin) {
        await mojo('spring-boot-maven-plugin', pom.parent?.version ?? '2.1.3.RELEASE', 'repackage', 'repackage');
      }
      p.writeBytes(`${target}/${jarName}`, buildJar(p, pom, `${target}/classes`, sources, runtimeJars));
      await p.spend(400);
    }
    if (upto >= PHASES.indexOf('install')) {
      await mojo('maven-install-plugin', pv.install, 'install', 'default-install');
      const dest = `${repo}/${pom.groupId.replace(/\./g, '/')}/${pom.artifactId}/${pom.version}`;
      const data = p.fs.readFile(`${target}/${jarName}`);
      if (data) {
        info(`Installing ${target}/${jarName} to ${dest}/${jarName}`);
        p.writeBytes(`${dest}/${jarName}`, data);
      }
      info(`Installing ${base}/pom.xml to ${dest}/${pom.artifactId}-${pom.version}.pom`);
      p.write(`${dest}/${pom.artifactId}-${pom.version}.pom`, pomText);
    }
  }
  footer(true);
  return 0;
}

function rule(text: string): string {
  const pre = Math.max(0, Math.floor((LINE - text.length) / 2));
  return '-'.repeat(pre) + text + '-'.repeat(Math.max(0, LINE - text.length - pre));
}

function kb(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return n >= 10_000 ? `${Math.round(n / 1000)} kB` : `${(n / 1000).toFixed(1)} kB`;
}

const classPath = (base: string, source: string) => source.slice(`${base}/src/main/java/`.length).replace(/\.java$/, '.class');

/** A .class entry's bytes: the class-file magic and a line saying the source was not compiled. */
function classPlaceholder(source: string): Uint8Array {
  const text = new TextEncoder().encode(`\nlayerlab: ${basename(source)} was not compiled (Layerlab runs no Java compiler)\n`);
  const out = new Uint8Array(4 + text.length);
  out.set([0xca, 0xfe, 0xba, 0xbe]);
  out.set(text, 4);
  return out;
}

/** The class with `public static void main` (or @SpringBootApplication), as a binary name. */
function mainClass(p: PkgCtx, base: string, sources: string[]): string | undefined {
  const withMain = sources.find((s) => /@SpringBootApplication|public\s+static\s+void\s+main\s*\(/.test(p.read(s) ?? ''));
  return withMain ? classPath(base, withMain).replace(/\.class$/, '').replace(/\//g, '.') : undefined;
}

function buildJar(p: PkgCtx, pom: Pom, classes: string, sources: string[], libs: Artifact[]): Uint8Array {
  const base = classes.replace(/\/target\/classes$/, '');
  const boot = libs.length > 0;
  const main = mainClass(p, base, sources);
  const manifest = [
    'Manifest-Version: 1.0',
    `Implementation-Title: ${pom.name ?? pom.artifactId}`,
    `Implementation-Version: ${pom.version}`,
    `Built-By: ${p.uid === 0 ? 'root' : String(p.uid)}`,
    ...(boot ? [`Start-Class: ${main ?? ''}`, 'Spring-Boot-Classes: BOOT-INF/classes/', 'Spring-Boot-Lib: BOOT-INF/lib/', `Spring-Boot-Version: ${pom.parent?.version ?? ''}`] : []),
    'Created-By: Apache Maven',
    `Build-Jdk: ${p.vars.JAVA_VERSION ?? '11'}`,
    ...(boot ? ['Main-Class: org.springframework.boot.loader.JarLauncher'] : main ? [`Main-Class: ${main}`] : []),
  ];
  const mtime = new Date(p.now());
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const add = (name: string, data: Uint8Array) => (entries[name] = [data, { mtime }]);
  add('META-INF/MANIFEST.MF', new TextEncoder().encode(manifest.join('\r\n') + '\r\n\r\n'));
  add(`META-INF/maven/${pom.groupId}/${pom.artifactId}/pom.properties`, new TextEncoder().encode(`artifactId=${pom.artifactId}\ngroupId=${pom.groupId}\nversion=${pom.version}\n`));
  const prefix = boot ? 'BOOT-INF/classes/' : '';
  for (const e of walk(p.fs, classes)) {
    if (e.stat.type !== 'file') continue;
    const data = p.fs.readFile(e.path);
    if (data) add(prefix + e.path.slice(classes.length + 1), data);
  }
  for (const l of libs) add(`BOOT-INF/lib/${l.artifactId}-${l.version}.jar`, new TextEncoder().encode(`layerlab: placeholder for ${l.groupId}:${l.artifactId}:${l.version} from Maven Central\n`));
  return zipSync(entries, { level: 6 });
}

/** `mvn -v`: the Maven home's version file and the image's Java. */
function version(p: PkgCtx): number {
  const v = (p.read('/usr/share/maven/lib/.version') ?? '3.6.3').trim();
  p.out(`Apache Maven ${v}\nMaven home: /usr/share/maven\nJava version: ${p.vars.JAVA_VERSION ?? '11'}, vendor: Oracle Corporation, runtime: ${p.vars.JAVA_HOME ?? '/usr/local/openjdk-11'}\nDefault locale: en, platform encoding: UTF-8\nOS name: "linux", version: "5.15.0", arch: "amd64", family: "unix"\n`);
  return 0;
}

export const MAVEN_PROGRAMS = { mvn: pkgApplet(mvn) };
