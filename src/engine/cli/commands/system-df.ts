/** `docker system df` (-v): images (shared layers counted once), containers, volumes, build cache. */
import type { CommandSpec } from '../command';
import { cliError } from '../daemon-error';
import { formatList, TemplateError } from '../format/template';
import { formatTable } from '../format/tabwriter';
import { humanDuration, humanSize, humanSizeP4 } from '../../core/format';
import { commandColumn, imageColumn, statusText } from '../../containers/format';
import { familiarName, parseReference } from '../../images/reference';
import { cacheId } from './builder-prune';
import { usersOf } from './image-util';

const pct = (r: number, total: number) => (total > 0 ? `${humanSizeP4(r)} (${Math.trunc((r * 100) / total)}%)` : humanSizeP4(r));

export const systemDfCommand: CommandSpec = {
  path: ['system', 'df'],
  usage: 'docker system df [OPTIONS]',
  short: 'Show docker disk usage',
  args: { max: 0, message: '"docker system df" accepts no arguments.' },
  flags: [
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  async run({ engine, io, flags }) {
    await engine.containers?.sync?.();
    const now = engine.env.clock.now();
    const store = engine.images;
    const users = usersOf(engine);
    const images = store.list();
    const refs = store.layerRefCounts();
    const layerSize = new Map<string, number>();
    for (const img of images) for (const l of store.layers(img.id)) layerSize.set(l.diffId, l.size);
    let imagesSize = 0;
    for (const [, s] of layerSize) imagesSize += s;
    const activeImages = images.filter((i) => users(i.id).length > 0);
    const activeLayers = new Set<string>();
    for (const i of activeImages) for (const l of store.layers(i.id)) activeLayers.add(l.diffId);
    let activeSize = 0;
    for (const d of activeLayers) activeSize += layerSize.get(d) ?? 0;
    const containers = engine.containers?.list() ?? [];
    const running = containers.filter((c) => engine.containers.isRunning(c));
    const ctrSize = containers.reduce((s, c) => s + engine.containers.sizeRw(c), 0);
    const ctrReclaim = containers.filter((c) => !engine.containers.isRunning(c)).reduce((s, c) => s + engine.containers.sizeRw(c), 0);
    const cache = [...engine.buildService.cache.records.values()];
    const cacheSize = engine.buildService.cache.totalSize();
    const volumes = engine.volumes.list().map((v) => ({ name: v.Name, links: engine.volumes.links(v.Name), size: engine.volumes.size(v.Name) }));
    const volSize = volumes.reduce((n, v) => n + v.size, 0);
    const volReclaim = volumes.filter((v) => v.links === 0).reduce((n, v) => n + v.size, 0);
    const rows = [
      { Type: 'Images', TotalCount: String(images.length), Active: String(activeImages.length), Size: humanSizeP4(imagesSize), Reclaimable: pct(imagesSize - activeSize, imagesSize) },
      { Type: 'Containers', TotalCount: String(containers.length), Active: String(running.length), Size: humanSizeP4(ctrSize), Reclaimable: pct(ctrReclaim, ctrSize) },
      { Type: 'Local Volumes', TotalCount: String(volumes.length), Active: String(volumes.filter((v) => v.links > 0).length), Size: humanSizeP4(volSize), Reclaimable: pct(volReclaim, volSize) },
      { Type: 'Build Cache', TotalCount: String(cache.length), Active: '0', Size: humanSizeP4(cacheSize), Reclaimable: humanSizeP4(cacheSize) },
    ];
    if (!flags.bool('verbose')) {
      try {
        io.stdout(formatList(flags.string('format'), 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}', rows, { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' }));
      } catch (e) {
        if (e instanceof TemplateError) return cliError(io, e.message);
        throw e;
      }
      return 0;
    }
    let out = 'Images space usage:\n\n';
    const imgRows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS']];
    for (const img of images) {
      if (!img.repoTags.length && !img.dangling) continue;
      let shared = 0;
      let unique = 0;
      for (const l of store.layers(img.id)) {
        if ((refs.get(l.diffId) ?? 0) > 1) shared += l.size;
        else unique += l.size;
      }
      const t = img.repoTags[0] ? parseReference(img.repoTags[0]) : null;
      imgRows.push([
        t && t.ok ? familiarName(t.value) : '<none>',
        t && t.ok ? t.value.tag ?? 'latest' : '<none>',
        img.id.slice(7, 19),
        `${humanDuration(now - img.created)} ago`,
        humanSize(img.size),
        humanSize(shared),
        humanSize(unique),
        String(users(img.id).length),
      ]);
    }
    out += formatTable(imgRows) + '\nContainers space usage:\n\n';
    const ctrRows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES']];
    for (const c of containers) {
      ctrRows.push([c.id.slice(0, 12), imageColumn(c, store), commandColumn(c), String((c.mounts ?? []).filter((m) => m.Type === 'volume').length), humanSizeP4(engine.containers.sizeRw(c)), `${humanDuration(Math.max(0, now - c.created))} ago`, statusText(c, now), c.name]);
    }
    out += formatTable(ctrRows) + '\nLocal Volumes space usage:\n\n';
    out += formatTable([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes.map((v) => [v.name, String(v.links), humanSizeP4(v.size)])]) + `\nBuild cache usage: ${humanSizeP4(cacheSize)}\n\n`;
    const cacheRows = [['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']];
    const seen = new Map<string, number>();
    for (const r of cache) seen.set(r.diffId, (seen.get(r.diffId) ?? 0) + 1);
    for (const r of cache.sort((a, b) => b.lastUsed - a.lastUsed)) {
      cacheRows.push([cacheId(engine, r.key), r.type, humanSizeP4(r.size), `${humanDuration(Math.max(0, now - r.created))} ago`, `${humanDuration(Math.max(0, now - r.lastUsed))} ago`, String(r.usage), String((refs.get(r.diffId) ?? 0) > 0 || (seen.get(r.diffId) ?? 0) > 1)]);
    }
    out += formatTable(cacheRows);
    io.stdout(out);
    return 0;
  },
};
