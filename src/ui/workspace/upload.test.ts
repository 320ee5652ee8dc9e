import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { uploadFolder, uploadZip, type UploadSource } from './upload';

const enc = new TextEncoder();
function folder(files: Record<string, string>, reads: string[] = []): UploadSource[] {
  return Object.entries(files).map(([path, text]) => ({
    path,
    size: text.length,
    read: async () => {
      reads.push(path);
      return enc.encode(text);
    },
  }));
}
const turn = () => Promise.resolve();

describe('uploading a project', () => {
  it("applies the folder's .dockerignore before reading: excluded files are neither read nor counted", async () => {
    const files: Record<string, string> = {
      'proj/Dockerfile': 'FROM node\n',
      'proj/.dockerignore': 'node_modules\n.git\n*.log\nDockerfile\n',
      'proj/src/app.js': 'x',
      'proj/debug.log': 'l',
    };
    for (let i = 0; i < 30; i++) files[`proj/node_modules/pkg${i}/index.js`] = 'm';
    files['proj/.git/HEAD'] = 'ref';
    const reads: string[] = [];
    const r = await uploadFolder(folder(files, reads), { yieldToPage: turn, limits: { maxFiles: 10, maxTotalBytes: 1000, maxFileBytes: 100 } });
    expect(r.ok && Object.keys(r.files).sort()).toEqual(['.dockerignore', 'Dockerfile', 'src/app.js']);
    expect(r.ok && r.skipped).toEqual({ count: 32, dirs: ['.git', 'node_modules'] });
    expect(reads.filter((p) => p.includes('node_modules'))).toEqual([]);
  });

  it('refuses a folder over the limits before reading any file, and can be cancelled', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 12; i++) many[`p/f${i}`] = 'x';
    const reads: string[] = [];
    expect(await uploadFolder(folder(many, reads), { limits: { maxFiles: 10, maxTotalBytes: 1000, maxFileBytes: 100 } })).toEqual({ ok: false, error: { kind: 'too-many-files', count: 12, max: 10 } });
    expect(reads).toEqual([]);
    const abort = new AbortController();
    abort.abort();
    expect(await uploadFolder(folder(many), { signal: abort.signal, yieldToPage: turn })).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });

  it('reads a .zip of a folder as the folder, its .dockerignore applied', async () => {
    const zip = zipSync({
      'proj/Dockerfile': strToU8('FROM alpine\n'),
      'proj/.dockerignore': strToU8('node_modules\n'),
      'proj/node_modules/a/index.js': strToU8('a'),
      'proj/main.sh': strToU8('echo hi\n'),
    });
    const r = await uploadZip(zip, { yieldToPage: turn });
    expect(r.ok && r.files).toEqual({ Dockerfile: 'FROM alpine\n', '.dockerignore': 'node_modules\n', 'main.sh': 'echo hi\n' });
    expect(r.ok && r.skipped).toEqual({ count: 1, dirs: ['node_modules'] });
  });
});
