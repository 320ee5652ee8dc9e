/**
 * The mock Docker Hub's images (linux/amd64). Sizes follow the facts file
 * (/work/shared/reference/registry-and-diamol-facts.md); history rows mimic the real ones (classic-builder
 * strings for the 2019 book images, BuildKit strings for current official images).
 */
import { CH02_CMD_SH, CH03_TXT, HTTPD_FOREGROUND, HTTPD_INDEX, HTTPD_JS, NGINX_INDEX, NGINX_JS, WEB_PING_APP_JS, httpdProgram } from './apps';
import {
  ALPINE_PASSWD,
  blob,
  busyboxApplets,
  dir,
  file,
  link,
  program,
  script,
} from './rootfs';
import type { CatalogConfig, CatalogImage, CatalogRepository, CatalogStep, RootfsEntry } from './types';
import { PATH, bk, img, layer, nop, nop1, retag, step } from './dsl';
import { ALPINE, ALPINE_3_18, ALPINE_CONFIG, BOOKWORM, BOOKWORM_SLIM, BULLSEYE, BULLSEYE_SLIM, FOCAL, JAMMY, NOBLE, TRIXIE, TRIXIE_SLIM, alpine320Steps, alpine39Steps, alpineBk, bookwormSteps, buildpackSteps, debianSteps, ubuntuSteps } from './bases';
import { serviceImages } from './services';
import { toolchainImages } from './toolchains';
import { NODE_10_CONFIG, node10Steps, nodeAlpine, nodeDebian, nodeLines } from './node';
import { python, pythonLayers, pythonLines } from './python';

// ---------------------------------------------------------------- busybox, hello-world
const BUSYBOX = layer(
  'busybox-1.37.0-glibc',
  4_261_888,
  2_155_075,
  () => [
    ...['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/root', '/tmp', '/usr', '/usr/sbin', '/var', '/var/spool', '/var/www'].map((p) => dir(p, p === '/tmp' ? 0o1777 : 0o755)),
    ...busyboxApplets(1_131_168),
    // busybox:latest has the applets Alpine moves to busybox-extras, such as its web server.
    link('/bin/httpd', '/bin/busybox'),
    file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n'),
  ],
  '/lib/libc.so.6',
);
const HELLO = layer('hello-world-linux', 'auto', 2_459, () => [{ ...program('/hello', 'hello', 13_256) }]);

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

