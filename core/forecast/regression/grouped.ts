/**
 * One least-squares fit per group of rows (e.g. one model per hour of the day), all accumulated
 * in a single pass over the rows. Twenty-four models of ~200 columns cost far less than one of
 * ~800: the solve grows with the cube of the columns.
 */
import { choleskySolve } from './least-squares.ts';
import { rowEntries, type Design } from './terms.ts';

export interface GroupedFit {
  /** coefficients[g] for group g (zeros when the group had no rows). */
  coefficients: Float64Array[];
  /** Rows used per group. */
  n: Int32Array;
}

export function fitGrouped(
  d: Design,
  y: ArrayLike<number>,
  rows: number,
  group: ArrayLike<number>,
  groups: number,
  use: (i: number) => boolean = () => true,
  ridge = 1e-10,
  /** Optional weight of each row (weighted least squares). */
  weight?: ArrayLike<number>,
): GroupedFit {
  const p = d.width;
  const xtx = Array.from({ length: groups }, () => new Float64Array(p * p));
  const xty = Array.from({ length: groups }, () => new Float64Array(p));
  const n = new Int32Array(groups);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  // Rows are visited group by group so that one group's matrix stays in cache while it fills.
  const order = rowsByGroup(group, rows, groups);
  for (let g = 0; g < groups; g++) {
    const m = xtx[g], v = xty[g];
    for (let r = order.start[g]; r < order.start[g + 1]; r++) {
      const i = order.rows[r];
      const yi = y[i];
      if (!Number.isFinite(yi) || !use(i)) continue;
      const k = rowEntries(d, i, cols, vals);
      let finite = true;
      for (let a = 0; a < k; a++) if (!Number.isFinite(vals[a])) finite = false;
      if (!finite) continue;
      n[g]++;
      const w = weight ? weight[i] : 1;
      // Terms emit their entries in increasing column order, so b ≥ a is the upper triangle.
      for (let a = 0; a < k; a++) {
        const va = vals[a] * w;
        v[cols[a]] += va * yi;
        const base = cols[a] * p;
        for (let b = a; b < k; b++) m[base + cols[b]] += va * vals[b];
      }
    }
  }
  const coefficients = xtx.map((m, g) => {
    if (n[g] === 0) return new Float64Array(p);
    let trace = 0;
    for (let a = 0; a < p; a++) trace += m[a * p + a];
    const lambda = ridge * (trace / p);
    for (let a = 0; a < p; a++) {
      m[a * p + a] = m[a * p + a] === 0 ? 1 : m[a * p + a] + lambda;
      for (let b = a + 1; b < p; b++) m[b * p + a] = m[a * p + b];
    }
    return choleskySolve(m, xty[g], p);
  });
  return { coefficients, n };
}

/** Row indices sorted by group (counting sort), with each group's start. */
function rowsByGroup(group: ArrayLike<number>, rows: number, groups: number): { rows: Int32Array; start: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < rows; i++) start[group[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const sorted = new Int32Array(rows);
  for (let i = 0; i < rows; i++) sorted[fill[group[i]]++] = i;
  return { rows: sorted, start };
}

/** Predictions of every row from its group's coefficients. */
export function predictGrouped(d: Design, fit: GroupedFit, rows: number, group: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  for (let i = 0; i < rows; i++) {
    const c = fit.coefficients[group[i]];
    const k = rowEntries(d, i, cols, vals);
    let s = 0;
    for (let a = 0; a < k; a++) s += c[cols[a]] * vals[a];
    out[i] = s;
  }
  return out;
}
