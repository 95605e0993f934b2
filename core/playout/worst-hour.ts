/**
 * The hour a plan's futures most often leave load unserved (ties: the larger P95), or null when no
 * future is short at any hour — what a dispatcher asks first of a fan of unserved load.
 */
import type { PlayoutSummary } from './summary.ts';

export interface WorstHour { hour: number; pAny: number; p95MW: number; /** The worst future's MW that hour (absent in older play-outs). */ maxMW?: number }

export function worstUnservedHour(fan: Pick<PlayoutSummary['unservedFan'], 'pAny' | 'p95'> & { max?: number[] }): WorstHour | null {
  let at = -1;
  for (let h = 0; h < fan.pAny.length; h++) {
    if (!(fan.pAny[h] > 0)) continue;
    if (at < 0 || fan.pAny[h] > fan.pAny[at] || (fan.pAny[h] === fan.pAny[at] && fan.p95[h] > fan.p95[at])) at = h;
  }
  return at < 0 ? null : { hour: at, pAny: fan.pAny[at], p95MW: fan.p95[at], ...(fan.max ? { maxMW: fan.max[at] } : {}) };
}
