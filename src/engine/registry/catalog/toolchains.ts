/**
 * Build toolchains: golang, eclipse-temurin, openjdk, maven and gradle, as the docker-library Dockerfiles
 * build them (their ENV, WORKDIR, ENTRYPOINT and CMD; history rows abridged to the command's start). Layer
 * sizes are [uncompressed, compressed] bytes, estimates from Docker Hub's totals for each tag unless a
 * comment says otherwise. `go` runs in Layerlab (runtime/packages/go.ts); java, javac, mvn and gradle are
 * programs the sandbox cannot run and say so.
 */
import { ALPINE, BOOKWORM, BP_CURL, BP_SCM, BULLSEYE_SLIM, NOBLE, bookwormSteps, debianSteps, ubuntuSteps } from './bases';
import { PATH, buildkitImage, layer, type Row } from './dsl';
import { blob, dir, file, link, program, script } from './rootfs';
import type { CatalogImage, CatalogLayer, CatalogStep } from './types';

type Size = [number, number];
const sized = (key: string, [size, compressed]: Size, files: () => ReturnType<CatalogLayer['files']>, filler: string): CatalogLayer => layer(key, size, compressed, files, filler);

// ---------------------------------------------------------------- golang
const scmSteps: CatalogStep[] = [
  ...bookwormSteps(BOOKWORM),
  ...buildpackScm(),
];
function buildpackScm(): CatalogStep[] {
  // buildpack-deps:bookworm-scm = the curl and scm layers of buildpack-deps (bases.ts).
  return buildkitImage('library/buildpack-deps', [], '2024-11-12T02:12:19Z', [
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*', BP_CURL],
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*', BP_SCM],
  ], { Env: [PATH] }).steps;
}
const GCC = sized('golang-bookworm-gcc', [265_000_000, 86_000_000], () => [program('/usr/bin/gcc-12', 'gcc', 1_027_016), link('/usr/bin/gcc', 'gcc-12'), program('/usr/bin/make', 'make', 256_352), program('/usr/bin/pkg-config', 'pkg-config', 0)], '/usr/lib/gcc/x86_64-linux-gnu/12/.layerlab-cc1');
const goFiles = (version: string) => () => [
  program('/usr/local/go/bin/go', 'go', 14_000_000),
  program('/usr/local/go/bin/gofmt', 'gofmt', 3_000_000),
  file('/usr/local/go/VERSION', `go${version}\n`),
];
const goPath = (key: string) => layer(key, 'auto', 126, () => [dir('/go'), dir('/go/src', 0o777), dir('/go/bin', 0o777)]);

function golang(version: string, debian: boolean, install: Size, alpine = '3.20'): CatalogImage {
  const t = '2024-11-07T01:12:40Z';
  const env = ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `GOLANG_VERSION=${version}`, 'GOTOOLCHAIN=local', 'GOPATH=/go'];
  const rows: Row[] = [
    ...(debian
      ? [['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/*', GCC] as Row]
      : [['RUN /bin/sh -c apk add --no-cache ca-certificates', layer(`golang-alpine${alpine}-ca`, 620_000, 290_000, () => [blob('/etc/ssl/certs/ca-certificates.crt', 219_342)], '/usr/share/ca-certificates/.layerlab')] as Row]),
    'ENV GOLANG_VERSION=' + version,
    'ENV GOTOOLCHAIN=local',
    'ENV GOPATH=/go',
    'ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ['COPY /target/ /', sized(`golang-${version}-${debian ? 'linux' : 'alpine'}`, install, goFiles(version), '/usr/local/go/pkg/.layerlab-stdlib')],
    ['RUN /bin/sh -c mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"', goPath(`golang-gopath-${debian ? 'debian' : 'alpine'}`)],
    'WORKDIR /go',
  ];
  const base = debian ? scmSteps : ALPINE[alpine].steps;
  return buildkitImage('library/golang', base, t, rows, { Env: env, Cmd: debian ? ['bash'] : ['/bin/sh'], WorkingDir: '/go' });
}

