import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine';
import { testEnv } from '../../engine/core/env';
import { memoryContext } from '../../engine/core/host';
import { bufferIO } from '../../engine/core/io';

// The app runs the engine in a browser realm, where bytes may be typed arrays of another realm (jsdom here).
describe('Engine in a browser realm', () => {
  it('builds a COPY step and reports a real duration', async () => {
    const engine = new Engine({ env: testEnv(), context: memoryContext({ Dockerfile: 'FROM busybox\nCOPY a.txt /a.txt\n', 'a.txt': 'hi' }) });
    const io = bufferIO();
    expect(await engine.run(['build', '--progress=plain', '-t', 'x', '.'], io)).toBe(0);
    expect(io.err).toMatch(/#\d+ \[2\/2\] COPY a\.txt \/a\.txt\n#\d+ DONE \d+\.\ds/);
  });
});
