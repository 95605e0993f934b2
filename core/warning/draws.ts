/**
 * One sampled future of the supply side and of the weather-driven part of demand, shared by the
 * system and every area in a sample (weather is one for all; a unit out is out for everyone).
 *  - units: forced outages as a two-state process by day (out with the unit's forced-outage rate
 *    on average, three days to repair), so outages persist as they do;
 *  - wind and solar: a factor per day, common to all farms of a type (σ 30 % wind, 15 % solar);
 *  - imports: lost for a day with their loss probability;
 *  - demand: a standard normal per hour, AR(1) through the day (errors persist), common to all
 *    areas, which add their own smaller part.
 */
import type { Rng } from '../random/rng.ts';
import type { SupplyTable } from './supply.ts';

export interface SampleDraws {
  /** unitFactor[u][d]: share of the unit's expected output available on day d (0 or 1, or the renewable factor). */
  unitFactor: Float64Array[];
  /** importUp[i][d]: 1 when import i flows on day d, 0 when lost. */
  importUp: Uint8Array[];
  /** Common demand shock per hour (standard normal). */
  demandZ: Float64Array;
}

const REPAIR_DAYS = 3;

export function drawSample(table: SupplyTable, days: number, rng: Rng): SampleDraws {
  const wind = new Float64Array(days), solar = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    wind[d] = Math.max(0, Math.exp(0.3 * rng.normal() - 0.045));
    solar[d] = Math.max(0, Math.min(1.3, 1 + 0.15 * rng.normal()));
  }
  const unitFactor = table.units.map((_, u) => {
    const f = new Float64Array(days);
    const type = table.unitTypes[u];
    if (type === 'wind' || type === 'solar') {
      f.set(type === 'wind' ? wind : solar);
      return f;
    }
    const rate = table.forcedOutageRates[u];
    const repair = 1 / REPAIR_DAYS;
    const fail = rate >= 1 ? 1 : (rate * repair) / (1 - rate);
    let out = rng.chance(rate);
    for (let d = 0; d < days; d++) {
      if (d > 0) out = out ? !rng.chance(repair) : rng.chance(fail);
      f[d] = out ? 0 : 1;
    }
    return f;
  });
  const importUp = table.imports.map((_, i) => {
    const up = new Uint8Array(days);
    for (let d = 0; d < days; d++) up[d] = rng.chance(table.lossProbabilities[i]) ? 0 : 1;
    return up;
  });
  const demandZ = new Float64Array(table.hours);
  const phi = 0.95;
  let z = rng.normal();
  for (let h = 0; h < table.hours; h++) {
    demandZ[h] = z;
    z = phi * z + Math.sqrt(1 - phi * phi) * rng.normal();
  }
  return { unitFactor, importUp, demandZ };
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}

/**
 * The value at probability u of a distribution known by its quantiles at `levels` (increasing):
 * linear between levels, and beyond the outer levels along the slope of the outermost segment.
 */
export function fromQuantiles(levels: number[], values: ArrayLike<number>[], h: number, u: number): number {
  const n = levels.length;
  let k = 1;
  while (k < n - 1 && u > levels[k]) k++;
  const l0 = levels[k - 1], l1 = levels[k];
  const v0 = values[k - 1][h], v1 = values[k][h];
  return v0 + ((v1 - v0) * (u - l0)) / (l1 - l0);
}
