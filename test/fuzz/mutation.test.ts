/**
 * The mutation harness, a quick seeded subset (the whole run: `npm run bench -- --fuzz`): broken
 * and hostile scenario, CSV and plan files through validate, warn, plan, simulate and import.
 * Every one is refused with a precise message or answered finite and verified; none is a silent
 * failure (NaN, an unverified plan, a protected customer or feeder touched, a gap gone without a
 * note) or a crash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { runHarness } from './harness.ts';

describe('the mutation harness (quick)', () => {
  const pool = nodeEnginePool(2);
  afterAll(() => pool.close());

  it('refuses or answers soundly every broken and hostile file, with no silent failure and no crash', async () => {
    const { counts, results } = await runHarness({ seed: 7, sizes: { scenario: 35, csv: 14, plan: 20 }, pool });
    const bad = results.filter((r) => r.verdict === 'silent' || r.verdict === 'crash').map((r) => `${r.verdict} ${r.id}: ${r.what} — ${r.why}`);
    expect(bad).toEqual([]);
    expect(counts.tried).toBeGreaterThanOrEqual(100);
    // Both outcomes occur: the harness is not refusing everything, nor answering everything.
    expect(counts.refused).toBeGreaterThan(counts.tried / 2);
    expect(counts.answered).toBeGreaterThan(0);
    console.log(`mutation harness (quick): tried ${counts.tried}, refused ${counts.refused}, answered ${counts.answered}, silent ${counts.silent}, crash ${counts.crash}`);
  }, 600_000);
});
