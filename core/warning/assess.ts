/**
 * The supply-gap assessment: for the system and every area whose import limit binds, the gap
 * (demand + reserve − available supply) hour by hour over the horizon as a distribution drawn from
 * the load forecast's quantiles and the supply's uncertainties with a seed, the warning level per
 * hour (expected, at a confidence, and the probability of each level), the periods dispatchers
 * announce, and the energy gap where supply has energy budgets.
 */
import { createRng, type Rng } from '../random/rng.ts';
import type { ScenarioForecast } from '../forecast/scenario-forecast.ts';
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS, parseTimestamp } from '../time/timestamp.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';
import { drawSample, fromQuantiles, normalCdf, type SampleDraws } from './draws.ts';
import { levelIndex, LEVELS, type LevelPolicy } from './levels.ts';
import { periodsOf, type PeriodSummary } from './periods.ts';
import { energyGaps, type EnergyDay } from './energy.ts';
import { subtrees, supplyTable, type SupplyTable } from './supply.ts';
import { assertFiniteArray } from '../finite.ts';
import type { DataNote } from '../notes.ts';
import { DataError } from '../data-error.ts';

export interface AssessOptions {
  samples?: number;
  seed?: number;
  /** The confidence of the "level at confidence" (the gap not exceeded with this probability). */
  confidence?: number;
  /** When the assessment is issued (default: the scenario's issuedAt). */
  issuedAtMs?: number;
  /** Period boundaries, local hours (default 0, 5, 9, 15, 22, 24 as Liaoning announced in 2021). */
  periods?: number[];
  /** Longest horizon assessed, days (default 14: warnings beyond two weeks are guesses). */
  horizonDays?: number;
  /** What-if: supply lost in every hour, MW (the system's, and any area's where it sits inside). */
  lostMW?: number;
  /** What-if: demand scaled by this factor (a temperature offset through the load's sensitivity). */
  demandFactor?: number;
}

export const DEFAULT_PERIODS = [0, 5, 9, 15, 22, 24];

export interface GapAssessment {
  area: string;
  name: string;
  /** The system (root area), or an area short of import capacity. */
  scope: 'system' | 'local';
  /** Median forecast demand, MW. */
  demandMW: Float64Array;
  /** Expected available supply (system: units and imports less the reserve requirement; local: inside supply plus the import limit), MW. */
  supplyMW: Float64Array;
  gapMean: Float64Array;
  gapAtConfidence: Float64Array;
  /** probabilities[k][h]: probability of level LEVELS[k] at hour h (sums to 1 over k). */
  probabilities: Float64Array[];
  expectedLevel: Uint8Array;
  levelAtConfidence: Uint8Array;
  /** Share (%) of each hour's gap in the maximum demand of its period. */
  gapPctMean: Float64Array;
  periods: PeriodSummary[];
}

export interface Assessment {
  issuedAtMs: number;
  startMs: number;
  hours: number;
  timeZone: string;
  confidence: number;
  samples: number;
  seed: number;
  policy: LevelPolicy;
  periods: number[];
  system: GapAssessment;
  local: GapAssessment[];
  energy: EnergyDay[];
  /** What the forecast behind it could only do in a degraded form (forecast/sufficiency.ts): shown with every warning. */
  notes: DataNote[];
  /** Milliseconds the sampling took (for benchmarks). */
  computeMs: number;
}

export interface GapTarget {
  area: string;
  name: string;
  scope: 'system' | 'local';
  quantiles: Float64Array[]; // demand quantiles over the horizon
  units: number[];
  imports: number[];
  importLimit: Float64Array | null;
  reserve: boolean;
}

