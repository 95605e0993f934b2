import { describe, expect, it } from 'vitest';
import { planDigest, regionOfArea } from '../../core/plan/digest.ts';
import type { CustomerOrder } from '../../core/plan/report.ts';

const order = (id: string, area: string, cls: string, mw: number[]): CustomerOrder => ({
  id, name: id, class: cls, feeder: `F-${id}`, area, measures: ['limit'], noticeBy: '', noticeHours: 24, firstHour: '',
  hours: mw.filter((v) => v > 0).length, peakMW: Math.max(...mw), energyMWh: mw.reduce((a, b) => a + b, 0), mw, measureByHour: mw.map((v) => (v > 0 ? 'limit' : '')),
});

describe('planDigest', () => {
  const customers = [
    order('A', 'S1', 'industry', [5, 0, 0]),
    order('B', 'S1', 'industry', [0, 5, 0]),
    order('C', 'S2', 'commerce', [2, 2, 2]),
    order('D', 'S2', 'industry', [0, 0, 9]),
  ];
  const digest = planDigest({ customers, orders: [] }, 3, 3);

  it('lists the customers releasing the most, largest peak first, up to the limit, without their hourly figures', () => {
    expect(digest.top.map((c) => c.id)).toEqual(['D', 'A', 'B']);
    expect(digest.top[0]).not.toHaveProperty('mw');
    expect(digest.customers).toBe(4);
  });

  it('gives each area its coincident peak, not the sum of its customers\' peaks', () => {
    // S1: A and B release 5 MW in different hours: the area's largest hour is 5 MW, not 10.
    expect(digest.byArea).toEqual([
      { key: 'S2', customers: 2, peakMW: 11, energyMWh: 15 },
      { key: 'S1', customers: 2, peakMW: 5, energyMWh: 10 },
    ]);
  });

  it('rolls areas up to the regions just below the whole system (targets split province → city)', () => {
    const regionOf = regionOfArea([
      { id: 'P', parent: null }, { id: 'C1', parent: 'P' }, { id: 'C2', parent: 'P' }, { id: 'S1', parent: 'C1' }, { id: 'S2', parent: 'C2' }, { id: 'X', parent: 'S1' },
    ]);
    expect(['P', 'C1', 'S1', 'X', 'S2'].map(regionOf)).toEqual(['P', 'C1', 'C1', 'C1', 'C2']);
    const byRegion = planDigest({ customers, orders: [] }, 3, 3, regionOf).byRegion;
    expect(byRegion).toEqual([
      { key: 'C2', customers: 2, peakMW: 11, energyMWh: 15 },
      { key: 'C1', customers: 2, peakMW: 5, energyMWh: 10 },
    ]);
  });

  it('splits the plan by class the same way', () => {
    expect(digest.byClass).toEqual([
      { key: 'industry', customers: 3, peakMW: 9, energyMWh: 19 },
      { key: 'commerce', customers: 1, peakMW: 2, energyMWh: 6 },
    ]);
  });
});
