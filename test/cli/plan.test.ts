import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/data-dir.ts';
import { planRowsOf } from '../support/plan-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-plan-'));
const path = (name: string) => join(dir, name);
const run = runCli;

describe('orderly plan', () => {
  it('prints a verified plan that reports its residual gap loudly, with the cause', async () => {
    const r = await run('plan', join(repoRoot, 'scenarios/coal-wind.json'), '--samples', '200');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/VERIFIED: finite, protected, feeder, bounds, floor, notice, daily-hours, shift, coverage, residual, ladder, objective — all hold/);
    expect(r.stdout).toMatch(/^RESIDUAL GAP — what the plan cannot cover without touching protected customers/m);
    expect(r.stdout).toMatch(/notice too short/);
    expect(r.stdout).toMatch(/^Emergency order \(事故拉闸序位表\)/m);
    expect(r.stdout).toMatch(/^Plans per warning level/m);
  }, 120_000);

  it('writes the plan, the customer list a dispatcher sends, and an LP model whose optimum HiGHS confirms', async () => {
    const scenario = join(repoRoot, 'scenarios/local-limit.json');
    const r = await run('plan', scenario, '--samples', '200', '--out', path('plan.json'), '--csv', path('customers.csv'), '--export-lp', path('model.lp'));
    expect(r.code).toBe(0);
    // Saved with its lists as columns; read back as rows by the plan reader.
    expect(JSON.parse(readFileSync(path('plan.json'), 'utf8')).format).toBe('orderly-plan/2');
    const plan = planRowsOf(path('plan.json'));
    expect(plan.verification.ok).toBe(true);
    expect(plan.local[0].area).toBe('S03');
    expect(Math.max(...plan.local[0].requiredMW)).toBeGreaterThan(0);
    expect(plan.local[0].residualMW.every((v: number) => v === 0)).toBe(true);
    expect(plan.customers.length).toBeGreaterThan(0);
    expect(plan.customers.every((c: { area: string }) => c.area === 'S03')).toBe(true);
    expect(plan.levelPlans.map((l: { level: string }) => l.level)).toEqual(['IV', 'III', 'II', 'I']);
    const csv = readFileSync(path('customers.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^customer,name,class,feeder,substation,measures,notice_by,notice_hours,first_hour,hours,peak_MW,energy_MWh,MW 2024-07-29T00:00\+08:00,/);
    expect(csv.length).toBe(plan.customers.length + 1);
    const highs = await highsLoader();
    const solved = highs.solve(readFileSync(path('model.lp'), 'utf8'), { presolve: 'off', output_flag: false });
    expect(solved.Status).toBe('Optimal');
    expect(Math.abs(solved.ObjectiveValue - plan.objective.lpValue)).toBeLessThanOrEqual(1e-6 * Math.max(1, plan.objective.lpValue));
  }, 120_000);

  it('plans for a warning level\'s gap when asked', async () => {
    const r = await run('plan', join(repoRoot, 'scenarios/unit-trip.json'), '--samples', '200', '--level', 'III', '--strategy', 'fair', '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.level).toBe('III');
    expect(plan.strategy).toBe('fair');
    expect(plan.system.fairShare.length).toBe(plan.hours);
  }, 120_000);

  it('refuses an unknown strategy or level, and names what it expected', async () => {
    const a = await run('plan', join(repoRoot, 'scenarios/unit-trip.json'), '--strategy', 'cheapest');
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/--strategy: expected cost, fair or fewest, found "cheapest"/);
    const b = await run('plan', join(repoRoot, 'scenarios/unit-trip.json'), '--level', 'V');
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/--level: expected I, II, III or IV, found "V"/);
    const c = await run('plan', path('missing.json'));
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/expected a file, found nothing at this path/);
  });
});
