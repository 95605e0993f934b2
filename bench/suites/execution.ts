/**
 * Execution speed in an engine worker, on the generated city (heat wave, seed 7) planned for a
 * day from its own forecast, with the meters of its story (96 points a day, every customer ordered
 * that day, every feeder serving protected load, the system):
 *  - the day alone, judged on the hour-before baseline (what the issue times: a city day ≤ 1 s);
 *  - the day and the 20 days before it, judged on the Jiangsu baseline (what a report reads).
 * Each is import (CSV to hourly MW, every check), baselines, compliance, the residents' guarantee
 * and the daily report, timed in the worker after the plan is read back once; the reference is
 * reading the same file's CSV rows alone (core/history/csv.ts), in the same worker and run.
 * Not with --quick: the province (200,000 customers, heat wave, seed 7) planned the same way, its
 * day alone at 15 minutes with every customer metered (~19 million readings; those ordered that
 * day judged), as the city's (the issue's target ≤ 10 s).
 */
import { median, plannedScenario } from './planned-city.ts';
import { executionInPool } from '../../worker/engine/execution-pool.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import type { MeterStoryOutcome } from '../../worker/engine/execution.ts';
import type { BenchRow } from '../report.ts';


export async function executionSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases = [
    ['city', 'the day alone, hour-before baseline', 0, 'hour-before', 1, quick ? 3 : 5, false],
    ['city', 'the day and 20 before, Jiangsu baseline', 20, 'jiangsu', undefined, quick ? 3 : 5, false],
    // The province day: every one of its 200,000 customers metered (~19 million readings), those ordered judged.
    ['province', 'every meter of the day, hour-before baseline', 0, 'hour-before', 10, 3, true],
  ] as const;
  for (const scale of quick ? ['city'] as const : ['city', 'province'] as const) {
    const pool = nodeEnginePool(1);
    try {
      const { bytes, plan, forecast } = await plannedScenario(pool, scale);
      for (const [, label, daysBefore, policy, target, repeats, everyCustomer] of cases.filter((c) => c[0] === scale)) {
        const story = await executionInPool<MeterStoryOutcome>(pool, scale, bytes, plan, { forecast }, (api, b, f, p) => api.meterStory(scale, b, f, p, { seed: 1, interval: 15, daysBefore, everyCustomer }));
        if (!story.ok) throw new Error(`meters failed: ${story.problems[0]?.message}`);
        const meters = { name: 'meters.csv', bytes: story.csv };
        // Timed in a worker of its own, so that its peak memory is the execution's (the scenario,
        // the plan read back and the meters), not the generator's.
        const timer = nodeEnginePool(1);
        let t, peak: number;
        try {
          t = await executionInPool(timer, scale, bytes, plan, { forecast }, (api, b, f, p) => api.executionTiming(scale, b, f, p, meters, { unit: 'kW', policy, repeats }));
          peak = (await timer.run((api) => api.memory())).peakRssMB;
        } finally {
          await timer.close();
        }
        if (!('runsMs' in t) || !t.ok) throw new Error(`execution failed: ${'problems' in t ? JSON.stringify(t.problems) : ''}`);
        const m = median(t.runsMs) / 1000, ref = median(t.csvMs) / 1000;
        console.log(`  execution, ${scale}: ${label}: ${(story.csv.byteLength / 1e6).toFixed(1)} MB, ${t.readings.toLocaleString('en-US')} readings, ${t.customers.toLocaleString('en-US')} customers judged; ${(1000 * m).toFixed(0)} ms (CSV rows alone ${(1000 * ref).toFixed(0)} ms), worker peak ${peak.toFixed(0)} MB`);
        rows.push({
          suite: 'execution', name: `${scale}: ${label}`, medianS: m, rme: 0, samples: t.runsMs.length, reference: `CSV rows alone (${ref.toFixed(2)} s)`, ratio: m / ref,
          mbPerS: story.csv.byteLength / 1e6 / m, peakMB: peak, ...(target !== undefined ? { target } : {}),
        });
      }
    } finally {
      await pool.close();
    }
  }
  return rows;
}
