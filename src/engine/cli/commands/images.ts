/** `docker image ls` / `docker images`: the classic table (docker 28), one row per tag. */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { humanDuration, humanSize } from '../../core/format';
import { familiarName, parseReference, pathMatch, withDefaultTag, DEFAULT_DOMAIN, type ImageRef } from '../../images/reference';

interface Row {
  Repository: string;
  Tag: string;
  Digest: string;
  ID: string;
  CreatedSince: string;
  CreatedAt: string;
  Size: string;
  Containers: string;
  SharedSize: string;
  UniqueSize: string;
  VirtualSize: string;
}

function refMatches(pattern: string, r: ImageRef): boolean {
  const familiar = familiarName(r);
  const full = `${r.domain}/${r.path}`;
  const tag = r.tag ?? 'latest';
  const candidates = [`${familiar}:${tag}`, familiar, `${full}:${tag}`, full];
  if (r.domain === DEFAULT_DOMAIN && r.path.startsWith('library/')) candidates.push(`${r.path}:${tag}`, r.path);
  return candidates.some((c) => pathMatch(pattern, c));
}

export const imagesCommand: CommandSpec = {
  path: ['image', 'ls'],
  aliases: [['image', 'list'], ['images']],
  usage: 'docker image ls [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { max: 1 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
    { name: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
  ],
  run({ engine, io, flags, args, invokedAs }) {
    const now = engine.env.clock.now();
    const filters = flags.strings('filter');
    const refPatterns: string[] = [];
    let dangling: boolean | null = null;
    const labels: string[] = [];
    for (const f of filters) {
      const eq = f.indexOf('=');
      const k = eq < 0 ? f : f.slice(0, eq);
      const v = eq < 0 ? '' : f.slice(eq + 1);
      if (k === 'reference') refPatterns.push(v);
      else if (k === 'dangling') {
        if (v !== 'true' && v !== 'false') return cliError(io, `Error response from daemon: invalid filter 'dangling=${v}'`);
        dangling = v === 'true';
      } else if (k === 'label') labels.push(v);
      else if (k !== 'before' && k !== 'since' && k !== 'until') return cliError(io, `Error response from daemon: invalid filter '${k}'`);
    }
    if (args[0] !== undefined) refPatterns.push(args[0]);
    const noTrunc = flags.bool('no-trunc');
    const rows: Row[] = [];
    for (const img of engine.images.list()) {
      const rec = engine.images.get(img.id)!;
      const lbls = rec.config.config.Labels ?? {};
      if (labels.some((l) => {
        const eq = l.indexOf('=');
        return eq < 0 ? !(l in lbls) : lbls[l.slice(0, eq)] !== l.slice(eq + 1);
      })) continue;
      if (dangling === true && !img.dangling) continue;
      if (dangling === false && img.repoTags.length === 0) continue;
      const id = noTrunc ? img.id : img.id.slice(7, 19);
      const base = {
        ID: id,
        CreatedSince: `${humanDuration(now - img.created)} ago`,
        CreatedAt: new Date(img.created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
        Size: humanSize(img.size),
        VirtualSize: humanSize(img.size),
        Containers: 'N/A',
        SharedSize: 'N/A',
        UniqueSize: 'N/A',
      };
      let tags = img.repoTags;
      if (refPatterns.length) {
        tags = tags.filter((t) => {
          const r = parseReference(t);
          return r.ok && refPatterns.every((p) => refMatches(p, withDefaultTag(r.value)));
        });
        if (!tags.length) continue;
      }
      if (!tags.length) {
        if (!img.dangling && !flags.bool('all') && dangling !== true) continue;
        const digest = img.repoDigests[0]?.split('@')[1] ?? '<none>';
        if (img.repoDigests.length && !img.dangling) {
          for (const d of img.repoDigests) rows.push({ ...base, Repository: d.split('@')[0], Tag: '<none>', Digest: d.split('@')[1] });
        } else rows.push({ ...base, Repository: '<none>', Tag: '<none>', Digest: digest });
        continue;
      }
      for (const t of tags) {
        const r = parseReference(t);
        if (!r.ok) continue;
        const repo = familiarName(r.value);
        const digest = img.repoDigests.find((d) => d.startsWith(repo + '@'))?.split('@')[1] ?? '<none>';
        rows.push({ ...base, Repository: repo, Tag: r.value.tag ?? 'latest', Digest: digest });
      }
    }
    if (args[0] !== undefined && rows.length === 0 && invokedAs.length === 1 && ['ls', 'list', 'rm', 'prune', 'inspect', 'history', 'tag', 'build', 'pull', 'push'].includes(args[0])) {
      io.stderr(`No images found matching "${args[0]}": did you mean "docker image ${args[0]}"?\n`);
    }
    if (flags.bool('quiet')) {
      for (const r of rows) io.stdout((noTrunc ? r.ID : r.ID) + '\n');
      return 0;
    }
    const def = flags.bool('digests')
      ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
      : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
    try {
      io.stdout(
        formatList(flags.string('format'), def, rows, {
          Repository: 'REPOSITORY',
          Tag: 'TAG',
          Digest: 'DIGEST',
          ID: 'IMAGE ID',
          CreatedSince: 'CREATED',
          CreatedAt: 'CREATED AT',
          Size: 'SIZE',
          VirtualSize: 'VIRTUAL SIZE',
          Containers: 'CONTAINERS',
          SharedSize: 'SHARED SIZE',
          UniqueSize: 'UNIQUE SIZE',
        }),
      );
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
