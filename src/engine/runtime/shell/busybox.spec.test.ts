/**
 * The runtime's shell against real BusyBox: every case of testdata/cases.ts runs as a container would run it
 * (`sh -c SCRIPT` in /w, PATH=/bin, HOME=/root) and must print the same stdout and stderr, exit with the same
 * status and leave the same files (contents and permission bits) as busybox did when recorded
 * (scripts/record-busybox.ts). A case needing an applet the runtime does not have yet is skipped until it lands.
 */
import { describe, expect, it } from 'vitest';
import { imageFs, spawnCollect, T0 } from '../test-helpers';
import { CASES } from './testdata/cases';
import { missingApplets as missing, recorded, type Recorded } from './testdata/recorded';

function filesUnder(fs: ReturnType<typeof imageFs>, dir: string, prefix = ''): Recorded['files'] {
  const out: Recorded['files'] = [];
  for (const name of [...(fs.readdir(dir) ?? [])].sort()) {
    const p = `${dir}/${name}`;
    const st = fs.stat(p)!;
    if (st.type === 'dir') {
      out.push({ path: `${prefix}${name}/`, mode: st.mode & 0o7777, content: '' });
      out.push(...filesUnder(fs, p, `${prefix}${name}/`));
    } else out.push({ path: prefix + name, mode: st.mode & 0o7777, content: new TextDecoder().decode(fs.readFile(p)!) });
  }
  return out;
}

describe('the shell behaves like busybox ash', () => {
  for (const c of CASES) {
    const want = recorded.get(c.name);
    const lacking = missing(c.needs);
    const title = lacking.length ? `${c.name} (skipped: no ${lacking.join(', ')} applet yet)` : c.name;
    it.skipIf(!want || lacking.length > 0)(title, async () => {
      const files: Record<string, string | { content: string; mode: number }> = { '/w/.keep': '' };
      for (const [p, f] of Object.entries(c.files ?? {})) files[`/w/${p}`] = f;
      const fs = imageFs('busybox', files);
      fs.rm('/w/.keep');
      const run = spawnCollect({ argv: ['sh', '-c', c.script], cwd: '/w', env: { PATH: '/bin', HOME: '/root' }, interactive: true, fs });
      if (c.stdin) run.proc.write(c.stdin);
      run.proc.closeStdin();
      await run.proc.advanceTo(T0 + 60_000);
      const got = { stdout: run.stdout(), stderr: c.stderr === false ? '' : run.stderr(), code: run.exit?.code, files: filesUnder(fs, '/w') };
      expect(got).toEqual({ stdout: want!.stdout, stderr: c.stderr === false ? '' : want!.stderr, code: want!.code, files: want!.files });
    });
  }
});
