import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { bufferIO } from '../../core/io';
import { memoryContext } from '../../core/host';

const engine = () =>
  new Engine({
    context: memoryContext({
      Dockerfile: 'FROM alpine\nrun echo "hi"\nCOPY --chown=me . /app\n',
      Bad: 'FROM alpine\nENV A\n',
      Empty: '# only a comment\n',
    }),
  });

describe('layerlab debug dump-ast', () => {
  it('prints the BuildKit AST dump of a Dockerfile', async () => {
    const io = bufferIO();
    expect(await engine().run(['debug', 'dump-ast', 'Dockerfile'], io)).toBe(0);
    expect(io.out).toBe('(from "alpine")\n(run "echo \\"hi\\"")\n(copy ["--chown=me"] "." "/app")\n');
  });

  it('prints the parse error and exits 1', async () => {
    const io = bufferIO();
    expect(await engine().run(['debug', 'dump-ast', 'Bad'], io)).toBe(1);
    expect(io.err).toBe('ENV must have two arguments (line 2)\n');
    const io2 = bufferIO();
    expect(await engine().run(['debug', 'dump-ast', 'Empty'], io2)).toBe(1);
    expect(io2.err).toContain('file with no instructions');
  });

  it('reports a missing file', async () => {
    const io = bufferIO();
    expect(await engine().run(['debug', 'dump-ast', 'nope'], io)).toBe(1);
    expect(io.err).toBe('open nope: no such file or directory\n');
  });
});
