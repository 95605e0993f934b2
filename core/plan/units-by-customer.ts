/**
 * Each customer's units as one index (compressed rows): customer c's units, in unit order, are
 * unit[start[c]] … unit[start[c + 1] − 1]. Two typed arrays, not an array per customer: a
 * province's 200,000 small arrays were made again by each pass that needed them, and every
 * garbage collection after had to mark them all.
 */
export interface UnitsByCustomer {
  start: Int32Array;
  unit: Int32Array;
}

export function unitsByCustomer(unitCustomer: Int32Array, customers: number): UnitsByCustomer {
  const U = unitCustomer.length;
  const start = new Int32Array(customers + 1);
  for (let u = 0; u < U; u++) start[unitCustomer[u] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const next = start.slice(0, customers), unit = new Int32Array(U);
  for (let u = 0; u < U; u++) unit[next[unitCustomer[u]]++] = u;
  return { start, unit };
}
