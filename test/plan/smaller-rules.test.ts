/**
 * Issue 13, item 8: the smaller rules — the feeder ranking's tiers, whole daily hours, the energy
 * rotation's turn, snap-back with opened feeders, and no order below 1 kW. Cases built from
 * local-limit.json (test/support/local-limit-case.ts).
 */
import { describe, expect, it } from 'vitest';

import { validateScenarioValue } from '../../core/scenario/validate.ts';
import { localLimitCase } from '../support/local-limit-case.ts';


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
});
