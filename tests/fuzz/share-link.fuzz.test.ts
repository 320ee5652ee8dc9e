/**
 * Cross-checks of the share-link codec (src/ui/classroom/shareLink.ts) at fuzz size. Its unit tests cover the
 * cases; here: whatever JSON an attacker deflates into a link, a decoded workspace always
 * satisfies the schema and limits (safe relative paths, string contents, at most 64 files, lesson ids), a
 * deflate bomb stops at the size limit, and nothing decoded carries a prototype-polluting key into objects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { decodeShare, encodeShare, isSafePath, MAX_SHARE_BYTES, MAX_SHARE_FILES, SHARE_PREFIX } from '../../src/ui/classroom/shareLink';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzzParams } from './runs';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const link = (json: string) => SHARE_PREFIX + b64url(deflateSync(strToU8(json)));

const pathish = fc.oneof(
  fc.constantFrom('Dockerfile', 'app.js', 'src/index.js', '../etc/passwd', '/abs', 'a//b', './x', 'a/./b', 'a\\b', '', '.', '..', '__proto__', 'constructor', 'a\u0000b', '<img src=x onerror=alert(1)>', 'x'.repeat(300)),
  fc.string({ maxLength: 20 }),
);
const payload = fc.record(
  {
    v: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
    files: fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(pathish, fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }), { maxKeys: 8 }) },
      // Around the 64-file limit.
      { weight: 1, arbitrary: fc.integer({ min: 60, max: 70 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.txt`, String(i)]))) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    ),
    lesson: fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom('web-ping', 'layers', 'Bad Id', ''), fc.string({ maxLength: 8 })), step: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }), fc.jsonValue({ maxDepth: 1 })),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: ['v', 'files'] },
);

describe('Share links under hostile payloads', () => {
  it(`decodes each of ${FUZZ_RUNS} crafted links to a valid workspace or a typed error`, () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(payload, (p) => {
        const r = decodeShare(link(JSON.stringify(p)));
        if (!r.ok) {
          rejected++;
          expect(['bad-schema', 'too-large', 'bad-json']).toContain(r.error);
          return;
        }
        accepted++;
        const files = Object.entries(r.value.files);
        expect(files.length).toBeLessThanOrEqual(MAX_SHARE_FILES);
        for (const [path, content] of files) {
          expect(isSafePath(path), path).toBe(true);
          expect(path.split('/')).not.toContain('..');
          expect(typeof content).toBe('string');
        }
        if (r.value.lesson) expect(r.value.lesson.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
        expect(Object.getPrototypeOf(r.value.files)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // What was accepted encodes again and decodes to the same thing.
        const again = encodeShare(r.value);
        expect(again.ok).toBe(true);
        if (again.ok) expect(decodeShare(again.hash)).toEqual(r);
      }),
      fuzzParams(),
    );
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);

  it('stops a deflate bomb at the size limit', () => {
    const bomb = SHARE_PREFIX + b64url(deflateSync(new Uint8Array(50 * MAX_SHARE_BYTES).fill(0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(4000);
    const t0 = performance.now();
    expect(decodeShare(bomb)).toEqual({ ok: false, error: 'too-large' });
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('never lets "__proto__" keys pollute objects', () => {
    const r = decodeShare(link('{"v":1,"files":{"__proto__":{"polluted":1},"a":"b"},"lesson":{"__proto__":{"polluted":1},"id":"web-ping"}}'));
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