export const CATALOG_IMAGES: CatalogImage[] = [
  img('library/hello-world', ['latest', 'linux'], { steps: [bk('COPY hello / # buildkit', '2023-05-02T16:49:27Z', HELLO), bk('CMD ["/hello"]', '2023-05-02T16:49:27Z')], config: { Env: [PATH], Cmd: ['/hello'] } }),
  img('library/busybox', ['latest', '1.37', '1.37.0', 'stable', 'glibc'], { steps: [bk('ADD busybox.tar.xz / # buildkit', '2024-09-26T21:31:42Z', BUSYBOX), bk('CMD ["sh"]', '2024-09-26T21:31:42Z')], config: { Env: [PATH], Cmd: ['sh'] } }),
  img('library/alpine', ['latest', '3', '3.20', '3.20.3'], { steps: alpine320Steps, config: ALPINE_CONFIG }),
  img('library/alpine', ['3.18', '3.18.9'], { steps: alpineBk('3.18.9', ALPINE_3_18, '2024-09-06T22:20:07Z'), config: ALPINE_CONFIG }),
  img('library/alpine', ['3.9', '3.9.4'], { steps: alpine39Steps, config: ALPINE_CONFIG }),
  ...['3.10', '3.11', '3.12', '3.13', '3.14', '3.15', '3.16', '3.17', '3.19', '3.21'].map((m) => img('library/alpine', [m, ALPINE[m].version], { steps: ALPINE[m].steps, config: ALPINE_CONFIG })),
  img('library/ubuntu', ['22.04', 'jammy'], { steps: ubuntuSteps('22.04', JAMMY, '2024-10-11T03:39:51Z'), config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' } } }),
  img('library/ubuntu', ['20.04', 'focal'], { steps: ubuntuSteps('20.04', FOCAL, '2024-10-11T03:39:51Z'), config: { Env: [PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '20.04' } } }),
  img('library/debian', ['11', 'bullseye', 'oldstable'], { steps: debianSteps('bullseye', BULLSEYE), config: { Env: [PATH], Cmd: ['bash'] } }),
  img('library/debian', ['11-slim', 'bullseye-slim', 'oldstable-slim'], { steps: debianSteps('bullseye', BULLSEYE_SLIM), config: { Env: [PATH], Cmd: ['bash'] } }),
  img('library/debian', ['13', 'trixie', 'testing'], { steps: debianSteps('trixie', TRIXIE), config: { Env: [PATH], Cmd: ['bash'] } }),
  img('library/debian', ['13-slim', 'trixie-slim', 'testing-slim'], { steps: debianSteps('trixie', TRIXIE_SLIM), config: { Env: [PATH], Cmd: ['bash'] } }),
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
  retag(nodeAlpine('22.11.0', 147_488_768, 53_404_219), ['lts-alpine', '22-alpine', '22.11-alpine', '22.11.0-alpine', '22-alpine3.20', 'jod-alpine']),
  // The current and LTS lines' other variants (install layers est. from the 20.x ones, scaled by tarball size).
  retag(nodeAlpine('23.3.0', 152_000_000, 55_000_000), ['alpine', 'current-alpine', '23-alpine', '23.3-alpine', '23.3.0-alpine', 'alpine3.20']),
  retag(nodeDebian('23.3.0', 150_000_000, 52_000_000, false, true), ['slim', 'current-slim', '23-slim', '23.3-slim', '23.3.0-slim', 'bookworm-slim']),
  retag(nodeDebian('22.11.0', 145_000_000, 49_000_000, true, true), ['lts-slim', '22-slim', '22.11-slim', '22.11.0-slim', 'jod-slim', '22-bookworm-slim']),
  ...nodeLines(),
  img('library/node', ['10.16.0-alpine', '10.16-alpine'], { steps: node10Steps, config: NODE_10_CONFIG }),
  retag(python(buildpackSteps, pythonLayers.deps, pythonLayers.build), ['latest', '3', '3.13', '3.13.0', 'bookworm']),
  retag(python(bookwormSteps(BOOKWORM_SLIM), pythonLayers.slimDeps, pythonLayers.slimBuild), ['slim', '3-slim', '3.13-slim', '3.13.0-slim', 'slim-bookworm']),
  retag(python(alpine320Steps, pythonLayers.alpineDeps, pythonLayers.alpineBuild), ['alpine', '3-alpine', '3.13-alpine', '3.13.0-alpine', 'alpine3.20']),
  ...pythonLines({ full: buildpackSteps, slim: bookwormSteps(BOOKWORM_SLIM), alpine: alpine320Steps }),
  retag(nginxImage(false), ['latest', '1.27', '1.27.2', 'mainline', 'bookworm']),
  retag(nginxImage(true), ['alpine', '1.27-alpine', '1.27.2-alpine', 'mainline-alpine']),
  retag(httpdImage(), ['latest', '2.4', '2.4.62', '2', 'bookworm']),
  retag(httpdAlpineCurrent(), ['alpine', '2.4-alpine', '2-alpine', '2.4.62-alpine', 'alpine3.20']),
  img('library/httpd', ['2.4.46-alpine'], { steps: httpdAlpineSteps, config: HTTPD_ALPINE_CONFIG }),
  ...toolchainImages(),
  ...serviceImages(),
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
  // Star counts of the repositories below are rounded figures from Docker Hub (est.).
  { repo: 'library/golang', description: 'Go (golang) is a general purpose, higher-level, imperative programming language.', stars: 5000, official: true },
  { repo: 'library/eclipse-temurin', description: 'Official Images for OpenJDK binaries built by Eclipse Temurin.', stars: 700, official: true },
  { repo: 'library/openjdk', description: 'Pre-release / non-production builds of OpenJDK', stars: 4000, official: true },
  { repo: 'library/maven', description: 'Apache Maven is a software project management and comprehension tool.', stars: 1700, official: true },
  { repo: 'library/gradle', description: 'Gradle is a build tool with a focus on build automation and support for multi-language development.', stars: 1000, official: true },
  { repo: 'library/redis', description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', stars: 13000, official: true },
  { repo: 'library/postgres', description: 'The PostgreSQL object-relational database system provides reliability and data integrity.', stars: 14000, official: true },
  { repo: 'library/mysql', description: 'MySQL is a widely used, open-source relational database management system (RDBMS).', stars: 15800, official: true },
  { repo: 'library/mongo', description: 'MongoDB document databases provide high availability and easy scalability.', stars: 10500, official: true },
  { repo: 'library/registry', description: 'Distribution implementation for storing and distributing of container images and artifacts', stars: 4200, official: true },
  { repo: 'library/traefik', description: 'Traefik, The Cloud Native Edge Router', stars: 3400, official: true },
  { repo: 'diamol/golang', description: 'Go SDK image for Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/maven', description: 'Maven image for Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/openjdk', description: 'OpenJDK runtime image for Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/dotnet-sdk', description: '.NET Core SDK image for Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/dotnet-aspnet', description: 'ASP.NET Core runtime image for Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/ch06-todo-list', description: 'Chapter 6 to-do list app, Learn Docker in a Month of Lunches', stars: 0, official: false },
  { repo: 'diamol/node', description: 'Node.js base image for Learn Docker in a Month of Lunches', stars: 3, official: false },
  { repo: 'diamol/apache', description: 'Apache web server (httpd on Alpine) for Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/base', description: 'Alpine base image with curl, for Learn Docker in a Month of Lunches', stars: 2, official: false },
  { repo: 'diamol/ch02-hello-diamol', description: 'Chapter 2 hello-diamol app, Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/ch03-web-ping', description: 'Chapter 3 web-ping app, Learn Docker in a Month of Lunches', stars: 1, official: false },
  { repo: 'diamol/ch03-lab', description: 'Chapter 3 lab image, Learn Docker in a Month of Lunches', stars: 0, official: false },
];
