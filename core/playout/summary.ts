/**
 * The figures planners compare, per plan, over all futures: each as its mean and its spread
 * (P10, P50, P90), the probabilities that matter most (that a protected customer would have to
 * be cut; that dispatch reaches the emergency order), by rung and by class, and a fan of the
 * unserved load hour by hour.
 */
import { FUTURE_METRICS, PLAYOUT_RUNGS, type FutureMetric, type PlayoutChunk, type ReplayHour } from './simulate.ts';

export interface Spread {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface PlayoutSummary {
  plan: string;
  futures: number;
  seed: number;
  /** Probability that any residential or other protected customer would have to be cut. */
  protectedCutProbability: number;
  /** Probability that dispatch has to open feeders of the emergency order. */
  emergencyProbability: number;
  figures: Record<FutureMetric, Spread>;
  rungs: { rung: string; mwh: Spread; peakMW: Spread }[];
  classes: { cls: string; mwh: Spread }[];
  /** Share of futures in which any load goes unserved at some hour (1 kWh or more). */
  unservedProbability: number;
  /**
   * Unserved MW per hour over the futures (fan chart): the spread, its 95th percentile, and the
   * largest over the futures (max), the share of futures with any unserved load that hour (pAny) —
   * the tail a P10–P90 band hides when most futures are fine.
   */
  unservedFan: { p10: number[]; p50: number[]; p90: number[]; p95: number[]; max: number[]; pAny: number[]; mean: number[] };
  replay?: { future: number; hours: ReplayHour[] };
  events: string[];
}

/** Quantile by linear interpolation between order statistics (type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (!n) return Number.NaN;
  const pos = (n - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sorted.length ? sum / sorted.length : Number.NaN, p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

/** Chunks of one plan's futures, in any order, as one (by future index). */
export function mergeChunks(chunks: PlayoutChunk[]): PlayoutChunk {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].from !== sorted[i - 1].to) throw new Error(`play-out chunks leave a hole: ${sorted[i - 1].to}…${sorted[i].from}`);
  const cat = (pick: (c: PlayoutChunk) => Float64Array) => {
    const out = new Float64Array(sorted.reduce((t, c) => t + pick(c).length, 0));
    let at = 0;
    for (const c of sorted) { out.set(pick(c), at); at += pick(c).length; }
    return out;
  };
  const classes = sorted[0].classes;
  for (const c of sorted) if (c.classes.join() !== classes.join()) throw new Error('play-out chunks disagree on the customer classes');
  const replay = sorted.find((c) => c.replay)?.replay;
  return {
    from: sorted[0].from, to: sorted[sorted.length - 1].to,
    metrics: Object.fromEntries(FUTURE_METRICS.map((m) => [m, cat((c) => c.metrics[m])])) as PlayoutChunk['metrics'],
    rungMWh: cat((c) => c.rungMWh), rungPeakMW: cat((c) => c.rungPeakMW), classMWh: cat((c) => c.classMWh), classes,
    unservedByHour: cat((c) => c.unservedByHour), ...(replay ? { replay } : {}),
  };
}

/** Below this an unserved MW (or MWh) is a rounding residue, not load left unserved: the smallest order, 1 kW. */
export const UNSERVED_AT_LEAST = 0.001;

/** Share of the values at least UNSERVED_AT_LEAST. */
function shareUnserved(values: ArrayLike<number>): number {
  if (!values.length) return 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= UNSERVED_AT_LEAST) k++;
  return k / values.length;
}

export function summarisePlayout(plan: string, seed: number, hours: number, c: PlayoutChunk, events: string[] = []): PlayoutSummary {
  const n = c.to - c.from, R = PLAYOUT_RUNGS.length, L = c.classes.length;
  const column = (data: Float64Array, width: number, j: number) => Float64Array.from({ length: n }, (_, i) => data[i * width + j]);
  const fan = { p10: [] as number[], p50: [] as number[], p90: [] as number[], p95: [] as number[], max: [] as number[], pAny: [] as number[], mean: [] as number[] };
  for (let h = 0; h < hours; h++) {
    const values = column(c.unservedByHour, hours, h);
    const s = spread(values);
    fan.p10.push(s.p10); fan.p50.push(s.p50); fan.p90.push(s.p90); fan.mean.push(s.mean);
    const sorted = Float64Array.from(values).sort();
    fan.p95.push(n ? quantile(sorted, 0.95) : 0);
    fan.max.push(n ? sorted[n - 1] : 0);
    fan.pAny.push(shareUnserved(values));
  }
  return {
    plan, futures: n, seed,
    protectedCutProbability: spread(c.metrics.protectedCut).mean,
    emergencyProbability: spread(c.metrics.emergencyReached).mean,
    unservedProbability: shareUnserved(c.metrics.unservedMWh),
    figures: Object.fromEntries(FUTURE_METRICS.map((m) => [m, spread(c.metrics[m])])) as Record<FutureMetric, Spread>,
    rungs: PLAYOUT_RUNGS.map((rung, r) => ({ rung, mwh: spread(column(c.rungMWh, R, r)), peakMW: spread(column(c.rungPeakMW, R, r)) })),
    classes: c.classes.map((cls, j) => ({ cls, mwh: spread(column(c.classMWh, L, j)) })).filter((x) => x.mwh.mean > 0),
    unservedFan: fan,
    ...(c.replay ? { replay: c.replay } : {}),
    events,
  };
}
