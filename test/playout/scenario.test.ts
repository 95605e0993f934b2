import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/content-hash.ts';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import { playoutContext } from '../../core/playout/context.ts';
import { ordersFromReport, ordersFromSolved } from '../../core/playout/orders.ts';
import { playFutures } from '../../core/playout/simulate.ts';
import { summarisePlayout } from '../../core/playout/summary.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { assessScenario, gapSampler } from '../../core/warning/assess.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { playoutInPool } from '../../worker/engine/playout-pool.ts';
import { repoRoot } from '../support/data-dir.ts';

const file = (name: string) => join(repoRoot, 'scenarios', `${name}.json`);
const load = (name: string) => loadScenarioText(file(name), readFileSync(file(name), 'utf8')).scenario!;
const pool = nodeEnginePool(2);
afterAll(() => pool.close());

describe('play-out of the bundled stories', () => {
  it('gives the same figures for the same seed whatever the number of workers', async () => {
    const s = load('unit-trip');
    const forecast = forecastScenario(s);
    const { report } = planScenario(s, assessScenario(s, forecast, { samples: 200 }), {});
    const bytes = readFileSync(file('unit-trip'));
    // As `orderly plan --out` saves it: with the content hash of the file it was made for.
    report.scenario.sha256 = contentHash(new Uint8Array(bytes));
    const plans = [JSON.parse(JSON.stringify(report))];
    const one = await playoutInPool(pool, 'unit-trip', bytes, plans, { futures: 40, seed: 9, parts: 1, replay: 17 });
    const three = await playoutInPool(pool, 'unit-trip', bytes, plans, { futures: 40, seed: 9, parts: 3, replay: 17 });
    expect(one.ok && three.ok).toBe(true);
    if (!one.ok || !three.ok) return;
    expect(three.summaries).toEqual(one.summaries);
    expect(one.summaries[0].replay!.future).toBe(17);
    expect(one.summaries[0].figures.curtailedMWh.mean).toBeGreaterThan(0);
  }, 120_000);

  it('a plan with no margin reaches the emergency order visibly often; one with a margin, far less', () => {
    const s = load('heat-wave');
    const forecast = forecastScenario(s);
    const sampler = gapSampler(s, forecast, {});
    const playWith = (confidence: number) => {
      const { problem, solved } = planScenario(s, assessScenario(s, forecast, { samples: 300, confidence }), {});
      const ctx = playoutContext(s, problem, sampler);
      return summarisePlayout(`P${confidence * 100}`, 5, problem.hours, playFutures(ctx, ordersFromSolved('plan', solved), 0, 150, { seed: 5 }));
    };
    const lean = playWith(0.5), margin = playWith(0.95);
    expect(lean.emergencyProbability).toBeGreaterThan(0.3);
    expect(margin.emergencyProbability).toBeLessThan(0.1);
    expect(lean.protectedCutProbability).toBeGreaterThan(margin.protectedCutProbability);
    expect(lean.figures.unservedMWh.mean).toBeGreaterThan(margin.figures.unservedMWh.mean);
    // The margin costs: more is curtailed to buy it.
    expect(margin.figures.curtailedMWh.mean).toBeGreaterThan(lean.figures.curtailedMWh.mean);
  }, 120_000);

  it('refuses a saved plan made for another horizon, and says which', () => {
    const s = load('local-limit');
    const forecast = forecastScenario(s);
    const { problem, report } = planScenario(s, assessScenario(s, forecast, { samples: 100 }), {});
    const stale = { ...JSON.parse(JSON.stringify(report)), start: '2024-07-01T00:00+08:00' };
    const r = ordersFromReport('old.json', problem, stale);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/expected a plan for 72 h from 2024-07-29T00:00\+08:00 \(the scenario's horizon\), found 72 h from 2024-07-01T00:00\+08:00/);
  }, 60_000);
});
