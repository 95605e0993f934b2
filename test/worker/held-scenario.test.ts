import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { warnScenarioInPool } from '../../worker/engine/warn-pool.ts';
import { HeldScenario, withScenario } from '../../worker/held-scenario.ts';
import { repoRoot } from '../support/data-dir.ts';

const read = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'scenarios', name)));

describe('a scenario held by the workers (handed over once as a Blob)', () => {
  const pool = nodeEnginePool(1);
  afterAll(() => pool.close());

  it('gives the same warnings as its bytes do', async () => {
    const name = 'local-limit.json';
    const bytes = read(name);
    const held = new HeldScenario(name, new Blob([bytes]));
    const a = await warnScenarioInPool(pool, name, held, { samples: 200 });
    const b = await warnScenarioInPool(pool, name, bytes, { samples: 200 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(Array.from(a.assessment.system.gapAtConfidence)).toEqual(Array.from(b.assessment.system.gapAtConfidence));
  }, 120_000);

  it('is handed over again when the worker read another scenario meanwhile', async () => {
    const held = new HeldScenario('heat-wave.json', new Blob([read('heat-wave.json')]));
    const first = await pool.run((api) => withScenario(api, held, (b) => api.view('heat-wave.json', b)));
    // The same worker reads another file by its bytes: its one-scenario cache now holds that.
    await pool.run((api) => api.view('unit-trip.json', read('unit-trip.json')));
    const again = await pool.run((api) => withScenario(api, held, (b) => api.view('heat-wave.json', b)));
    expect(first.ok && again.ok).toBe(true);
    expect(again.summary?.name).toBe(first.summary?.name);
    expect(again.summary?.name).not.toBe((await pool.run((api) => api.view('unit-trip.json', read('unit-trip.json')))).summary?.name);
  }, 120_000);

  it('held while invalid, answers every call with the file\'s problems', async () => {
    const held = new HeldScenario('broken.json', new Blob(['{"format": "orderly-scenario/1", "areas": 3}']));
    const view = await pool.run((api) => withScenario(api, held, (b) => api.view('broken.json', b)));
    expect(view.ok).toBe(false);
    expect(view.problems.length).toBeGreaterThan(0);
    const warned = await warnScenarioInPool(pool, 'broken.json', held);
    expect(warned.ok).toBe(false);
  }, 120_000);

  it('a key the worker never held is refused with a message that says so', async () => {
    await expect(pool.run((api) => api.view('x.json', { held: 'x.json:1:0' }))).rejects.toThrow(/not held/);
  });
});
