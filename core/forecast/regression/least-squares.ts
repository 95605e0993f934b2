/**
 * Ordinary least squares on a sparse design through the normal equations, solved by Cholesky.
 * A tiny ridge (relative to the diagonal) keeps the solve stable when a factor level never occurs
 * in the training rows (e.g. a month absent from a short history) without moving real estimates.
 */
import { rowEntries, type Design } from './terms.ts';

export interface Fit {
  coefficients: Float64Array;
  /** Rows used. */
  n: number;
  /** Residual standard deviation. */
  sigma: number;
}

/**
 * Fits y on the design over the rows where `use(i)` is true (and y is finite).
 * @param rows number of rows of the design
 */
export function fitLeastSquares(d: Design, y: ArrayLike<number>, rows: number, use: (i: number) => boolean = () => true, ridge = 1e-10): Fit {
  const p = d.width;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const yi = y[i];
    if (!Number.isFinite(yi) || !use(i)) continue;
    const k = rowEntries(d, i, cols, vals);
    let finite = true;
    for (let a = 0; a < k; a++) if (!Number.isFinite(vals[a])) finite = false;
    if (!finite) continue;
    n++;
    // Terms emit their entries in increasing column order, so b ≥ a is the upper triangle.
    for (let a = 0; a < k; a++) {
      const va = vals[a];
      xty[cols[a]] += va * yi;
      const rowBase = cols[a] * p;
      for (let b = a; b < k; b++) xtx[rowBase + cols[b]] += va * vals[b];
    }
  }
  // Mirror the upper triangle; the ridge scales with the mean diagonal. A column no row touches
  // (a level absent from the training rows) gets a unit diagonal: its coefficient is then 0.
  let trace = 0;
  for (let a = 0; a < p; a++) trace += xtx[a * p + a];
  const lambda = ridge * (trace / Math.max(1, p));
  for (let a = 0; a < p; a++) {
    xtx[a * p + a] = xtx[a * p + a] === 0 ? 1 : xtx[a * p + a] + lambda;
    for (let b = a + 1; b < p; b++) xtx[b * p + a] = xtx[a * p + b];
  }
  const coefficients = choleskySolve(xtx, xty, p);
  // Residual sum of squares in a second pass (the y'y − 2β'X'y + β'X'Xβ shortcut cancels badly).
  let rss = 0;
  for (let i = 0; i < rows; i++) {
    const yi = y[i];
    if (!Number.isFinite(yi) || !use(i)) continue;
    const k = rowEntries(d, i, cols, vals);
    let fitted = 0, finite = true;
    for (let a = 0; a < k; a++) {
      if (!Number.isFinite(vals[a])) finite = false;
      fitted += coefficients[cols[a]] * vals[a];
    }
    if (finite) rss += (yi - fitted) ** 2;
  }
  return { coefficients, n, sigma: Math.sqrt(rss / Math.max(1, n - p)) };
}

/** Solves A x = b for symmetric positive definite A (dense, row-major, overwritten). */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let j = 0; j < p; j++) {
    let s = a[j * p + j];
    for (let k = 0; k < j; k++) s -= a[j * p + k] * a[j * p + k];
    if (!(s > 0)) throw new Error(`least squares: the design is singular at column ${j}`);
    const ljj = Math.sqrt(s);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let t = a[i * p + j];
      for (let k = 0; k < j; k++) t -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = t / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let t = x[i];
    for (let k = 0; k < i; k++) t -= a[i * p + k] * x[k];
    x[i] = t / a[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let t = x[i];
    for (let k = i + 1; k < p; k++) t -= a[k * p + i] * x[k];
    x[i] = t / a[i * p + i];
  }
  return x;
}

/** Prediction of row i. */
export function predictRow(d: Design, coefficients: Float64Array, i: number, cols: Int32Array, vals: Float64Array): number {
  const k = rowEntries(d, i, cols, vals);
  let s = 0;
  for (let a = 0; a < k; a++) s += coefficients[cols[a]] * vals[a];
  return s;
}

export function predictAll(d: Design, coefficients: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  for (let i = 0; i < rows; i++) out[i] = predictRow(d, coefficients, i, cols, vals);
  return out;
}
