/**
 * Plans through the engine pool: the forecast shared over the workers, then the assessment and
 * the plan in one worker. Used by `orderly plan`, the page and the benchmarks.
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { forecastScenarioInPool } from './forecast-pool.ts';
import type { EnginePool } from '../pool.ts';
import { withScenario, type ScenarioData } from '../held-scenario.ts';
import type { Remote } from 'comlink';
import type { EngineApi } from '../api.ts';
import type { ScenarioBytes } from './kept-scenario.ts';
import type { DetachedPlanOutcome, PlanOutcome, PlanTaskOptions } from './plan.ts';

type PlanPoolOptions = PlanTaskOptions & { forecast?: ScenarioForecast; onProgress?: (fraction: number, phase: string) => void; signal?: AbortSignal };
type Timed<T> = T & { forecastMs?: number; planMs?: number };

/** The whole report (the command line, tests, benchmarks). */
export function planScenarioInPool(pool: EnginePool, name: string, bytes: ScenarioData, options: PlanPoolOptions = {}): Promise<Timed<PlanOutcome>> {
  return planWith<PlanOutcome>(pool, name, bytes, options, (api, b, forecast, task) => api.plan(name, b, forecast, task));
}

/**
 * The plan as the page keeps it: the headline, with the per-customer lists in a Blob (a province
 * plan's lists are hundreds of MB; copying them to the page would freeze it).
 */
export function planDetachedInPool(pool: EnginePool, name: string, bytes: ScenarioData, options: PlanPoolOptions = {}): Promise<Timed<DetachedPlanOutcome>> {
  return planWith<DetachedPlanOutcome>(pool, name, bytes, options, (api, b, forecast, task) => api.planDetached(name, b, forecast, task));
}

/** The forecast (unless given), then the plan made by `call` in one worker, timed. */
async function planWith<T extends PlanOutcome | DetachedPlanOutcome>(
  pool: EnginePool, name: string, bytes: ScenarioData, options: PlanPoolOptions,
  call: (api: Remote<EngineApi>, b: ScenarioBytes, forecast: ScenarioForecast, task: PlanTaskOptions) => Promise<unknown>,
): Promise<Timed<T>> {
  const { onProgress, signal, forecast: given, ...task } = options;
  const started = Date.now();
  const forecast = given ? { ok: true as const, forecast: given } : await forecastScenarioInPool(pool, name, bytes, {
    ...(onProgress ? { onProgress: (f: number) => onProgress(0.8 * f, 'forecast') } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!forecast.ok) return forecast as T;
  const forecastMs = Date.now() - started;
  const result = await pool.run((api) => withScenario(api, bytes, (b) => call(api, b, forecast.forecast, task) as Promise<T>), signal ? { signal } : {});
  onProgress?.(1, 'planned');
  return { ...result, forecastMs, planMs: Date.now() - started - forecastMs };
}
