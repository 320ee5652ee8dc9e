/**
 * `java` (JDK and JRE images): `-version` as OpenJDK prints it (on stderr), and `-jar FILE` reads the jar's
 * manifest like the launcher does (a missing file or a jar without Main-Class fails with the launcher's words),
 * then says in one line that Layerlab cannot run JVM bytecode (status 126, as for any program found but not
 * runnable). Running classes by name (`java -cp ... Main`) gets the same line.
 */
import { unzipSync } from 'fflate';
import { cannotRun, pkgApplet, type PkgCtx } from './context';

export async function java(p: PkgCtx): Promise<number> {
  const args = p.argv.slice(1);
  const v = p.vars.JAVA_VERSION?.replace(/^jdk-?/, '').replace(/\+.*$/, '') || '11.0.16';
  if (args[0] === '-version' || args[0] === '--version') {
    const major = v.split('.')[0];
    const text = `openjdk version "${v}"\nOpenJDK Runtime Environment (build ${v}+8)\nOpenJDK 64-Bit Server VM (build ${v}+8, mixed mode${major === '8' ? '' : ', sharing'})\n`;
    if (args[0] === '--version') p.out(text.replace(/ version "([^"]+)"/, ' $1'));
    else p.err(text);
    return 0;
  }
  const jarAt = args.indexOf('-jar');
  if (jarAt >= 0) {
    const jar = args[jarAt + 1];
    if (!jar) {
      p.err('Error: -jar requires jar file specification\n');
      return 1;
    }
    const data = p.fs.readFile(p.path(jar));
    if (!data) {
      p.err(`Error: Unable to access jarfile ${jar}\n`);
      return 1;
    }
    let manifest = '';
    try {
      const files = unzipSync(data, { filter: (f) => f.name === 'META-INF/MANIFEST.MF' });
      manifest = new TextDecoder().decode(files['META-INF/MANIFEST.MF'] ?? new Uint8Array(0));
    } catch {
      p.err(`Error: Invalid or corrupt jarfile ${jar}\n`);
      return 1;
    }
    const main = /^Main-Class:\s*(\S+)/m.exec(manifest)?.[1];
    if (!main) {
      p.err(`no main manifest attribute, in ${jar}\n`);
      return 1;
    }
    const start = /^Start-Class:\s*(\S+)/m.exec(manifest)?.[1];
    return cannotRun(p, 'java', `JVM bytecode; ${jar} (Main-Class ${main}${start ? `, Start-Class ${start}` : ''}) was not run`);
  }
  const cls = args.find((a, i) => !a.startsWith('-') && !['-cp', '-classpath', '--class-path'].includes(args[i - 1]));
  if (!cls) {
    p.err('Usage: java [options] <mainclass> [args...]\n           (to execute a class)\n   or  java [options] -jar <jarfile> [args...]\n           (to execute a jar file)\n');
    return 1;
  }
  return cannotRun(p, 'java', `JVM bytecode; class ${cls} was not run`);
}

export const JAVA_PROGRAMS = { java: pkgApplet(java) };
