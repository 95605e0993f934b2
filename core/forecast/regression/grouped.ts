/**
 * One least-squares fit per group of rows (e.g. one model per hour of the day), all accumulated
 * in a single pass over the rows. Twenty-four models of ~100 columns cost far less than one of
 * ~800: the solve grows with the cube of the columns.
 */
import { accumulateBlocks, solveBlocks } from './blocks.ts';
import { predictRows } from './least-squares.ts';
import type { Design } from './terms.ts';

export interface GroupedFit {
  /** coefficients[g] for group g (zeros when the group had no rows). */
  coefficients: Float64Array[];
}

export function fitGrouped(
  d: Design,
  y: ArrayLike<number>,
  rows: number,
  group: ArrayLike<number>,
  groups: number,
  use: (i: number) => boolean = () => true,
): GroupedFit {
  const block = new Int8Array(rows);
  for (let i = 0; i < rows; i++) block[i] = use(i) ? 0 : -1;
  return { coefficients: solveBlocks(accumulateBlocks(d, y, rows, group, groups, block, 1), () => true) };
}

/** Predictions of every row from its group's coefficients. */
export function predictGrouped(d: Design, fit: GroupedFit, rows: number, group: ArrayLike<number>): Float64Array {
  return predictRows(d, fit.coefficients, rows, group);
}