export function assessScenario(s: Scenario, forecast: ScenarioForecast, options: AssessOptions = {}): Assessment {
  const started = Date.now();
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.9;
  const periods = options.periods ?? DEFAULT_PERIODS;
  const sampler = gapSampler(s, forecast, options);
  const { fromMs, hours, table, targets, localHour, dayIndex, days, offset, levels } = sampler;
  const zone = resolveZone(s.timeZone)!;
  const policy: LevelPolicy = s.policy.warning;

  // Sample the futures: every target sees the same draws in a sample.
  const gaps = targets.map(() => new Float64Array(samples * hours));
  const rng = createRng(`warning:${seed}`);
  const out = targets.map(() => new Float64Array(hours));
  const energyDraws: SampleDraws[] = [];
  for (let k = 0; k < samples; k++) {
    const draws = sampler.sample(rng.fork(k), out);
    energyDraws.push(draws);
    targets.forEach((_, j) => gaps[j].set(out[j], k * hours));
  }

  const median = levels.indexOf(0.5);
  const assessments = targets.map((t, j) => summarise(t, gaps[j], samples, hours, confidence, policy, median, table, localHour, dayIndex, periods, fromMs));
  const energy = energyGaps(s, table, forecast.system, offset, levels, dayIndex, days, energyDraws, policy, fromMs, zone);
  const assessment: Assessment = {
    issuedAtMs: sampler.issuedAtMs, startMs: fromMs, hours, timeZone: s.timeZone, confidence, samples, seed, policy, periods,
    system: assessments[0], local: assessments.slice(1), energy, notes: forecast.notes ?? [], computeMs: Date.now() - started,
  };
  checkAssessment(assessment);
  return assessment;
}

/**
 * The futures of the gap: for the system and every area whose import limit can bind, one draw of
 * demand (from the forecast quantiles, a shock shared by all areas plus each area's own) and of
 * supply (forced outages, renewables, imports) gives the gap per hour. The assessment samples it;
 * the play-out draws its futures from it too, so both see the same uncertainty.
 */
export interface GapSampler {
  issuedAtMs: number;
  fromMs: number;
  hours: number;
  /** Offset of the first horizon hour in the forecast. */
  offset: number;
  days: number;
  localHour: Uint8Array;
  dayIndex: Int32Array;
  levels: number[];
  table: SupplyTable;
  targets: GapTarget[];
  /** One future: the gap per target per hour into `out` (one array per target); returns the supply draws. */
  sample(rng: Rng, out: Float64Array[], system?: { demandMW: Float64Array; supplyMW: Float64Array }): SampleDraws;
}

