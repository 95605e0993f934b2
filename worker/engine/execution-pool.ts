/**
 * Execution through the engine pool: the scenario's forecast shared over the workers (a plan read
 * back is re-verified on the tables rebuilt from it), then the call in one worker. Used by
 * `orderly notices`, `orderly execution …`, `orderly report execution`, and the benchmarks.
 */
import type { Remote } from 'comlink';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import type { EngineApi } from '../api.ts';
import { withScenario, type ScenarioData } from '../held-scenario.ts';
import type { EnginePool } from '../pool.ts';
import { forecastScenarioInPool } from './forecast-pool.ts';
import type { ScenarioBytes } from './kept-scenario.ts';
import type { DetachedPlan } from './plan.ts';

export interface ExecutionPoolOptions { forecast?: ScenarioForecast; signal?: AbortSignal; onProgress?: (fraction: number, phase: string) => void }

export async function executionInPool<T extends { ok: boolean }>(
  pool: EnginePool, name: string, bytes: ScenarioData, plan: PlanReport | DetachedPlan, options: ExecutionPoolOptions,
  call: (api: Remote<EngineApi>, b: ScenarioBytes, forecast: ScenarioForecast, plan: PlanReport | DetachedPlan) => Promise<T>,
): Promise<(T | { ok: false; problems: { path: string; message: string }[]; total: number; code?: 2 | 3 }) & { forecastMs?: number; runMs?: number }> {
  const started = Date.now();
  const forecast = options.forecast ? { ok: true as const, forecast: options.forecast } : await forecastScenarioInPool(pool, name, bytes, {
    ...(options.onProgress ? { onProgress: (f: number) => options.onProgress!(0.8 * f, 'forecast') } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!forecast.ok) return forecast;
  const forecastMs = Date.now() - started;
  const result = await pool.run((api) => withScenario(api, bytes, (b) => call(api, b, forecast.forecast, plan)), options.signal ? { signal: options.signal } : {});
  options.onProgress?.(1, 'done');
  return { ...(result as T), forecastMs, runMs: Date.now() - started - forecastMs };
}
