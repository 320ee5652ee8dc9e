/**
 * The mock Docker Hub's images (linux/amd64). Sizes follow the facts file
 * (/work/shared/reference/registry-and-diamol-facts.md); history rows mimic the real ones (classic-builder
 * strings for the 2019 book images, BuildKit strings for current official images).
 */
import { CH02_CMD_SH, CH03_TXT, HTTPD_FOREGROUND, HTTPD_INDEX, HTTPD_JS, NGINX_INDEX, NGINX_JS, WEB_PING_APP_JS, httpdProgram } from './apps';
import {
  ALPINE_PASSWD,
  DEBIAN_PASSWD,
  NODE_ENTRYPOINT,
  NODE_ENTRYPOINT_OLD,
  alpineRootfs,
  blob,
  busyboxApplets,
  debianRootfs,
  dir,
  entrySize,
  file,
  link,
  nodeInstall,
  padTo,
  program,
  script,
  withParents,
} from './rootfs';
import type { CatalogConfig, CatalogImage, CatalogLayer, CatalogRepository, CatalogStep, RootfsEntry } from './types';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BK = 'buildkit.dockerfile.v0';

/** A layer padded to `size` bytes with a synthetic file at `filler` (or exactly its files when size is 'auto'). */
function layer(key: string, size: number | 'auto', compressedSize: number, files: () => RootfsEntry[], filler = '/usr/lib/.layerlab-data'): CatalogLayer {
  let cache: RootfsEntry[] | null = null;
  const make = () => (cache ??= size === 'auto' ? withParents(files()) : padTo(files(), size, filler));
  const realSize = size === 'auto' ? files().reduce((n, e) => n + entrySize(e), 0) : size;
  return { key, size: realSize, compressedSize, files: make };
}
const step = (createdBy: string, created: string, l?: CatalogLayer, comment?: string): CatalogStep => ({ createdBy, created, layer: l, comment });
/** Classic builder metadata row: `/bin/sh -c #(nop)  CMD ["sh"]` (two spaces). */
const nop = (x: string) => `/bin/sh -c #(nop)  ${x}`;
/** Classic builder ADD/COPY/WORKDIR row (one space). */
const nop1 = (x: string) => `/bin/sh -c #(nop) ${x}`;
const bk = (createdBy: string, created: string, l?: CatalogLayer): CatalogStep => step(createdBy, created, l, BK);

// ---------------------------------------------------------------- Alpine
const ALPINE_3_9 = layer('alpine-3.9.4-rootfs', 5_293_213, 2_757_034, () => alpineRootfs('3.9.4'), '/lib/apk/db/installed');
const ALPINE_3_18 = layer('alpine-3.18.9-rootfs', 7_337_216, 3_419_706, () => alpineRootfs('3.18.9'), '/lib/apk/db/installed');
const ALPINE_3_20 = layer('alpine-3.20.3-rootfs', 7_797_760, 3_623_807, () => alpineRootfs('3.20.3'), '/lib/apk/db/installed');

const alpine39Steps: CatalogStep[] = [
  step(nop1('ADD file:a86aea1f3a7d68f6ae03397b99ea77f2e9ee901c5c59e59f76f93adbb4035913 in / '), '2019-05-11T00:07:03.358250803Z', ALPINE_3_9),
  step(nop('CMD ["/bin/sh"]'), '2019-05-11T00:07:03.510395965Z'),
];
const alpineBk = (ver: string, l: CatalogLayer, created: string): CatalogStep[] => [
  bk(`ADD alpine-minirootfs-${ver}-x86_64.tar.gz / # buildkit`, created, l),
  bk('CMD ["/bin/sh"]', created),
];
const alpine320Steps = alpineBk('3.20.3', ALPINE_3_20, '2024-09-06T22:20:07Z');
const ALPINE_CONFIG: CatalogConfig = { Env: [PATH], Cmd: ['/bin/sh'] };

// ---------------------------------------------------------------- busybox, hello-world
const BUSYBOX = layer(
  'busybox-1.37.0-glibc',
  4_261_888,
  2_155_075,
  () => [
    ...['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/root', '/tmp', '/usr', '/usr/sbin', '/var', '/var/spool', '/var/www'].map((p) => dir(p, p === '/tmp' ? 0o1777 : 0o755)),
    ...busyboxApplets(1_131_168),
    file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n'),
  ],
  '/lib/libc.so.6',
);
const HELLO = layer('hello-world-linux', 'auto', 2_459, () => [{ ...program('/hello', 'hello', 13_256) }]);

