/**
 * Normal equations accumulated once per (group, block of rows) — e.g. per hour of day and per
 * stretch of training — so that fits on any union of blocks (a training window and its held-out
 * origins) cost only a sum and a solve, not another pass over the data.
 */
import { accumulateRow, prefixFactor, rowIsFinite, solveFactored, type NormalFactor } from './least-squares.ts';
import { rowEntries, type Design } from './terms.ts';

export interface BlockSums {
  p: number;
  groups: number;
  blocks: number;
  /** xtx[g * blocks + b]: upper triangle of X'X, row-major p × p. */
  xtx: Float64Array[];
  xty: Float64Array[];
  n: Int32Array;
  /**
   * Cholesky factors already made of this X'X, by the blocks summed, the columns dropped and the
   * group: the series sharing X'X (shared-gram.ts) share them, and solve by substitution alone.
   */
  factors: Map<string, NormalFactor>;
}

/**
 * Rows with block < 0 are left out. With `gram` (the X'X and row counts of the same design on
 * the same rows, from another series: shared-gram.ts) only X'y is accumulated; the caller
 * vouches that the rows are the same, i.e. that y is finite wherever block ≥ 0.
 */
export function accumulateBlocks(
  d: Design,
  y: ArrayLike<number>,
  rows: number,
  group: ArrayLike<number>,
  groups: number,
  block: ArrayLike<number>,
  blocks: number,
  gram?: { xtx: Float64Array[]; n: Int32Array; factors: Map<string, NormalFactor> },
): BlockSums {
  const p = d.width;
  const cells = groups * blocks;
  const xtx = gram ? gram.xtx : Array.from({ length: cells }, () => new Float64Array(p * p));
  const xty = Array.from({ length: cells }, () => new Float64Array(p));
  const n = gram ? gram.n : new Int32Array(cells);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  // Visit rows cell by cell so that one cell's matrix stays in cache while it fills.
  const order = sortByCell(group, block, blocks, rows, cells);
  for (let c = 0; c < cells; c++) {
    const m = xtx[c], v = xty[c];
    for (let r = order.start[c]; r < order.start[c + 1]; r++) {
      const i = order.rows[r];
      if (!Number.isFinite(y[i])) continue;
      const k = rowEntries(d, i, cols, vals);
      if (!rowIsFinite(vals, k)) continue;
      if (gram) {
        const yi = y[i];
        for (let a = 0; a < k; a++) v[cols[a]] += vals[a] * yi;
      } else {
        n[c]++;
        accumulateRow(m, v, p, cols, vals, k, y[i]);
      }
    }
  }
  return { p, groups, blocks, xtx, xty, n, factors: gram ? gram.factors : new Map() };
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
  const used = Array.from({ length: blocks }, (_, b) => (useBlock(b) ? 1 : 0)).join('');
  const keep: number[] = [];
  for (let a = 0; a < p; a++) if (!drop?.has(a)) keep.push(a);
  const scope = `${used}|${ridge}|${drop?.size ? [...drop].sort((a, b) => a - b).join(',') : ''}`;
  const out: Float64Array[] = [];
  for (let g = 0; g < groups; g++) {
    const key = `${scope}|${g}`;
    let factor = sums.factors.get(key);
    if (!factor) {
      const { m, rows } = sumBlocks(sums, g, useBlock, false);
      factor = rows === 0 ? { p, order: keep, l: null } : prefixFactor(m, p, keep, ridge);
      sums.factors.set(key, factor);
    }
    out.push(solveFactored(factor, sumXty(sums, g, useBlock), [keep.length])[0]);
  }
  return out;
}

/** One group's normal equations summed over the chosen blocks (upper triangle of X'X, and X'y). */
export function sumBlocks(sums: BlockSums, g: number, useBlock: (b: number) => boolean, withXty = true): { m: Float64Array; v: Float64Array; rows: number } {
  const { p, blocks } = sums;
  const m = new Float64Array(p * p);
  let rows = 0;
  for (let b = 0; b < blocks; b++) {
    if (!useBlock(b)) continue;
    const c = g * blocks + b;
    rows += sums.n[c];
    const src = sums.xtx[c];
    for (let a = 0; a < p; a++) {
      const base = a * p;
      for (let k = a; k < p; k++) m[base + k] += src[base + k];
    }
  }
  return { m, v: withXty ? sumXty(sums, g, useBlock) : new Float64Array(p), rows };
}

/** One group's X'y summed over the chosen blocks. */
export function sumXty(sums: BlockSums, g: number, useBlock: (b: number) => boolean): Float64Array {
  const { p, blocks } = sums;
  const v = new Float64Array(p);
  for (let b = 0; b < blocks; b++) {
    if (!useBlock(b)) continue;
    const sv = sums.xty[g * blocks + b];
    for (let a = 0; a < p; a++) v[a] += sv[a];
  }
  return v;
}
