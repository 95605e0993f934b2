/**
 * A generated grid (heat wave, seed 7: the city, or the province with its 200,000 customers)
 * with its forecast and a day's least-cost plan made from it in the pool given, as the execution
 * and re-plan benchmarks start from; the plan as JSON would carry it (what a saved plan file holds).
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { planScenarioInPool } from '../../worker/engine/plan-pool.ts';
import type { EnginePool } from '../../worker/pool.ts';

export async function plannedScenario(pool: EnginePool, scale: 'city' | 'province'): Promise<{ bytes: Uint8Array; forecast: ScenarioForecast; plan: PlanReport }> {
  const file = generateScenarioFile({ scale, story: 'heat-wave', seed: 7 });
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  const forecast = await forecastScenarioInPool(pool, scale, bytes.slice());
  if (!forecast.ok) throw new Error(`${scale}: forecast failed`);
  const planned = await planScenarioInPool(pool, scale, bytes, { horizonDays: 1, samples: 300, forecast: forecast.forecast });
  if (!planned.ok) throw new Error(`${scale}: plan failed`);
  return { bytes, forecast: forecast.forecast, plan: JSON.parse(JSON.stringify(planned.report)) as PlanReport };
}

export const plannedCity = (pool: EnginePool) => plannedScenario(pool, 'city');

export const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
