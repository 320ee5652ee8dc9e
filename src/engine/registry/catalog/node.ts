/** The node family: Debian (full and slim) and Alpine variants, and node:10.16.0-alpine of the book. */
import { ALPINE_PASSWD, DEBIAN_PASSWD, NODE_ENTRYPOINT, NODE_ENTRYPOINT_OLD, blob, dir, file, link, nodeInstall, program, script } from './rootfs';
import type { CatalogConfig, CatalogImage, CatalogLayer, CatalogStep } from './types';
import { PATH, bk, layer, nop, nop1, step } from './dsl';
import { ALPINE, BOOKWORM_SLIM, alpine39Steps, bookwormSteps, buildpackSteps } from './bases';

// ---------------------------------------------------------------- Node
export const NODE_USER_DEB = layer('node-user-bookworm', 8_887, 3_304, () => [file('/etc/passwd', [...DEBIAN_PASSWD, 'node:x:1000:1000::/home/node:/bin/bash'].join('\n') + '\n'), file('/etc/group', 'root:x:0:\nnode:x:1000:\n'), dir('/home/node', 0o755, 1000, 1000)]);
export const nodeEntrypointLayer = (key: string, content: string, compressed: number) =>
  layer(key, 'auto', compressed, () => [{ ...script('/usr/local/bin/docker-entrypoint.sh', content) }]);
export const NODE_ENTRY = nodeEntrypointLayer('node-entrypoint-388', NODE_ENTRYPOINT, 446);
export const NODE_ENTRY_OLD = nodeEntrypointLayer('node-entrypoint-116', NODE_ENTRYPOINT_OLD, 280);
export const YARN_1_22 = layer('yarn-1.22.22', 5_341_184, 1_250_118, () => [dir('/opt/yarn-v1.22.22'), program('/opt/yarn-v1.22.22/bin/yarn.js', 'yarn', 0), link('/opt/yarn-v1.22.22/bin/yarn', 'yarn.js'), link('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn'), link('/usr/local/bin/yarnpkg', '/opt/yarn-v1.22.22/bin/yarnpkg')], '/opt/yarn-v1.22.22/lib/cli.js');

export function nodeLayer(key: string, version: string, size: number, compressed: number): CatalogLayer {
  return layer(key, size, compressed, () => nodeInstall(version, 0), '/usr/local/lib/node_modules/npm/.layerlab-modules');
}

