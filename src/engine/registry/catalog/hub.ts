/**
 * What exists on the real Docker Hub, as far as the offline catalog needs to know: the official images'
 * names (docker-library/official-images, `library/` folder), the book's `diamol/*` repositories, and per
 * family a pattern of the tags Docker Hub has. It tells a tag Docker Hub has but the catalog lacks
 * (`python:3.7`) from one that does not exist anywhere (`python:3.7.99`); both fail as on Docker Hub with
 * "not found", but Layerlab's extra line differs.
 */

/** Official images (docker.io/library/<name>). */
const OFFICIAL = new Set(
  (
    'adminer aerospike almalinux alpine alt amazoncorretto amazonlinux api-firewall arangodb archlinux backdrop bash bonita ' +
    'buildpack-deps busybox caddy cassandra chronograf cirros clearlinux clefos clickhouse clojure composer couchbase couchdb crate ' +
    'dart debian docker drupal eclipse-mosquitto eclipse-temurin eggdrop elasticsearch elixir emqx erlang fedora flink fluentd ' +
    'friendica gazebo gcc geonetwork ghost golang gradle groovy haproxy haskell haxe hello-world hitch httpd hylang ' +
    'ibm-semeru-runtimes ibmjava influxdb irssi jetty joomla jruby julia kapacitor kibana kong liquibase logstash mageia mariadb ' +
    'matomo maven mediawiki memcached mongo mongo-express monica mono mysql nats neo4j neurodebian nextcloud nginx node notary odoo ' +
    'open-liberty openjdk oraclelinux orientdb percona perl photon php php-zendserver phpmyadmin plone postfixadmin postgres pypy ' +
    'python r-base rabbitmq rakudo-star redis redmine registry rethinkdb rocket.chat rockylinux ruby rust sapmachine satosa ' +
    'silverpeas solr sonarqube spiped storm swift swipl teamspeak telegraf tomcat tomee traefik ubuntu unit varnish ' +
    'websphere-liberty wordpress xwiki yourls znc zookeeper'
  ).split(' '),
);

/** The book's repositories on Docker Hub (Learn Docker in a Month of Lunches, sixeyed/diamol). */
const DIAMOL = new Set(
  (
    'apache base cert-generator dotnet-aspnet dotnet-runtime dotnet-sdk elasticsearch fluentd gogs golang grafana jenkins kibana ' +
    'maven nats nats-sub nginx node openjdk postgres prometheus pwd-tls redis redis-cli registry traefik tree todo-blazor ' +
    'image-gallery ch02-hello-diamol ch02-hello-diamol-web ch03-lab ch03-web-ping ch03-web-ping-optimized ch04-access-log ' +
    'ch04-image-gallery ch04-image-of-the-day ch04-lab ch04-lab-optimized ch04-multi-stage ch06-bind-mount ch06-file-display ' +
    'ch06-lab ch06-random-number ch06-todo-list ch06-todo-list-v2 ch08-lab ch08-lab-solution ch08-numbers-api ' +
    'ch08-numbers-api-v2 ch08-numbers-api-v3 ch08-numbers-web ch08-numbers-web-v2 ch08-numbers-web-v3 ch09-access-log ' +
    'ch09-grafana ch09-image-gallery ch09-image-of-the-day ch09-lab-grafana ch09-lab-prometheus ch09-prometheus ch09-todo-list ' +
    'ch11-numbers-api ch11-numbers-web ch11-todo-list ch12-timecheck ch14-numbers-api ch14-numbers-web ch15-timecheck ' +
    'ch16-lab ch16-whoami ch18-access-log ch18-image-gallery ch18-image-of-the-day ch20-pi ch21-audit-handler ' +
    'ch21-mutating-handler ch21-save-handler ch21-todo-api ch21-todo-list'
  ).split(' '),
);

/** A version with at most `n` patch releases per minor: "3.12.7" -> max[3.12] >= 7. */
function versioned(majors: Record<string, number>): (v: string) => boolean {
  return (v) => {
    const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/.exec(v);
    if (!m) return false;
    if (m[2] === undefined) return Object.keys(majors).some((k) => k.split('.')[0] === m[1]);
    const max = majors[`${m[1]}.${m[2]}`];
    return max !== undefined && (m[3] === undefined || Number(m[3]) <= max);
  };
}
const range = (major: number, from: number, to: number, patches: number) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`${major}.${from + i}`, patches]));

