/**
 * Regression terms over hourly arrays, in the spirit of R's model formulas: a term knows how many
 * columns it adds and which of them are non-zero in a row. Load models are very sparse (a row of
 * Tao Hong's vanilla model has ~11 non-zero entries out of ~290 columns), so rows are written as
 * (column, value) pairs and the normal equations cost O(rows × nnz²), not O(rows × columns²).
 */

export interface Term {
  readonly name: string;
  readonly width: number;
  /** Most entries one row can have. */
  readonly maxEntries: number;
  /** Writes row i's non-zero entries (columns relative to the term); returns how many. */
  emit(i: number, cols: Int32Array, vals: Float64Array, at: number): number;
}

export function intercept(): Term {
  return { name: 'intercept', width: 1, maxEntries: 1, emit: (_, c, v, at) => ((c[at] = 0), (v[at] = 1), 1) };
}

export function numeric(name: string, x: ArrayLike<number>): Term {
  return { name, width: 1, maxEntries: 1, emit: (i, c, v, at) => ((c[at] = 0), (v[at] = x[i]), 1) };
}

/** One column per level of a factor holding x (or 1), after dropping level 0 when asked. */
function byLevel(name: string, x: ArrayLike<number> | null, level: ArrayLike<number>, levels: number, dropFirst: boolean): Term {
  const shift = dropFirst ? 1 : 0;
  return {
    name,
    width: levels - shift,
    maxEntries: 1,
    emit(i, c, v, at) {
      const l = level[i] - shift;
      if (l < 0) return 0;
      c[at] = l;
      v[at] = x ? x[i] : 1;
      return 1;
    },
  };
}

/**
 * A factor with levels 0..levels-1. With `dropFirst` (treatment coding, for use beside an
 * intercept) level 0 adds nothing and levels 1.. get one column each.
 */
export function factor(name: string, level: ArrayLike<number>, levels: number, dropFirst = true): Term {
  return byLevel(name, null, level, levels, dropFirst);
}

/** x times each level of a factor: a slope of x per level (e.g. temperature × hour). */
export function slopeBy(name: string, x: ArrayLike<number>, level: ArrayLike<number>, levels: number, dropFirst = true): Term {
  return byLevel(name, x, level, levels, dropFirst);
}

/** Combines two factors into one (e.g. weekday × hour: 7 × 24 = 168 levels): a × bLevels + b. */
export function crossLevels(a: ArrayLike<number>, b: ArrayLike<number>, bLevels: number): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * bLevels + b[i];
  return out;
}

/** A design: terms side by side, with each term's first column. */
export interface Design {
  readonly terms: Term[];
  readonly width: number;
  readonly offsets: Int32Array;
  readonly maxEntries: number;
}

export function design(terms: Term[]): Design {
  const offsets = new Int32Array(terms.length);
  let width = 0, maxEntries = 0;
  terms.forEach((t, k) => {
    offsets[k] = width;
    width += t.width;
    maxEntries += t.maxEntries;
  });
  return { terms, width, offsets, maxEntries };
}

/** Writes the entries of row i of a design (absolute columns); returns how many. */
export function rowEntries(d: Design, i: number, cols: Int32Array, vals: Float64Array): number {
  let n = 0;
  for (let k = 0; k < d.terms.length; k++) {
    const start = n;
    n += d.terms[k].emit(i, cols, vals, n);
    const base = d.offsets[k];
    for (let j = start; j < n; j++) cols[j] += base;
  }
  return n;
}

/**
 * The same design with every row's entries written out once: a fit that reads its rows many
 * times (accumulating, then predicting held-out years and candidates) reads arrays instead of
 * calling each term for each row again. Rows whose entries are not all finite stay so.
 */
export function materialize(d: Design, rows: number): Design {
  const start = new Int32Array(rows + 1);
  const cols = new Int32Array(d.maxEntries), vals = new Float64Array(d.maxEntries);
  let total = 0;
  for (let i = 0; i < rows; i++) total += rowEntries(d, i, cols, vals);
  const allCols = new Int32Array(total), allVals = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    start[i] = at;
    const k = rowEntries(d, i, cols, vals);
    allCols.set(cols.subarray(0, k), at);
    allVals.set(vals.subarray(0, k), at);
    at += k;
  }
  start[rows] = at;
  const term: Term = {
    name: 'materialized',
    width: d.width,
    maxEntries: d.maxEntries,
    emit(i, c, v, to) {
      const from = start[i], k = start[i + 1] - from;
      for (let j = 0; j < k; j++) { c[to + j] = allCols[from + j]; v[to + j] = allVals[from + j]; }
      return k;
    },
  };
  return { terms: [term], width: d.width, offsets: new Int32Array(1), maxEntries: d.maxEntries };
}