// ---------------------------------------------------------------- Debian, Ubuntu
const BOOKWORM = layer('debian-bookworm-20241111', 116_534_272, 49_556_865, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
const BOOKWORM_SLIM = layer('debian-bookworm-slim-20241111', 74_773_504, 28_227_259, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
const NOBLE = layer('ubuntu-noble-20241011', 78_118_912, 29_754_290, () => debianRootfs({ id: 'ubuntu', version: '24.04', codename: 'noble', pretty: 'Ubuntu 24.04.1 LTS' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');

const bookwormSteps = (l: CatalogLayer): CatalogStep[] => [
  step(`# debian.sh --arch 'amd64' out/ 'bookworm' '@1731283200'`, '2024-11-11T00:00:00Z', l, 'debuerreotype 0.15'),
  bk('CMD ["bash"]', '2024-11-11T00:00:00Z'),
];
const BP_CURL = layer('buildpack-deps-bookworm-curl', 59_108_352, 25_614_368, () => [program('/usr/bin/curl', 'curl', 277_936), program('/usr/bin/wget', 'wget', 531_368), blob('/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 730_200), blob('/etc/ssl/certs/ca-certificates.crt', 207_436)], '/usr/share/.layerlab-packages-curl');
const BP_SCM = layer('buildpack-deps-bookworm-scm', 151_242_752, 67_777_238, () => [program('/usr/bin/git', 'git', 4_176_488), program('/usr/bin/ssh', 'ssh', 1_092_872), program('/usr/bin/ps', 'busybox', 0)], '/usr/share/.layerlab-packages-scm');
const BP_FULL = layer('buildpack-deps-bookworm', 579_104_768, 236_227_893, () => [program('/usr/bin/gcc-12', 'gcc', 1_027_016), link('/usr/bin/gcc', 'gcc-12'), program('/usr/bin/make', 'make', 256_352), blob('/usr/lib/gcc/x86_64-linux-gnu/12/cc1', 32_171_072)], '/usr/share/.layerlab-packages-build');
const buildpackSteps: CatalogStep[] = [
  ...bookwormSteps(BOOKWORM),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:11:40Z', BP_CURL),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:12:19Z', BP_SCM),
  bk('RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev # buildkit', '2024-11-12T02:14:47Z', BP_FULL),
];

// ---------------------------------------------------------------- Node
const NODE_USER_DEB = layer('node-user-bookworm', 8_887, 3_304, () => [file('/etc/passwd', [...DEBIAN_PASSWD, 'node:x:1000:1000::/home/node:/bin/bash'].join('\n') + '\n'), file('/etc/group', 'root:x:0:\nnode:x:1000:\n'), dir('/home/node', 0o755, 1000, 1000)]);
const nodeEntrypointLayer = (key: string, content: string, compressed: number) =>
  layer(key, 'auto', compressed, () => [{ ...script('/usr/local/bin/docker-entrypoint.sh', content) }]);
const NODE_ENTRY = nodeEntrypointLayer('node-entrypoint-388', NODE_ENTRYPOINT, 446);
const NODE_ENTRY_OLD = nodeEntrypointLayer('node-entrypoint-116', NODE_ENTRYPOINT_OLD, 280);
const YARN_1_22 = layer('yarn-1.22.22', 5_341_184, 1_250_118, () => [dir('/opt/yarn-v1.22.22'), program('/opt/yarn-v1.22.22/bin/yarn.js', 'yarn', 0), link('/opt/yarn-v1.22.22/bin/yarn', 'yarn.js'), link('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn'), link('/usr/local/bin/yarnpkg', '/opt/yarn-v1.22.22/bin/yarnpkg')], '/opt/yarn-v1.22.22/lib/cli.js');

function nodeLayer(key: string, version: string, size: number, compressed: number): CatalogLayer {
  return layer(key, size, compressed, () => nodeInstall(version, 0), '/usr/local/lib/node_modules/npm/.layerlab-modules');
}

function nodeDebian(version: string, size: number, compressed: number, yarn: boolean, slim: boolean): CatalogImage {
  const t = '2024-11-21T10:02:11Z';
  const base = slim ? bookwormSteps(BOOKWORM_SLIM) : buildpackSteps;
  const steps: CatalogStep[] = [
    ...base,
    bk('RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', t, NODE_USER_DEB),
    bk(`ENV NODE_VERSION=${version}`, t),
    bk('RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"     && case "${dpkgArch##*-}" in       amd64) ARCH=\'x64\';;       ppc64el) ARCH=\'ppc64le\';;       *) echo "unsupported architecture"; exit 1 ;;     esac     && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" # buildkit', t, nodeLayer(`node-${version}-${slim ? 'slim' : 'bookworm'}`, version, size, compressed)),
  ];
  const env = [PATH, `NODE_VERSION=${version}`];
  if (yarn) {
    steps.push(bk('ENV YARN_VERSION=1.22.22', t), bk('RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" # buildkit', t, YARN_1_22));
    env.push('YARN_VERSION=1.22.22');
  }
  steps.push(bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', t, NODE_ENTRY), bk('ENTRYPOINT ["docker-entrypoint.sh"]', t), bk('CMD ["node"]', t));
  return { repo: 'library/node', tags: [], steps, config: { Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } };
}

function nodeAlpine(version: string, size: number, compressed: number): CatalogImage {
  const t = '2024-11-21T10:05:42Z';
  const steps: CatalogStep[] = [
    ...alpine320Steps,
    bk(`ENV NODE_VERSION=${version}`, t),
    bk('RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)" # buildkit', t,
      layer(`node-${version}-alpine3.20`, size, compressed, () => [...nodeInstall(version, 0), file('/etc/passwd', [...ALPINE_PASSWD, 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh'].join('\n') + '\n'), blob('/usr/lib/libstdc++.so.6.0.32', 2_608_784)], '/usr/local/lib/node_modules/npm/.layerlab-modules')),
    bk('ENV YARN_VERSION=1.22.22', t),
    bk('RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" # buildkit', t, YARN_1_22),
    bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', t, NODE_ENTRY),
    bk('ENTRYPOINT ["docker-entrypoint.sh"]', t),
    bk('CMD ["node"]', t),
  ];
  return { repo: 'library/node', tags: [], steps, config: { Env: [PATH, `NODE_VERSION=${version}`, 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } };
}

// node:10.16.0-alpine, the base of diamol/node (classic builder, 2019).
const NODE_10_LAYER = layer('node-10.16.0-alpine3.9', 65_123_328, 21_688_934, () => [...nodeInstall('10.16.0', 0), file('/etc/passwd', [...ALPINE_PASSWD, 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh'].join('\n') + '\n'), blob('/usr/lib/libstdc++.so.6.0.25', 1_600_968)], '/usr/local/lib/node_modules/npm/.layerlab-modules');
const YARN_1_16 = layer('yarn-1.16.0-alpine3.9', 5_108_224, 1_257_213, () => [dir('/opt/yarn-v1.16.0'), program('/opt/yarn-v1.16.0/bin/yarn.js', 'yarn', 0), link('/opt/yarn-v1.16.0/bin/yarn', 'yarn.js'), link('/usr/local/bin/yarn', '/opt/yarn-v1.16.0/bin/yarn'), link('/usr/local/bin/yarnpkg', '/opt/yarn-v1.16.0/bin/yarnpkg')], '/opt/yarn-v1.16.0/lib/cli.js');
const node10Steps: CatalogStep[] = [
  ...alpine39Steps,
  step(nop('ENV NODE_VERSION=10.16.0'), '2019-05-28T22:44:30.153312829Z'),
  step('/bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         binutils-gold         curl         g++         gcc         gnupg         libgcc         linux-headers         make         python', '2019-05-28T22:49:41.871234927Z', NODE_10_LAYER),
  step(nop('ENV YARN_VERSION=1.16.0'), '2019-05-28T22:49:42.151216311Z'),
  step('/bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkp://p80.pool.sks-keyservers.net:80 --recv-keys "$key" ||', '2019-05-28T22:49:47.245394367Z', YARN_1_16),
  step(nop1('COPY file:238737301d47304174e4d24f4def935b29b3069c03c72ae8de97d94624382fce in /usr/local/bin/ '), '2019-05-28T22:49:47.529213093Z', NODE_ENTRY_OLD),
  step(nop('ENTRYPOINT ["docker-entrypoint.sh"]'), '2019-05-28T22:49:47.741307573Z'),
  step(nop('CMD ["node"]'), '2019-05-28T22:49:47.968133806Z'),
];
const NODE_10_CONFIG: CatalogConfig = { Env: [PATH, 'NODE_VERSION=10.16.0', 'YARN_VERSION=1.16.0'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] };

// ---------------------------------------------------------------- Python
const pythonLayers = {
  deps: layer('python-bookworm-deps', 18_421_760, 6_160_544, () => [blob('/usr/lib/x86_64-linux-gnu/libtk8.6.so', 1_521_984)]),
  build: layer('python-3.13.0-bookworm', 95_158_272, 28_719_437, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  slimDeps: layer('python-bookworm-slim-deps', 9_494_528, 3_509_112, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 1_800_000)]),
  slimBuild: layer('python-3.13.0-slim', 42_614_784, 12_582_913, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  alpineDeps: layer('python-alpine-deps', 1_433_600, 631_447, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 700_000)]),
  alpineBuild: layer('python-3.13.0-alpine', 38_612_992, 12_113_562, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  links: layer('python-3.13-symlinks', 'auto', 250, () => [link('/usr/local/bin/python3', 'python3.13'), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pip', 'pip3'), link('/usr/local/bin/pydoc', 'pydoc3'), link('/usr/local/bin/idle', 'idle3')]),
};
function python(base: CatalogStep[], deps: CatalogLayer, build: CatalogLayer): CatalogImage {
  const t = '2024-10-08T01:00:00Z';
  return {
    repo: 'library/python',
    tags: [],
    steps: [
      ...base,
      bk('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', t),
      bk('ENV LANG=C.UTF-8', t),
      bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', t, deps),
      bk('ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', t),
      bk('ENV PYTHON_VERSION=3.13.0', t),
      bk('RUN /bin/sh -c set -eux; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \t./configure --enable-optimizations --with-lto; make -j "$nproc"; make install # buildkit', t, build),
      bk('RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit', t, pythonLayers.links),
      bk('CMD ["python3"]', t),
    ],
    config: { Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'PYTHON_VERSION=3.13.0'], Cmd: ['python3'] },
  };
}

// ---------------------------------------------------------------- nginx, httpd
/**
 * nginx's /docker-entrypoint.sh. The runtime's `docker-entrypoint` marker runs the command it is given
 * (it only prepends `node` when $1 is not a command); the start-up lines are printed by /usr/sbin/nginx.
 */
const NGINX_ENTRY = '#!layerlab docker-entrypoint\n# vim:sw=4:ts=4:et\n# Runs the scripts in /docker-entrypoint.d/ when the command is nginx, then execs the command.\nexec "$@"\n';
const nginxScripts = (prefix: string): CatalogStep[] => {
  const t = '2024-10-02T17:55:35Z';
  const s = (name: string, size: number) =>
    bk(`COPY ${name} /docker-entrypoint.d # buildkit`, t, layer(`${prefix}-${name}`, size, Math.round(size / 2.1), () => [script(`/docker-entrypoint.d/${name}`, `#!/bin/sh\n# ${name}: part of the nginx image's start-up configuration.\nexit 0\n`)], `/docker-entrypoint.d/.${name}.orig`));
  return [
    bk('COPY docker-entrypoint.sh / # buildkit', t, layer(`${prefix}-docker-entrypoint.sh`, 1_620, 628, () => [script('/docker-entrypoint.sh', NGINX_ENTRY)], '/docker-entrypoint.d/.README')),
    s('10-listen-on-ipv6-by-default.sh', 2_125),
    s('15-local-resolvers.envsh', 389),
    s('20-envsubst-on-templates.sh', 3_018),
    s('30-tune-worker-processes.sh', 4_620),
  ];
};
const nginxFiles = (): RootfsEntry[] => [
  { path: '/usr/sbin/nginx', type: 'file', mode: 0o755, content: NGINX_JS, size: 1_487_832 },
  file('/etc/nginx/nginx.conf', 'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n'),
  file('/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n'),
  file('/usr/share/nginx/html/index.html', NGINX_INDEX),
  file('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n'),
  link('/var/log/nginx/access.log', '/dev/stdout'),
  link('/var/log/nginx/error.log', '/dev/stderr'),
];
const NGINX_CONFIG: CatalogConfig = {
  Env: [PATH, 'NGINX_VERSION=1.27.2', 'NJS_VERSION=0.8.6', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'],
  Entrypoint: ['/docker-entrypoint.sh'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  ExposedPorts: { '80/tcp': {} },
  StopSignal: 'SIGQUIT',
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
};
function nginxImage(alpine: boolean): CatalogImage {
  const t = '2024-10-02T17:55:35Z';
  const steps: CatalogStep[] = [
    ...(alpine ? alpine320Steps : bookwormSteps(BOOKWORM_SLIM)),
    bk('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', t),
    bk('ENV NGINX_VERSION=1.27.2', t),
    bk('ENV NJS_VERSION=0.8.6', t),
    bk('ENV NJS_RELEASE=1~bookworm', t),
    bk('ENV PKG_RELEASE=1~bookworm', t),
    bk('ENV DYNPKG_RELEASE=1~bookworm', t),
    bk('RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates # buildkit', t,
      layer(alpine ? 'nginx-1.27.2-alpine' : 'nginx-1.27.2-bookworm', alpine ? 38_801_408 : 112_047_104, alpine ? 18_227_914 : 43_901_664, nginxFiles, '/usr/lib/nginx/modules/.layerlab-modules')),
    ...nginxScripts(alpine ? 'nginx-alpine' : 'nginx'),
    bk('ENTRYPOINT ["/docker-entrypoint.sh"]', t),
    bk('EXPOSE map[80/tcp:{}]', t),
    bk('STOPSIGNAL SIGQUIT', t),
    bk('CMD ["nginx" "-g" "daemon off;"]', t),
  ];
  if (alpine) {
    steps.push(bk('RUN /bin/sh -c set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}" # buildkit', t, layer('nginx-1.27.2-alpine-njs', 4_194_304, 1_955_002, () => [blob('/usr/lib/nginx/modules/ngx_http_js_module.so', 1_800_000)])));
  }
  return { repo: 'library/nginx', tags: [], steps, config: NGINX_CONFIG };
}

const HTTPD_CONFIG: CatalogConfig = {
  Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.62', 'HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec', 'HTTPD_PATCHES='],
  Cmd: ['httpd-foreground'],
  WorkingDir: '/usr/local/apache2',
  ExposedPorts: { '80/tcp': {} },
  StopSignal: 'SIGWINCH',
};
function httpdImage(): CatalogImage {
  const t = '2024-11-12T04:15:52Z';
  return {
    repo: 'library/httpd',
    tags: [],
    steps: [
      ...bookwormSteps(BOOKWORM_SLIM),
      bk('ENV HTTPD_PREFIX=/usr/local/apache2', t),
      bk('ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', t),
      bk('RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit', t, layer('httpd-prefix', 'auto', 143, () => [dir('/usr/local/apache2', 0o755, 33, 33)])),
      bk('WORKDIR /usr/local/apache2', t),
      bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/* # buildkit', t, layer('httpd-deps-bookworm', 10_846_208, 4_102_889, () => [blob('/usr/lib/x86_64-linux-gnu/libapr-1.so.0.7.2', 259_016)])),
      bk('ENV HTTPD_VERSION=2.4.62', t),
      bk('ENV HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec', t),
      bk('ENV HTTPD_PATCHES=', t),
      bk('RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tlibapr1-dev \t\tlibaprutil1-dev # buildkit', t,
        layer('httpd-2.4.62-build', 62_390_272, 25_521_011, () => [{ path: '/usr/local/apache2/bin/httpd', type: 'file', mode: 0o755, content: HTTPD_JS, size: 2_402_736 }, file('/usr/local/apache2/htdocs/index.html', HTTPD_INDEX), file('/usr/local/apache2/conf/httpd.conf', 'ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n')], '/usr/local/apache2/modules/.layerlab-modules')),
      bk('STOPSIGNAL SIGWINCH', t),
      bk('COPY httpd-foreground /usr/local/bin/ # buildkit', t, layer('httpd-foreground', 'auto', 294, () => [script('/usr/local/bin/httpd-foreground', HTTPD_JS)])),
      bk('EXPOSE map[80/tcp:{}]', t),
      bk('CMD ["httpd-foreground"]', t),
    ],
    config: HTTPD_CONFIG,
  };
}

/**
 * httpd:2.4.46-alpine as Docker Hub served it in December 2020 (classic builder; the base of diamol/apache).
 * The real one sits on Alpine 3.12; the catalog's nearest Alpine of that era is 3.9.4, which this one shares
 * with diamol/base and diamol/node. Download sizes are the real layers' (1,230 B, 146 B, 14,380,599 B, 295 B).
 */
const HTTPD_ALPINE_VERSION = '2.4.46';
const HTTPD_WWW_GROUP = file('/etc/group', 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nadm:x:4:root,adm,daemon\nwheel:x:10:root\nwww-data:x:82:www-data\nnogroup:x:65533:\nnobody:x:65534:\n');
const HTTPD_ALPINE_USER = layer('httpd-www-data-alpine3.9', 'auto', 1_230, () => [
  file('/etc/passwd', [...ALPINE_PASSWD, 'www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin'].join('\n') + '\n'),
  HTTPD_WWW_GROUP,
  file('/etc/shadow', 'root:*::0:::::\nwww-data:!::0:::::\n', 0o640, 0, 42),
  dir('/home/www-data', 0o755, 82, 82),
]);
const HTTPD_ALPINE_PREFIX = layer('httpd-prefix-alpine', 'auto', 146, () => [dir('/usr/local/apache2', 0o755, 82, 82)]);
const HTTPD_ALPINE_BUILD = layer('httpd-2.4.46-alpine3.9', 49_926_144, 14_380_599, () => [
  { path: '/usr/local/apache2/bin/httpd', type: 'file', mode: 0o755, content: httpdProgram(HTTPD_ALPINE_VERSION), size: 2_015_160 },
  file('/usr/local/apache2/htdocs/index.html', HTTPD_INDEX),
  file('/usr/local/apache2/conf/httpd.conf', 'ServerRoot "/usr/local/apache2"\nListen 80\nUser daemon\nGroup daemon\nDocumentRoot "/usr/local/apache2/htdocs"\nErrorLog /proc/self/fd/2\nCustomLog /proc/self/fd/1 common\n'),
  dir('/usr/local/apache2/logs'),
  program('/usr/bin/perl', 'perl', 11_032),
  blob('/usr/lib/libapr-1.so.0.7.0', 209_152),
  blob('/usr/lib/libaprutil-1.so.0.6.1', 193_640),
], '/usr/local/apache2/modules/.layerlab-modules');
const HTTPD_ALPINE_CONFIG: CatalogConfig = {
  Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', `HTTPD_VERSION=${HTTPD_ALPINE_VERSION}`, 'HTTPD_SHA256=740eddf6e1c641992b22359cabc66e6325868c3c5e2e3f98faf349b61ecf41ea', 'HTTPD_PATCHES='],
  Cmd: ['httpd-foreground'],
  WorkingDir: '/usr/local/apache2',
  ExposedPorts: { '80/tcp': {} },
  StopSignal: 'SIGWINCH',
};
const httpdAlpineSteps: CatalogStep[] = [
  ...alpine39Steps,
  step('/bin/sh -c set -x \t&& addgroup -g 82 -S www-data \t&& adduser -u 82 -D -S -G www-data www-data', '2020-12-11T12:20:16Z', HTTPD_ALPINE_USER),
  step(nop('ENV HTTPD_PREFIX=/usr/local/apache2'), '2020-12-11T12:20:16Z'),
  step(nop('ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'), '2020-12-11T12:20:16Z'),
  step('/bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX"', '2020-12-11T12:20:17Z', HTTPD_ALPINE_PREFIX),
  step(nop1('WORKDIR /usr/local/apache2'), '2020-12-11T12:20:17Z'),
  step(nop(`ENV HTTPD_VERSION=${HTTPD_ALPINE_VERSION}`), '2020-12-11T12:20:18Z'),
  step(nop('ENV HTTPD_SHA256=740eddf6e1c641992b22359cabc66e6325868c3c5e2e3f98faf349b61ecf41ea'), '2020-12-11T12:20:18Z'),
  step(nop('ENV HTTPD_PATCHES='), '2020-12-11T12:20:18Z'),
  step("/bin/sh -c set -eux; \t\trunDeps=' \t\tapr \t\tapr-util \t\tapr-util-dbm_db \t\tapr-util-ldap \t\tperl \t'; \tapk add --no-cache --virtual .build-deps \t\t$runDeps \t\tapr-dev \t\tapr-util-dev \t\tca-certificates \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tgnupg \t\tlibc-dev \t\tcurl-dev \t\tjansson-dev \t\tlibxml2-dev \t\tlua-dev \t\tmake \t\tnghttp2-dev \t\topenssl \t\topenssl-dev \t\tpcre-dev \t\ttar \t\tzlib-dev \t\tbrotli-dev \t; \t\tddist() {", '2020-12-11T12:21:44Z', HTTPD_ALPINE_BUILD),
  step(nop('STOPSIGNAL SIGWINCH'), '2020-12-11T12:21:44Z'),
  step(nop1('COPY file:c432ff61c4993ecdef4786f48d91a96f8f0707f6179816ccb98db661bfb96b90 in /usr/local/bin/ '), '2020-12-11T12:21:44Z', layer('httpd-foreground-2020', 'auto', 295, () => [script('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND)])),
  step(nop('EXPOSE 80'), '2020-12-11T12:21:44Z'),
  step(nop('CMD ["httpd-foreground"]'), '2020-12-11T12:21:45Z'),
];

/**
 * httpd:2.4.62-alpine (alpine, 2.4-alpine): the current Alpine variant, BuildKit history. Its runtime packages
 * are their own `apk add` layer now. Download sizes are the real amd64 layers' (944 B, 145 B, 10,382,827 B,
 * 5,585,778 B, 288 B); uncompressed sizes are estimates from them. The real WORKDIR row's empty layer is left out,
 * as in the Debian variant.
 */
function httpdAlpineCurrent(): CatalogImage {
  const t = '2024-11-12T04:15:52Z';
  const files = (): RootfsEntry[] => [
    { path: '/usr/local/apache2/bin/httpd', type: 'file', mode: 0o755, content: HTTPD_JS, size: 2_114_640 },
    file('/usr/local/apache2/htdocs/index.html', HTTPD_INDEX),
    file('/usr/local/apache2/conf/httpd.conf', 'ServerRoot "/usr/local/apache2"\nListen 80\nUser www-data\nGroup www-data\nDocumentRoot "/usr/local/apache2/htdocs"\nErrorLog /proc/self/fd/2\nCustomLog /proc/self/fd/1 common\n'),
    dir('/usr/local/apache2/logs'),
  ];
  return {
    repo: 'library/httpd',
    tags: [],
    steps: [
      ...alpine320Steps,
      bk('RUN /bin/sh -c set -x \t&& adduser -u 82 -D -S -G www-data www-data # buildkit', t, layer('httpd-www-data-alpine3.20', 'auto', 944, () => [
        file('/etc/passwd', [...ALPINE_PASSWD, 'www-data:x:82:82:Linux User,,,:/home/www-data:/sbin/nologin'].join('\n') + '\n'),
        HTTPD_WWW_GROUP,
        file('/etc/shadow', 'root:*::0:::::\nwww-data:!::0:::::\n', 0o640, 0, 42),
        dir('/home/www-data', 0o755, 82, 82),
      ])),
      bk('ENV HTTPD_PREFIX=/usr/local/apache2', t),
      bk('ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', t),
      bk('RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" \t&& chown www-data:www-data "$HTTPD_PREFIX" # buildkit', t, layer('httpd-prefix-alpine3.20', 'auto', 145, () => [dir('/usr/local/apache2', 0o755, 82, 82)])),
      bk('WORKDIR /usr/local/apache2', t),
      bk('RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tapr \t\tapr-util \t\tapr-util-ldap \t\tca-certificates \t\tperl \t; # buildkit', t,
        layer('httpd-2.4.62-alpine3.20-deps', 36_438_016, 10_382_827, () => [program('/usr/bin/perl', 'perl', 11_032), blob('/usr/lib/libapr-1.so.0.7.4', 238_248), blob('/usr/lib/libaprutil-1.so.0.6.3', 210_496), blob('/etc/ssl/certs/ca-certificates.crt', 219_342)], '/usr/lib/perl5/.layerlab-modules')),
      bk('ENV HTTPD_VERSION=2.4.62', t),
      bk('ENV HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec', t),
      bk('ENV HTTPD_PATCHES=', t),
      bk('RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tapr-dev \t\tapr-util-dev \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tgnupg \t\tlibc-dev \t\tpatch \t\tcurl-dev \t\tjansson-dev \t\tlibxml2-dev \t\tlua-dev \t\tmake # buildkit', t,
        layer('httpd-2.4.62-alpine3.20-build', 17_395_712, 5_585_778, files, '/usr/local/apache2/modules/.layerlab-modules')),
      bk('STOPSIGNAL SIGWINCH', t),
      bk('COPY httpd-foreground /usr/local/bin/ # buildkit', t, layer('httpd-foreground-alpine3.20', 'auto', 288, () => [script('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND)])),
      bk('EXPOSE map[80/tcp:{}]', t),
      bk('CMD ["httpd-foreground"]', t),
    ],
    config: HTTPD_CONFIG,
  };
}

// ---------------------------------------------------------------- diamol (Learn Docker in a Month of Lunches)
const DIAMOL_CURL = layer('diamol-base-curl-alpine3.9', 2_281_472, 1_178_305, () => [program('/usr/bin/curl', 'curl', 0), blob('/usr/lib/libcurl.so.4.5.0', 421_256), blob('/usr/lib/libnghttp2.so.14.17.1', 153_664), blob('/etc/ssl/certs/ca-certificates.crt', 232_598)], '/usr/lib/.layerlab-ca');
const diamolBaseSteps: CatalogStep[] = [...alpine39Steps, step('/bin/sh -c apk add --no-cache curl', '2019-08-14T09:21:56.208371926Z', DIAMOL_CURL)];
const webPingSteps: CatalogStep[] = [
  ...node10Steps,
  step(nop('ENV TARGET=blog.sixeyed.com'), '2020-01-21T13:52:09.473108Z'),
  step(nop('ENV METHOD=HEAD'), '2020-01-21T13:52:09.672651Z'),
  step(nop('ENV INTERVAL=3000'), '2020-01-21T13:52:09.864528Z'),
  step(nop1('WORKDIR /web-ping'), '2020-01-21T13:52:10.080452Z', layer('diamol-ch03-web-ping-workdir', 'auto', 93, () => [dir('/web-ping')])),
  step(nop1('COPY file:6d6fdc9ea1c2c9cb4d4fb9e6ea0b07c3e98eea5ab0e4da4d4c6c43e2c8d3bd69 in . '), '2020-01-21T13:52:10.323118Z', layer('diamol-ch03-web-ping-app', 'auto', 513, () => [file('/web-ping/app.js', WEB_PING_APP_JS)])),
  step(nop('CMD ["node" "/web-ping/app.js"]'), '2020-01-21T13:52:10.521906Z'),
];
const labSteps: CatalogStep[] = [
  ...diamolBaseSteps,
  step(nop1('WORKDIR /diamol'), '2020-01-21T14:01:31.118246Z', layer('diamol-ch03-lab-workdir', 'auto', 93, () => [dir('/diamol')])),
  step(nop1('COPY file:2b3b6c94a4b8f84ad0b4c0fc3c56d8b9f0f9ab6fd2ef4b2c5c29e4ce9ed14b3e in . '), '2020-01-21T14:01:31.353971Z', layer('diamol-ch03-lab-txt', 'auto', 138, () => [file('/diamol/ch03.txt', CH03_TXT)])),
];

const ch02Steps: CatalogStep[] = [
  ...diamolBaseSteps,
  step(nop1('COPY file:5c1f0e6a3b2d9c8e7f4a1b0d3c6e9f2a5b8d1c4e7f0a3b6c9d2e5f8a1b4c7d0e in / '), '2019-08-14T09:24:38.517420883Z', layer('diamol-ch02-cmd-sh', 'auto', 412, () => [file('/cmd.sh', CH02_CMD_SH)])),
  step(nop('CMD ["sh" "/cmd.sh"]'), '2019-08-14T09:24:38.791113745Z'),
];

// ---------------------------------------------------------------- the catalog
const img = (repo: string, tags: string[], x: Omit<CatalogImage, 'repo' | 'tags'>): CatalogImage => ({ repo, tags, ...x });
const retag = (i: CatalogImage, tags: string[]): CatalogImage => ({ ...i, tags });

export const CATALOG_IMAGES: CatalogImage[] = [
  img('library/hello-world', ['latest', 'linux'], { steps: [bk('COPY hello / # buildkit', '2023-05-02T16:49:27Z', HELLO), bk('CMD ["/hello"]', '2023-05-02T16:49:27Z')], config: { Env: [PATH], Cmd: ['/hello'] } }),
  img('library/busybox', ['latest', '1.37', '1.37.0', 'stable', 'glibc'], { steps: [bk('ADD busybox.tar.xz / # buildkit', '2024-09-26T21:31:42Z', BUSYBOX), bk('CMD ["sh"]', '2024-09-26T21:31:42Z')], config: { Env: [PATH], Cmd: ['sh'] } }),
  img('library/alpine', ['latest', '3', '3.20', '3.20.3'], { steps: alpine320Steps, config: ALPINE_CONFIG }),
  img('library/alpine', ['3.18', '3.18.9'], { steps: alpineBk('3.18.9', ALPINE_3_18, '2024-09-06T22:20:07Z'), config: ALPINE_CONFIG }),
  img('library/alpine', ['3.9', '3.9.4'], { steps: alpine39Steps, config: ALPINE_CONFIG }),
  img('library/ubuntu', ['latest', '24.04', 'noble'], {
    steps: [
      step(nop('ARG RELEASE'), '2024-10-11T03:39:49.222744387Z'),
      step(nop('ARG LAUNCHPAD_BUILD_ARCH'), '2024-10-11T03:39:49.25617113Z'),
      step(nop('LABEL org.opencontainers.image.ref.name=ubuntu'), '2024-10-11T03:39:49.28829233Z'),
      step(nop('LABEL org.opencontainers.image.version=24.04'), '2024-10-11T03:39:49.315437698Z'),
      step(nop1('ADD file:bcebbfe0ad8e8d8d6ca1bd5b0fca62b3d1e8fca5ff34f1a0f9c4f4b2e98fd1c3 in / '), '2024-10-11T03:39:51.446733561Z', NOBLE),
      step(nop('CMD ["/bin/bash"]'), '2024-10-11T03:39:51.68096823Z'),
    ],
    config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
  }),
  img('library/debian', ['latest', '12', 'bookworm', 'stable'], { steps: bookwormSteps(BOOKWORM), config: { Env: [PATH], Cmd: ['bash'] } }),
  img('library/debian', ['12-slim', 'bookworm-slim', 'stable-slim'], { steps: bookwormSteps(BOOKWORM_SLIM), config: { Env: [PATH], Cmd: ['bash'] } }),
  retag(nodeDebian('23.3.0', 196_542_464, 63_443_211, false, false), ['latest', '23', '23.3', '23.3.0', 'current', 'bookworm']),
  retag(nodeDebian('22.11.0', 191_889_408, 56_011_772, true, false), ['lts', '22', '22.11', '22.11.0', 'lts-bookworm', 'jod']),
  retag(nodeDebian('20.18.0', 170_975_232, 48_613_990, true, false), ['20', '20.18', '20.18.0', '20-bookworm', 'iron']),
  retag(nodeDebian('20.18.0', 126_414_848, 41_296_012, true, true), ['20-slim', '20.18-slim', '20.18.0-slim', '20-bookworm-slim']),
  retag(nodeAlpine('20.18.0', 121_852_928, 42_989_213), ['20-alpine', '20.18-alpine', '20.18.0-alpine', '20-alpine3.20']),
  retag(nodeAlpine('22.11.0', 147_488_768, 53_404_219), ['lts-alpine', '22-alpine', '22.11-alpine', '22.11.0-alpine', 'alpine']),
  img('library/node', ['10.16.0-alpine', '10.16-alpine'], { steps: node10Steps, config: NODE_10_CONFIG }),
  retag(python(buildpackSteps, pythonLayers.deps, pythonLayers.build), ['latest', '3', '3.13', '3.13.0', 'bookworm']),
  retag(python(bookwormSteps(BOOKWORM_SLIM), pythonLayers.slimDeps, pythonLayers.slimBuild), ['slim', '3-slim', '3.13-slim', '3.13.0-slim', 'slim-bookworm']),
  retag(python(alpine320Steps, pythonLayers.alpineDeps, pythonLayers.alpineBuild), ['alpine', '3-alpine', '3.13-alpine', '3.13.0-alpine', 'alpine3.20']),
  retag(nginxImage(false), ['latest', '1.27', '1.27.2', 'mainline', 'bookworm']),
  retag(nginxImage(true), ['alpine', '1.27-alpine', '1.27.2-alpine', 'mainline-alpine']),
  retag(httpdImage(), ['latest', '2.4', '2.4.62', '2', 'bookworm']),
  retag(httpdAlpineCurrent(), ['alpine', '2.4-alpine', '2-alpine', '2.4.62-alpine', 'alpine3.20']),
  img('library/httpd', ['2.4.46-alpine'], { steps: httpdAlpineSteps, config: HTTPD_ALPINE_CONFIG }),
  img('diamol/node', ['latest'], { steps: node10Steps, config: NODE_10_CONFIG }),
  img('diamol/base', ['latest'], { steps: diamolBaseSteps, config: ALPINE_CONFIG }),
  img('diamol/apache', ['latest'], { steps: httpdAlpineSteps, config: HTTPD_ALPINE_CONFIG }),
  img('diamol/ch02-hello-diamol', ['latest'], { steps: ch02Steps, config: { ...ALPINE_CONFIG, Cmd: ['sh', '/cmd.sh'] } }),
  img('diamol/ch03-web-ping', ['latest'], {
    steps: webPingSteps,
    config: { Env: [...NODE_10_CONFIG.Env, 'TARGET=blog.sixeyed.com', 'METHOD=HEAD', 'INTERVAL=3000'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node', '/web-ping/app.js'], WorkingDir: '/web-ping' },
  }),
  img('diamol/ch03-lab', ['latest'], { steps: labSteps, config: { ...ALPINE_CONFIG, WorkingDir: '/diamol' } }),
];

export const CATALOG_REPOSITORIES: CatalogRepository[] = [
  { repo: 'library/hello-world', description: 'Hello World! (an example of minimal Dockerization)', stars: 2417, official: true },
  { repo: 'library/busybox', description: 'Busybox base image.', stars: 3384, official: true },
  { repo: 'library/alpine', description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11158, official: true },
  { repo: 'library/ubuntu', description: 'Ubuntu is a Debian-based Linux operating system based on free software.', stars: 17398, official: true },
  { repo: 'library/debian', description: 'Debian is a Linux distribution that\'s composed entirely of free and open-source software.', stars: 5101, official: true },
  { repo: 'library/node', description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13871, official: true },
  { repo: 'library/python', description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.', stars: 10095, official: true },
  { repo: 'library/nginx', description: 'Official build of Nginx.', stars: 20473, official: true },
  { repo: 'library/httpd', description: 'The Apache HTTP Server Project', stars: 4846, official: true },
  { repo: 'diamol/node', description: 'Node.js base image for Learn Docker in a Month of Lunches', stars: 3, official: false },
  { repo: 'diamol/apache', description: 'Apache web server (httpd on Alpine) for Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/base', description: 'Alpine base image with curl, for Learn Docker in a Month of Lunches', stars: 2, official: false },
  { repo: 'diamol/ch02-hello-diamol', description: 'Chapter 2 hello-diamol app, Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/ch03-web-ping', description: 'Chapter 3 web-ping app, Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/ch03-lab', description: 'Chapter 3 lab image, Learn Docker in a Month of Lunches', stars: 0, official: false },
];