interface TagPattern {
  /** Is the version part (before the first `-`) a version Docker Hub has? */
  version: (v: string) => boolean;
  /** Variant suffixes (after the version and a `-`) Docker Hub has for the family. */
  variants: RegExp;
  /** Tags without a version part ("latest", "lts", "slim", "alpine"). */
  words: RegExp;
}

const DEBIAN_SUITES = 'bookworm|bullseye|buster|trixie|stretch';
const ALPINE = 'alpine(?:3\\.\\d+)?';

/** Known tag patterns per repository (last patch release of each minor, as listed on Docker Hub). */
const PATTERNS: Record<string, TagPattern> = {
  python: {
    version: versioned({ '2.7': 18, '3.5': 10, '3.6': 15, '3.7': 17, '3.8': 20, '3.9': 21, '3.10': 16, '3.11': 11, '3.12': 8, '3.13': 1 }),
    variants: new RegExp(`^(?:slim|slim-(?:${DEBIAN_SUITES})|${DEBIAN_SUITES}|${ALPINE}|windowsservercore.*)$`),
    words: new RegExp(`^(?:latest|slim|alpine|${ALPINE}|${DEBIAN_SUITES}|slim-(?:${DEBIAN_SUITES}))$`),
  },
  node: {
    version: versioned({ ...range(10, 0, 24, 1), ...range(12, 0, 22, 12), ...range(14, 0, 21, 3), ...range(16, 0, 20, 2), ...range(18, 0, 20, 8), ...range(20, 0, 18, 3), ...range(21, 0, 7, 3), ...range(22, 0, 12, 3), ...range(23, 0, 3, 3), ...range(24, 0, 11, 3), '8.17': 0, '6.17': 1 }),
    variants: new RegExp(`^(?:slim|${DEBIAN_SUITES}|(?:${DEBIAN_SUITES})-slim|${ALPINE})$`),
    words: new RegExp(`^(?:latest|current|lts|slim|alpine|${ALPINE}|${DEBIAN_SUITES}|(?:${DEBIAN_SUITES})-slim|(?:current|lts)-(?:slim|alpine|${DEBIAN_SUITES})|hydrogen|iron|jod|krypton|gallium|fermium)$`),
  },
  alpine: {
    version: versioned({ '3.9': 6, '3.10': 9, '3.11': 13, '3.12': 12, '3.13': 12, '3.14': 10, '3.15': 11, '3.16': 9, '3.17': 10, '3.18': 12, '3.19': 6, '3.20': 6, '3.21': 3, '3.22': 1 }),
    variants: /^$/,
    words: /^(?:latest|edge)$/,
  },
  debian: {
    version: (v) => /^(?:9|10|11|12|13)(?:\.\d{1,2})?$/.test(v),
    variants: /^(?:slim|\d{8}(?:-slim)?)$/,
    words: new RegExp(`^(?:latest|stable|oldstable|testing|unstable|sid|experimental|(?:${DEBIAN_SUITES}|stable|oldstable|testing|sid)(?:-slim|-\\d{8}(?:-slim)?)?)$`),
  },
  ubuntu: {
    version: (v) => /^(?:1[4-9]|2[0-5])\.(?:04|10)$/.test(v),
    variants: /^$/,
    words: /^(?:latest|rolling|devel|trusty|xenial|bionic|focal|jammy|noble|oracular|plucky)(?:-\d{8})?$/,
  },
};

export type HubTag = 'exists' | 'no-such-tag' | 'unknown';

/** Whether a repository ("library/python", "diamol/base") exists on Docker Hub. */
export function repositoryOnHub(repo: string): boolean {
  const [ns, name] = repo.split('/');
  return (ns === 'library' && OFFICIAL.has(name)) || (ns === 'diamol' && DIAMOL.has(name));
}

/** Whether Docker Hub has a tag of a repository, as far as the family's pattern can tell. */
export function tagOnHub(repo: string, tag: string): HubTag {
  const p = repo.startsWith('library/') ? PATTERNS[repo.slice(8)] : undefined;
  if (!p) return 'unknown';
  if (p.words.test(tag)) return 'exists';
  const dash = tag.indexOf('-');
  const version = dash < 0 ? tag : tag.slice(0, dash);
  const variant = dash < 0 ? '' : tag.slice(dash + 1);
  return p.version(version) && (variant === '' || p.variants.test(variant)) ? 'exists' : 'no-such-tag';
}
