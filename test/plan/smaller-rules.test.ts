/**
 * Issue 13, item 8: the smaller rules — the feeder ranking's tiers, whole daily hours, the energy
 * rotation's turn, snap-back with opened feeders, and no order below 1 kW. Cases built from
 * local-limit.json (test/support/local-limit-case.ts).
 */
import { describe, expect, it } from 'vitest';

import { STRATEGIES, type Strategy } from '../../core/plan/order.ts';
import { validateScenarioValue } from '../../core/scenario/validate.ts';
import { at, localLimitCase } from '../support/local-limit-case.ts';


const r3 = (v: number) => Math.round(v * 1000) / 1000;
const limitOnly = (capMW: number) => ({ limit: { capMW } });

describe('smaller rules', () => {
  it('opens an ordinary feeder before a whitelisted key enterprise\'s, however cheap the key enterprise is', () => {
    const c = localLimitCase({
      hours: 1, systemGapMW: [4],
      feeders: [
        { id: 'F-key', substation: 'S01', ratingMW: 10, servesProtected: false, residentialShare: 0 },
        { id: 'F-ord', substation: 'S01', ratingMW: 10, servesProtected: false, residentialShare: 0 },
      ],
      customers: [
        { id: 'key', class: 'industry', keyEnterprise: true, feeder: 'F-key', peakMW: 5, costPerMWh: 100 },
        { id: 'ordinary', class: 'industry', feeder: 'F-ord', peakMW: 5, costPerMWh: 9000 },
      ],
    });
    const { report } = c.plan('cost');
    expect(report.feedersOpened.map((f) => f.feeder)).toEqual(['F-ord']);
    expect(report.emergencyOrder.steps.map((s) => s.feeder)).toEqual(['F-key']);
  });

  it('refuses a fractional maxHoursPerDay when the scenario is loaded, naming the field', () => {
    const { file } = localLimitCase({ hours: 1, customers: [{ id: 'x', class: 'industry', peakMW: 5, measures: limitOnly(0) }] });
    file.customers[0].maxHoursPerDay = 2.5;
    const v = validateScenarioValue(file);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.path)).toContain('customers[0].maxHoursPerDay');
  });

  it('rotates the energy gap fairly: three blocks, two needed a day, each on duty two of three days', () => {
    // Three customers on three feeders, 5 MW each (120 MWh a day); 200 MWh to save each day.
    const c = localLimitCase({
      hours: 72, systemGapMW: Array(72).fill(-50),
      energy: [{ date: '2024-07-29', gapMWh: 200 }, { date: '2024-07-30', gapMWh: 200 }, { date: '2024-07-31', gapMWh: 200 }],
      feeders: ['F9101', 'F9102', 'F9103'].map((id) => ({ id, substation: 'S01', ratingMW: 10, servesProtected: true, residentialShare: 0.5 })),
      customers: ['A', 'B', 'C'].map((id, i) => ({ id, class: 'industry' as const, feeder: `F910${i + 1}`, peakMW: 5, measures: limitOnly(0) })),
    });
    const { report } = c.plan('cost');
    expect(report.verification.violations).toEqual([]);
    expect(report.rotation!.blocks.map((b) => b.daysOnDuty)).toEqual([2, 2, 2]);
    expect(report.rotation!.days.map((d) => d.blocks.length)).toEqual([2, 2, 2]);
    expect(report.rotation!.days.every((d) => d.residualMWh < 1e-6)).toBe(true);
    expect(report.rotation!.collapsed).toBe(false);
  });

  it('adds no snap-back for a customer whose feeder opens in the next hour', () => {
    // The factory avoids the peak at 18:00 (1 MW); at 19:00 its window is over and the 5 MW gap
    // opens its feeder whole: its load is off, not coming back, so 19:00 needs only its own gap.
    const c = localLimitCase({
      hours: 24, snapBackShare: 0.5, systemGapMW: at(24, { 18: 1, 19: 5 }),
      feeders: [{ id: 'F9001', substation: 'S01', ratingMW: 20, servesProtected: false, residentialShare: 0 }],
      customers: [
        { id: 'x', class: 'industry', feeder: 'F9001', peakMW: 6, measures: { avoidPeak: { maxMW: 1, windows: ['18-19'] } } },
        { id: 'z', class: 'industry', feeder: 'F9001', peakMW: 6 },
      ],
    });
    const { report, solved, problem } = c.plan('cost');
    expect(report.verification.violations).toEqual([]);
    expect(solved.feederOpen[problem.feeders.id.indexOf('F9001') * problem.hours + 19]).toBe(1);
    expect(r3(report.system.snapBackMW[19])).toBe(0);
    expect(r3(report.system.requiredMW[19])).toBe(5);
  });

  it('gives no order below 1 kW: requirements and room are counted in whole kW', () => {
    // 5.0004 MW is planned as 5.001: the cheap customer's 5 MW cap and 1 kW (not 0.4) from the
    // dear one; the fair plan splits it in whole kW, 2.501 and 2.5.
    const c = localLimitCase({ hours: 1, systemGapMW: [5.0004], customers: [
      { id: 'cheap', class: 'industry', peakMW: 10, measures: limitOnly(5), costPerMWh: 100 },
      { id: 'dear', class: 'industry', peakMW: 10, measures: limitOnly(5), costPerMWh: 900 },
    ] });
    const expected: Record<Strategy, Record<string, number>> = { cost: { cheap: 5, dear: 0.001 }, fewest: { cheap: 5, dear: 0.001 }, fair: { cheap: 2.501, dear: 2.5 } };
    for (const strategy of STRATEGIES) {
      const { report, solved } = c.plan(strategy);
      expect(report.verification.violations, strategy).toEqual([]);
      expect(report.residual.totalMWh, strategy).toBe(0);
      expect(Object.fromEntries(report.orders.map((o) => [o.customer, o.mw[0]])), strategy).toEqual(expected[strategy]);
      for (const v of solved.x) expect(v === 0 || v >= 0.001 - 1e-12, `${strategy}: ${v}`).toBe(true);
    }
  });
});