/** golang:1.13.15 for diamol/golang (the book's `FROM golang:1.13`); on the catalog's bookworm layers (the real image is on buster). */
function golang113(): CatalogImage {
  const i = golang('1.13.15', true, [359_000_000, 120_000_000]);
  const env = ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOLANG_VERSION=1.13.15', 'GOPATH=/go'];
  return { ...i, steps: i.steps.filter((s) => !s.createdBy.includes('GOTOOLCHAIN')), config: { ...i.config, Env: env } };
}

// ---------------------------------------------------------------- eclipse-temurin, openjdk
const TEMURIN_DEPS = sized('temurin-noble-deps', [41_000_000, 16_000_000], () => [program('/usr/bin/curl', 'curl', 277_936), program('/usr/bin/wget', 'wget', 531_368), blob('/usr/lib/locale/locale-archive', 3_000_000)], '/usr/share/.layerlab-packages-temurin');
const CACERT_ENTRY = layer('temurin-cacert-entrypoint', 'auto', 2_100, () => [script('/__cacert_entrypoint.sh', '#!/usr/bin/env bash\n# Adds certificates from /certificates to the JVM\'s trust store when USE_SYSTEM_CA_CERTS is set, then runs the command.\nexec "$@"\n')]);
const javaFiles = (home: string, jdk: boolean) => () => [
  program(`${home}/bin/java`, 'java', 12_000),
  ...(jdk ? [program(`${home}/bin/javac`, 'javac', 12_000), program(`${home}/bin/jshell`, 'jshell', 12_000), program(`${home}/bin/jar`, 'jar', 12_000)] : []),
  file(`${home}/release`, `IMPLEMENTOR="Eclipse Adoptium"\n`),
];

/** eclipse-temurin:<version>-<jdk|jre> on Ubuntu 24.04. */
function temurin(javaVersion: string, jdk: boolean, install: Size): CatalogImage {
  const t = '2024-11-05T17:52:44Z';
  const home = '/opt/java/openjdk';
  const env = [`JAVA_HOME=${home}`, `PATH=${home}/bin:${PATH.slice(5)}`, 'LANG=en_US.UTF-8', 'LANGUAGE=en_US:en', 'LC_ALL=en_US.UTF-8', `JAVA_VERSION=${javaVersion}`];
  const rows: Row[] = [
    `ENV JAVA_HOME=${home}`,
    `ENV PATH=${home}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    "ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8",
    ['RUN /bin/sh -c set -eux;     apt-get update;     DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends         curl         wget         fontconfig         ca-certificates p11-kit         tzdata         locales     ;', TEMURIN_DEPS],
    `ENV JAVA_VERSION=${javaVersion}`,
    [`RUN /bin/sh -c set -eux;     ARCH="$(dpkg --print-architecture)";     case "\${ARCH}" in        amd64)          BINARY_URL='https://github.com/adoptium/temurin${javaVersion.replace(/^jdk-?(\d+).*/, '$1')}-binaries/releases/download/${javaVersion}/'`, sized(`temurin-${javaVersion}-${jdk ? 'jdk' : 'jre'}`, install, javaFiles(home, jdk), `${home}/lib/.layerlab-modules`)],
    'COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh',
    'ENTRYPOINT ["/__cacert_entrypoint.sh"]',
    ...(jdk ? ['CMD ["jshell"]'] : []),
  ];
  const withEntry = rows.map((r) => (r === 'COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh' ? ([r, CACERT_ENTRY] as Row) : r));
  return buildkitImage('library/eclipse-temurin', ubuntuSteps('24.04', NOBLE, '2024-10-11T03:39:51Z'), t, withEntry, { Env: env, Entrypoint: ['/__cacert_entrypoint.sh'], Cmd: jdk ? ['jshell'] : ['/bin/bash'] });
}

/**
 * openjdk:11-jre-slim and 11-jdk-slim (the deprecated openjdk images' last 11 builds, 11.0.16 on Debian 11 slim;
 * image ls 220 MB and 423 MB), the base of diamol/openjdk; openjdk:17-jdk-slim (17.0.2, 408 MB).
 */
function openjdk(version: string, jdk: boolean, install: Size): CatalogImage {
  const major = version.split('.')[0];
  const home = `/usr/local/openjdk-${major}`;
  const t = '2022-08-02T00:49:33Z';
  const env = [`PATH=${home}/bin:${PATH.slice(5)}`, `JAVA_HOME=${home}`, 'LANG=C.UTF-8', `JAVA_VERSION=${version}`];
  const deps = layer('openjdk-bullseye-slim-deps', 3_300_000, 1_500_000, () => [blob('/etc/ssl/certs/ca-certificates.crt', 213_777)], '/usr/share/.layerlab-packages-p11');
  const rows: Row[] = [
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates p11-kit \t; \trm -rf /var/lib/apt/lists/*', deps],
    `ENV JAVA_HOME=${home}`,
    `ENV PATH=${home}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    'ENV LANG=C.UTF-8',
    `ENV JAVA_VERSION=${version}`,
    [`RUN /bin/sh -c set -eux; \t\tarch="$(dpkg --print-architecture)"; \tcase "$arch" in \t\t'amd64') \t\t\tdownloadUrl='https://github.com/AdoptOpenJDK/openjdk${major}-upstream-binaries/releases/download/'`, sized(`openjdk-${version}-${jdk ? 'jdk' : 'jre'}-slim`, install, javaFiles(home, jdk), `${home}/lib/.layerlab-modules`)],
    ...(jdk ? ['CMD ["jshell"]'] : []),
  ];
  return buildkitImage('library/openjdk', debianSteps('bullseye', BULLSEYE_SLIM), t, rows, { Env: env, Cmd: jdk ? ['jshell'] : ['bash'] });
}

