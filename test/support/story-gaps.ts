/**
 * The gap each generated study was built to have, from the generator's own expected demand: the
 * largest hourly gap of each study day as a share of that day's maximum demand. (The warnings engine
 * computes gaps from a forecast; this checks only that the stories are built as they say.)
 */
import type { GeneratorDiagnostics } from '../../scenarios/generator/generate.ts';

export function dailyGapPct(d: GeneratorDiagnostics): Array<{ pct: number; hour: number }> {
  const out: Array<{ pct: number; hour: number }> = [];
  for (let from = 0; from < d.demandMW.length; from += 24) {
    let maxDemand = 0, worst = -Infinity, hour = 0;
    for (let i = from; i < Math.min(from + 24, d.demandMW.length); i++) {
      maxDemand = Math.max(maxDemand, d.demandMW[i]);
      const gap = d.demandMW[i] + d.reserveMW - d.availableMW[i];
      if (gap > worst) {
        worst = gap;
        hour = i - from;
      }
    }
    out.push({ pct: (100 * worst) / maxDemand, hour });
  }
  return out;
}
