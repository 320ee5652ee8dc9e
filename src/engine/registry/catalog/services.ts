/**
 * Servers tutorials start: redis, postgres, mysql, mongo, registry and traefik, as their docker-library
 * Dockerfiles build them (ENV, VOLUME, EXPOSE, ENTRYPOINT, CMD; history rows abridged to the command's start).
 * Layer sizes are [uncompressed, compressed] bytes, estimates that add up to Docker Hub's totals per tag
 * (redis:7.4 117 MB / 45 MB, redis:7.4-alpine 45 / 17, postgres:17 435 / 150, postgres:17-alpine 270 / 105,
 * mysql:9.1 600 / 170, mongo:8.0 850 / 290, registry:2.8 25 / 9.8, traefik:v3.2 180 / 50). The servers are
 * programs the sandbox cannot run; they say so in one line.
 */
import { ALPINE, BOOKWORM_SLIM, JAMMY, NOBLE, debianSteps, ubuntuSteps } from './bases';
import { PATH, buildkitImage, layer, type Row } from './dsl';
import { ALPINE_PASSWD, DEBIAN_PASSWD, blob, dir, file, link, program, script } from './rootfs';
import type { CatalogImage, CatalogLayer, CatalogStep, RootfsEntry } from './types';

type Size = [number, number];
const entrypoint = (key: string, path: string, compressed: number) =>
  layer(key, 'auto', compressed, () => [script(path, '#!/bin/sh\nset -e\n# Prepares the data directory and drops to the service user, then runs the command.\nexec "$@"\n')]);
/** The layer that adds the service's user (uid/gid `id`) to the base's /etc/passwd and /etc/group. */
const user = (key: string, name: string, id: number, alpine = false) =>
  layer(key, 'auto', 1_100, () => [
    file('/etc/passwd', [...(alpine ? ALPINE_PASSWD : DEBIAN_PASSWD), `${name}:x:${id}:${id}::/home/${name}:/bin/sh`].join('\n') + '\n'),
    file('/etc/group', `root:x:0:\n${name}:x:${id}:\n`),
  ]);
const pkg = (key: string, [size, compressed]: Size, files: RootfsEntry[], filler: string): CatalogLayer => layer(key, size, compressed, () => files, filler);
const GOSU = layer('gosu-1.17', 4_100_000, 1_500_000, () => [program('/usr/local/bin/gosu', 'gosu', 0)], '/usr/local/share/.layerlab-gosu');

