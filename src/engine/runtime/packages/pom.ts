/**
 * What Maven reads from a pom.xml: the project's coordinates and packaging, its parent, properties and
 * dependencies (versions from the pom, its properties, or the parent's dependency management for the parents
 * we know). A small reader for the elements Maven's model uses, not a general XML parser.
 */

export interface Coordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

export interface PomDependency extends Coordinates {
  scope: string;
  /** The line of the `<dependency>` element (Maven's errors cite it). */
  line: number;
  column: number;
}

export interface Pom extends Coordinates {
  packaging: string;
  name?: string;
  parent?: Coordinates;
  properties: Record<string, string>;
  dependencies: PomDependency[];
  /** Build plugins' groupId:artifactId. */
  plugins: string[];
}

export type PomResult = { ok: true; pom: Pom } | { ok: false; errors: string[] };

/** The element blocks Maven's top-level fields must not be read from. */
const NESTED = ['parent', 'dependencies', 'dependencyManagement', 'build', 'profiles', 'reporting', 'properties', 'modules', 'distributionManagement', 'repositories', 'pluginRepositories', 'developers', 'licenses', 'scm'];

const stripComments = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));

function child(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? m[1].trim() : undefined;
}

function block(xml: string, tag: string): { body: string; index: number } | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? { body: m[1], index: m.index } : undefined;
}

function lineCol(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Dependency versions that the parents we know manage (Spring Boot's BOM, for the starters and their test libraries). */
function managedVersion(parent: Coordinates | undefined, groupId: string, artifactId: string): string | undefined {
  if (!parent || parent.artifactId !== 'spring-boot-starter-parent') return undefined;
  if (groupId === 'org.springframework.boot') return parent.version;
  const boot2: Record<string, string> = { 'com.jayway.jsonpath:json-path': '2.4.0', 'junit:junit': '4.12', 'org.projectlombok:lombok': '1.18.6', 'com.h2database:h2': '1.4.197', 'mysql:mysql-connector-java': '8.0.15', 'org.postgresql:postgresql': '42.2.5', 'org.ehcache:ehcache': '3.6.3' };
  return boot2[`${groupId}:${artifactId}`];
}

export function parsePom(text: string, file: string): PomResult {
  const xml = stripComments(text);
  const project = block(xml, 'project');
  if (!project) return { ok: false, errors: [`Non-parseable POM ${file}: no project element found`] };
  let top = project.body;
  for (const tag of NESTED) top = top.replace(new RegExp(`<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g'), '');
  const parentXml = child(project.body, 'parent');
  const parent = parentXml ? { groupId: child(parentXml, 'groupId') ?? '', artifactId: child(parentXml, 'artifactId') ?? '', version: child(parentXml, 'version') ?? '' } : undefined;
  const properties: Record<string, string> = {};
  for (const m of (child(project.body, 'properties') ?? '').matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)) properties[m[1]] = m[2].trim();
  const groupId = child(top, 'groupId') ?? parent?.groupId ?? '';
  const artifactId = child(top, 'artifactId') ?? '';
  const version = child(top, 'version') ?? parent?.version ?? '';
  const expand = (v: string) =>
    v.replace(/\$\{([\w.-]+)\}/g, (all, k: string) => (k === 'project.version' ? version : k === 'project.groupId' ? groupId : properties[k] ?? all));
  const errors: string[] = [];
  if (!artifactId) errors.push(`'artifactId' is missing. @ line 1, column 1`);
  const dependencies: PomDependency[] = [];
  // The project's own <dependencies> (not the versions-only entries of <dependencyManagement>, nor plugins' or
  // profiles'): blanked out with their length kept, so indices still give Maven's line and column.
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const own = xml.replace(/<(dependencyManagement|build|profiles|reporting)(?:\s[^>]*)?>[\s\S]*?<\/\1>/g, blank);
  const depsBlock = /<dependencies>([\s\S]*?)<\/dependencies>/.exec(own);
  if (depsBlock) {
    const start = depsBlock.index + '<dependencies>'.length;
    for (const m of depsBlock[1].matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
      const d = m[1];
      const g = expand(child(d, 'groupId') ?? '');
      const a = expand(child(d, 'artifactId') ?? '');
      const v = child(d, 'version');
      const at = lineCol(xml, start + (m.index ?? 0) + '<dependency>'.length);
      const resolved = v !== undefined ? expand(v) : managedVersion(parent, g, a);
      if (!resolved) errors.push(`'dependencies.dependency.version' for ${g}:${a}:jar is missing. @ line ${at.line}, column ${at.column}`);
      dependencies.push({ groupId: g, artifactId: a, version: resolved ?? '', scope: child(d, 'scope') ?? 'compile', ...at });
    }
  }
  const plugins = [...(child(project.body, 'build') ?? '').matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)].map((m) => `${child(m[1], 'groupId') ?? 'org.apache.maven.plugins'}:${child(m[1], 'artifactId') ?? ''}`);
  if (errors.length) return { ok: false, errors };
  return { ok: true, pom: { groupId, artifactId, version: expand(version), packaging: child(top, 'packaging') ?? 'jar', name: child(top, 'name'), parent, properties, dependencies, plugins } };
}
