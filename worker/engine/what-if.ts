/**
 * The engine's what-if, fast enough to follow a slider: the warnings and the least-cost plan
 * again with supply lost, demand raised by a temperature offset, or another notice, and the
 * verifier on such a plan in whichever worker is free. The scenario's plan tables are kept in
 * this worker between calls (only the gaps change).
 */
import { transfer } from 'comlink';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { buildGaps, buildPlanProblem } from '../../core/plan/build-problem.ts';
import { MEASURE_LIST, type PlanProblem } from '../../core/plan/problem.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan, type PlanToVerify } from '../../core/plan/verify.ts';
import { HEAT_SENSITIVITY_PER_C } from '../../core/playout/context.ts';
import type { Problem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';
import { assessScenario, type Assessment } from '../../core/warning/assess.ts';
import { buildBulletin, type Bulletin } from '../../core/warning/bulletin.ts';
import type { Refusal } from './calls.ts';
import { loadCached, scenarioKey, type ScenarioBytes } from './kept-scenario.ts';
import { bulletinArea } from './warn.ts';

export interface WhatIfOptions {
  /** Supply lost in every hour, MW. */
  lostMW: number;
  /** Temperature above the forecast, °C (demand through the load's sensitivity). */
  tempOffsetC: number;
  /** Notice every customer gets, hours (null: each customer's own). */
  noticeHours?: number | null;
  samples?: number;
  /** Units × hours above which the plan is verified where it is made (default 5,000,000). */
  verifyHereAbove?: number;
}

export type WhatIfOutcome =
  | {
    ok: true; startMs: number; timeZone: string;
    demandMW: Float64Array; p10: Float64Array; p90: Float64Array; supplyMW: Float64Array; expectedLevel: Uint8Array; probabilities: Float64Array[];
    byMeasure: Float64Array[]; residualMW: Float64Array; requiredMW: Float64Array; customers: number; residualMWh: number;
    /** The requirement of each area short of import capacity the plan covers (the system's is requiredMW), MW. */
    localRequired: { area: string; name: string; requiredMW: Float64Array }[];
    peakGapMW: number; computeMs: number;
    /**
     * The what-if's own assessment (every area's gaps, the energy days) and its bulletin, so the
     * page can say what it would warn beside what was warned — never in its place unlabelled.
     */
    assessment: Assessment; bulletin: Bulletin;
    /** The plan for a verifier in another worker; null when it was too large and was verified here. */
    toVerify: WhatIfPlan | null;
    /** The verifier's answer, when it ran here. */
    verified?: boolean;
  }
  | Refusal;

/** A slider position's warnings without its plan (whatIfOutlook). */
export type WhatIfOutlookOutcome =
  | {
    ok: true; startMs: number; timeZone: string; p10: Float64Array; p90: Float64Array; peakGapMW: number; computeMs: number;
    assessment: Assessment; bulletin: Bulletin;
  }
  | Refusal;

/** A what-if plan as the verifier needs it: the gaps it was made for and its numbers. */
export interface WhatIfPlan {
  gaps: PlanProblem['constraints'];
  energyDays: PlanProblem['energyDays'];
  plan: PlanToVerify;
}

/** Units × hours above which a what-if plan is verified where it is made, not sent to another worker. */
const WHATIF_HANDOVER_CELLS = 5_000_000;

/** The what-if session of this worker: the scenario and its plan tables per notice. */
let session: { key: string; scenario: Scenario; problems: Map<string, PlanProblem> } | null = null;

/**
 * The plan tables a what-if (or its verification) works on: the customers, units and feeders of
 * the scenario for a notice, built once per scenario and notice in this worker; each what-if only
 * swaps the gaps in.
 */
function whatIfTables(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, notice: number | null): { ok: true; scenario: Scenario; base: PlanProblem } | { ok: false; problems: Problem[] } {
  const key = scenarioKey(name, bytes);
  if (session?.key !== key) {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems };
    session = { key, scenario: loaded.scenario, problems: new Map() };
  }
  const cache = session;
  let base = cache.problems.get(String(notice));
  if (!base) {
    const assessment = assessScenario(cache.scenario, forecast, { samples: 20 });
    base = buildPlanProblem(cache.scenario, assessment, notice === null ? {} : { noticeHours: notice });
    cache.problems.set(String(notice), base);
  }
  return { ok: true, scenario: cache.scenario, base };
}

/**
 * A slider position's warnings: its assessment (seeded: the same position gives the same figures in
 * any worker, so the plan made for it in another call covers the gaps the outlook showed), its
 * bulletin and the demand band raised by the temperature offset.
 */
function whatIfWarnings(s: Scenario, forecast: ScenarioForecast, options: WhatIfOptions) {
  const demandFactor = 1 + HEAT_SENSITIVITY_PER_C * options.tempOffsetC;
  const assessment = assessScenario(s, forecast, { samples: options.samples ?? 200, lostMW: options.lostMW, demandFactor });
  const offset = Math.round((assessment.startMs - forecast.startMs) / HOUR_MS);
  const q = (level: number) => Float64Array.from(forecast.system.quantiles[forecast.levels.indexOf(level)].subarray(offset, offset + assessment.hours), (v) => v * demandFactor);
  return { assessment, p10: q(0.1), p90: q(0.9) };
}