// ---------------------------------------------------------------- maven, gradle
const mavenFiles = (version: string) => () => [program('/usr/share/maven/bin/mvn', 'mvn', 0), file('/usr/share/maven/conf/settings.xml', '<settings/>\n'), file('/usr/share/maven/lib/.version', `${version}\n`)];
const MVN_ENTRY = layer('maven-entrypoint', 'auto', 900, () => [script('/usr/local/bin/mvn-entrypoint.sh', '#!/bin/bash\n# Copies reference settings to MAVEN_CONFIG, then runs the command.\nexec "$@"\n'), file('/usr/share/maven/ref/settings-docker.xml', '<settings>\n  <localRepository>/usr/share/maven/ref/repository</localRepository>\n</settings>\n')]);

function maven(version: string, jdk: CatalogImage): CatalogImage {
  const t = '2024-11-06T20:11:12Z';
  const git = layer('maven-noble-git', 44_000_000, 16_500_000, () => [program('/usr/bin/git', 'git', 4_176_488), program('/usr/bin/ssh', 'ssh', 1_092_872)], '/usr/share/.layerlab-packages-git');
  const rows: Row[] = [
    ['RUN /bin/sh -c apt-get update   && apt-get install -y git openssh-client   && rm -rf /var/lib/apt/lists/*', git],
    'ENV MAVEN_HOME=/usr/share/maven',
    [`COPY /usr/share/maven /usr/share/maven`, layer(`maven-${version}`, 10_300_000, 9_600_000, mavenFiles(version), '/usr/share/maven/lib/.layerlab-jars')],
    ['COPY mvn-entrypoint.sh /usr/local/bin/mvn-entrypoint.sh', MVN_ENTRY],
    ['RUN /bin/sh -c ln -s ${MAVEN_HOME}/bin/mvn /usr/bin/mvn', layer('maven-usr-bin-link', 'auto', 140, () => [link('/usr/bin/mvn', '/usr/share/maven/bin/mvn')])],
    `ARG MAVEN_VERSION=${version}`,
    'ARG USER_HOME_DIR=/root',
    'ENV MAVEN_CONFIG=/root/.m2',
    'ENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]',
    'CMD ["mvn"]',
  ];
  const env = [...jdk.config.Env, 'MAVEN_HOME=/usr/share/maven', 'MAVEN_CONFIG=/root/.m2'];
  return buildkitImage('library/maven', jdk.steps, t, rows, { Env: env, Entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], Cmd: ['mvn'] });
}

