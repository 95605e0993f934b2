/**
 * `orderly plan` says what the planner's rules decided: the area an emergency order cannot relieve,
 * and no "VERIFIED" under an optimum the LP solver beats.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/data-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-plan-rules-'));

describe('orderly plan on a town short behind an import limit', () => {
  it('names the area the emergency order cannot relieve, instead of saying there is no residual to cover', async () => {
    // Linhu (S03) with its import limit cut to 20 MW: a residual behind it, none in the town.
    const town = JSON.parse(readFileSync(join(repoRoot, 'scenarios/local-limit.json'), 'utf8'));
    town.areas.find((a: { id: string }) => a.id === 'S03').importLimitMW = 20;
    const file = join(dir, 'linhu-20.json');
    writeFileSync(file, JSON.stringify(town));
    const r = await runCli('plan', file, '--samples', '200', '--out', join(dir, 'plan.json'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/no residual in the system as a whole — but see the areas below/);
    expect(r.stdout).toMatch(/NOT COVERED — Linhu 110 kV: no feeder behind S03 may be opened \(\d+ serve protected customers, 1 carries a security floor\): the emergency order cannot relieve its residual/);
    expect(r.stdout).not.toMatch(/DISAGREES/);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    const s03 = plan.emergencyOrder.areas.find((a: { area: string }) => a.area === 'S03');
    expect(s03.steps).toEqual([]);
    expect(s03.coversResidual).toBe(false);
    expect(s03.residualMWh).toBeGreaterThan(0);
  }, 120_000);
});
