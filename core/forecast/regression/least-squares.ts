/**
 * Ordinary least squares on a sparse design through the normal equations, solved by Cholesky.
 * A tiny ridge (relative to the diagonal) keeps the solve stable when columns are nearly
 * collinear; a column no row touches (a level absent from the training rows) gets coefficient 0.
 */
import { rowEntries, type Design } from './terms.ts';

export interface Fit {
  coefficients: Float64Array;
  /** Rows used. */
  n: number;
  /** Residual standard deviation. */
  sigma: number;
}

/** True when every entry of a row is a finite number. */
export function rowIsFinite(vals: Float64Array, k: number): boolean {
  for (let a = 0; a < k; a++) if (!Number.isFinite(vals[a])) return false;
  return true;
}

/**
 * Adds one row to X'X (upper triangle, row-major p × p) and X'y. Terms emit their entries in
 * increasing column order, so b ≥ a is the upper triangle.
 */
export function accumulateRow(xtx: Float64Array, xty: Float64Array, p: number, cols: Int32Array, vals: Float64Array, k: number, y: number): void {
  for (let a = 0; a < k; a++) {
    const va = vals[a];
    xty[cols[a]] += va * y;
    const base = cols[a] * p;
    for (let b = a; b < k; b++) xtx[base + cols[b]] += va * vals[b];
  }
}

/**
 * Solves normal equations given as an upper triangle (overwritten), with a ridge relative to the
 * mean diagonal; columns in `drop` (and columns no row touched) get coefficient 0.
 */
export function solveNormal(xtx: Float64Array, xty: Float64Array, p: number, ridge = 1e-10, drop?: ReadonlySet<number>): Float64Array {
  // Only the columns kept are solved for (a Cholesky costs the cube of its size).
  const keep: number[] = [];
  for (let a = 0; a < p; a++) if (!drop?.has(a)) keep.push(a);
  return solveFactored(prefixFactor(xtx, p, keep, ridge), xty, [keep.length])[0];
}

/** Fits y on the design over the rows where `use(i)` is true (and y and the row are finite). */
export function fitLeastSquares(d: Design, y: ArrayLike<number>, rows: number, use: (i: number) => boolean = () => true, ridge = 1e-10): Fit {
  const p = d.width;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  const used = (i: number, k: number) => Number.isFinite(y[i]) && use(i) && rowIsFinite(vals, k);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const k = rowEntries(d, i, cols, vals);
    if (!used(i, k)) continue;
    n++;
    accumulateRow(xtx, xty, p, cols, vals, k, y[i]);
  }
  const coefficients = solveNormal(xtx, xty, p, ridge);
  // Residual sum of squares in a second pass (the y'y − 2β'X'y + β'X'Xβ shortcut cancels badly).
  let rss = 0;
  for (let i = 0; i < rows; i++) {
    const k = rowEntries(d, i, cols, vals);
    if (!used(i, k)) continue;
    let fitted = 0;
    for (let a = 0; a < k; a++) fitted += coefficients[cols[a]] * vals[a];
    rss += (y[i] - fitted) ** 2;
  }
  return { coefficients, n, sigma: Math.sqrt(rss / Math.max(1, n - p)) };
}

/**
 * The Cholesky factor L of a symmetric positive definite A (dense, row-major q × q), written over
 * A's lower triangle. `columnOf` names a column in the error (its place in a larger design).
 */
export function choleskyFactor(a: Float64Array, q: number, columnOf: (j: number) => number = (j) => j): void {
  for (let j = 0; j < q; j++) {
    let s = a[j * q + j];
    for (let k = 0; k < j; k++) s -= a[j * q + k] * a[j * q + k];
    if (!(s > 0)) throw new Error(`least squares: the design is singular at column ${columnOf(j)}`);
    const ljj = Math.sqrt(s);
    a[j * q + j] = ljj;
    for (let i = j + 1; i < q; i++) {
      let t = a[i * q + j];
      for (let k = 0; k < j; k++) t -= a[i * q + k] * a[j * q + k];
      a[i * q + j] = t / ljj;
    }
  }
}

