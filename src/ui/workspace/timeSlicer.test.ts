import { describe, expect, it } from 'vitest';
import { timeSlicer } from './timeSlicer';

describe('time slices', () => {
  it('gives the page a turn only once the slice has lasted its budget, then starts a new slice', async () => {
    let turns = 0;
    const slice = timeSlicer(async () => void turns++, 5);
    await slice();
    expect(turns).toBe(0);
    const t0 = performance.now();
    while (performance.now() - t0 < 6) {
      // a slice of work longer than the budget
    }
    await slice();
    expect(turns).toBe(1);
    await slice();
    expect(turns).toBe(1);
  });
});
