/**
 * Base operating systems: Alpine minirootfs layers, Debian and Ubuntu root filesystems, and buildpack-deps
 * (the toolchain layers the full node, python and golang images start from). Sizes are the real amd64 images'
 * (`image ls` / Docker Hub's compressed sizes); rows marked "est." are estimates from neighbouring versions.
 */
import { alpineRootfs, blob, debianRootfs, link, program } from './rootfs';
import type { CatalogConfig, CatalogLayer, CatalogStep } from './types';
import { PATH, bk, layer, nop, nop1, step } from './dsl';

// ---------------------------------------------------------------- Alpine
export const ALPINE_3_9 = layer('alpine-3.9.4-rootfs', 5_293_213, 2_757_034, () => alpineRootfs('3.9.4'), '/lib/apk/db/installed');
export const ALPINE_3_18 = layer('alpine-3.18.9-rootfs', 7_337_216, 3_419_706, () => alpineRootfs('3.18.9'), '/lib/apk/db/installed');
export const ALPINE_3_20 = layer('alpine-3.20.3-rootfs', 7_797_760, 3_623_807, () => alpineRootfs('3.20.3'), '/lib/apk/db/installed');

export const alpine39Steps: CatalogStep[] = [
  step(nop1('ADD file:a86aea1f3a7d68f6ae03397b99ea77f2e9ee901c5c59e59f76f93adbb4035913 in / '), '2019-05-11T00:07:03.358250803Z', ALPINE_3_9),
  step(nop('CMD ["/bin/sh"]'), '2019-05-11T00:07:03.510395965Z'),
];
export const alpineBk = (ver: string, l: CatalogLayer, created: string): CatalogStep[] => [
  bk(`ADD alpine-minirootfs-${ver}-x86_64.tar.gz / # buildkit`, created, l),
  bk('CMD ["/bin/sh"]', created),
];
export const alpine320Steps = alpineBk('3.20.3', ALPINE_3_20, '2024-09-06T22:20:07Z');
export const ALPINE_CONFIG: CatalogConfig = { Env: [PATH], Cmd: ['/bin/sh'] };

/**
 * The last release of each other Alpine minor: [version, uncompressed, compressed, build date]. Sizes are
 * estimates to a few per cent from Docker Hub's listing (5.5-5.6 MB up to 3.16, 7-7.9 MB from 3.17 with
 * OpenSSL 3); history in BuildKit's wording, as the images are built today.
 */
const ALPINE_RELEASES: [string, number, number, string][] = [
  ['3.10.9', 5_580_000, 2_799_000, '2021-04-14T19:19:00Z'],
  ['3.11.13', 5_610_000, 2_818_000, '2021-11-12T17:19:00Z'],
  ['3.12.12', 5_590_000, 2_811_000, '2022-04-04T23:39:00Z'],
  ['3.13.12', 5_610_000, 2_822_000, '2022-08-09T17:19:00Z'],
  ['3.14.10', 5_600_000, 2_827_000, '2023-03-29T17:39:00Z'],
  ['3.15.11', 5_590_000, 2_829_000, '2024-01-27T00:25:00Z'],
  ['3.16.9', 5_540_000, 2_807_000, '2024-01-27T00:25:00Z'],
  ['3.17.10', 7_060_000, 3_381_000, '2024-09-06T22:20:00Z'],
  ['3.19.4', 7_380_000, 3_420_000, '2024-09-06T22:20:00Z'],
  ['3.21.0', 7_830_000, 3_640_000, '2024-12-05T12:49:00Z'],
];
/** Alpine `x.y` -> its base steps (the minor's last release). */
export const ALPINE: Record<string, { version: string; steps: CatalogStep[] }> = {
  '3.9': { version: '3.9.4', steps: alpine39Steps },
  '3.18': { version: '3.18.9', steps: alpineBk('3.18.9', ALPINE_3_18, '2024-09-06T22:20:07Z') },
  '3.20': { version: '3.20.3', steps: alpine320Steps },
};
for (const [v, size, compressed, created] of ALPINE_RELEASES) {
  const l = layer(`alpine-${v}-rootfs`, size, compressed, () => alpineRootfs(v), '/lib/apk/db/installed');
  ALPINE[v.split('.').slice(0, 2).join('.')] = { version: v, steps: alpineBk(v, l, created) };
}