export function nodeDebian(version: string, size: number, compressed: number, yarn: boolean, slim: boolean): CatalogImage {
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

export function nodeAlpine(version: string, size: number, compressed: number, alpine = '3.20', yarn = true): CatalogImage {
  const t = '2024-11-21T10:05:42Z';
  const steps: CatalogStep[] = [
    ...ALPINE[alpine].steps,
    bk(`ENV NODE_VERSION=${version}`, t),
    bk('RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH=\'linux*\' && alpineArch="$(apk --print-arch)" # buildkit', t,
      layer(`node-${version}-alpine${alpine}`, size, compressed, () => [...nodeInstall(version, 0), file('/etc/passwd', [...ALPINE_PASSWD, 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh'].join('\n') + '\n'), blob('/usr/lib/libstdc++.so.6.0.32', 2_608_784)], '/usr/local/lib/node_modules/npm/.layerlab-modules')),
    ...(yarn
      ? [
          bk('ENV YARN_VERSION=1.22.22', t),
          bk('RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" # buildkit', t, YARN_1_22),
        ]
      : []),
    bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', t, NODE_ENTRY),
    bk('ENTRYPOINT ["docker-entrypoint.sh"]', t),
    bk('CMD ["node"]', t),
  ];
  const env = [PATH, `NODE_VERSION=${version}`, ...(yarn ? ['YARN_VERSION=1.22.22'] : [])];
  return { repo: 'library/node', tags: [], steps, config: { Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } };
}

// node:10.16.0-alpine, the base of diamol/node (classic builder, 2019).
export const NODE_10_LAYER = layer('node-10.16.0-alpine3.9', 65_123_328, 21_688_934, () => [...nodeInstall('10.16.0', 0), file('/etc/passwd', [...ALPINE_PASSWD, 'node:x:1000:1000:Linux User,,,:/home/node:/bin/sh'].join('\n') + '\n'), blob('/usr/lib/libstdc++.so.6.0.25', 1_600_968)], '/usr/local/lib/node_modules/npm/.layerlab-modules');
export const YARN_1_16 = layer('yarn-1.16.0-alpine3.9', 5_108_224, 1_257_213, () => [dir('/opt/yarn-v1.16.0'), program('/opt/yarn-v1.16.0/bin/yarn.js', 'yarn', 0), link('/opt/yarn-v1.16.0/bin/yarn', 'yarn.js'), link('/usr/local/bin/yarn', '/opt/yarn-v1.16.0/bin/yarn'), link('/usr/local/bin/yarnpkg', '/opt/yarn-v1.16.0/bin/yarnpkg')], '/opt/yarn-v1.16.0/lib/cli.js');
export const node10Steps: CatalogStep[] = [
  ...alpine39Steps,
  step(nop('ENV NODE_VERSION=10.16.0'), '2019-05-28T22:44:30.153312829Z'),
  step('/bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         binutils-gold         curl         g++         gcc         gnupg         libgcc         linux-headers         make         python', '2019-05-28T22:49:41.871234927Z', NODE_10_LAYER),
  step(nop('ENV YARN_VERSION=1.16.0'), '2019-05-28T22:49:42.151216311Z'),
  step('/bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkp://p80.pool.sks-keyservers.net:80 --recv-keys "$key" ||', '2019-05-28T22:49:47.245394367Z', YARN_1_16),
  step(nop1('COPY file:238737301d47304174e4d24f4def935b29b3069c03c72ae8de97d94624382fce in /usr/local/bin/ '), '2019-05-28T22:49:47.529213093Z', NODE_ENTRY_OLD),
  step(nop('ENTRYPOINT ["docker-entrypoint.sh"]'), '2019-05-28T22:49:47.741307573Z'),
  step(nop('CMD ["node"]'), '2019-05-28T22:49:47.968133806Z'),
];
export const NODE_10_CONFIG: CatalogConfig = { Env: [PATH, 'NODE_VERSION=10.16.0', 'YARN_VERSION=1.16.0'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] };


/**
 * The node release lines besides the ones images.ts lists by hand: per line the version, its Debian
 * (buildpack-deps), slim and Alpine install layers as [uncompressed, compressed] bytes, the Alpine it is built
 * on, whether the image still ships Yarn, and the line's extra names. Sizes are estimates scaled from the
 * real node:20/22 layers by each release's tarball (node 16 about 20% smaller than 20, 24 about 15% larger);
 * node 24 images no longer ship Yarn.
 */
const NODE_LINES: { version: string; full: [number, number]; slim: [number, number]; alpine: [number, number]; alpineOn: string; yarn: boolean; names: string[] }[] = [
  { version: '16.20.2', full: [150_000_000, 36_000_000], slim: [105_000_000, 31_000_000], alpine: [106_000_000, 37_400_000], alpineOn: '3.18', yarn: true, names: ['gallium'] },
  { version: '18.20.5', full: [160_000_000, 45_000_000], slim: [115_000_000, 38_000_000], alpine: [114_000_000, 40_000_000], alpineOn: '3.20', yarn: true, names: ['hydrogen'] },
  { version: '24.11.1', full: [205_000_000, 56_000_000], slim: [160_000_000, 54_000_000], alpine: [158_000_000, 56_000_000], alpineOn: '3.21', yarn: false, names: ['krypton'] },
];

/** The generated node images: each line's full, slim and Alpine variants with Docker Hub's tag aliases. */
export function nodeLines(): CatalogImage[] {
  const out: CatalogImage[] = [];
  for (const l of NODE_LINES) {
    const [major, minor] = l.version.split('.');
    const v = [major, `${major}.${minor}`, l.version];
    out.push({ ...nodeDebian(l.version, l.full[0], l.full[1], l.yarn, false), tags: [...v, `${major}-bookworm`, `${l.version}-bookworm`, ...l.names] });
    out.push({ ...nodeDebian(l.version, l.slim[0], l.slim[1], l.yarn, true), tags: [...v.map((x) => `${x}-slim`), `${major}-bookworm-slim`, ...l.names.map((n) => `${n}-slim`)] });
    out.push({ ...nodeAlpine(l.version, l.alpine[0], l.alpine[1], l.alpineOn, l.yarn), tags: [...v.map((x) => `${x}-alpine`), `${major}-alpine${l.alpineOn}`, ...l.names.map((n) => `${n}-alpine`)] });
  }
  return out;
}
