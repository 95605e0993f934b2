/**
 * A scenario forecast shared over the engine pool: one worker reads the scenario and hands out the
 * metered areas' series; every worker fits its share; one worker then adds them up the area tree
 * (off the page's thread: a province's sums took a tenth of a second and more there). The same
 * function serves the page, the command line and the benchmarks.
 */
import { transfer } from 'comlink';
import { byStation, donorOf, leadArea, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { ModelName } from '../../core/forecast/forecast.ts';
import type { Problem } from '../../core/problems.ts';
import type { AreaForecastPart, PreparedForecast } from './forecast.ts';
import type { EnginePool } from '../pool.ts';
import { withScenario, type ScenarioData } from '../held-scenario.ts';

export type PoolForecast =
  | { ok: true; forecast: ScenarioForecast; areas: Array<{ id: string; parent: string | null; name: string; kind: string; position?: { xKm: number; yKm: number } }> }
  | { ok: false; problems: Problem[]; total: number };

export async function forecastScenarioInPool(
  pool: EnginePool,
  name: string,
  bytes: ScenarioData,
  options: { model?: ModelName; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<PoolForecast> {
  const prepared = await pool.run<PreparedForecast>((api) => withScenario(api, bytes, (b) => api.prepareForecast(name, b)), { ...(options.signal ? { signal: options.signal } : {}) });
  if (!prepared.ok) return prepared;
  const { axis, series, fixed, notes, peaks, areas } = prepared;
  // Small batches keep both workers busy to the end and progress flowing.
  // Areas of one station in the same batches, so that they share their design (shared-gram.ts).
  const batchSize = Math.max(1, Math.ceil(series.length / (pool.size * 8)));
  const order = byStation(series);
  const batches: number[][] = [];
  for (let i = 0; i < series.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  let done = 0;
  const parts: AreaForecastPart[] = new Array(series.length);
  // The largest area first: it chooses the recency terms the others share (leadArea).
  const lead = leadArea(series, axis);
  let shared: AreaForecastPart['recency'];
  if (lead >= 0) {
    const [part] = await pool.run<AreaForecastPart[]>((api) => api.forecastAreas(axis, [series[lead]], options.model ?? 'best'), { ...(options.signal ? { signal: options.signal } : {}) });
    parts[lead] = part;
    shared = part.recency;
    done++;
    options.onProgress?.(done / series.length);
  }
  // The lead lends its load and forecast to areas of under a year (pooled.ts); only they read it.
  const donor = lead >= 0 && series.some((x) => x.heldOutHours) ? donorOf(series[lead], parts[lead]) : undefined;
  const rest = batches.map((b) => b.filter((k) => k !== lead)).filter((b) => b.length);
  await Promise.all(rest.map(async (batch) => {
    const result = await pool.run<AreaForecastPart[]>((api) => api.forecastAreas(axis, batch.map((k) => (shared ? { ...series[k], recency: shared } : series[k])), options.model ?? 'best', donor),
      { ...(options.signal ? { signal: options.signal } : {}) });
    batch.forEach((k, j) => (parts[k] = result[j]));
    done += batch.length;
    options.onProgress?.(done / series.length);
  }));
  // The sums up the tree in a worker (not on the page's thread), the arrays moved there, not copied.
  const moved = new Set<ArrayBuffer>();
  for (const x of series) moved.add(x.load.buffer as ArrayBuffer);
  for (const p of parts) for (const a of [p.point, p.heldOut, p.heldOutWeight, p.heldOutYear, ...p.quantiles]) if (a) moved.add(a.buffer as ArrayBuffer);
  const tree = areas.map((a) => ({ id: a.id, parent: a.parent }));
  const summed = await pool.run<{ ok: true; forecast: ScenarioForecast } | { ok: false; problems: Problem[]; total: number }>(
    (api) => api.aggregateForecast(tree, axis, transfer(series, [...moved]), parts, fixed, notes, peaks), { ...(options.signal ? { signal: options.signal } : {}) });
  return summed.ok ? { ok: true, forecast: summed.forecast, areas } : summed;
}