function gradle(version: string, jdk: CatalogImage, jdkKey: string): CatalogImage {
  const t = '2024-11-21T03:14:09Z';
  const home = '/opt/gradle';
  const rows: Row[] = [
    'CMD ["gradle"]',
    `ENV GRADLE_HOME=${home}`,
    ['RUN /bin/sh -c set -o errexit -o nounset     && echo "Renaming ubuntu user and group to gradle"     && groupmod --new-name gradle ubuntu     && usermod --login gradle --home /home/gradle --move-home ubuntu', layer(`gradle-user-${jdkKey}`, 'auto', 1_200, () => [dir('/home/gradle', 0o755, 1000, 1000), dir('/home/gradle/.gradle', 0o755, 1000, 1000)])],
    'VOLUME [/home/gradle/.gradle]',
    'WORKDIR /home/gradle',
    ['RUN /bin/sh -c set -o errexit -o nounset     && apt-get update     && apt-get install --yes --no-install-recommends         unzip         wget                 bzr         git         git-lfs         mercurial         openssh-client         subversion', layer(`gradle-vcs-${jdkKey}`, 92_000_000, 36_000_000, () => [program('/usr/bin/git', 'git', 4_176_488), program('/usr/bin/unzip', 'unzip', 0)], '/usr/share/.layerlab-packages-vcs')],
    `ENV GRADLE_VERSION=${version}`,
    [`RUN /bin/sh -c set -o errexit -o nounset     && echo "Downloading Gradle"     && wget --no-verbose --output-document=gradle.zip "https://services.gradle.org/distributions/gradle-\${GRADLE_VERSION}-bin.zip"`, layer(`gradle-${version}-${jdkKey}`, 139_000_000, 128_000_000, () => [program(`${home}/bin/gradle`, 'gradle', 0), link('/usr/bin/gradle', `${home}/bin/gradle`)], `${home}/lib/.layerlab-jars`)],
  ];
  const env = [...jdk.config.Env, `GRADLE_HOME=${home}`, `GRADLE_VERSION=${version}`];
  return buildkitImage('library/gradle', jdk.steps, t, rows, { Env: env, Entrypoint: jdk.config.Entrypoint, Cmd: ['gradle'], WorkingDir: '/home/gradle', Volumes: { '/home/gradle/.gradle': {} } });
}

// ---------------------------------------------------------------- .NET Core 3.0 (the book's diamol/dotnet-*)
/**
 * diamol/dotnet-sdk and diamol/dotnet-aspnet: the book's images FROM mcr.microsoft.com/dotnet/core/sdk:3.0.100
 * and aspnet:3.0 (EXPOSE 80, SQLITE_* variables). The real ones are on Debian 10; here on the catalog's
 * Debian 11 layers. `dotnet` is a program the sandbox cannot run.
 */
