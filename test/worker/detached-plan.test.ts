import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planCsv } from '../../core/plan/csv.ts';
import { decodeLists } from '../../core/plan/plan-columns.ts';
import { joinReport, splitReport } from '../../core/plan/report-parts.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { planDetachedInPool, planScenarioInPool } from '../../worker/engine/plan-pool.ts';
import { playoutInPool } from '../../worker/engine/playout-pool.ts';
import { HeldScenario } from '../../worker/held-scenario.ts';
import type { EngineApi } from '../../worker/api.ts';
import { repoRoot } from '../support/data-dir.ts';

const name = 'heat-wave.json';
const bytes = new Uint8Array(readFileSync(join(repoRoot, 'scenarios', name)));

describe('a plan kept as the page keeps it (headline, lists apart)', () => {
  const pool = nodeEnginePool(2);
  afterAll(() => pool.close());

  it('is the whole report again when its headline and lists are joined', async () => {
    const forecast = await forecastScenarioInPool(pool, name, bytes);
    if (!forecast.ok) throw new Error('no forecast');
    const whole = await planScenarioInPool(pool, name, bytes, { forecast: forecast.forecast, samples: 300 });
    const held = new HeldScenario(name, new Blob([bytes]));
    const detached = await planDetachedInPool(pool, name, held, { forecast: forecast.forecast, samples: 300 });
    expect(whole.ok && detached.ok).toBe(true);
    if (!whole.ok || !detached.ok) return;
    const { headline, lists } = detached.plan;
    expect(headline).not.toHaveProperty('customers');
    expect(headline.listed.customers).toBe(whole.report.customers.length);
    expect(headline.listed.customers).toBeGreaterThan(0);
    // The lists are kept as columns (orderly-plan/2's, their runs packed: orderly-lists/3), and read back as the report's rows.
    const kept = JSON.parse(await lists.text());
    expect(kept.format).toBe('orderly-lists/3');
    const decoded = decodeLists('lists', kept, headline);
    if (!decoded.ok) throw new Error(decoded.problems[0].message);
    const joined = joinReport(headline, decoded.lists);
    // Timings differ from run to run; everything else is the same plan (as its JSON file says it).
    const same = (r: typeof joined) => JSON.parse(JSON.stringify({ ...r, timings: null, verification: { ...r.verification, verifyMs: null } }));
    expect(same(joined)).toEqual(same(whole.report));

    // A play-out of the kept plan has the figures of the whole one's.
    const a = await playoutInPool(pool, name, held, [detached.plan], { futures: 30, seed: 3, forecast: forecast.forecast, replay: 0 });
    const b = await playoutInPool(pool, name, bytes, [whole.report], { futures: 30, seed: 3, forecast: forecast.forecast, replay: 0 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.summaries).toEqual(b.summaries);

    // The customer list written in a worker is the one written from the whole report.
    const csv = await pool.run<Awaited<ReturnType<EngineApi['planCsv']>>>((api) => api.planCsv(name, bytes, forecast.forecast, detached.plan));
    expect(csv.ok).toBe(true);
    if (csv.ok) expect(await csv.csv.text()).toBe(planCsv(whole.report));
  }, 180_000);

  it('refuses lists that are not its own, saying what it expected', () => {
    const report = { customers: [{ id: 'A' }], orders: [{ customer: 'A' }, { customer: 'A' }] } as unknown as Parameters<typeof splitReport>[0];
    const { headline } = splitReport(report);
    expect(() => joinReport(headline, { customers: [], orders: [] })).toThrow(/expected 1 customers and 2 orders, found 0 and 0/);
  });
});