export const whatIfEngine = {
  /**
   * The warnings alone of one slider position (no plan): what the outlook and the situation bar
   * draw, back in tens of ms while the plan for the same position is made in another call.
   */
  whatIfOutlook(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: WhatIfOptions): WhatIfOutlookOutcome {
    const started = performance.now();
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.problems.length };
    const { assessment, p10, p90 } = whatIfWarnings(loaded.scenario, forecast, options);
    return {
      ok: true, startMs: assessment.startMs, timeZone: assessment.timeZone, p10, p90,
      peakGapMW: Math.max(0, ...assessment.system.gapAtConfidence), computeMs: performance.now() - started,
      assessment, bulletin: buildBulletin(assessment, bulletinArea(loaded.scenario), null),
    };
  },

  /** The warnings and the least-cost plan of one slider position. */
  whatIf(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: WhatIfOptions): WhatIfOutcome {
    const started = performance.now();
    const tables = whatIfTables(name, bytes, forecast, options.noticeHours ?? null);
    if (!tables.ok) return { ok: false, problems: tables.problems, total: tables.problems.length };
    const { scenario: s, base } = tables;
    const { assessment, p10, p90 } = whatIfWarnings(s, forecast, options);
    // The same customers and units; the gaps of this what-if.
    const fresh = buildGaps(s, assessment);
    const problem: PlanProblem = { ...base, constraints: fresh.constraints, energyDays: fresh.energyDays };
    const plan = solvePlan(problem, { strategy: 'cost' });
    // MW per measure and hour: one pass over the units (each unit into its measure's row).
    const byMeasure = MEASURE_LIST.map(() => new Float64Array(problem.hours));
    for (let u = 0; u < problem.units.customer.length; u++) {
      const out = byMeasure[problem.units.measure[u]], row = u * problem.hours;
      for (let h = 0; h < problem.hours; h++) out[h] += plan.x[row + h];
    }
    const feeders = new Float64Array(problem.hours);
    for (let f = 0; f < problem.feeders.id.length; f++) for (let h = 0; h < problem.hours; h++) feeders[h] += plan.feederMW[f * problem.hours + h];
    byMeasure[4] = feeders;
    const customers = new Set<number>();
    for (let u = 0; u < problem.units.customer.length; u++) for (let h = 0; h < problem.hours; h++) if (plan.x[u * problem.hours + h] > 0) { customers.add(problem.units.customer[u]); break; }
    // The plan goes back whole, so that another worker can verify it while this one's answer is
    // drawn; a plan too large to send about (a province week: units × hours of tens of millions,
    // hundreds of MB) is verified here instead, before the answer goes.
    const cells = problem.units.customer.length * problem.hours;
    const toVerify: WhatIfPlan | null = cells > (options.verifyHereAbove ?? WHATIF_HANDOVER_CELLS) ? null : {
      gaps: problem.constraints.map((k) => ({ area: k.area, name: k.name, scope: k.scope, gapMW: k.gapMW })), energyDays: problem.energyDays,
      plan: { strategy: 'cost', x: plan.x, xEnergy: plan.xEnergy, xHold: plan.xHold, allowed: plan.allowed, payback: plan.payback, feederOpen: plan.feederOpen, feederMW: plan.feederMW, requiredMW: plan.requiredMW, coveredMW: plan.coveredMW, residualMW: plan.residualMW, fairShare: null, rotation: plan.rotation },
    };
    const verified = toVerify ? undefined : verifyPlan(problem, plan).ok;
    const result = {
      ok: true as const, startMs: assessment.startMs, timeZone: assessment.timeZone,
      demandMW: assessment.system.demandMW, p10, p90, supplyMW: assessment.system.supplyMW,
      expectedLevel: assessment.system.expectedLevel, probabilities: assessment.system.probabilities,
      byMeasure, residualMW: plan.residualMW[0], requiredMW: plan.requiredMW[0],
      localRequired: problem.constraints.slice(1).map((k, i) => ({ area: problem.areaIds[k.area], name: k.name, requiredMW: plan.requiredMW[i + 1] })),
      customers: customers.size, residualMWh: plan.residualMW.reduce((t, r) => t + r.reduce((a, b) => a + b, 0), 0),
      peakGapMW: Math.max(0, ...assessment.system.gapAtConfidence), computeMs: performance.now() - started, toVerify,
      assessment, bulletin: buildBulletin(assessment, bulletinArea(s), null),
      ...(verified !== undefined ? { verified } : {}),
    };
    return toVerify ? transfer(result, [plan.x.buffer, plan.payback.buffer] as ArrayBuffer[]) : result;
  },

  /** The independent verifier on a what-if plan (in whichever worker is free). */
  whatIfVerify(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: WhatIfOptions, what: WhatIfPlan): { ok: boolean; counts: Record<string, number>; verifyMs: number; problems?: Problem[] } {
    const tables = whatIfTables(name, bytes, forecast, options.noticeHours ?? null);
    if (!tables.ok) return { ok: false, counts: {}, verifyMs: 0, problems: tables.problems };
    const problem: PlanProblem = { ...tables.base, constraints: what.gaps, energyDays: what.energyDays };
    const v = verifyPlan(problem, what.plan);
    return { ok: v.ok, counts: v.counts as Record<string, number>, verifyMs: v.verifyMs };
  },
};
