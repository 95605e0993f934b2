/**
 * Warnings through the engine pool: the forecast shared over the workers, then the assessment and
 * its bulletin in one worker. Used by `orderly warn`, the page and the benchmarks.
 */
import type { AssessOptions } from '../../core/warning/assess.ts';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import type { AssessOutcome } from './warn.ts';
import { forecastScenarioInPool } from './forecast-pool.ts';
import type { EnginePool } from '../pool.ts';
import { withScenario, type ScenarioData } from '../held-scenario.ts';

export async function warnScenarioInPool(
  pool: EnginePool,
  name: string,
  bytes: ScenarioData,
  options: AssessOptions & { previous?: Bulletin | null; forecast?: ScenarioForecast; urgent?: boolean; onProgress?: (fraction: number, phase: string) => void; signal?: AbortSignal } = {},
): Promise<AssessOutcome & { forecastMs?: number; assessMs?: number }> {
  const { onProgress, signal, forecast: given, urgent, ...assess } = options;
  const started = Date.now();
  const forecast = given ? { ok: true as const, forecast: given } : await forecastScenarioInPool(pool, name, bytes, {
    ...(onProgress ? { onProgress: (f: number) => onProgress(0.9 * f, 'forecast') } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!forecast.ok) return forecast;
  const forecastMs = Date.now() - started;
  const result = await pool.run<AssessOutcome>((api) => withScenario(api, bytes, (b) => api.assess(name, b, forecast.forecast, assess)), { ...(signal ? { signal } : {}), ...(urgent ? { urgent } : {}) });
  onProgress?.(1, 'assessed');
  return { ...result, forecastMs, assessMs: Date.now() - started - forecastMs };
}
