/**
 * Plans through the engine pool: the forecast shared over the workers, then the assessment and
 * the plan in one worker. Used by `orderly plan`, the page and the benchmarks.
 */
import type { PlanOutcome, PlanTaskOptions } from './api.ts';
import type { ScenarioForecast } from '../core/forecast/scenario-forecast.ts';
import { forecastScenarioInPool } from './forecast-pool.ts';
import type { EnginePool } from './pool.ts';

export async function planScenarioInPool(
  pool: EnginePool,
  name: string,
  bytes: Uint8Array,
  options: PlanTaskOptions & { forecast?: ScenarioForecast; onProgress?: (fraction: number, phase: string) => void; signal?: AbortSignal } = {},
): Promise<PlanOutcome & { forecastMs?: number; planMs?: number }> {
  const { onProgress, signal, forecast: given, ...task } = options;
  const started = Date.now();
  const forecast = given ? { ok: true as const, forecast: given } : await forecastScenarioInPool(pool, name, bytes.slice(), {
    ...(onProgress ? { onProgress: (f: number) => onProgress(0.8 * f, 'forecast') } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!forecast.ok) return forecast;
  const forecastMs = Date.now() - started;
  const result = await pool.run<PlanOutcome>((api) => api.plan(name, bytes, forecast.forecast, task), signal ? { signal } : {});
  onProgress?.(1, 'planned');
  return { ...result, forecastMs, planMs: Date.now() - started - forecastMs };
}