function dotnet(): { sdk: CatalogImage; aspnet: CatalogImage; todo: CatalogImage; mcrSdk: CatalogImage; mcrAspnet: CatalogImage } {
  const t = '2019-10-15T21:06:22Z';
  const deps = layer('dotnet-3.0-deps-bullseye', 46_000_000, 17_000_000, () => [blob('/usr/lib/x86_64-linux-gnu/libicudata.so.67.1', 30_000_000)], '/usr/lib/x86_64-linux-gnu/.layerlab-dotnet-deps');
  const depsRow: Row = ['RUN /bin/sh -c apt-get update     && apt-get install -y --no-install-recommends         ca-certificates                 libc6         libgcc1         libgssapi-krb5-2         libicu67         libssl1.1         libstdc++6         zlib1g     && rm -rf /var/lib/apt/lists/*', deps];
  const runtime = layer('dotnet-runtime-3.0.0', 70_000_000, 27_000_000, () => [program('/usr/share/dotnet/dotnet', 'dotnet', 0), link('/usr/bin/dotnet', '/usr/share/dotnet/dotnet')], '/usr/share/dotnet/shared/Microsoft.NETCore.App/3.0.0/.layerlab-libs');
  const aspnetLayer = layer('aspnetcore-runtime-3.0.0', 18_000_000, 6_500_000, () => [dir('/usr/share/dotnet/shared/Microsoft.AspNetCore.App/3.0.0')], '/usr/share/dotnet/shared/Microsoft.AspNetCore.App/3.0.0/.layerlab-libs');
  const aspnetEnv = [PATH, 'ASPNETCORE_URLS=http://+:80', 'DOTNET_RUNNING_IN_CONTAINER=true', 'DOTNET_VERSION=3.0.0', 'ASPNETCORE_VERSION=3.0.0', 'SQLITE_DATA_DIRECTORY=/data', 'SQLITE_USER=root'];
  const aspnet = buildkitImage('diamol/dotnet-aspnet', debianSteps('bullseye', BULLSEYE_SLIM), t, [
    depsRow,
    'ENV ASPNETCORE_URLS=http://+:80 DOTNET_RUNNING_IN_CONTAINER=true',
    'ENV DOTNET_VERSION=3.0.0',
    ['RUN /bin/sh -c curl -SL --output dotnet.tar.gz https://dotnetcli.blob.core.windows.net/dotnet/Runtime/$DOTNET_VERSION/dotnet-runtime-$DOTNET_VERSION-linux-x64.tar.gz', runtime],
    'ENV ASPNETCORE_VERSION=3.0.0',
    ['RUN /bin/sh -c curl -SL --output aspnetcore.tar.gz https://dotnetcli.azureedge.net/dotnet/aspnetcore/Runtime/$ASPNETCORE_VERSION/aspnetcore-runtime-$ASPNETCORE_VERSION-linux-x64.tar.gz', aspnetLayer],
    'EXPOSE map[80/tcp:{}]',
    'ENV SQLITE_DATA_DIRECTORY=/data SQLITE_USER=root',
  ], { Env: aspnetEnv, ExposedPorts: { '80/tcp': {} }, Cmd: ['bash'] });
  const sdkLayer = layer('dotnet-sdk-3.0.100', 470_000_000, 140_000_000, () => [program('/usr/share/dotnet/dotnet', 'dotnet', 0), link('/usr/bin/dotnet', '/usr/share/dotnet/dotnet')], '/usr/share/dotnet/sdk/3.0.100/.layerlab-sdk');
  const sdk = buildkitImage('diamol/dotnet-sdk', debianSteps('bullseye', BULLSEYE_SLIM), t, [
    depsRow,
    'ENV DOTNET_SDK_VERSION=3.0.100',
    ['RUN /bin/sh -c curl -SL --output dotnet.tar.gz https://dotnetcli.blob.core.windows.net/dotnet/Sdk/$DOTNET_SDK_VERSION/dotnet-sdk-$DOTNET_SDK_VERSION-linux-x64.tar.gz', sdkLayer],
    'ENV ASPNETCORE_URLS=http://+:80 DOTNET_RUNNING_IN_CONTAINER=true DOTNET_USE_POLLING_FILE_WATCHER=true NUGET_XMLDOC_MODE=skip',
  ], { Env: [PATH, 'DOTNET_SDK_VERSION=3.0.100', 'ASPNETCORE_URLS=http://+:80', 'DOTNET_RUNNING_IN_CONTAINER=true', 'DOTNET_USE_POLLING_FILE_WATCHER=true', 'NUGET_XMLDOC_MODE=skip'], Cmd: ['bash'] });
  // diamol/ch06-todo-list: ch06/exercises/todo-list's image (the published app under /app); its size est.
  const app = layer('diamol-ch06-todo-list-app', 9_800_000, 3_900_000, () => [file('/app/ToDoList.dll', 'MZ'), dir('/app/wwwroot/css'), file('/app/wwwroot/css/site.css', 'body { font-family: sans-serif; }\n'), file('/app/appsettings.json', '{\n  "Database": { "Provider": "Sqlite" }\n}\n')], '/app/.layerlab-publish');
  const todo = buildkitImage('diamol/ch06-todo-list', aspnet.steps, '2020-03-02T15:21:40Z', [
    ['WORKDIR /app', layer('diamol-ch06-todo-list-workdir', 'auto', 93, () => [dir('/app')])],
    'ENTRYPOINT ["dotnet" "ToDoList.dll"]',
    'VOLUME [/data]',
    'USER root',
    ['COPY /out/ .', app],
  ], { ...aspnet.config, Entrypoint: ['dotnet', 'ToDoList.dll'], Cmd: null, WorkingDir: '/app', Volumes: { '/data': {} }, User: 'root' });
  return { sdk, aspnet, todo, ...microsoftImages(sdk, aspnet) };
}