export function gapSampler(s: Scenario, forecast: ScenarioForecast, options: Pick<AssessOptions, 'issuedAtMs' | 'horizonDays' | 'lostMW' | 'demandFactor'> = {}): GapSampler {
  const zone = resolveZone(s.timeZone)!;
  const studyStart = parseTimestamp(s.study.start)!.ms;
  const issuedAtMs = options.issuedAtMs ?? parseTimestamp(s.study.issuedAt)!.ms;
  // The horizon: from the first whole hour after issue (or the study start) to the study's end.
  const fromMs = Math.max(studyStart, Math.ceil(issuedAtMs / HOUR_MS) * HOUR_MS);
  const offset = Math.round((fromMs - forecast.startMs) / HOUR_MS);
  const hours = Math.min(Math.max(0, forecast.hours - offset), 24 * (options.horizonDays ?? 14));
  if (hours === 0) {
    throw new DataError([{ path: 'issued at', message: `expected an issue time before the end of the study window (${formatInZone(forecast.startMs + forecast.hours * HOUR_MS, zone)}), found ${formatInZone(issuedAtMs, zone)}: nothing is left to assess` }]);
  }
  const table = supplyTable(s, fromMs, hours);
  const levels = forecast.levels;
  const factor = options.demandFactor ?? 1, lost = options.lostMW ?? 0;
  // The horizon's demand quantiles: scaled by a what-if's factor, and measured against the hour's
  // highest point where the history knows it (peakFactor: forecast/peak-ratio.ts).
  const slice = (q: Float64Array[], peak?: Float64Array) => q.map((x) => (factor === 1 && !peak ? x.subarray(offset) : Float64Array.from(x.subarray(offset), (v, h) => v * factor * (peak ? peak[offset + h] : 1))));

  // Local time of each horizon hour, and its day index (for daily draws and periods).
  const localHour = new Uint8Array(hours), dayIndex = new Int32Array(hours);
  const firstDay = Math.floor((fromMs + zone.offsetAt(fromMs) * 60_000) / 86_400_000);
  for (let h = 0; h < hours; h++) {
    const ms = fromMs + h * HOUR_MS;
    const local = ms + zone.offsetAt(ms) * 60_000;
    const day = Math.floor(local / 86_400_000);
    dayIndex[h] = day - firstDay;
    localHour[h] = Math.floor((local - day * 86_400_000) / HOUR_MS);
  }
  const days = dayIndex[hours - 1] + 1;

  // Which supply sits inside which area; which areas have an import limit that can bind.
  const tree = subtrees(s.areas);
  const root = s.areas.find((a) => a.parent === null)!;
  const forecastOf = new Map(forecast.areas.map((a) => [a.area, a]));
  const targets: GapTarget[] = [{
    area: root.id, name: root.name, scope: 'system', quantiles: slice(forecast.system.quantiles, forecast.system.peakFactor),
    units: table.units.map((_, u) => u), imports: table.imports.map((_, i) => i), importLimit: null, reserve: true,
  }];
  // A what-if loss of supply is taken off the system's supply (as a reserve it cannot use).
  if (lost) table.reserveMW = Float64Array.from(table.reserveMW, (r) => r + lost);
  const p95 = levels.indexOf(0.95) >= 0 ? levels.indexOf(0.95) : levels.length - 1;
  for (const a of s.areas) {
    if (a.parent === null || (a.importLimitMW === undefined && !a.importLimit)) continue;
    const f = forecastOf.get(a.id);
    if (!f) continue;
    const inside = tree.get(a.id)!;
    const units = table.unitAreas.flatMap((area, u) => (inside.has(area) ? [u] : []));
    const imports = table.importAreas.flatMap((area, i) => (inside.has(area) ? [i] : []));
    const limit = Float64Array.from({ length: hours }, (_, h) => {
      if (a.importLimit) {
        const i = Math.round((fromMs + h * HOUR_MS - a.importLimit.startMs) / HOUR_MS);
        return a.importLimit.values[i] ?? Infinity;
      }
      return a.importLimitMW!;
    });
    // Screen: an area whose limit plus inside supply covers even its P95 demand every hour cannot bind.
    const q = slice(f.quantiles, f.peakFactor);
    let binds = false;
    for (let h = 0; h < hours && !binds; h++) {
      let supply = limit[h];
      for (const u of units) supply += table.units[u][h];
      for (const i of imports) supply += table.imports[i][h];
      if (q[p95][h] > supply) binds = true;
    }
    if (binds) targets.push({ area: a.id, name: a.name, scope: 'local', quantiles: q, units, imports, importLimit: limit, reserve: false });
  }

  const own = targets.map(() => new Float64Array(hours)), supplyScratch = targets.map(() => new Float64Array(hours));
  const sample = (r: Rng, out: Float64Array[], system?: { demandMW: Float64Array; supplyMW: Float64Array }): SampleDraws => {
    const draws = drawSample(table, days, r);
    targets.forEach((t, j) => {
      // Each area adds its own weather noise to the common shock (correlation 0.8 with the system).
      const noise = own[j];
      if (t.scope === 'local') {
        let z = r.normal();
        for (let h = 0; h < hours; h++) {
          noise[h] = 0.8 * draws.demandZ[h] + 0.6 * z;
          z = 0.95 * z + 0.3122 * r.normal();
        }
      }
      const gaps = out[j];
      // The hour's supply, unit after unit along the hours (each unit's row read in one pass; the
      // same sums in the same order as hour after hour).
      const supplyAt = supplyScratch[j];
      if (t.importLimit) supplyAt.set(t.importLimit); else supplyAt.fill(0);
      for (const uIdx of t.units) { const row = table.units[uIdx], f = draws.unitFactor[uIdx]; for (let h = 0; h < hours; h++) supplyAt[h] += row[h] * f[dayIndex[h]]; }
      for (const i of t.imports) { const row = table.imports[i], f = draws.importUp[i]; for (let h = 0; h < hours; h++) supplyAt[h] += row[h] * f[dayIndex[h]]; }
      for (let h = 0; h < hours; h++) {
        const u = normalCdf(t.scope === 'system' ? draws.demandZ[h] : noise[h]);
        const demand = fromQuantiles(levels, t.quantiles, h, u);
        const supply = supplyAt[h];
        gaps[h] = demand + (t.reserve ? table.reserveMW[h] : 0) - supply;
        if (system && j === 0) { system.demandMW[h] = demand; system.supplyMW[h] = supply - table.reserveMW[h]; }
      }
    });
    return draws;
  };
  return { issuedAtMs, fromMs, hours, offset, days, localHour, dayIndex, levels, table, targets, sample };
}

