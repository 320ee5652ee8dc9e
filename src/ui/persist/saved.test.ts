import { describe, expect, it } from 'vitest';
import { DamagedStoreError, exportAll, importAll, validateSettings, validateWorkspaces, type Settings } from './saved';

const defaults: Settings = { lang: 'en', theme: 'system', presenter: false, builder: 'buildkit', noCache: false, heightMode: 'linear', stepMs: 200 };

describe('Saved state', () => {
  it('round-trips workspaces with binary files, the engine snapshot and settings through one export file', () => {
    const ws = {
      version: 1 as const,
      workspaces: [{ id: 'a', name: 'a', tag: 'a', files: { Dockerfile: 'FROM alpine\n', 'logo.png': new Uint8Array([0, 1, 2, 255]) } }],
      activeId: 'a',
      openFile: { a: 'Dockerfile' },
    };
    const text = exportAll(ws, { version: 1, images: { n: 1 } }, { ...defaults, lang: 'ko' }, new Date(0));
    const back = importAll(text, defaults);
    expect(back.workspaces.workspaces[0].files['logo.png']).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(back.workspaces.workspaces[0].files.Dockerfile).toBe('FROM alpine\n');
    expect(back.engine).toEqual({ version: 1, images: { n: 1 } });
    expect(back.settings.lang).toBe('ko');
  });

  it('recognises a damaged workspace store', () => {
    expect(() => validateWorkspaces({ version: 1, workspaces: [{ id: 3 }] })).toThrow(DamagedStoreError);
    expect(() => validateWorkspaces('garbage')).toThrow(DamagedStoreError);
  });

  it('rejects a file that is not a Layerlab export', () => {
    expect(() => importAll('{"hello":1}', defaults)).toThrow(/not a Layerlab export/);
    expect(() => importAll('not json', defaults)).toThrow(/not a JSON file/);
  });

  it('repairs out-of-range settings with defaults', () => {
    expect(validateSettings({ lang: 'fr', stepMs: -4 }, defaults)).toMatchObject({ lang: 'en', stepMs: 200 });
  });
});
