/**
 * `docker cp` / `docker container cp`: host→container reads the host side through engine.context (the
 * workspace or the working directory); container→host needs a writable host context (`writeFile`).
 */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { humanSize } from '../../core/format';
import { basename, joinPath, normalizePath } from '../../fs/path';

function splitRef(arg: string): { container: string; path: string } | null {
  const m = /^([a-zA-Z0-9][a-zA-Z0-9_.-]*):(.*)$/.exec(arg);
  if (!m || m[1].length === 1) return null; // "C:\x" style paths are host paths
  return { container: m[1], path: m[2] };
}

export const cpCommand: CommandSpec = {
  path: ['container', 'cp'],
  aliases: [['cp']],
  usage: 'docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  args: { min: 2, max: 2 },
  flags: [
    { name: 'archive', short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
  async run({ engine, io, flags, args }) {
    const store = engine.containers;
    await store.sync();
    const src = splitRef(args[0]);
    const dst = splitRef(args[1]);
    if (src && dst) return cliError(io, 'copying between containers is not supported');
    if (!src && !dst) return cliError(io, 'must specify at least one container source');
    const progress = (n: number, where: string) => {
      if (io.stdoutIsTTY && !flags.bool('quiet')) io.stderr(`Successfully copied ${humanSize(n)} to ${where}\n`);
    };
    if (dst) {
      const f = store.find(dst.container);
      if (!f.ok) return daemonError(io, f.error.message);
      const c = f.value;
      const cwd = c.config.WorkingDir || '/';
      let target = normalizePath(dst.path || '.', cwd);
      const listing = await engine.context.list(args[0]);
      const single = listing ? null : await engine.context.readFile(args[0]);
      if (!listing && !single) return cliError(io, `lstat ${args[0]}: no such file or directory`);
      // A path under a mount point is copied into the volume (or tmpfs, or bind-mounted folder), as Docker does.
      const tst = store.fsAt(c, target);
      const name = basename(normalizePath(args[0].replace(/\/+$/, '') || '.', '/'));
      if (tst.fs.stat(tst.path)?.type === 'dir') target = joinPath(target, name === '/' ? '' : name);
      else {
        const parent = store.fsAt(c, normalizePath(target + '/..'));
        if (!parent.fs.stat(parent.path)) return daemonError(io, `Could not find the file ${dst.path} in container ${dst.container}`);
      }
      const at = store.fsAt(c, target);
      if (at.readOnly) return daemonError(io, 'mounted volume is marked read-only');
      const fs = at.fs;
      target = at.path;
      let n = 0;
      try {
        if (single) {
          fs.writeFile(target, single, { mode: 0o644 });
          n = single.length;
        } else {
          fs.mkdirp(target);
          for (const e of listing ?? []) {
            const p = joinPath(target, e.path);
            if (e.type === 'dir') fs.mkdirp(p);
            else if (e.type === 'file') {
              fs.writeFile(p, e.content ?? new Uint8Array(0), { mode: e.mode, parents: true });
              n += e.content?.length ?? 0;
            } else if (e.type === 'symlink') fs.symlink(e.target ?? '', p);
          }
        }
      } catch (e) {
        return daemonError(io, `failed to copy: ${(e as Error).message}`);
      }
      // A bind-mounted folder passes the copy on to the host.
      at.changed(target);
      engine.changed();
      progress(n, `${dst.container}:${normalizePath(dst.path || '.', cwd)}`);
      return 0;
    }
    const f = store.find(src!.container);
    if (!f.ok) return daemonError(io, f.error.message);
    const c = f.value;
    const at = store.fsAt(c, normalizePath(src!.path, c.config.WorkingDir || '/'));
    const fs = at.fs;
    const path = at.path;
    const st = fs.stat(path);
    if (!st) return daemonError(io, `Could not find the file ${src!.path} in container ${src!.container}`);
    if (args[1] === '-') {
      if (st.type !== 'file') return cliError(io, 'layerlab: streaming a directory as a tar archive is not simulated; copy a single file');
      io.stdout(new TextDecoder().decode(fs.readFile(path)));
      return 0;
    }
    const ctx = engine.context;
    if (!ctx.writeFile) {
      return cliError(io, `layerlab: this host cannot write files; try: docker exec ${src!.container} cat ${src!.path}`);
    }
    let n = 0;
    for (const { path: p, node } of fs.walk(path)) {
      if (node.type !== 'file') continue;
      const rel = p === path ? basename(path) : joinPath(basename(path), p.slice(path === '/' ? 1 : path.length + 1));
      const data = fs.readFile(p);
      await ctx.writeFile(st.type === 'file' ? args[1] : `${args[1].replace(/\/+$/, '')}/${rel}`, data, node.mode);
      n += data.length;
    }
    progress(n, args[1]);
    return 0;
  },
};
