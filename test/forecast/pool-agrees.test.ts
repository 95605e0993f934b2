/**
 * The forecast the page and every pool-side read-back stand on (the worker pool's, assembled from
 * parts the workers hand back) is the command line's (one thread), figure for figure: point and
 * every quantile of every area. A plan made by one and re-verified against the other is refused
 * when they differ, so any field a part forgets to carry shows up here first.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { forecastScenario, type AreaForecast } from '../../core/forecast/scenario-forecast.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';

const STORIES = ['heat-wave.json', 'unit-trip.json', 'local-limit.json', 'hydro-drought.json', 'coal-wind.json'];

/** An area's figures as plain numbers, for a difference to name the area, the series and the hour. */
function figures(a: AreaForecast): Record<string, number[]> {
  const out: Record<string, number[]> = { point: Array.from(a.point) };
  a.quantiles.forEach((q, k) => (out[`quantile ${k}`] = Array.from(q)));
  return out;
}

describe('the pool forecast', () => {
  const pool = nodeEnginePool(2);
  afterAll(() => pool.close());

  for (const story of STORIES) {
    it(`is the one-thread forecast of ${story}, every area's point and quantiles`, async () => {
      const text = readFileSync(new URL(`../../scenarios/${story}`, import.meta.url), 'utf8');
      const s = loadScenarioText(story, text).scenario!;
      const inProcess = forecastScenario(s);
      const pooled = await forecastScenarioInPool(pool, story, new TextEncoder().encode(text));
      if (!pooled.ok) throw new Error(`${story} refused in the pool: ${JSON.stringify(pooled.problems)}`);
      expect(pooled.forecast.areas.map((a) => a.area)).toEqual(inProcess.areas.map((a) => a.area));
      const theirs = new Map(pooled.forecast.areas.map((a) => [a.area, a]));
      for (const mine of inProcess.areas) {
        expect({ area: mine.area, ...figures(theirs.get(mine.area)!) }).toEqual({ area: mine.area, ...figures(mine) });
      }
      expect(figures(pooled.forecast.system)).toEqual(figures(inProcess.system));
    }, 120_000);
  }
});