/**
 * mcr.microsoft.com/dotnet/core/sdk:3.0.100 and aspnet:3.0, which the book's ch05 Dockerfiles build the
 * diamol/dotnet-* images from: the same layers, without what those Dockerfiles add (the book's EXPOSE 80 and
 * SQLITE_* variables).
 */
function microsoftImages(sdk: CatalogImage, aspnet: CatalogImage): { mcrSdk: CatalogImage; mcrAspnet: CatalogImage } {
  const bookOnly = (createdBy: string) => createdBy.includes('SQLITE_') || createdBy.startsWith('EXPOSE');
  const mcrAspnet: CatalogImage = {
    ...aspnet,
    repo: 'mcr.microsoft.com/dotnet/core/aspnet',
    steps: aspnet.steps.filter((s) => !bookOnly(s.createdBy)),
    config: { ...aspnet.config, Env: aspnet.config.Env?.filter((e) => !e.startsWith('SQLITE_')), ExposedPorts: undefined },
  };
  return { mcrSdk: { ...sdk, repo: 'mcr.microsoft.com/dotnet/core/sdk' }, mcrAspnet };
}

const tagged = (i: CatalogImage, tags: string[]): CatalogImage => ({ ...i, tags });

/** The toolchain images with their Docker Hub tags (late 2024), and the diamol images built on them. */
export function toolchainImages(): CatalogImage[] {
  const jdk21 = temurin('jdk-21.0.5+11', true, [330_000_000, 158_000_000]);
  const jdk17 = temurin('jdk-17.0.13+11', true, [318_000_000, 145_000_000]);
  const jdk11 = temurin('jdk-11.0.25+9', true, [300_000_000, 141_000_000]);
  const jre21 = temurin('jdk-21.0.5+11', false, [140_000_000, 52_000_000]);
  const jre17 = temurin('jdk-17.0.13+11', false, [132_000_000, 47_000_000]);
  const jdk8 = temurin('jdk8u432-b06', true, [105_000_000, 40_000_000]);
  const jre11slim = openjdk('11.0.16', false, [127_000_000, 47_000_000]);
  const jdk11slim = openjdk('11.0.16', true, [330_000_000, 190_000_000]);
  const jdk17slim = openjdk('17.0.2', true, [320_000_000, 187_000_000]);
  const go123 = golang('1.23.3', true, [230_000_000, 73_000_000]);
  const go122 = golang('1.22.9', true, [220_000_000, 69_000_000]);
  const go113 = golang113();
  // maven:3.6.3-jdk-11 (2020) was built on openjdk:11-jdk (full Debian); here on the catalog's 11-jdk-slim.
  const mvnOld = maven('3.6.3', jdk11slim);
  const net = dotnet();
  return [
    tagged(go123, ['latest', '1', '1.23', '1.23.3', 'bookworm', '1-bookworm', '1.23-bookworm', '1.23.3-bookworm']),
    tagged(go122, ['1.22', '1.22.9', '1.22-bookworm', '1.22.9-bookworm']),
    tagged(golang('1.23.3', false, [230_000_000, 73_000_000]), ['alpine', '1-alpine', '1.23-alpine', '1.23.3-alpine', 'alpine3.20', '1.23-alpine3.20']),
    tagged(golang('1.22.9', false, [220_000_000, 69_000_000]), ['1.22-alpine', '1.22.9-alpine', '1.22-alpine3.20']),
    tagged(go113, ['1.13', '1.13.15']),
    tagged(jdk21, ['latest', '21', '21-jdk', '21.0.5_11-jdk', '21-jdk-noble', '21.0.5_11-jdk-noble', 'noble']),
    tagged(jre21, ['21-jre', '21.0.5_11-jre', '21-jre-noble']),
    tagged(jdk17, ['17', '17-jdk', '17.0.13_11-jdk', '17-jdk-noble']),
    tagged(jre17, ['17-jre', '17.0.13_11-jre', '17-jre-noble']),
    tagged(jdk11, ['11', '11-jdk', '11.0.25_9-jdk', '11-jdk-noble']),
    tagged(jdk8, ['8', '8-jdk', '8u432-b06-jdk', '8-jdk-noble']),
    tagged(jre11slim, ['11-jre-slim', '11.0.16-jre-slim', '11-jre-slim-bullseye']),
    tagged(jdk11slim, ['11-jdk-slim', '11-slim', '11.0.16-jdk-slim', '11-jdk-slim-bullseye']),
    tagged(jdk17slim, ['17-jdk-slim', '17-slim', '17.0.2-jdk-slim', '17-jdk-slim-bullseye']),
    tagged(maven('3.9.9', jdk21), ['latest', '3', '3.9', '3.9.9', '3-eclipse-temurin-21', '3.9-eclipse-temurin-21', '3.9.9-eclipse-temurin-21']),
    tagged(maven('3.9.9', jdk17), ['3-eclipse-temurin-17', '3.9-eclipse-temurin-17', '3.9.9-eclipse-temurin-17']),
    tagged(mvnOld, ['3.6.3-jdk-11', '3.6-jdk-11', '3-jdk-11']),
    tagged(gradle('8.11.1', jdk21, 'jdk21'), ['latest', 'jdk', 'jdk21', '8', '8.11', '8.11.1', '8-jdk21', '8.11-jdk21', '8.11.1-jdk21', 'jdk21-noble']),
    tagged(gradle('8.11.1', jdk17, 'jdk17'), ['jdk17', '8-jdk17', '8.11-jdk17', '8.11.1-jdk17', 'jdk17-noble']),
    // The book's toolchain images (sixeyed/diamol images/*): golang:1.13 with CGO off, maven:3.6.3-jdk-11, openjdk:11-jre-slim.
    tagged(buildkitImage('diamol/golang', go113.steps, '2020-02-10T10:41:00Z', ['ENV CGO_ENABLED=0'], { ...go113.config, Env: [...go113.config.Env, 'CGO_ENABLED=0'] }), ['latest']),
    tagged({ ...mvnOld, repo: 'diamol/maven' }, ['latest']),
    tagged({ ...jre11slim, repo: 'diamol/openjdk' }, ['latest']),
    tagged(net.sdk, ['latest']),
    tagged(net.aspnet, ['latest']),
    tagged(net.todo, ['latest']),
    tagged(net.mcrSdk, ['3.0.100', '3.0']),
    tagged(net.mcrAspnet, ['3.0.0', '3.0']),
  ];
}
