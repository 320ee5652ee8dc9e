/**
 * Redirections: `<`, `>`, `>>`, `>|`, `<>`, here-documents, `N>&M` / `N<&M` duplication and `N>&-` closing, on
 * an IO whose writers are plain functions (so `2>&1` takes stdout as it is at that moment, as dup2 does). Files
 * are written as output arrives, devices (/dev/null, /dev/full...) through the filesystem like files; a path that
 * names a descriptor (/dev/stdout, /dev/fd/2, /proc/self/fd/0) duplicates it, as opening it does on Linux.
 */
import { appendFile, decodeText, encodeText, resolvePath } from '../fs-helpers';
import { strerror } from '../coreutils/types';
import { fdOfPath } from '../devices';
import type { Expander } from './expand';
import type { Interp, IO } from './interp';
import type { Redir } from './parse';
import type { FsErrno } from '../process';

/** Applies redirections to an IO: the new IO, or the exit status of a failure (after its message). */
export async function applyRedirections(sh: Interp, redirs: Redir[], io: IO, ex: Expander): Promise<IO | number> {
  const r: IO = { ...io, fds: new Map(io.fds ?? []), inFds: new Map(io.inFds ?? []) };
  const get = (fd: number): ((t: string) => void) | undefined => (fd === 1 ? r.out : fd === 2 ? r.err : r.fds!.get(fd));
  const set = (fd: number, w: (t: string) => void) => {
    if (fd === 1) r.outError = undefined;
    if (fd === 1) r.out = w;
    else if (fd === 2) r.err = w;
    else r.fds!.set(fd, w);
  };
  for (const rd of redirs) {
    const input = rd.op === '<' || rd.op === '<&' || rd.op === '<<' || rd.op === '<<-';
    const fd = rd.fd ?? (input ? 0 : 1);
    if (rd.heredoc) {
      const body = rd.heredoc.quoted ? rd.heredoc.body : await sh.guard(() => ex.hereDoc(rd.heredoc!.body));
      if (fd === 0) r.stdin = { rest: body };
      continue;
    }
    const target = await sh.guard(() => ex.string(rd.target));
    if (rd.op === '>&' || rd.op === '<&') {
      if (target === '-') {
        if (fd === 0) r.stdin = { rest: '' };
        else set(fd, () => {});
        continue;
      }
      if (/^\d+$/.test(target)) {
        const input = r.inFds!.get(Number(target));
        if (input && fd === 0) r.stdin = input;
        else if (input) r.inFds!.set(fd, input);
        if (input || fd === 0) continue;
        const w = target === '0' ? r.out : get(Number(target));
        if (!w) {
          io.err(sh.msg(`${target}: Bad file descriptor`));
          return 1;
        }
        set(fd, w);
        continue;
      }
    }
    const path = resolvePath(sh.cwd, target);
    const fdPath = fdOfPath(sh.ctx.fs, path);
    if (fdPath !== null) {
      // As dup(2) of that descriptor as it is at this point of the redirections.
      const reading = rd.op === '<' || rd.op === '<&';
      const input = fdPath === 0 ? r.stdin : r.inFds!.get(fdPath);
      if (reading && (fdPath === 0 || input)) {
        if (fd === 0) r.stdin = input ?? null;
        else if (input) r.inFds!.set(fd, input);
        continue;
      }
      const w = get(fdPath);
      if (!w) {
        io.err(sh.msg(`can't ${reading ? 'open' : 'create'} ${target}: No such file or directory`));
        return 1;
      }
      if (rd.op === '>&') {
        r.out = w;
        r.err = w;
      } else set(fd, w);
      continue;
    }
    if (rd.op === '<' || rd.op === '<&') {
      const data = sh.ctx.fs.readFile(path);
      if (!data) {
        const st = sh.ctx.fs.stat(path);
        io.err(sh.msg(`can't open ${target}: ${st?.type === 'char' ? 'No such device or address' : 'no such file'}`));
        return 1;
      }
      if (fd === 0) r.stdin = { rest: decodeText(data) };
      else r.inFds!.set(fd, { rest: decodeText(data) });
      continue;
    }
    if (sh.ctx.fs.stat(path)?.type === 'dir') {
      io.err(sh.msg(`can't create ${target}: Is a directory`));
      return 1;
    }
    // A new file gets 0666 less the shell's umask; an existing one keeps its mode.
    const exists = !!sh.ctx.fs.stat(path);
    const e =
      rd.op === '>>' || rd.op === '<>'
        ? exists
          ? appendFile(sh.ctx.fs, path, new Uint8Array())
          : sh.ctx.fs.writeFile(path, new Uint8Array(), 0o666 & ~sh.umask)
        : sh.ctx.fs.writeFile(path, new Uint8Array(), exists ? undefined : 0o666 & ~sh.umask);
    if (e) {
      io.err(sh.msg(`can't create ${target}: ${e === 'ENOENT' || e === 'ENOTDIR' ? 'nonexistent directory' : strerror(e)}`));
      return 1;
    }
    let failed: FsErrno | null = null;
    const w = (t: string) => {
      failed = appendFile(sh.ctx.fs, path, encodeText(t));
    };
    if (rd.op === '>&') {
      r.out = w;
      r.err = w;
    } else set(fd, w);
    if (rd.op === '>&' || fd === 1) r.outError = () => failed;
  }
  return r;
}
