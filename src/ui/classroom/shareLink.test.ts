import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { decodeShare, encodeShare, isSafePath, MAX_SHARE_BYTES, SHARE_PREFIX } from './shareLink';

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const pack = (v: unknown) => SHARE_PREFIX + b64url(deflateSync(strToU8(JSON.stringify(v))));

describe('Share links', () => {
  it('round-trips a workspace and lesson step', () => {
    const ws = { files: { Dockerfile: 'FROM diamol/node\nCOPY app.js .\n', 'src/app.js': 'console.log("한글 ✓")\n' }, lesson: { id: 'web-ping', step: 'env' } };
    const enc = encodeShare(ws);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    expect(enc.hash.startsWith('#/share/')).toBe(true);
    expect(enc.hash).toMatch(/^#\/share\/[A-Za-z0-9_-]+$/);
    expect(decodeShare(enc.hash)).toEqual({ ok: true, value: ws });
  });

  it('refuses to encode more than the size limit', () => {
    const big = Array.from({ length: 40000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
    expect(encodeShare({ files: { big } })).toEqual({ ok: false, error: 'too-large' });
  });

  it('rejects hostile input cleanly', () => {
    expect(decodeShare('#/lesson/web-ping')).toEqual({ ok: false, error: 'not-a-share-link' });
    expect(decodeShare(SHARE_PREFIX + '!!!')).toEqual({ ok: false, error: 'bad-encoding' });
    expect(decodeShare(SHARE_PREFIX)).toEqual({ ok: false, error: 'bad-encoding' });
    expect(decodeShare(SHARE_PREFIX + 'AAAA')).toEqual({ ok: false, error: 'bad-compression' });
    expect(decodeShare(SHARE_PREFIX + 'x'.repeat(60000))).toEqual({ ok: false, error: 'too-large' });
    // a deflate bomb: 10 MB of zeros compresses to ~10 KB
    const bomb = SHARE_PREFIX + b64url(deflateSync(new Uint8Array(10_000_000)));
    expect(decodeShare(bomb)).toEqual({ ok: false, error: 'too-large' });
    expect(decodeShare(SHARE_PREFIX + b64url(deflateSync(new Uint8Array([0xff, 0xfe, 0x00]))))).toEqual({ ok: false, error: 'bad-encoding' });
    expect(decodeShare(SHARE_PREFIX + b64url(deflateSync(strToU8('{"v":1,'))))).toEqual({ ok: false, error: 'bad-json' });
    for (const bad of [
      null,
      [],
      { v: 2, files: {} },
      { v: 1 },
      { v: 1, files: [] },
      { v: 1, files: { '../etc/passwd': 'x' } },
      { v: 1, files: { '/abs': 'x' } },
      { v: 1, files: { 'a\u0000b': 'x' } },
      { v: 1, files: { a: 5 } },
      { v: 1, files: {}, lesson: { id: '<img src=x onerror=alert(1)>' } },
      { v: 1, files: {}, lesson: 'web-ping' },
      { v: 1, files: {}, extra: true },
      { v: 1, files: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, ''])) },
    ])
      expect(decodeShare(pack(bad)), JSON.stringify(bad)).toEqual({ ok: false, error: 'bad-schema' });
  });

  it('does not let a __proto__ file name pollute objects', () => {
    const r = decodeShare(SHARE_PREFIX + b64url(deflateSync(strToU8('{"v":1,"files":{"__proto__":"x","a":"b"}}'))));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value.files).sort()).toEqual(['__proto__', 'a']);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    }
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = decodeShare(SHARE_PREFIX + s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeShare(SHARE_PREFIX + b64url(bytes));
        expect(typeof r.ok).toBe('boolean');
        const r2 = decodeShare(SHARE_PREFIX + b64url(deflateSync(bytes)));
        expect(r2.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips arbitrary small workspaces (fuzz)', () => {
    const path = fc.array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/).filter((s) => s !== '.' && s !== '..'), { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
    fc.assert(
      fc.property(fc.dictionary(path, fc.string({ maxLength: 200 }), { maxKeys: 8 }), (files) => {
        const enc = encodeShare({ files });
        if (!enc.ok) return;
        const dec = decodeShare(enc.hash);
        expect(dec).toEqual({ ok: true, value: { files } });
      }),
      { numRuns: 200 },
    );
    expect(isSafePath('a/./b')).toBe(false);
    expect(MAX_SHARE_BYTES).toBe(32768);
  });
});