function summarise(
  t: GapTarget, gaps: Float64Array, samples: number, hours: number, confidence: number, policy: LevelPolicy, median: number,
  table: SupplyTable, localHour: Uint8Array, dayIndex: Int32Array, periods: number[], fromMs: number,
): GapAssessment {
  const demand = Float64Array.from(t.quantiles[median]);
  const supply = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    let s = t.importLimit ? t.importLimit[h] : 0;
    for (const u of t.units) s += table.units[u][h];
    for (const i of t.imports) s += table.imports[i][h];
    supply[h] = s - (t.reserve ? table.reserveMW[h] : 0);
  }
  // The share of each hour's gap is of the maximum demand of its period that day.
  const periodMax = new Float64Array(hours);
  const periodOf = (h: number) => {
    let p = 0;
    while (p < periods.length - 2 && localHour[h] >= periods[p + 1]) p++;
    return dayIndex[h] * (periods.length - 1) + p;
  };
  const maxBy = new Map<number, number>();
  for (let h = 0; h < hours; h++) maxBy.set(periodOf(h), Math.max(maxBy.get(periodOf(h)) ?? 0, demand[h]));
  for (let h = 0; h < hours; h++) periodMax[h] = maxBy.get(periodOf(h))!;

  const gapMean = new Float64Array(hours), gapAtConfidence = new Float64Array(hours), gapPctMean = new Float64Array(hours);
  const probabilities = LEVELS.map(() => new Float64Array(hours));
  const expectedLevel = new Uint8Array(hours), levelAtConfidence = new Uint8Array(hours);
  const column = new Float64Array(samples);
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    for (let k = 0; k < samples; k++) {
      const g = gaps[k * hours + h];
      column[k] = g;
      sum += g;
      probabilities[levelIndex((100 * g) / periodMax[h], policy)][h] += 1; // counted, divided below
    }
    for (const p of probabilities) p[h] /= samples;
    column.sort();
    gapMean[h] = sum / samples;
    gapAtConfidence[h] = column[Math.min(samples - 1, Math.floor(confidence * samples))];
    gapPctMean[h] = (100 * gapMean[h]) / periodMax[h];
    expectedLevel[h] = levelIndex(gapPctMean[h], policy);
    levelAtConfidence[h] = levelIndex((100 * gapAtConfidence[h]) / periodMax[h], policy);
  }
  return {
    area: t.area, name: t.name, scope: t.scope, demandMW: demand, supplyMW: supply, gapMean, gapAtConfidence, probabilities,
    expectedLevel, levelAtConfidence, gapPctMean,
    periods: periodsOf({ gapMean, gapAtConfidence, expectedLevel, levelAtConfidence, periodMax, probabilities }, localHour, dayIndex, periods, fromMs),
  };
}

/** The assessment's numbers are finite, or the stage stops with the place (core/finite.ts). */
function checkAssessment(a: Assessment): void {
  for (const g of [a.system, ...a.local]) {
    for (const [name, values] of [['demandMW', g.demandMW], ['supplyMW', g.supplyMW], ['gapMean', g.gapMean], ['gapAtConfidence', g.gapAtConfidence], ['gapPctMean', g.gapPctMean]] as const) {
      assertFiniteArray('assessment', `${g.area}.${name}`, values);
    }
    g.probabilities.forEach((p, k) => assertFiniteArray('assessment', `${g.area}.probabilities[${k}]`, p));
    for (const p of g.periods) {
      for (const key of ['peakGapMW', 'peakGapPct', 'peakGapAtConfidenceMW', 'gapMWh'] as const) assertFiniteArray('assessment', `${g.area}.periods.${key}`, [p[key]]);
    }
  }
  for (const e of a.energy) for (const key of ['demandMWh', 'supplyMWh', 'gapMeanMWh', 'gapPct'] as const) assertFiniteArray('assessment', `energy ${e.date}.${key}`, [e[key]]);
}
