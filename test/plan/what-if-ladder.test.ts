/**
 * What-if positions on the heat wave where the least-cost plan used to break the ladder: a feeder
 * held open one more hour (the hour was short when it closed, so its snap-back was moved on) stayed
 * open after later hours gave the measures room to cover without it, and the verifier said so
 * ("feeder F0034 opened at hour 135 … could cover without it"). The page showed such a plan as
 * FAILED verification.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastScenario, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { buildGaps, buildPlanProblem } from '../../core/plan/build-problem.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';

let scenario: Scenario, forecast: ScenarioForecast, base: PlanProblem;
beforeAll(() => {
  scenario = loadScenarioValue(JSON.parse(readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8'))).scenario!;
  forecast = forecastScenario(scenario);
  // As the what-if builds it: the tables once, each position's gaps swapped in.
  base = buildPlanProblem(scenario, assessScenario(scenario, forecast, { samples: 20 }));
}, 120_000);

describe('the least-cost plan of a what-if', () => {
  it.each([338, 342])('keeps the ladder with %i MW of supply lost: no feeder left open where the measures can cover without it', (lostMW) => {
    const gaps = buildGaps(scenario, assessScenario(scenario, forecast, { samples: 100, lostMW }));
    const problem = { ...base, constraints: gaps.constraints, energyDays: gaps.energyDays };
    const plan = solvePlan(problem, { strategy: 'cost' });
    const v = verifyPlan(problem, plan);
    expect(v.violations.map((x) => `${x.check}: ${x.message}`)).toEqual([]);
    // Short all the same: a position the plan cannot wholly cover.
    expect(plan.residualMW[0].reduce((t, r) => t + r, 0)).toBeGreaterThan(1000);
  }, 60_000);
});