/** Solves A x = b for symmetric positive definite A (dense, row-major, overwritten). */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  choleskyFactor(a, p);
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

/**
 * Least squares on the leading columns of an ordering, for several lengths at once: the Cholesky
 * factor of a leading block is the leading block of the factor, so one factorisation serves every
 * nested model (forward and back substitution per length). The ridge and the handling of columns
 * no row touched are solveNormal's; columns not in `order` get 0. All zeros where no row was given.
 */
export function prefixSolves(upper: Float64Array, xty: Float64Array, p: number, order: number[], lengths: number[], ridge = 1e-10): Float64Array[] {
  return solveFactored(prefixFactor(upper, p, order, ridge), xty, lengths);
}

/**
 * The Cholesky factor of normal equations (an upper triangle of X'X, p × p) on the columns of
 * `order`, in that order, with the ridge: what solving them for any X'y needs. Series that share
 * X'X (shared-gram.ts) share it, and pay only the substitutions (solveFactored).
 */
export interface NormalFactor {
  p: number;
  order: number[];
  /** The factor, q × q row-major (lower triangle); null where no row was given (all zeros). */
  l: Float64Array | null;
}

export function prefixFactor(upper: Float64Array, p: number, order: number[], ridge = 1e-10): NormalFactor {
  let trace = 0;
  for (let a = 0; a < p; a++) trace += upper[a * p + a];
  if (trace === 0) return { p, order, l: null };
  const lambda = ridge * (trace / Math.max(1, p));
  const q = order.length;
  const l = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      const r = Math.min(order[i], order[j]), c = Math.max(order[i], order[j]);
      l[i * q + j] = upper[r * p + c];
    }
    l[i * q + i] = l[i * q + i] === 0 ? 1 : l[i * q + i] + lambda;
  }
  choleskyFactor(l, q, (j) => order[j]);
  return { p, order, l };
}

/** Coefficients for X'y from a factor, one set per leading length of its order (0 elsewhere). */
export function solveFactored(f: NormalFactor, xty: Float64Array, lengths: number[]): Float64Array[] {
  const { p, order, l } = f;
  if (!l) return lengths.map(() => new Float64Array(p));
  const q = order.length;
  // Forward substitution once (y's leading part is the same for every length), back per length.
  const y = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let t = xty[order[i]];
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

/** Predictions of every row: coefficients[group[i]] (one model per group), or coefficients[0]. */
export function predictRows(d: Design, coefficients: Float64Array[], rows: number, group: ArrayLike<number> | null = null, from = 0, to = rows): Float64Array {
  // Rows outside from..to are left NaN (a held-out window needs only its own).
  const out = new Float64Array(rows);
  if (from > 0 || to < rows) out.fill(Number.NaN);
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  for (let i = Math.max(0, from); i < Math.min(rows, to); i++) {
    const c = coefficients[group ? group[i] : 0];
    const k = rowEntries(d, i, cols, vals);
    let s = 0;
    // A column left out of the fit (coefficient 0) may be unknown in a row that needs none of it.
    for (let a = 0; a < k; a++) if (c[cols[a]] !== 0) s += c[cols[a]] * vals[a];
    out[i] = s;
  }
  return out;
}

/** Predictions of the listed rows only, written into `out` at their own index (a fold of rows). */
export function predictListed(d: Design, coefficients: Float64Array[], group: ArrayLike<number> | null, listed: ArrayLike<number>, out: Float64Array): void {
  const cols = new Int32Array(d.maxEntries);
  const vals = new Float64Array(d.maxEntries);
  for (let r = 0; r < listed.length; r++) {
    const i = listed[r];
    const c = coefficients[group ? group[i] : 0];
    const k = rowEntries(d, i, cols, vals);
    let s = 0;
    for (let a = 0; a < k; a++) if (c[cols[a]] !== 0) s += c[cols[a]] * vals[a];
    out[i] = s;
  }
}

export function predictAll(d: Design, coefficients: Float64Array, rows: number): Float64Array {
  return predictRows(d, [coefficients], rows);
}
