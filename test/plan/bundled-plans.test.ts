/**
 * Each bundled story planned from its own forecast, as a dispatcher would read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import type { Strategy } from '../../core/plan/order.ts';
import { isProtectedClass, classInfo } from '../../core/scenario/classes.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { repoRoot } from '../support/data-dir.ts';

function assessed(name: string) {
  const file = join(repoRoot, 'scenarios', `${name}.json`);
  const loaded = loadScenarioText(file, readFileSync(file, 'utf8'));
  const s = loaded.scenario!;
  return { s, a: assessScenario(s, forecastScenario(s), { samples: 300 }) };
}
function planned(name: string, strategy: Strategy = 'cost') {
  const { s, a } = assessed(name);
  return { s, ...planScenario(s, a, { strategy }) };
}

describe('plans for the bundled stories', () => {
  it('heat wave: the evening peak is covered by the ladder in order, restricted industry first, no resident touched', () => {
    const { s, report: r } = planned('heat-wave');
    expect(r.verification.ok).toBe(true);
    expect(r.targetMW).toBeGreaterThan(300);
    expect(r.residual.totalMWh).toBe(0);
    const byMeasure = r.system.byMeasureMW;
    const peak = r.system.requiredMW.indexOf(Math.max(...r.system.requiredMW));
    expect(byMeasure['demand-response'][peak]).toBeGreaterThan(0);
    expect(byMeasure['feeder-open'][peak]).toBe(0);
    // The largest orders go to restricted-first classes (phase-out, over-quota, high-energy …).
    const top = r.customers.slice(0, 10).map((c) => classInfo(c.class)!.tier);
    expect(top.filter((t) => t === 'restricted-first').length).toBeGreaterThanOrEqual(6);
    const classes = new Map(s.customers.map((c) => [c.id, c.class]));
    expect(r.customers.some((c) => isProtectedClass(classes.get(c.id)!))).toBe(false);
    expect(r.planScale.ok).toBe(true);
    expect(r.emergencyOrder.steps.length).toBeGreaterThan(0);
    // By class, hour by hour, the plan is the same MW as by measure; no protected class in it.
    const byClass = r.system.byClassMW!;
    expect(Object.keys(byClass).some((k) => isProtectedClass(k))).toBe(false);
    for (let h = 0; h < r.hours; h++) {
      const classes = Object.values(byClass).reduce((t, v) => t + v[h], 0);
      const measures = Object.values(byMeasure).reduce((t, v) => t + v[h], 0);
      expect(classes).toBeCloseTo(measures, 2);
    }
  }, 60_000);

  it('coal and wind: notice runs out on the first morning; the residual is reported with its cause, not hidden', () => {
    const { report: r } = planned('coal-wind');
    expect(r.verification.ok).toBe(true);
    expect(r.residual.totalMWh).toBeGreaterThan(0);
    expect(r.system.cause).toBe('notice too short');
    expect(r.emergencyOrder.residualMW).toBeGreaterThan(0);
  }, 60_000);

  it('dry-year hydro: the week\'s energy gap is rotated among blocks of customers day by day', () => {
    const { report: r } = planned('hydro-drought');
    expect(r.verification.ok).toBe(true);
    expect(r.rotation).not.toBeNull();
    const days = r.rotation!.days.filter((d) => d.gapMWh > 0);
    expect(days.length).toBeGreaterThanOrEqual(5);
    for (const d of days) expect(d.residualMWh).toBeLessThan(0.01 * d.gapMWh);
    // Different blocks carry it on different days.
    expect(new Set(days.map((d) => d.blocks.join(','))).size).toBeGreaterThan(1);
    expect(r.rotation!.blocks.every((b) => b.daysOnDuty < days.length)).toBe(true);
  }, 60_000);

  it('unit trip: the two-day gap is covered, and a fair plan spreads it over more customers at a lower share', () => {
    const cost = planned('unit-trip').report;
    const fair = planned('unit-trip', 'fair').report;
    expect(cost.verification.ok && fair.verification.ok).toBe(true);
    expect(cost.residual.totalMWh).toBe(0);
    expect(fair.residual.totalMWh).toBe(0);
    expect(fair.objective.customersAffected).toBeGreaterThan(cost.objective.customersAffected);
    expect(fair.objective.economicLoss).toBeGreaterThan(cost.objective.economicLoss);
    // In every hour with a gap, no customer gives more than the hour's share, and the share held.
    const needed = fair.system.requiredMW.flatMap((v, h) => (v > 0 ? [fair.system.fairShare![h]] : []));
    expect(needed.length).toBeGreaterThan(0);
    // Nobody is asked for its whole load, and the share stays low: the highest hour is where the
    // band left is thinnest (18:00 on the first day, 0.66 since the rolling forecast reads the last
    // weeks' errors and the requirement there rose 15.7 → 18.3 MW), the hours' mean well under a third.
    expect(Math.max(...needed)).toBeLessThan(0.75);
    expect(needed.reduce((t, v) => t + v, 0) / needed.length).toBeLessThan(0.3);
  }, 60_000);

  it('local import limit: only customers behind the limited substation are asked', () => {
    const { report: r } = planned('local-limit');
    expect(r.verification.ok).toBe(true);
    expect(r.local.length).toBe(1);
    expect(Math.max(...r.local[0].requiredMW)).toBeGreaterThan(0);
    expect(r.customers.length).toBeGreaterThan(0);
    expect(r.customers.every((c) => c.area === r.local[0].area)).toBe(true);
  }, 60_000);

  // Issue 16: the page said "Target (largest gap) 0 MW" for a plan curtailing 6 MW behind Linhu's
  // import limit: the target was the system's gap alone.
  it('local import limit: the target is the largest gap of an area the plan covers, and names that area', () => {
    const { report: r } = planned('local-limit');
    const localPeak = Math.max(...r.local[0].requiredMW);
    expect(Math.max(...r.system.requiredMW)).toBe(0);
    expect(r.targetMW).toBeGreaterThan(0);
    expect(r.targetMW).toBeGreaterThanOrEqual(Math.round(localPeak * 10) / 10 - 0.1);
    expect(r.targetArea).toEqual({ id: r.local[0].area, name: r.local[0].name, scope: 'local' });
    expect(r.objective.peakCurtailedMW).toBeLessThanOrEqual(r.targetMW + 0.1);
  }, 60_000);

  it('heat wave: the target is the system gap and names the system', () => {
    const { report: r } = planned('heat-wave');
    expect(r.targetArea?.scope).toBe('system');
    expect(r.targetMW).toBeCloseTo(Math.max(...r.system.requiredMW), 0);
  }, 60_000);

  // Issue 13: the fair plan of the heat wave kept 6,188 MWh in later rungs or tiers while earlier
  // ones had room, and left 68.5 MWh of its own snap-back; coal and wind's fair plan left 576 MWh
  // where the least-cost plan left 30.5, with javascript-lp-solver disagreeing under "VERIFIED".
  for (const name of ['heat-wave', 'coal-wind']) {
    it(`${name}: every strategy keeps the ladder, covers what the least-cost plan covers, and its LP optimum agrees`, () => {
      const { s, a } = assessed(name);
      const plans = (['cost', 'fair', 'fewest'] as Strategy[]).map((strategy) => planScenario(s, a, { strategy }).report);
      const cost = plans[0].residual.totalMWh;
      for (const r of plans) {
        expect(r.verification.violations, r.strategy).toEqual([]);
        expect(r.residual.totalMWh, r.strategy).toBeLessThanOrEqual(cost + 0.01);
        expect(r.optimumCheck!.worseHours, r.strategy).toEqual([]);
        if (r.optimumCheck!.checkedHours) expect(r.optimumCheck!.agrees, r.strategy).toBe(true);
      }
      if (name === 'heat-wave') for (const r of plans) expect(r.residual.totalMWh, r.strategy).toBe(0);
    }, 180_000);
  }
});
