/**
 * X'X shared by the series fitted on the same rows of the same design.
 *
 * A scenario's areas hang on a few weather stations: twelve areas of a city on two, a province's
 * 415 on a few dozen. Areas on one station with the same training rows have the same design
 * matrix X (calendar and that station's temperature terms), so the same X'X per hour of day and
 * per stretch of training; only X'y differs. Accumulating X'X costs the square of a row's
 * entries, X'y their number: the areas after the first on a station cost a small part of it.
 *
 * The cache holds a few designs (each one is the design written out and its X'X, tens of MB at a
 * province's length), first in first out: callers visit the areas station by station.
 */
import type { BlockSums } from './blocks.ts';
import type { NormalFactor } from './least-squares.ts';

/** What is shared: the design written out, and its X'X and row counts per (group, block). */
export interface SharedGram<D> {
  design: D;
  xtx: Float64Array[];
  n: Int32Array;
  /** Its Cholesky factors, made once for every series that shares it. */
  factors: Map<string, NormalFactor>;
}

export class GramCache<D> {
  private readonly entries = new Map<string, SharedGram<D>>();
  /** Fits that found their X'X here, and those that made it. */
  hits = 0;
  misses = 0;
  constructor(readonly capacity = 6) {}

  get(key: string): SharedGram<D> | undefined {
    const found = this.entries.get(key);
    if (found) this.hits++;
    else this.misses++;
    return found;
  }

  set(key: string, value: SharedGram<D>): void {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }
}

/** The part of block sums a shared X'X gives: the rest (X'y) is the series' own. */
export function gramOf<D>(design: D, sums: BlockSums): SharedGram<D> {
  return { design, xtx: sums.xtx, n: sums.n, factors: sums.factors };
}

/**
 * A fingerprint of typed arrays' contents (FNV-1a over their bytes, 53 bits kept), for a cache
 * key: two series share X'X only when the temperature and the rows fitted are the same.
 */
export function fingerprint(...arrays: ArrayBufferView[]): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
      h2 = Math.imul(h2 ^ bytes[i], 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ a.byteLength, 0x01000193);
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}
