import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { planScenarioInPool } from '../../worker/engine/plan-pool.ts';
import { playoutInPool } from '../../worker/engine/playout-pool.ts';
import { contentKey } from '../../worker/engine/kept-plans.ts';
import { repoRoot } from '../support/data-dir.ts';

describe('the content key of plans a worker keeps', () => {
  it('is the same for the same content in other objects, and differs for any change', async () => {
    const a = await contentKey(['sha', { x: [1, 2], t: Float64Array.of(1, 2) }]);
    expect(await contentKey(['sha', { x: [1, 2], t: Float64Array.of(1, 2) }])).toBe(a);
    expect(await contentKey(['sha', { x: [1, 3], t: Float64Array.of(1, 2) }])).not.toBe(a);
    expect(await contentKey(['sha', { x: [1, 2], t: Float64Array.of(1, 2.000001) }])).not.toBe(a);
    expect(await contentKey(['shb', { x: [1, 2], t: Float64Array.of(1, 2) }])).not.toBe(a);
  });

  it('tells apart what JSON would write alike: NaN and null, Infinity and null, undefined and absent, a typed array and an array, an empty typed array and an object', async () => {
    expect(await contentKey([{ v: NaN }])).not.toBe(await contentKey([{ v: null }]));
    expect(await contentKey([{ v: Infinity }])).not.toBe(await contentKey([{ v: null }]));
    expect(await contentKey([{ v: Infinity }])).not.toBe(await contentKey([{ v: -Infinity }]));
    expect(await contentKey([{ v: undefined }])).not.toBe(await contentKey([{}]));
    expect(await contentKey([{ v: [undefined] }])).not.toBe(await contentKey([{ v: [null] }]));
    expect(await contentKey([{ v: Float64Array.of(1) }])).not.toBe(await contentKey([{ v: [1] }]));
    expect(await contentKey([{ v: new Float64Array(0) }])).not.toBe(await contentKey([{ v: {} }]));
    expect(await contentKey([{ v: Float64Array.of(1) }])).not.toBe(await contentKey([{ v: Float32Array.of(1) }]));
  });

  it('is none for values JSON would not write whole (a Map, a Date, a class instance), so nothing is kept for them', async () => {
    expect(await contentKey([{ m: new Map([[1, 2]]) }])).toBeNull();
    expect(await contentKey([{ d: new Date(0) }])).toBeNull();
    expect(await contentKey([{ s: new Set([1]) }])).toBeNull();
  });
});

describe('a worker that played plans out', () => {
  const name = 'heat-wave.json';
  const bytes = new Uint8Array(readFileSync(join(repoRoot, 'scenarios', name)));
  const pool = nodeEnginePool(1);
  afterAll(() => pool.close());

  it('plays the same plans again without reading them back, with the figures a fresh worker gives; a plan changed by one order, or the same plan on another forecast, is read back', async () => {
    const forecast = await forecastScenarioInPool(pool, name, bytes);
    if (!forecast.ok) throw new Error('no forecast');
    const planned = await planScenarioInPool(pool, name, bytes, { forecast: forecast.forecast, samples: 300 });
    if (!planned.ok) throw new Error('no plan');
    const report = JSON.parse(JSON.stringify(planned.report));
    const options = { futures: 40, seed: 5, forecast: forecast.forecast, replay: 3 };

    const first = await playoutInPool(pool, name, bytes, [report], options);
    const again = await playoutInPool(pool, name, bytes, [JSON.parse(JSON.stringify(report))], options);
    const fresh = nodeEnginePool(1);
    const alone = await playoutInPool(fresh, name, bytes, [report], options).finally(() => fresh.close());
    if (!first.ok || !again.ok || !alone.ok) throw new Error('play-out failed');
    expect(first.parts.map((p) => p.checkedBefore)).toEqual([false]);
    expect(again.parts.map((p) => p.checkedBefore)).toEqual([true]);
    expect(again.summaries).toEqual(first.summaries);
    expect(again.summaries).toEqual(alone.summaries);

    // One order of one customer raised by 1 MW in an hour it was curtailed: the same worker reads it back.
    const tampered = JSON.parse(JSON.stringify(report));
    const o = tampered.orders.find((x: { mw: number[] }) => x.mw.some((v) => v > 0));
    const h = o.mw.findIndex((v: number) => v > 0);
    o.mw[h] += 1;
    const refused = await playoutInPool(pool, name, bytes, [tampered], options);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.length).toBeGreaterThan(0);

    // A refused plan is not kept: the one that passed still is, with its figures.
    const afterwards = await playoutInPool(pool, name, bytes, [report], options);
    if (!afterwards.ok) throw new Error('play-out failed');
    expect(afterwards.parts.map((p) => p.checkedBefore)).toEqual([true]);
    expect(afterwards.summaries).toEqual(first.summaries);
    // Another forecast (a what-if's, 3 % more demand everywhere) is another key: read back again.
    const scaled = structuredClone(forecast.forecast);
    for (const q of scaled.system.quantiles) for (let i = 0; i < q.length; i++) q[i] *= 1.03;
    const other = await playoutInPool(pool, name, bytes, [report], { ...options, forecast: scaled });
    // (Refused or passed: either way checked again, never taken from what was kept.)
    expect(other.ok ? other.parts[0].checkedBefore : false).toBe(false);
  }, 180_000);
});
