/**
 * Normal equations accumulated once per (group, block of rows) — e.g. per hour of day and per
 * stretch of training — so that fits on any union of blocks (a training window and its held-out
 * origins) cost only a sum and a solve, not another pass over the data.
 */
import { accumulateRow, rowIsFinite, solveNormal } from './least-squares.ts';
import { rowEntries, type Design } from './terms.ts';

export interface BlockSums {
  p: number;
  groups: number;
  blocks: number;
  /** xtx[g * blocks + b]: upper triangle of X'X, row-major p × p. */
  xtx: Float64Array[];
  xty: Float64Array[];
  n: Int32Array;
}

/** Rows with block < 0 are left out. */
export function accumulateBlocks(
  d: Design,
  y: ArrayLike<number>,
  rows: number,
  group: ArrayLike<number>,
  groups: number,
  block: ArrayLike<number>,
  blocks: number,
): BlockSums {
  const p = d.width;
  const cells = groups * blocks;
  const xtx = Array.from({ length: cells }, () => new Float64Array(p * p));
  const xty = Array.from({ length: cells }, () => new Float64Array(p));
  const n = new Int32Array(cells);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  // Visit rows cell by cell so that one cell's matrix stays in cache while it fills.
  const order = sortByCell(group, block, blocks, rows, cells);
  for (let c = 0; c < cells; c++) {
    for (let r = order.start[c]; r < order.start[c + 1]; r++) {
      const i = order.rows[r];
      if (!Number.isFinite(y[i])) continue;
      const k = rowEntries(d, i, cols, vals);
      if (!rowIsFinite(vals, k)) continue;
      n[c]++;
      accumulateRow(xtx[c], xty[c], p, cols, vals, k, y[i]);
    }
  }
  return { p, groups, blocks, xtx, xty, n };
}

function sortByCell(group: ArrayLike<number>, block: ArrayLike<number>, blocks: number, rows: number, cells: number) {
  const start = new Int32Array(cells + 1);
  for (let i = 0; i < rows; i++) if (block[i] >= 0) start[group[i] * blocks + block[i] + 1]++;
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cells);
  const sorted = new Int32Array(start[cells]);
  for (let i = 0; i < rows; i++) if (block[i] >= 0) sorted[fill[group[i] * blocks + block[i]]++] = i;
  return { rows: sorted, start };
}

/**
 * Solves each group's least squares over the chosen blocks. Columns in `drop` are left out
 * (coefficient 0): e.g. trend hinges after the end of a shorter training window.
 */
export function solveBlocks(sums: BlockSums, useBlock: (b: number) => boolean, drop?: ReadonlySet<number>, ridge = 1e-10): Float64Array[] {
  const { p, groups, blocks } = sums;
  const out: Float64Array[] = [];
  for (let g = 0; g < groups; g++) {
    const m = new Float64Array(p * p);
    const v = new Float64Array(p);
    let rows = 0;
    for (let b = 0; b < blocks; b++) {
      if (!useBlock(b)) continue;
      const c = g * blocks + b;
      rows += sums.n[c];
      const src = sums.xtx[c], sv = sums.xty[c];
      for (let a = 0; a < p; a++) {
        v[a] += sv[a];
        const base = a * p;
        for (let k = a; k < p; k++) m[base + k] += src[base + k];
      }
    }
    out.push(rows === 0 ? new Float64Array(p) : solveNormal(m, v, p, ridge, drop));
  }
  return out;
}

/** One group's normal equations summed over the chosen blocks (upper triangle of X'X, and X'y). */
export function sumBlocks(sums: BlockSums, g: number, useBlock: (b: number) => boolean): { m: Float64Array; v: Float64Array; rows: number } {
  const { p, blocks } = sums;
  const m = new Float64Array(p * p), v = new Float64Array(p);
  let rows = 0;
  for (let b = 0; b < blocks; b++) {
    if (!useBlock(b)) continue;
    const c = g * blocks + b;
    rows += sums.n[c];
    const src = sums.xtx[c], sv = sums.xty[c];
    for (let a = 0; a < p; a++) {
      v[a] += sv[a];
      const base = a * p;
      for (let k = a; k < p; k++) m[base + k] += src[base + k];
    }
  }
  return { m, v, rows };
}

/**
 * Least squares on the leading columns of an ordering, for several lengths at once: the Cholesky
 * factor of a leading block is the leading block of the factor, so one factorisation serves every
 * nested model (forward and back substitution per length). The ridge and the handling of columns
 * no row touched are solveNormal's; columns not in `order` get 0. All zeros where no row was given.
 */
export function prefixSolves(upper: Float64Array, xty: Float64Array, p: number, order: number[], lengths: number[], ridge = 1e-10): Float64Array[] {
  let trace = 0;
  for (let a = 0; a < p; a++) trace += upper[a * p + a];
  if (trace === 0) return lengths.map(() => new Float64Array(p));
  const lambda = ridge * (trace / Math.max(1, p));
  const q = order.length;
  const l = new Float64Array(q * q), b = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    b[i] = xty[order[i]];
    for (let j = 0; j <= i; j++) {
      const r = Math.min(order[i], order[j]), c = Math.max(order[i], order[j]);
      l[i * q + j] = upper[r * p + c];
    }
    l[i * q + i] = l[i * q + i] === 0 ? 1 : l[i * q + i] + lambda;
  }
  for (let j = 0; j < q; j++) {
    let s = l[j * q + j];
    for (let k = 0; k < j; k++) s -= l[j * q + k] * l[j * q + k];
    if (!(s > 0)) throw new Error(`least squares: the design is singular at column ${order[j]}`);
    const ljj = Math.sqrt(s);
    l[j * q + j] = ljj;
    for (let i = j + 1; i < q; i++) {
      let t = l[i * q + j];
      for (let k = 0; k < j; k++) t -= l[i * q + k] * l[j * q + k];
      l[i * q + j] = t / ljj;
    }
  }
  // Forward substitution once (y's leading part is the same for every length), back per length.
  const y = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= l[i * q + k] * y[k];
    y[i] = t / l[i * q + i];
  }
  return lengths.map((m) => {
    const x = new Float64Array(m);
    for (let i = m - 1; i >= 0; i--) {
      let t = y[i];
      for (let k = i + 1; k < m; k++) t -= l[k * q + i] * x[k];
      x[i] = t / l[i * q + i];
    }
    const out = new Float64Array(p);
    for (let i = 0; i < m; i++) out[order[i]] = x[i];
    return out;
  });
}
