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

// ---------------------------------------------------------------- Debian, Ubuntu
export const BOOKWORM = layer('debian-bookworm-20241111', 116_534_272, 49_556_865, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const BOOKWORM_SLIM = layer('debian-bookworm-slim-20241111', 74_773_504, 28_227_259, () => debianRootfs({ id: 'debian', version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');
export const NOBLE = layer('ubuntu-noble-20241011', 78_118_912, 29_754_290, () => debianRootfs({ id: 'ubuntu', version: '24.04', codename: 'noble', pretty: 'Ubuntu 24.04.1 LTS' }), '/usr/lib/x86_64-linux-gnu/.layerlab-packages');

export const bookwormSteps = (l: CatalogLayer): CatalogStep[] => [
  step(`# debian.sh --arch 'amd64' out/ 'bookworm' '@1731283200'`, '2024-11-11T00:00:00Z', l, 'debuerreotype 0.15'),
  bk('CMD ["bash"]', '2024-11-11T00:00:00Z'),
];
export const BP_CURL = layer('buildpack-deps-bookworm-curl', 59_108_352, 25_614_368, () => [program('/usr/bin/curl', 'curl', 277_936), program('/usr/bin/wget', 'wget', 531_368), blob('/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 730_200), blob('/etc/ssl/certs/ca-certificates.crt', 207_436)], '/usr/share/.layerlab-packages-curl');
export const BP_SCM = layer('buildpack-deps-bookworm-scm', 151_242_752, 67_777_238, () => [program('/usr/bin/git', 'git', 4_176_488), program('/usr/bin/ssh', 'ssh', 1_092_872), program('/usr/bin/ps', 'busybox', 0)], '/usr/share/.layerlab-packages-scm');
export const BP_FULL = layer('buildpack-deps-bookworm', 579_104_768, 236_227_893, () => [program('/usr/bin/gcc-12', 'gcc', 1_027_016), link('/usr/bin/gcc', 'gcc-12'), program('/usr/bin/make', 'make', 256_352), blob('/usr/lib/gcc/x86_64-linux-gnu/12/cc1', 32_171_072)], '/usr/share/.layerlab-packages-build');
export const buildpackSteps: CatalogStep[] = [
  ...bookwormSteps(BOOKWORM),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:11:40Z', BP_CURL),
  bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit', '2024-11-12T02:12:19Z', BP_SCM),
  bk('RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev # buildkit', '2024-11-12T02:14:47Z', BP_FULL),
];

