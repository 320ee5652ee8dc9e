/** `docker search`: searches the mock Docker Hub's catalog (and images pushed in this browser). */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { truncateDisplay } from '../../core/format';

export const searchCommand: CommandSpec = {
  path: ['search'],
  usage: 'docker search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', default: 0, usage: 'Max number of search results' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  run({ engine, io, flags, args }) {
    let officialOnly = false;
    let minStars = 0;
    for (const f of flags.strings('filter')) {
      const [k, v = ''] = f.split('=');
      if (k === 'is-official') {
        if (v !== 'true' && v !== 'false') return cliError(io, `Error response from daemon: invalid filter 'is-official=${v}'`);
        officialOnly = v === 'true';
      } else if (k === 'stars') {
        if (!/^\d+$/.test(v)) return cliError(io, `Error response from daemon: invalid filter 'stars=${v}'`);
        minStars = Number(v);
      } else if (k === 'is-automated') {
        if (v === 'true') return 0;
      } else return cliError(io, `Error response from daemon: invalid filter '${k}'`);
    }
    const limit = flags.has('limit') ? flags.int('limit') : 25;
    if (limit < 1 || limit > 100) return cliError(io, `Error response from daemon: limit ${limit} is outside the range of [1, 100]`);
    const rows = engine.registry.search(args[0], { limit, officialOnly, minStars });
    const trunc = !flags.bool('no-trunc');
    const items = rows.map((r) => ({
      Name: r.name,
      Description: trunc ? truncateDisplay(r.description.replace(/[\r\n]/g, ' '), 45) : r.description,
      StarCount: String(r.stars),
      IsOfficial: r.official ? '[OK]' : '',
      IsAutomated: '',
    }));
    try {
      io.stdout(
        formatList(flags.string('format'), 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}', items, {
          Name: 'NAME',
          Description: 'DESCRIPTION',
          StarCount: 'STARS',
          IsOfficial: 'OFFICIAL',
          IsAutomated: 'AUTOMATED',
        }),
      );
    } catch (e) {
      if (e instanceof TemplateError) return cliError(io, e.message);
      throw e;
    }
    return 0;
  },
};
