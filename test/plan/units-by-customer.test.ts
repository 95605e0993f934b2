/** Each customer's units as one compressed index (core/plan/units-by-customer.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unitsByCustomer } from '../../core/plan/units-by-customer.ts';

const listOf = (ix: ReturnType<typeof unitsByCustomer>, c: number) => Array.from(ix.unit.subarray(ix.start[c], ix.start[c + 1]));

describe('unitsByCustomer', () => {
  it('gives each customer its units in unit order, whatever order the units come in', () => {
    const ix = unitsByCustomer(Int32Array.from([2, 0, 2, 1, 0, 2]), 4);
    expect([0, 1, 2, 3].map((c) => listOf(ix, c))).toEqual([[1, 4], [3], [0, 2, 5], []]);
    expect(Array.from(ix.start)).toEqual([0, 2, 3, 6, 6]);
  });

  it('gives a customer without units none, and no units none at all', () => {
    expect(listOf(unitsByCustomer(new Int32Array(0), 3), 1)).toEqual([]);
    expect(Array.from(unitsByCustomer(new Int32Array(0), 0).start)).toEqual([0]);
  });

  it('lists the same units as one array per customer filled in unit order', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }).chain((C) => fc.tuple(fc.constant(C), fc.array(fc.integer({ min: 0, max: C - 1 }), { maxLength: 200 }))), ([C, owners]) => {
      const ix = unitsByCustomer(Int32Array.from(owners), C);
      const arrays: number[][] = Array.from({ length: C }, () => []);
      owners.forEach((c, u) => arrays[c].push(u));
      for (let c = 0; c < C; c++) expect(listOf(ix, c)).toEqual(arrays[c]);
    }), { seed: 7, numRuns: 200 });
  });
});
