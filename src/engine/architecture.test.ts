import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// This test reads the engine's own sources to enforce the engine/UI split (the linter enforces it too).
const root = join(__dirname);
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    // testdata/ holds programs and transcripts as data (e.g. Node programs that require 'node:fs'), not engine code.
    if (statSync(p).isDirectory()) return n === 'testdata' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}
const forbidden = /from\s+['"](react|react-dom|zustand|d3|d3-[\w-]+|monaco-editor|@xterm\/[\w-]+|node:[\w/]+|fs|path|os|crypto)(\/[^'"]*)?['"]|from\s+['"][./]*\/(ui|lessons|node)\//;

describe('Engine architecture', () => {
  it('has no engine source file that imports UI libraries, UI code or Node built-ins', () => {
    const offenders = files(root).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  // The CLI sits on top of the domain: domain code takes its terminal (core/io.ts) and formatters (core/format.ts)
  // from core/, never from cli/, so there is no import cycle between the engine and its CLI.
  it.each(['build', 'containers', 'registry', 'images', 'fs', 'runtime', 'volumes'])('has no %s/ file that imports the CLI', (dir) => {
    const importsCli = /(?:from|import)\s*\(?\s*['"](?:\.\.\/)+cli(?:\/|['"])/;
    const offenders = files(join(root, dir)).filter((f) => importsCli.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
