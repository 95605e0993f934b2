/**
 * Play-outs through the engine pool: the forecast once, then the futures split into contiguous
 * ranges, one per worker; the ranges come back and are put in order, so the figures are the same
 * whatever the number of workers (each future draws from its own stream).
 */
import type { PlanReport } from '../../core/plan/report.ts';
import { mergeChunks, summarisePlayout, type PlayoutSummary } from '../../core/playout/summary.ts';
import type { DetachedPlan } from './plan.ts';
import type { PlayoutOutcome } from './playout.ts';
import { forecastScenarioInPool } from './forecast-pool.ts';
import type { EnginePool } from '../pool.ts';
import { withScenario, type ScenarioData } from '../held-scenario.ts';
import type { Problem } from '../../core/problems.ts';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';

export interface PlayoutPoolOptions {
  futures: number;
  seed: number;
  /** Future whose hours are recorded for the replay (default: none). */
  replay?: number;
  /** What each plan is called in problems (its file, on the command line). */
  names?: string[];
  /** Measured compliance (a file of `orderly report execution --measured-out`, parsed): replaces the assumed 60–100 % for its customers. */
  measured?: { file: string; value: unknown };
  /** Ranges to split the futures into (default: one per worker). */
  parts?: number;
  /** The scenario's forecast, when already made (else it is made first, through the pool). */
  forecast?: ScenarioForecast;
  onProgress?: (fraction: number, phase: string) => void;
  signal?: AbortSignal;
}

export type PlayoutPoolResult =
  | { ok: true; summaries: PlayoutSummary[]; forecastMs: number; playMs: number; /** Per range: ms each worker spent before the futures (reading the plans back and checking them, unless it had checked the same plans for its last play-out), and in all. */ parts: Array<{ setupMs: number; totalMs: number; checkedBefore: boolean }> }
  | { ok: false; problems: Problem[]; total: number; code?: 2 | 3 };

export async function playoutInPool(pool: EnginePool, name: string, bytes: ScenarioData, plans: Array<PlanReport | DetachedPlan>, options: PlayoutPoolOptions): Promise<PlayoutPoolResult> {
  const { futures, seed, onProgress, signal } = options;
  if (!plans.length) return { ok: false, problems: [{ path: 'plans', message: 'expected at least one plan to play out, found none' }], total: 1 };
  const started = Date.now();
  const forecast = options.forecast ? { ok: true as const, forecast: options.forecast } : await forecastScenarioInPool(pool, name, bytes, {
    ...(onProgress ? { onProgress: (f: number) => onProgress(0.3 * f, 'forecast') } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!forecast.ok) return forecast;
  const forecastMs = Date.now() - started;
  const parts = Math.max(1, Math.min(futures, options.parts ?? pool.size));
  const done = new Float64Array(parts);
  const ranges = Array.from({ length: parts }, (_, i) => ({ from: Math.round((i * futures) / parts), to: Math.round(((i + 1) * futures) / parts) }));
  const results = await Promise.all(ranges.map((r, i) => pool.run<PlayoutOutcome>(
    (api, progress) => withScenario(api, bytes, (b) => api.playout(name, b, forecast.forecast, plans, { ...r, seed, ...(options.replay !== undefined ? { replay: options.replay } : {}), ...(options.names ? { names: options.names } : {}), ...(options.measured ? { measured: options.measured } : {}) }, progress)),
    {
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress: (f: number) => { done[i] = f; onProgress(0.3 + (0.7 * done.reduce((a, b) => a + b, 0)) / parts, 'futures'); } } : {}),
    },
  )));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const ok = results as Extract<PlayoutOutcome, { ok: true }>[];
  const summaries = plans.map((given) => ('lists' in given ? given.headline : given)).map((plan, j) => summarisePlayout(
    `${plan.strategy}${plan.level ? ` level ${plan.level}` : ''}`, seed, plan.hours, mergeChunks(ok.map((r) => r.chunks[j])), ok[0].events,
  ));
  return { ok: true, summaries, forecastMs, playMs: Date.now() - started - forecastMs, parts: ok.map((r) => ({ setupMs: r.setupMs, totalMs: r.totalMs, checkedBefore: r.checkedBefore })) };
}