// ---------------------------------------------------------------- redis
function redis(version: string, alpine: boolean, build: Size): CatalogImage {
  const t = '2024-10-03T00:49:04Z';
  const rows: Row[] = [
    [alpine ? 'RUN /bin/sh -c set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis' : 'RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis', user(`redis-user-${alpine ? 'alpine' : 'debian'}`, 'redis', 999, alpine)],
    [alpine ? 'RUN /bin/sh -c apk add --no-cache \t\tsu-exec \t\ttzdata' : 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*', alpine ? pkg('redis-alpine-deps', [1_600_000, 700_000], [program('/sbin/su-exec', 'su-exec', 0)], '/usr/share/zoneinfo/.layerlab-tzdata') : GOSU],
    `ENV REDIS_VERSION=${version}`,
    `ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${version}.tar.gz`,
    ['RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake', pkg(`redis-${version}-${alpine ? 'alpine' : 'bookworm'}`, build, [program('/usr/local/bin/redis-server', 'redis-server', 0), program('/usr/local/bin/redis-cli', 'redis-cli', 0), link('/usr/local/bin/redis-sentinel', 'redis-server')], '/usr/local/bin/.layerlab-redis')],
    ['RUN /bin/sh -c mkdir /data && chown redis:redis /data', layer(`redis-data-${alpine ? 'alpine' : 'debian'}`, 'auto', 93, () => [dir('/data', 0o755, 999, 999)])],
    'VOLUME [/data]',
    'WORKDIR /data',
    ['COPY docker-entrypoint.sh /usr/local/bin/', entrypoint('redis-entrypoint', '/usr/local/bin/docker-entrypoint.sh', 661)],
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    'EXPOSE map[6379/tcp:{}]',
    'CMD ["redis-server"]',
  ];
  const base: CatalogStep[] = alpine ? ALPINE['3.20'].steps : debianSteps('bookworm', BOOKWORM_SLIM);
  return buildkitImage('library/redis', base, t, rows, { Env: [PATH, `REDIS_VERSION=${version}`, `REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${version}.tar.gz`], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'], WorkingDir: '/data', ExposedPorts: { '6379/tcp': {} }, Volumes: { '/data': {} } });
}

// ---------------------------------------------------------------- postgres
function postgres(version: string, alpine: boolean, install: Size): CatalogImage {
  const t = '2024-11-22T00:11:31Z';
  const major = version.split('.')[0];
  const bin = alpine ? '/usr/local/bin' : `/usr/lib/postgresql/${major}/bin`;
  const rows: Row[] = [
    ['RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres', user(`postgres-user-${alpine ? 'alpine' : 'debian'}`, 'postgres', 999, alpine)],
    ['RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d', layer('postgres-initdb-dir', 'auto', 120, () => [dir('/docker-entrypoint-initdb.d')])],
    ...(alpine ? [] : ([['RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless', pkg('postgres-bookworm-gnupg', [9_600_000, 4_200_000], [], '/usr/share/.layerlab-gnupg')], ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \tgosu', GOSU], ['RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q \'/usr/share/locale\' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales', pkg('postgres-bookworm-locales', [26_000_000, 9_000_000], [], '/usr/lib/locale/.layerlab-locales')]] as Row[])),
    'ENV LANG=en_US.utf8',
    `ENV PG_MAJOR=${major}`,
    ...(alpine ? [] : [`ENV PATH=${PATH.slice(5)}:${bin}`]),
    `ENV PG_VERSION=${alpine ? version : `${version}-1.pgdg120+1`}`,
    [`RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"`, pkg(`postgres-${version}-${alpine ? 'alpine' : 'bookworm'}`, install, [program(`${bin}/postgres`, 'postgres', 0), program(`${bin}/initdb`, 'initdb', 0), program(`${bin}/psql`, 'psql', 0), link('/usr/local/bin/psql', `${bin}/psql`)], `/usr/share/postgresql/.layerlab-share`)],
    ['RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"', layer('postgres-conf-sample', 'auto', 1_000, () => [file('/usr/share/postgresql/postgresql.conf.sample', "listen_addresses = '*'\n")])],
    ['RUN /bin/sh -c mkdir -p /var/run/postgresql && chown -R postgres:postgres /var/run/postgresql && chmod 3777 /var/run/postgresql', layer('postgres-run-dir', 'auto', 120, () => [dir('/var/run/postgresql', 0o3777, 999, 999)])],
    'ENV PGDATA=/var/lib/postgresql/data',
    ['RUN /bin/sh -c mkdir -p "$PGDATA" && chown -R postgres:postgres "$PGDATA" && chmod 1777 "$PGDATA"', layer('postgres-pgdata', 'auto', 120, () => [dir('/var/lib/postgresql/data', 0o1777, 999, 999)])],
    'VOLUME [/var/lib/postgresql/data]',
    ['COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/', entrypoint('postgres-entrypoint', '/usr/local/bin/docker-entrypoint.sh', 6_300)],
    ['RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh', layer('postgres-enforce-link', 'auto', 130, () => [link('/usr/local/bin/docker-enforce-initdb.sh', 'docker-ensure-initdb.sh')])],
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    'STOPSIGNAL SIGINT',
    'EXPOSE map[5432/tcp:{}]',
    'CMD ["postgres"]',
  ];
  const env = [alpine ? PATH : `PATH=${PATH.slice(5)}:${bin}`, 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${alpine ? version : `${version}-1.pgdg120+1`}`, 'PGDATA=/var/lib/postgresql/data'];
  const base = alpine ? ALPINE['3.20'].steps : debianSteps('bookworm', BOOKWORM_SLIM);
  return buildkitImage('library/postgres', base, t, rows, { Env: env, Entrypoint: ['docker-entrypoint.sh'], Cmd: ['postgres'], ExposedPorts: { '5432/tcp': {} }, Volumes: { '/var/lib/postgresql/data': {} }, StopSignal: 'SIGINT' });
}

// ---------------------------------------------------------------- mysql (Oracle Linux 9 slim)
const ORACLE_SLIM = layer('oraclelinux-9-slim-20241112', 113_000_000, 43_000_000, () => [
  dir('/etc'), dir('/root', 0o550), dir('/tmp', 0o1777), link('/bin', 'usr/bin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64'),
  program('/usr/bin/bash', 'bash', 1_389_064), link('/usr/bin/sh', 'bash'), program('/usr/bin/microdnf', 'microdnf', 0),
  file('/etc/os-release', 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVERSION_ID="9.5"\nPRETTY_NAME="Oracle Linux Server 9.5"\n'),
  file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n'),
], '/usr/lib64/.layerlab-packages');
function mysql(version: string, major: string, server: Size): CatalogImage {
  const t = '2024-10-15T20:41:48Z';
  const rows: Row[] = [
    ['RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql', user('mysql-user', 'mysql', 999)],
    'ENV GOSU_VERSION=1.17',
    ['RUN /bin/sh -c set -eux; \tarch="$(uname -m)"; \tcase "$arch" in \t\taarch64) gosuArch=\'arm64\' ;; \t\tx86_64) gosuArch=\'amd64\' ;;', GOSU],
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all', pkg('mysql-ol9-tools', [44_000_000, 15_000_000], [], '/usr/lib64/.layerlab-tools')],
    `ENV MYSQL_MAJOR=${major}`,
    `ENV MYSQL_VERSION=${version}-1.el9`,
    [`RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql${major.replace('.', '')}-server-minimal]'; \t\techo 'name=MySQL ${major} Server Minimal'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo`, layer(`mysql-${major}-repo`, 'auto', 400, () => [file('/etc/yum.repos.d/mysql-community-minimal.repo', `[mysql-server-minimal]\nname=MySQL ${major} Server Minimal\n`)])],
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y "mysql-community-server-minimal-$MYSQL_VERSION"; \tmicrodnf clean all', pkg(`mysql-${version}-server`, server, [program('/usr/sbin/mysqld', 'mysqld', 0), program('/usr/bin/mysql', 'mysql', 0), dir('/var/lib/mysql', 0o755, 999, 999)], '/usr/lib64/mysql/.layerlab-server')],
    ['RUN /bin/sh -c set -eux; \tmicrodnf install -y "mysql-shell-$MYSQL_SHELL_VERSION"; \tmicrodnf clean all; \t\tmysqlsh --version', pkg(`mysql-${version}-shell`, [100_000_000, 36_000_000], [program('/usr/bin/mysqlsh', 'mysqlsh', 0)], '/usr/lib/mysqlsh/.layerlab-shell')],
    'VOLUME [/var/lib/mysql]',
    ['COPY docker-entrypoint.sh /usr/local/bin/', entrypoint('mysql-entrypoint', '/usr/local/bin/docker-entrypoint.sh', 5_200)],
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    'EXPOSE map[3306/tcp:{} 33060/tcp:{}]',
    'CMD ["mysqld"]',
  ];
  const base: CatalogStep[] = buildkitImage('library/oraclelinux', [], '2024-11-12T18:20:00Z', [['ADD oraclelinux-9-slim-amd64-rootfs.tar.xz /', ORACLE_SLIM], 'CMD ["/bin/bash"]'], { Env: [PATH] }).steps;
  return buildkitImage('library/mysql', base, t, rows, { Env: [PATH, 'GOSU_VERSION=1.17', `MYSQL_MAJOR=${major}`, `MYSQL_VERSION=${version}-1.el9`], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mysqld'], ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} }, Volumes: { '/var/lib/mysql': {} } });
}

// ---------------------------------------------------------------- mongo
function mongo(version: string, ubuntu: '22.04' | '24.04', install: Size): CatalogImage {
  const t = '2024-11-14T18:22:51Z';
  const major = version.split('.').slice(0, 2).join('.');
  const rows: Row[] = [
    ['RUN /bin/sh -c set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb', user(`mongo-user-${ubuntu}`, 'mongodb', 999)],
    ['RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/*', pkg(`mongo-deps-${ubuntu}`, [3_500_000, 1_500_000], [program('/usr/bin/jq', 'jq', 0)], '/usr/share/.layerlab-mongo-deps')],
    'ENV GOSU_VERSION=1.17',
    'ENV JSYAML_VERSION=3.13.1',
    ['RUN /bin/sh -c set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget', pkg(`mongo-gosu-${ubuntu}`, [7_800_000, 2_600_000], [program('/usr/local/bin/gosu', 'gosu', 0), blob('/js-yaml.js', 103_000)], '/usr/local/share/.layerlab-gosu')],
    ['RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d', layer('mongo-initdb-dir', 'auto', 120, () => [dir('/docker-entrypoint-initdb.d')])],
    'ENV MONGO_PACKAGE=mongodb-org',
    'ENV MONGO_REPO=repo.mongodb.org',
    `ENV MONGO_MAJOR=${major}`,
    `ENV MONGO_VERSION=${version}`,
    ['RUN /bin/sh -c set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION', pkg(`mongo-${version}`, install, [program('/usr/bin/mongod', 'mongod', 0), program('/usr/bin/mongos', 'mongos', 0), program('/usr/bin/mongosh', 'mongosh', 0)], '/usr/lib/.layerlab-mongodb')],
    ['RUN /bin/sh -c mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb /data/db /data/configdb', layer(`mongo-data-${ubuntu}`, 'auto', 140, () => [dir('/data/db', 0o755, 999, 999), dir('/data/configdb', 0o755, 999, 999)])],
    'VOLUME [/data/db /data/configdb]',
    'ENV HOME=/data/db',
    ['COPY docker-entrypoint.sh /usr/local/bin/', entrypoint('mongo-entrypoint', '/usr/local/bin/docker-entrypoint.sh', 5_000)],
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    'EXPOSE map[27017/tcp:{}]',
    'CMD ["mongod"]',
  ];
  const base = ubuntu === '24.04' ? ubuntuSteps('24.04', NOBLE, '2024-10-11T03:39:51Z') : ubuntuSteps('22.04', JAMMY, '2024-10-11T03:39:51Z');
  return buildkitImage('library/mongo', base, t, rows, { Env: [PATH, 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', `MONGO_MAJOR=${major}`, `MONGO_VERSION=${version}`, 'HOME=/data/db'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['mongod'], ExposedPorts: { '27017/tcp': {} }, Volumes: { '/data/db': {}, '/data/configdb': {} } });
}

// ---------------------------------------------------------------- registry, traefik
function registry(): CatalogImage {
  const t = '2024-09-16T18:21:02Z';
  const rows: Row[] = [
    ['RUN /bin/sh -c apk add --no-cache ca-certificates', pkg('registry-ca-alpine3.18', [680_000, 320_000], [blob('/etc/ssl/certs/ca-certificates.crt', 219_342)], '/usr/share/ca-certificates/.layerlab')],
    ['RUN /bin/sh -c set -eux; \tversion=\'2.8.3\'; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64)  arch=\'amd64\';   sha256=\'b1f750ecbe09f38e2143e22c61a25e3da2afe1510d9522859230b480e642ceff\' ;;', pkg('registry-2.8.3-binary', [17_700_000, 6_600_000], [program('/bin/registry', 'registry', 0)], '/bin/.layerlab-registry')],
    ['COPY ./config-example.yml /etc/docker/registry/config.yml', layer('registry-config', 'auto', 295, () => [file('/etc/docker/registry/config.yml', 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n')])],
    'VOLUME [/var/lib/registry]',
    'EXPOSE map[5000/tcp:{}]',
    // The image's entrypoint turns a config file argument (its CMD) into `registry serve FILE`.
    ['COPY docker-entrypoint.sh /entrypoint.sh', layer('registry-entrypoint', 'auto', 155, () => [script('/entrypoint.sh', '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n')])],
    'ENTRYPOINT ["/entrypoint.sh"]',
    'CMD ["/etc/docker/registry/config.yml"]',
  ];
  return buildkitImage('library/registry', ALPINE['3.18'].steps, t, rows, { Env: [PATH], Entrypoint: ['/entrypoint.sh'], Cmd: ['/etc/docker/registry/config.yml'], ExposedPorts: { '5000/tcp': {} }, Volumes: { '/var/lib/registry': {} } });
}

function traefik(version: string, binary: Size): CatalogImage {
  const t = '2024-11-19T15:51:02Z';
  const rows: Row[] = [
    ['RUN /bin/sh -c apk --no-cache add ca-certificates tzdata', pkg('traefik-deps-alpine3.20', [1_900_000, 900_000], [blob('/etc/ssl/certs/ca-certificates.crt', 219_342)], '/usr/share/zoneinfo/.layerlab-tzdata')],
    [`RUN /bin/sh -c set -ex; \tapkArch="$(apk --print-arch)"; \tcase "$apkArch" in \t\tx86_64) arch='amd64' ;; \tesac; \twget --quiet -O /tmp/traefik.tar.gz "https://github.com/traefik/traefik/releases/download/${version}/traefik_${version}_linux_$arch.tar.gz"`, pkg(`traefik-${version}`, binary, [program('/usr/local/bin/traefik', 'traefik', 0)], '/usr/local/bin/.layerlab-traefik')],
    ['COPY entrypoint.sh /', entrypoint('traefik-entrypoint', '/entrypoint.sh', 360)],
    'EXPOSE map[80/tcp:{}]',
    'ENTRYPOINT ["/entrypoint.sh"]',
    'CMD ["traefik"]',
    `LABEL org.opencontainers.image.vendor=Traefik Labs org.opencontainers.image.url=https://traefik.io org.opencontainers.image.source=https://github.com/traefik/traefik org.opencontainers.image.title=Traefik org.opencontainers.image.description=A modern reverse-proxy org.opencontainers.image.version=${version} org.opencontainers.image.documentation=https://docs.traefik.io`,
  ];
  const labels = { 'org.opencontainers.image.vendor': 'Traefik Labs', 'org.opencontainers.image.url': 'https://traefik.io', 'org.opencontainers.image.source': 'https://github.com/traefik/traefik', 'org.opencontainers.image.title': 'Traefik', 'org.opencontainers.image.description': 'A modern reverse-proxy', 'org.opencontainers.image.version': version, 'org.opencontainers.image.documentation': 'https://docs.traefik.io' };
  return buildkitImage('library/traefik', ALPINE['3.20'].steps, t, rows, { Env: [PATH], Entrypoint: ['/entrypoint.sh'], Cmd: ['traefik'], ExposedPorts: { '80/tcp': {} }, Labels: labels });
}

const tagged = (i: CatalogImage, tags: string[]): CatalogImage => ({ ...i, tags });

/** The service images with their Docker Hub tags (late 2024). */
export function serviceImages(): CatalogImage[] {
  return [
    tagged(redis('7.4.1', false, [38_000_000, 15_000_000]), ['latest', '7', '7.4', '7.4.1', 'bookworm', '7-bookworm', '7.4-bookworm', '7.4.1-bookworm']),
    tagged(redis('7.4.1', true, [35_000_000, 13_000_000]), ['alpine', '7-alpine', '7.4-alpine', '7.4.1-alpine', 'alpine3.20', '7-alpine3.20']),
    tagged(redis('7.2.6', false, [36_000_000, 14_300_000]), ['7.2', '7.2.6', '7.2-bookworm']),
    tagged(postgres('17.2', false, [320_000_000, 105_000_000]), ['latest', '17', '17.2', 'bookworm', '17-bookworm', '17.2-bookworm']),
    tagged(postgres('16.6', false, [310_000_000, 101_000_000]), ['16', '16.6', '16-bookworm', '16.6-bookworm']),
    tagged(postgres('17.2', true, [255_000_000, 100_000_000]), ['alpine', '17-alpine', '17.2-alpine', 'alpine3.20', '17-alpine3.20']),
    tagged(postgres('16.6', true, [245_000_000, 96_000_000]), ['16-alpine', '16.6-alpine', '16-alpine3.20']),
    tagged(mysql('9.1.0', 'innovation', [330_000_000, 70_000_000]), ['latest', '9', '9.1', '9.1.0', 'oracle', 'innovation', '9-oracle', '9.1-oracle', 'innovation-oracle']),
    tagged(mysql('8.4.3', '8.4', [320_000_000, 68_000_000]), ['8', '8.4', '8.4.3', 'lts', '8-oracle', '8.4-oracle', 'lts-oracle']),
    tagged(mysql('8.0.40', '8.0', [300_000_000, 64_000_000]), ['8.0', '8.0.40', '8.0-oracle', '8.0.40-oracle']),
    tagged(mongo('8.0.3', '24.04', [730_000_000, 250_000_000]), ['latest', '8', '8.0', '8.0.3', 'noble', '8-noble', '8.0-noble']),
    tagged(mongo('7.0.15', '22.04', [690_000_000, 236_000_000]), ['7', '7.0', '7.0.15', 'jammy', '7-jammy', '7.0-jammy']),
    tagged(registry(), ['latest', '2', '2.8', '2.8.3']),
    tagged(traefik('v3.2.1', [171_000_000, 46_000_000]), ['latest', 'v3', 'v3.2', 'v3.2.1', '3', '3.2', '3.2.1', 'comte']),
    tagged(traefik('v2.11.14', [160_000_000, 43_000_000]), ['v2', 'v2.11', 'v2.11.14', '2', '2.11', '2.11.14', 'mimolette']),
  ];
}
