/** The python family: the full (buildpack-deps), slim and Alpine variants. */
import { blob, link, program } from './rootfs';
import type { CatalogImage, CatalogLayer, CatalogStep } from './types';
import { bk, layer } from './dsl';

// ---------------------------------------------------------------- Python
export const pythonLayers = {
  deps: layer('python-bookworm-deps', 18_421_760, 6_160_544, () => [blob('/usr/lib/x86_64-linux-gnu/libtk8.6.so', 1_521_984)]),
  build: layer('python-3.13.0-bookworm', 95_158_272, 28_719_437, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  slimDeps: layer('python-bookworm-slim-deps', 9_494_528, 3_509_112, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 1_800_000)]),
  slimBuild: layer('python-3.13.0-slim', 42_614_784, 12_582_913, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  alpineDeps: layer('python-alpine-deps', 1_433_600, 631_447, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 700_000)]),
  alpineBuild: layer('python-3.13.0-alpine', 38_612_992, 12_113_562, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  links: layer('python-3.13-symlinks', 'auto', 250, () => [link('/usr/local/bin/python3', 'python3.13'), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pip', 'pip3'), link('/usr/local/bin/pydoc', 'pydoc3'), link('/usr/local/bin/idle', 'idle3')]),
};
export function python(base: CatalogStep[], deps: CatalogLayer, build: CatalogLayer): CatalogImage {
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

