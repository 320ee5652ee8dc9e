import { describe as suite, expect, it } from 'vitest';
import * as parser from '../../engine/dockerfile/index';
import { describe, diagnose, fixTitle } from './parserBridge';

suite('Editor diagnostics from the parser', () => {
  it('turns a parse error into an error marker on its line', () => {
    const d = diagnose(parser, 'FROM alpine\nCOPY\n');
    const e = d.find((x) => x.severity === 'error');
    expect(e?.range.start.line).toBe(2);
    expect(e?.message).toMatch(/COPY requires at least two arguments/);
  });

  it('reports lint warnings with their quick fixes in both languages', () => {
    const d = diagnose(parser, 'FROM alpine\nCMD echo hi\n');
    const w = d.find((x) => x.code === 'JSONArgsRecommended');
    expect(w?.severity).toBe('warning');
    if (w && w.fixes.length) {
      expect(fixTitle(w.fixes[0].title, 'en').length).toBeGreaterThan(0);
      expect(w.fixes[0].edits.length).toBeGreaterThan(0);
    }
  });

  it('gives no diagnostics for the web-ping Dockerfile', () => {
    const text = 'FROM diamol/node\n\nENV TARGET="blog.sixeyed.com"\nENV METHOD="HEAD"\nENV INTERVAL="3000"\n\nWORKDIR /web-ping\nCOPY app.js .\n\nCMD ["node", "/web-ping/app.js"]\n';
    expect(diagnose(parser, text).filter((d) => d.severity === 'error')).toEqual([]);
    expect(describe(parser, text)).toMatchObject({ stages: [{ base: 'diamol/node' }] });
  });
});
