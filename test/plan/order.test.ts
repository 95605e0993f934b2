import { describe, expect, it } from 'vitest';
import { argsortNonNegative } from '../../core/plan/order.ts';
import { createRng } from '../../core/random/rng.ts';

describe('argsortNonNegative', () => {
  it('orders indices as a comparison sort does, ties by index, small and large', () => {
    const rng = createRng('argsort');
    for (const n of [0, 1, 7, 19_999, 20_000, 100_000]) {
      // Bands apart, many equal costs, some zero keys: the shapes the planner sorts.
      const keys = Float64Array.from({ length: n }, () => (rng.chance(0.05) ? 0 : rng.int(16) * 2 ** 17 + (rng.chance(0.3) ? 5000 : rng.uniform(0, 1e5))));
      const expected = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
      expect(Array.from(argsortNonNegative(keys))).toEqual(Array.from(expected));
    }
  });
});
