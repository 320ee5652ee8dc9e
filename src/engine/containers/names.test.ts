import { describe, expect, it } from 'vitest';
import { ADJECTIVES, SURNAMES, randomId, randomName } from './names';
import type { RandomSource } from '../core/env';
import { SeededRandom } from '../core/env';

describe('Container names and IDs', () => {
  it('makes adjective_surname names from the word lists, deterministically from the seed', () => {
    const a = randomName(new SeededRandom(7));
    expect(a).toBe(randomName(new SeededRandom(7)));
    const [adj, sur] = a.split('_');
    expect(ADJECTIVES).toContain(adj);
    expect(SURNAMES).toContain(sur);
  });

  it('never generates boring_wozniak', () => {
    // A source that would pick "boring" and "wozniak" first, then something else.
    const picks = [ADJECTIVES.indexOf('boring'), SURNAMES.indexOf('wozniak'), 0, 0];
    const lens = [ADJECTIVES.length, SURNAMES.length, ADJECTIVES.length, SURNAMES.length];
    let i = 0;
    const r: RandomSource = { next: () => (picks[i] + 0.5) / lens[i++] };
    expect(randomName(r)).toBe(`${ADJECTIVES[0]}_${SURNAMES[0]}`);
  });

  it('appends a digit on retries, and IDs are 64 hex characters', () => {
    expect(randomName(new SeededRandom(1), 1)).toMatch(/^[a-z]+_[a-z]+\d$/);
    expect(randomId(new SeededRandom(3))).toMatch(/^[0-9a-f]{64}$/);
  });
});
