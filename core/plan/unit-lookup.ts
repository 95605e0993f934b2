/**
 * The unit of a customer and measure, as a plan file names them (customer id, measure name), in
 * the planning tables. A map keyed by "id|measure" strings cost a province ~80 ms to build each
 * time (400,000 strings), and the read-back built it twice: a customer's index, then a table of
 * its units by measure, is the same answer without the strings.
 */
import { MEASURE_LIST, measureIndex, type PlanProblem } from './problem.ts';
import type { Measure } from '../scenario/classes.ts';

export type UnitLookup = (customer: string, measure: Measure) => number | undefined;

export function unitLookup(p: PlanProblem, customerIndex: ReadonlyMap<string, number> = new Map(p.customers.id.map((id, c) => [id, c]))): UnitLookup {
  const M = MEASURE_LIST.length;
  const units = new Int32Array(p.customers.id.length * M).fill(-1);
  for (let u = 0; u < p.units.customer.length; u++) units[p.units.customer[u] * M + p.units.measure[u]] = u;
  return (customer, measure) => {
    const c = customerIndex.get(customer), m = measureIndex(measure);
    if (c === undefined || m < 0) return undefined;
    const u = units[c * M + m];
    return u < 0 ? undefined : u;
  };
}
