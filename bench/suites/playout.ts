/**
 * Play-out speed through the engine pool, on generated grids planned from their own forecasts:
 *  - a city day (6,000 curtailable customers, 24 h): 1,000 futures on one worker and on two,
 *    target under 3 s on two, with the speed-up from one to two;
 *  - the province (200,000 curtailable customers, 24 h): 200 futures on two workers, target 20 s.
 * Reference: one worker on the same futures (the speed-up), and the time to plan.
 */
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { planScenarioInPool } from '../../worker/engine/plan-pool.ts';
import { playoutInPool } from '../../worker/engine/playout-pool.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import type { BenchRow } from '../report.ts';
import { measure } from './measure.ts';

async function planned(scale: 'city' | 'province') {
  const file = generateScenarioFile({ scale, story: 'heat-wave', seed: 7 });
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  const pool = nodeEnginePool(2);
  try {
    const forecast = await forecastScenarioInPool(pool, scale, bytes.slice());
    if (!forecast.ok) throw new Error('forecast failed');
    const plan = await planScenarioInPool(pool, scale, bytes, { horizonDays: 1, samples: 300 });
    if (!plan.ok) throw new Error('plan failed');
    return { bytes, forecast: forecast.forecast, report: JSON.parse(JSON.stringify(plan.report)) };
  } finally {
    await pool.close();
  }
}

export async function playoutSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const city = await planned('city');
  const futures = quick ? 300 : 1000;
  const timeOn = async (workers: number, what: typeof city, n: number, samples: number) => {
    const pool = nodeEnginePool(workers);
    try {
      await Promise.all(Array.from({ length: workers }, () => pool.run((api) => api.ping())));
      let last: Awaited<ReturnType<typeof playoutInPool>> | null = null;
      const m = await measure(`play-out ${workers}`, async () => {
        last = await playoutInPool(pool, 'bench', what.bytes, [what.report], { futures: n, seed: 1, forecast: what.forecast });
        if (!last.ok) throw new Error('play-out failed');
      }, { minSamples: samples, maxTime: 1 });
      const peak = Math.max(...(await Promise.all(Array.from({ length: workers }, () => pool.run((api) => api.memory())))).map((x) => x.peakRssMB));
      return { m, peak, last: last! as Awaited<ReturnType<typeof playoutInPool>> };
    } finally {
      await pool.close();
    }
  };
  const one = await timeOn(1, city, futures, quick ? 2 : 3);
  const two = await timeOn(2, city, futures, quick ? 2 : 3);
  if (one.last.ok && two.last.ok) {
    const s = two.last.summaries[0];
    console.log(`  city day: ${futures} futures; P(emergency) ${(100 * s.emergencyProbability).toFixed(1)} %, P(protected cut) ${(100 * s.protectedCutProbability).toFixed(1)} %; ` +
      `same figures on one and two workers: ${JSON.stringify(one.last.summaries) === JSON.stringify(two.last.summaries)}`);
  }
  rows.push(
    { suite: 'play-out', name: `city day, ${futures} futures, 1 worker`, ...one.m, peakMB: one.peak },
    { suite: 'play-out', name: `city day, ${futures} futures, 2 workers`, ...two.m, reference: `1 worker (${one.m.medianS.toFixed(2)} s)`, ratio: two.m.medianS / one.m.medianS, peakMB: two.peak, ...(quick ? {} : { target: 3 }) },
  );
  if (!quick) {
    const province = await planned('province');
    const p = await timeOn(2, province, 200, 1);
    rows.push({ suite: 'play-out', name: 'province day, 200 futures, 2 workers', ...p.m, peakMB: p.peak, target: 20 });
  }
  return rows;
}
