/**
 * The periods dispatchers announce: each day cut at the policy's local hours (Liaoning, 28 Sep
 * 2021: 0–5, 5–9, 9–15, 15–22, 22–24 h), each with its worst hour's gap and level, and its MWh.
 */
import { HOUR_MS } from '../time/timestamp.ts';

export interface PeriodSummary {
  day: number;
  fromHour: number;
  toHour: number;
  /** First hour of the period within the horizon (ms), and its length in hours (shorter at the horizon's edges). */
  startMs: number;
  hours: number;
  /** Largest expected gap, MW, and as a share of the period's maximum demand, %. */
  peakGapMW: number;
  peakGapPct: number;
  /** Largest gap at the assessment's confidence, MW. */
  peakGapAtConfidenceMW: number;
  /** Energy the expected gap leaves unserved over the period, MWh. */
  gapMWh: number;
  periodMaxDemandMW: number;
  /** Levels (index into LEVELS) of the worst hour, expected and at confidence. */
  level: number;
  levelAtConfidence: number;
  /** Probability that the worst level is reached in the period's worst hour, by level. */
  probabilities: number[];
}

export function periodsOf(
  a: { gapMean: Float64Array; gapAtConfidence: Float64Array; expectedLevel: Uint8Array; levelAtConfidence: Uint8Array; periodMax: Float64Array; probabilities: Float64Array[] },
  localHour: Uint8Array,
  dayIndex: Int32Array,
  cuts: number[],
  fromMs: number,
): PeriodSummary[] {
  const out: PeriodSummary[] = [];
  let current: PeriodSummary | null = null;
  let worst = -1;
  const close = () => {
    if (current) {
      current.probabilities = a.probabilities.map((p) => p[worst]);
      out.push(current);
    }
  };
  for (let h = 0; h < localHour.length; h++) {
    let p = 0;
    while (p < cuts.length - 2 && localHour[h] >= cuts[p + 1]) p++;
    if (!current || current.day !== dayIndex[h] || current.fromHour !== cuts[p]) {
      close();
      current = {
        day: dayIndex[h], fromHour: cuts[p], toHour: cuts[p + 1], startMs: fromMs + h * HOUR_MS, hours: 0,
        peakGapMW: -Infinity, peakGapPct: -Infinity, peakGapAtConfidenceMW: -Infinity, gapMWh: 0,
        periodMaxDemandMW: a.periodMax[h], level: 0, levelAtConfidence: 0, probabilities: [],
      };
      worst = h;
    }
    current.hours++;
    current.gapMWh += Math.max(0, a.gapMean[h]);
    if (a.gapMean[h] > current.peakGapMW) {
      current.peakGapMW = a.gapMean[h];
      current.peakGapPct = (100 * a.gapMean[h]) / a.periodMax[h];
      worst = h;
    }
    current.peakGapAtConfidenceMW = Math.max(current.peakGapAtConfidenceMW, a.gapAtConfidence[h]);
    current.level = Math.max(current.level, a.expectedLevel[h]);
    current.levelAtConfidence = Math.max(current.levelAtConfidence, a.levelAtConfidence[h]);
  }
  close();
  return out;
}
