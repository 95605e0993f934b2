/**
 * Energy-limited shortages (a reservoir, a coal pile: MWh per day, not MW): each day's demand
 * energy against the energy supply can deliver, where units under a budget deliver no more than
 * the budget however much capacity they have. A week can be short of energy with no hour short
 * of capacity (Sichuan, August 2022). The share is of the day's demand energy.
 */
import type { Scenario } from '../scenario/model.ts';
import { formatDate } from '../time/timestamp.ts';
import type { Zone } from '../time/zone.ts';
import { fromQuantiles, normalCdf, type SampleDraws } from './draws.ts';
import { levelIndex, LEVELS, type LevelPolicy } from './levels.ts';
import type { SupplyTable } from './supply.ts';

export interface EnergyDay {
  date: string;
  /** Median demand energy, MWh. */
  demandMWh: number;
  /** Expected energy supply can deliver within its budgets, MWh. */
  supplyMWh: number;
  budgetMWh: number;
  gapMeanMWh: number;
  gapAtConfidenceMWh: number;
  gapPct: number;
  level: number;
  levelAtConfidence: number;
  /** Probability of each level (index into LEVELS). */
  probabilities: number[];
}

export function energyGaps(
  s: Scenario,
  table: SupplyTable,
  system: { quantiles: Float64Array[] },
  offset: number,
  levels: number[],
  dayIndex: Int32Array,
  days: number,
  draws: SampleDraws[],
  policy: LevelPolicy,
  fromMs: number,
  zone: Zone,
  confidence = 0.9,
): EnergyDay[] {
  const budgets = s.supply.energyBudgets ?? [];
  if (!budgets.length) return [];
  const hours = table.hours;
  const q = system.quantiles.map((x) => x.subarray(offset));
  const median = levels.indexOf(0.5);
  const unitIndex = new Map(table.unitIds.map((id, u) => [id, u]));
  const firstDay = Math.floor((fromMs + zone.offsetAt(fromMs) * 60_000) / 86_400_000);
  const dates = Array.from({ length: days }, (_, d) => formatDate(firstDay + d));
  // Budget per day per budget, and which units each covers.
  const budgeted = new Set<number>();
  const budgetOf = budgets.map((b) => {
    const units = b.units.map((id) => unitIndex.get(id)!).filter((u) => u !== undefined);
    units.forEach((u) => budgeted.add(u));
    const byDate = new Map(b.daily.map((x) => [x.date, x.energyMWh]));
    return { units, daily: dates.map((date) => byDate.get(date) ?? Infinity) };
  });

  const dayEnergy = (demandAt: (h: number) => number, factor: (u: number, d: number) => number, up: (i: number, d: number) => number) => {
    const demand = new Float64Array(days), free = new Float64Array(days);
    const budgetUnits = budgetOf.map(() => new Float64Array(days));
    for (let h = 0; h < hours; h++) {
      const d = dayIndex[h];
      demand[d] += demandAt(h);
      for (let u = 0; u < table.units.length; u++) {
        const mwh = table.units[u][h] * factor(u, d);
        if (!budgeted.has(u)) free[d] += mwh;
      }
      for (let i = 0; i < table.imports.length; i++) free[d] += table.imports[i][h] * up(i, d);
      budgetOf.forEach((b, k) => {
        for (const u of b.units) budgetUnits[k][d] += table.units[u][h] * factor(u, d);
      });
    }
    const supply = Float64Array.from(free, (f, d) => f + budgetOf.reduce((acc, b, k) => acc + Math.min(b.daily[d], budgetUnits[k][d]), 0));
    return { demand, supply };
  };

  const expected = dayEnergy((h) => q[median][h], () => 1, () => 1);
  const gapSamples = Array.from({ length: days }, () => new Float64Array(draws.length));
  draws.forEach((draw, k) => {
    const e = dayEnergy((h) => fromQuantiles(levels, q, h, normalCdf(draw.demandZ[h])), (u, d) => draw.unitFactor[u][d], (i, d) => draw.importUp[i][d]);
    for (let d = 0; d < days; d++) gapSamples[d][k] = e.demand[d] - e.supply[d];
  });
  return dates.map((date, d) => {
    const samples = gapSamples[d].sort();
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const atConfidence = samples[Math.min(samples.length - 1, Math.floor(confidence * samples.length))];
    const probabilities = LEVELS.map(() => 0);
    for (const g of samples) probabilities[levelIndex((100 * g) / expected.demand[d], policy)] += 1;
    probabilities.forEach((c, k) => (probabilities[k] = c / samples.length));
    const gapPct = (100 * mean) / expected.demand[d];
    return {
      date,
      demandMWh: expected.demand[d],
      supplyMWh: expected.supply[d],
      budgetMWh: budgetOf.reduce((acc, b) => acc + (Number.isFinite(b.daily[d]) ? b.daily[d] : 0), 0),
      gapMeanMWh: mean,
      gapAtConfidenceMWh: atConfidence,
      gapPct,
      level: levelIndex(gapPct, policy),
      levelAtConfidence: levelIndex((100 * atConfidence) / expected.demand[d], policy),
      probabilities,
    };
  });
}
