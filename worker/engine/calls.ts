/**
 * What every engine call shares: progress that crosses the thread boundary sparingly, and the
 * refusal a call gives when its data cannot carry a result (a DataError from core/), in the same
 * `path: expected …, found …` form validation uses.
 */
import { isDataError } from '../../core/data-error.ts';
import type { Problem } from '../../core/problems.ts';

export type ProgressCallback = (fraction: number, phase: string) => void | Promise<void>;

/** A call's answer when the scenario or its data cannot carry it. */
export type Refusal = { ok: false; problems: Problem[]; total: number };

/**
 * Limits how often progress crosses the thread boundary (at most every 1 %). Returns the
 * delivery, so that a call can await its last report before it returns its result.
 */
export function throttled(onProgress?: ProgressCallback): (fraction: number, phase: string) => Promise<void> {
  let last = -1, lastPhase = '';
  return async (fraction, phase) => {
    if (!onProgress) return;
    if (fraction - last >= 0.01 || phase !== lastPhase || fraction >= 1) {
      last = fraction;
      lastPhase = phase;
      await onProgress(fraction, phase);
    }
  };
}

/** Runs a computation whose data may turn out unable to carry it: its problems come back as the call's refusal. */
export function refusing<T>(compute: () => T): T | Refusal {
  try {
    return compute();
  } catch (error) {
    if (isDataError(error)) return { ok: false, problems: error.problems, total: error.problems.length };
    throw error;
  }
}
