/** The python family: the full (buildpack-deps), slim and Alpine variants. */
import { blob, link, program } from './rootfs';
import type { CatalogImage, CatalogLayer, CatalogStep } from './types';
import { bk, layer } from './dsl';

// ---------------------------------------------------------------- Python
/** The release managers' signing keys (python.org/downloads/metadata/pgp), as the images' GPG_KEY. */
const GPG_KEYS: Record<string, string> = {
  '3.8': 'E3FF2839C048B25C084DEBE9B26995E310250568',
  '3.9': 'E3FF2839C048B25C084DEBE9B26995E310250568',
  '3.10': 'A035C8C19219BA821ECEA86B64E628F8D684696D',
  '3.11': 'A035C8C19219BA821ECEA86B64E628F8D684696D',
  '3.12': '7169605F62C751356D054A26A821E680E5FA6305',
  '3.13': '7169605F62C751356D054A26A821E680E5FA6305',
};
export const pythonLayers = {
  deps: layer('python-bookworm-deps', 18_421_760, 6_160_544, () => [blob('/usr/lib/x86_64-linux-gnu/libtk8.6.so', 1_521_984)]),
  build: layer('python-3.13.0-bookworm', 95_158_272, 28_719_437, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  slimDeps: layer('python-bookworm-slim-deps', 9_494_528, 3_509_112, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 1_800_000)]),
  slimBuild: layer('python-3.13.0-slim', 42_614_784, 12_582_913, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  alpineDeps: layer('python-alpine-deps', 1_433_600, 631_447, () => [blob('/usr/share/zoneinfo/.layerlab-tzdata', 700_000)]),
  alpineBuild: layer('python-3.13.0-alpine', 38_612_992, 12_113_562, () => [program('/usr/local/bin/python3.13', 'python3', 0), link('/usr/local/bin/pip3', 'pip3.13'), program('/usr/local/bin/pip3.13', 'pip', 0)], '/usr/local/lib/python3.13/.layerlab-stdlib'),
  links: layer('python-3.13-symlinks', 'auto', 250, () => [link('/usr/local/bin/python3', 'python3.13'), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pip', 'pip3'), link('/usr/local/bin/pydoc', 'pydoc3'), link('/usr/local/bin/idle', 'idle3')]),
};
export function python(base: CatalogStep[], deps: CatalogLayer, build: CatalogLayer, version = '3.13.0', links = pythonLayers.links): CatalogImage {
  const gpg = GPG_KEYS[version.split('.').slice(0, 2).join('.')];
  const t = '2024-10-08T01:00:00Z';
  return {
    repo: 'library/python',
    tags: [],
    steps: [
      ...base,
      bk('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', t),
      bk('ENV LANG=C.UTF-8', t),
      bk('RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit', t, deps),
      bk(`ENV GPG_KEY=${gpg}`, t),
      bk(`ENV PYTHON_VERSION=${version}`, t),
      bk('RUN /bin/sh -c set -eux; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \t./configure --enable-optimizations --with-lto; make -j "$nproc"; make install # buildkit', t, build),
      bk('RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone # buildkit', t, links),
      bk('CMD ["python3"]', t),
    ],
    config: { Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', `GPG_KEY=${gpg}`, `PYTHON_VERSION=${version}`], Cmd: ['python3'] },
  };
}


/**
 * Python 3.8 to 3.12 (each line's release of late 2024): the interpreter's install layer per variant as
 * [uncompressed, compressed] bytes. Estimates scaled from the 3.13 layers (older interpreters are smaller).
 */
const PYTHON_LINES: { version: string; full: [number, number]; slim: [number, number]; alpine: [number, number] }[] = [
  { version: '3.8.20', full: [70_000_000, 21_000_000], slim: [34_000_000, 11_000_000], alpine: [34_000_000, 11_000_000] },
  { version: '3.9.20', full: [72_000_000, 22_000_000], slim: [35_000_000, 11_300_000], alpine: [35_000_000, 11_200_000] },
  { version: '3.10.15', full: [75_000_000, 23_000_000], slim: [36_000_000, 11_600_000], alpine: [35_500_000, 11_400_000] },
  { version: '3.11.10', full: [85_000_000, 25_500_000], slim: [39_000_000, 12_000_000], alpine: [37_000_000, 11_800_000] },
  { version: '3.12.7', full: [90_000_000, 27_000_000], slim: [41_000_000, 12_400_000], alpine: [38_000_000, 12_000_000] },
];

function install(key: string, minor: string, size: [number, number]): CatalogLayer {
  return layer(key, size[0], size[1], () => [program(`/usr/local/bin/python${minor}`, 'python3', 0), link('/usr/local/bin/pip3', `pip${minor}`), program(`/usr/local/bin/pip${minor}`, 'pip', 0)], `/usr/local/lib/python${minor}/.layerlab-stdlib`);
}

/** The generated python images: each line's full, slim and Alpine variants with Docker Hub's tag aliases. */
export function pythonLines(bases: { full: CatalogStep[]; slim: CatalogStep[]; alpine: CatalogStep[] }): CatalogImage[] {
  const out: CatalogImage[] = [];
  for (const l of PYTHON_LINES) {
    const minor = l.version.split('.').slice(0, 2).join('.');
    const links = layer(`python-${minor}-symlinks`, 'auto', 250, () => [link('/usr/local/bin/python3', `python${minor}`), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pip', 'pip3'), link('/usr/local/bin/pydoc', 'pydoc3'), link('/usr/local/bin/idle', 'idle3')]);
    const v = [minor, l.version];
    out.push({ ...python(bases.full, pythonLayers.deps, install(`python-${l.version}-bookworm`, minor, l.full), l.version, links), tags: [...v, ...v.map((x) => `${x}-bookworm`)] });
    out.push({ ...python(bases.slim, pythonLayers.slimDeps, install(`python-${l.version}-slim`, minor, l.slim), l.version, links), tags: [...v.map((x) => `${x}-slim`), ...v.map((x) => `${x}-slim-bookworm`)] });
    out.push({ ...python(bases.alpine, pythonLayers.alpineDeps, install(`python-${l.version}-alpine`, minor, l.alpine), l.version, links), tags: [...v.map((x) => `${x}-alpine`), `${minor}-alpine3.20`] });
  }
  return out;
}
