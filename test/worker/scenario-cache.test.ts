import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { warnScenarioInPool } from '../../worker/engine/warn-pool.ts';
import { repoRoot } from '../support/data-dir.ts';

describe('a worker keeping the last scenario it read', () => {
  const pools = [nodeEnginePool(1), nodeEnginePool(1)];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('gives the same warnings after the page\'s first view as a fresh worker does (nothing it handed out was taken from it)', async () => {
    const name = 'local-limit.json';
    const bytes = new Uint8Array(readFileSync(join(repoRoot, 'scenarios', name)));
    const [used, fresh] = pools;
    const view = await used.run((api) => api.view(name, bytes));
    expect(view.ok).toBe(true);
    expect(view.temperature?.history?.values.length).toBeGreaterThan(1000);
    const a = await warnScenarioInPool(used, name, bytes, { samples: 200 });
    const b = await warnScenarioInPool(fresh, name, bytes, { samples: 200 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(Array.from(a.assessment.system.gapAtConfidence)).toEqual(Array.from(b.assessment.system.gapAtConfidence));
    expect(Array.from(a.assessment.local[0].gapMean)).toEqual(Array.from(b.assessment.local[0].gapMean));
  }, 120_000);
});
