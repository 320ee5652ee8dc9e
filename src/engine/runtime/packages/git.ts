/**
 * `git`: `git clone URL [DIR]` creates the working tree's directory with a README and a synthetic pack (the
 * repository's content is not fetched), `git --version`. Other commands say they are not simulated.
 */
import { pkgApplet, type PkgCtx } from './context';

export async function git(p: PkgCtx): Promise<number> {
  const [sub, ...rest] = p.argv.slice(1);
  if (sub === '--version' || sub === 'version') {
    p.out('git version 2.39.5\n');
    return 0;
  }
  if (sub === 'clone') {
    const words: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      if (['-b', '--branch', '--depth', '-o', '--origin'].includes(rest[i])) i++;
      else if (!rest[i].startsWith('-')) words.push(rest[i]);
    }
    const url = words[0];
    if (!url) {
      p.err('fatal: You must specify a repository to clone.\n');
      return 129;
    }
    const dir = words[1] ?? url.replace(/\/+$/, '').split('/').pop()!.replace(/\.git$/, '');
    if (p.exists(dir) && (p.fs.readdir(p.path(dir)) ?? []).length) {
      p.err(`fatal: destination path '${dir}' already exists and is not an empty directory.\n`);
      return 128;
    }
    p.err(`Cloning into '${dir}'...\n`);
    p.mkdirp(dir + '/.git');
    await p.spend(1500);
    p.write(dir + '/README.md', `# ${dir}\n`);
    p.writeSynthetic(dir + '/.git/pack.bin', { seed: 'git:' + url, size: 1_500_000 });
    return 0;
  }
  p.err(`git: Layerlab's git clones (a placeholder working tree) but \`git ${sub ?? ''}\` is not simulated\n`);
  return 1;
}

export const GIT_PROGRAMS = { git: pkgApplet(git) };