// ---------------------------------------------------------------- Debian, Ubuntu
export const BOOKWORM = layer('debian-bookworm-20241111', 116_534_272, 49_556_865, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const BOOKWORM_SLIM = layer('debian-bookworm-slim-20241111', 74_773_504, 28_227_259, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const NOBLE = layer('ubuntu-noble-20241011', 78_118_912, 29_754_290, () => debianRootfs({ id: 'ubuntu', version: '24.04', codename: 'noble', pretty: 'Ubuntu 24.04.1 LTS' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');

export const bookwormSteps = (l: CatalogLayer): CatalogStep[] => debianSteps('bookworm', l);
/** debuerreotype's row and `CMD ["bash"]`: the history of every Debian image. */
export const debianSteps = (suite: string, l: CatalogLayer): CatalogStep[] => [
  step(`# debian.sh --arch 'amd64' out/ '${suite}' '@1731283200'`, '2024-11-11T00:00:00Z', l, 'debuerreotype 0.15'),
  bk('CMD ["bash"]', '2024-11-11T00:00:00Z'),
];
const debianLayer = (key: string, size: number, compressed: number, version: string, codename: string) =>
  layer(key, size, compressed, () => debianRootfs({ id: 'debian', version, codename, pretty: `Debian GNU/Linux ${version} (${codename})` }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
// Debian 11 and 13 (trixie as of its 2024-11 snapshot), full and slim; sizes est. from Docker Hub (debian:11
// 124 MB / 53.7 MB compressed, 11-slim 80.6 / 31.4; trixie 120 / 48.5, trixie-slim 77.8 / 29.1).
export const BULLSEYE = debianLayer('debian-bullseye-20241111', 124_000_000, 53_700_000, '11', 'bullseye');
export const BULLSEYE_SLIM = debianLayer('debian-bullseye-slim-20241111', 80_600_000, 31_400_000, '11', 'bullseye');
export const TRIXIE = debianLayer('debian-trixie-20241111', 120_000_000, 48_500_000, '13', 'trixie');
export const TRIXIE_SLIM = debianLayer('debian-trixie-slim-20241111', 77_800_000, 29_100_000, '13', 'trixie');

/** Ubuntu's history rows (ARG, LABEL, ADD of the rootfs, CMD), as Canonical's builds show them. */
export function ubuntuSteps(version: string, l: CatalogLayer, created: string): CatalogStep[] {
  return [
    step(nop('ARG RELEASE'), created),
    step(nop('ARG LAUNCHPAD_BUILD_ARCH'), created),
    step(nop('LABEL org.opencontainers.image.ref.name=ubuntu'), created),
    step(nop(`LABEL org.opencontainers.image.version=${version}`), created),
    step(nop1(`ADD file:ubuntu-${version}-oci-amd64-root.tar.gz in / `), created, l),
    step(nop('CMD ["/bin/bash"]'), created),
  ];
}
// Ubuntu 20.04 (72.8 MB, 27.5 MB compressed) and 22.04 (77.9 MB, 29.5 MB): `image ls` sizes, compressed est.
export const FOCAL = layer('ubuntu-focal-20241011', 72_800_000, 27_500_000, () => debianRootfs({ id: 'ubuntu', version: '20.04', codename: 'focal', pretty: 'Ubuntu 20.04.6 LTS', release: 'Focal Fossa' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const JAMMY = layer('ubuntu-jammy-20241011', 77_900_000, 29_500_000, () => debianRootfs({ id: 'ubuntu', version: '22.04', codename: 'jammy', pretty: 'Ubuntu 22.04.5 LTS', release: 'Jammy Jellyfish' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const BP_CURL = layer('buildpack-deps-bookworm-curl', 59_108_352, 25_614_368, () => [program('/usr/bin/curl', 'curl', 277_936), program('/usr/bin/wget', 'wget', 531_368), blob('/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 730_200), blob('/etc/ssl/certs/ca-certificates.crt', 207_436)], '/usr/share/.layerlab-packages-curl');
export const BP_SCM = layer('buildpack-deps-bookworm-scm', 151_242_752, 67_777_238, () => [program('/usr/bin/git', 'git', 4_176_488), program('/usr/bin/ssh', 'ssh', 1_092_872), program('/usr/bin/ps', 'busybox', 0)], '/usr/share/.layerlab-packages-scm');
export const BP_FULL = layer('buildpack-deps-bookworm', 579_104_768, 236_227_893, () => [program('/usr/bin/gcc-12', 'gcc', 1_027_016), link('/usr/bin/gcc', 'gcc-12'), program('/usr/bin/make', 'make', 256_352), blob('/usr/lib/gcc/x86_64-linux-gnu/12/cc1', 32_171_072)], '/usr/share/.layerlab-packages-build');
export const buildpackSteps: CatalogStep[] = [
  ...bookwormSteps(BOOKWORM),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:11:40Z', BP_CURL),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:12:19Z', BP_SCM),
  bk('RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev # buildkit', '2024-11-12T02:14:47Z', BP_FULL),
];

