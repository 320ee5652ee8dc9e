/** `layerlab debug dump-ast FILE`: prints BuildKit's AST dump of a Dockerfile (what the parser fixtures compare). */
import type { CommandSpec } from '../command';
import { dumpAst, parseAst } from '../../dockerfile/index';

export const debugDumpAstCommand: CommandSpec = {
  path: ['debug', 'dump-ast'],
  usage: 'docker debug dump-ast FILE',
  short: "Print a Dockerfile's parse tree in BuildKit's dump format (Layerlab)",
  args: { min: 1, max: 1 },
  flags: [],
  async run({ engine, io, args }) {
    const path = args[0];
    const bytes = await engine.context.readFile(path);
    if (bytes === null) {
      io.stderr(`open ${path}: no such file or directory\n`);
      return 1;
    }
    const text = new TextDecoder().decode(bytes);
    const r = parseAst(text);
    if (r.error) {
      const line = r.error.range ? ` (line ${r.error.range.start.line})` : '';
      io.stderr(`${r.error.message}${line}\n`);
      return 1;
    }
    io.stdout(dumpAst(r.ast) + '\n');
    return 0;
  },
};
