/** `docker image history` / `docker history`: newest entry first, `<missing>` for rows without a local image. */
import type { CommandSpec } from '../command';
import { cliError, daemonError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { humanDuration, humanSizeWithPrecision, truncateDisplay } from '../../core/format';
import { displayRef } from '../../images/store';
import { parseTime } from '../../images/time';

export const historyCommand: CommandSpec = {
  path: ['image', 'history'],
  aliases: [['history']],
  usage: 'docker image history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'human', short: 'H', type: 'bool', default: true, usage: 'Print sizes and dates in human readable format' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  run({ engine, io, flags, args }) {
    const store = engine.images;
    const img = store.get(args[0]);
    if (!img) return daemonError(io, `No such image: ${displayRef(args[0])}`);
    const now = engine.env.clock.now();
    const human = flags.has('human') ? flags.bool('human') : true;
    const noTrunc = flags.bool('no-trunc');
    // Which local image owns each history length (legacy parent chains).
    const byLen = new Map<number, string>();
    for (let cur: string | undefined = img.id; cur; ) {
      const rec = store.get(cur);
      if (!rec) break;
      byLen.set(rec.config.history.length, rec.id);
      cur = rec.parent;
    }
    const layers = store.layers(img.id);
    let li = 0;
    const hist = img.config.history;
    const rows = hist.map((h, i) => {
      const size = h.empty_layer ? 0 : (layers[li++]?.size ?? 0);
      const owner = i === hist.length - 1 ? img.id : byLen.get(i + 1);
      const created = parseTime(h.created);
      const createdBy = (h.created_by ?? '').replace(/\t/g, ' ');
      return {
        ID: owner ? (noTrunc ? owner : owner.slice(7, 19)) : '<missing>',
        CreatedSince: human ? `${humanDuration(now - created)} ago` : h.created,
        CreatedAt: h.created,
        CreatedBy: noTrunc ? createdBy : truncateDisplay(createdBy, 45),
        Size: human ? humanSizeWithPrecision(size, 3) : String(size),
        Comment: h.comment ?? '',
      };
    });
    rows.reverse();
    if (flags.bool('quiet')) {
      for (const r of rows) io.stdout(r.ID + '\n');
      return 0;
    }
    try {
      io.stdout(
        formatList(flags.string('format'), 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}', rows, {
          ID: 'IMAGE',
          CreatedSince: 'CREATED',
          CreatedAt: 'CREATED AT',
          CreatedBy: 'CREATED BY',
          Size: 'SIZE',
          Comment: 'COMMENT',
        }),
      );
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
