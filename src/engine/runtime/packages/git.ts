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
  if (sub === 'config') return config(p, rest);
  p.err(`git: Layerlab's git clones (a placeholder working tree) but \`git ${sub ?? ''}\` is not simulated\n`);
  return 1;
}

/** `git config [--global|--system] KEY [VALUE]`, `--get KEY`, `--list`: the INI files git reads. */
async function config(p: PkgCtx, args: string[]): Promise<number> {
  let file = '.git/config';
  const words: string[] = [];
  let mode: 'set' | 'get' | 'list' = 'set';
  for (const a of args) {
    if (a === '--global') file = `${p.vars.HOME || '/root'}/.gitconfig`;
    else if (a === '--system') file = '/etc/gitconfig';
    else if (a === '--get') mode = 'get';
    else if (a === '--list' || a === '-l') mode = 'list';
    else if (!a.startsWith('-')) words.push(a);
  }
  if (file === '.git/config' && !p.exists('.git')) {
    p.err('fatal: not in a git directory\n');
    return 128;
  }
  const text = p.read(file) ?? '';
  const entries: [string, string][] = [];
  let section = '';
  for (const l of text.split('\n')) {
    const sec = /^\s*\[([^\]\s"]+)(?:\s+"([^"]*)")?\]/.exec(l);
    if (sec) section = sec[2] !== undefined ? `${sec[1]}.${sec[2]}` : sec[1];
    const kv = /^\s*([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(l);
    if (kv && section) entries.push([`${section}.${kv[1]}`.toLowerCase(), kv[2]]);
  }
  if (mode === 'list') {
    p.out(entries.map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const [key, value] = words;
  if (!key || !/^[A-Za-z][\w-]*(\.[^.]+)*\.[A-Za-z][\w-]*$/.test(key)) {
    p.err(key ? `error: key does not contain a section: ${key}\n` : 'error: wrong number of arguments, should be from 1 to 2\n');
    return key ? 1 : 129;
  }
  if (mode === 'get' || value === undefined) {
    const hit = entries.filter(([k]) => k === key.toLowerCase()).pop();
    if (!hit) return 1;
    p.out(hit[1] + '\n');
    return 0;
  }
  const dot = key.lastIndexOf('.');
  const secName = key.slice(0, dot);
  const first = secName.indexOf('.');
  const header = first < 0 ? `[${secName}]` : `[${secName.slice(0, first)} "${secName.slice(first + 1)}"]`;
  const line = `\t${key.slice(dot + 1)} = ${value}`;
  const lines = text ? text.replace(/\n$/, '').split('\n') : [];
  const at = lines.findIndex((l) => l.trim() === header);
  if (at < 0) lines.push(header, line);
  else {
    let end = at + 1;
    while (end < lines.length && !lines[end].trim().startsWith('[')) end++;
    const existing = lines.slice(at + 1, end).findIndex((l) => new RegExp(`^\\s*${key.slice(dot + 1)}\\s*=`, 'i').test(l));
    if (existing >= 0) lines[at + 1 + existing] = line;
    else lines.splice(end, 0, line);
  }
  p.write(file, lines.join('\n') + '\n');
  return 0;
}

export const GIT_PROGRAMS = { git: pkgApplet(git) };
