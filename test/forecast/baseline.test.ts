import { describe, expect, it } from 'vitest';
import { BASELINE_METHODS, customerBaselines } from '../../core/forecast/baseline.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import { effectiveTemperature, profileShare } from '../../core/scenario/profile-share.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

/** The tiny scenario with 20 days of history for the textile mill I2: day d (1..20) draws d MW all day. */
function withHistory(temperatureOfDay: (d: number) => number = () => 30, loadOfDay: (d: number, t: number) => number = (d) => d) {
  const s = tinyScenario();
  const hours = 20 * 24;
  s.history.load.push({
    of: 'customer', id: 'I2', start: '2024-06-13T00:00+08:00', unit: 'MW',
    values: Array.from({ length: hours }, (_, i) => loadOfDay(Math.floor(i / 24) + 1, temperatureOfDay(Math.floor(i / 24) + 1))),
  });
  s.weather.stations[0].history = {
    start: '2024-06-13T00:00+08:00', unit: '°C', values: Array.from({ length: hours }, (_, i) => temperatureOfDay(Math.floor(i / 24) + 1)),
  };
  s.history.load = s.history.load.filter((h) => h.of !== 'area' && h.id !== 'I1');
  return hydrate(s);
}

describe('customer baselines', () => {
  it('average the 5 highest of the last 10 working days (checked by hand)', () => {
    // Working days among 13 Jun – 2 Jul 2024 (day numbers): 1 2 5 6 7 8 9 12 13 14 15 16 19 20.
    // The last ten: 20 19 16 15 14 13 12 9 8 7; the five highest: 20 19 16 15 14 → 16.8 MW.
    const b = customerBaselines(withHistory(), undefined, { method: 'high-x-of-y', x: 5, y: 10 });
    const k = b.customers.indexOf('I2');
    expect(BASELINE_METHODS[b.method[k]]).toBe('high-x-of-y');
    for (let h = 0; h < b.hours; h++) expect(b.values[k * b.hours + h]).toBeCloseTo(16.8, 5);
  });

  it('on similar days, follow the temperature: a hot day gets the load of hot days', () => {
    // Odd days are hot (35 °C) and the mill draws 10 MW more on them; the study day is ~33 °C.
    const hot = (d: number) => (d % 2 ? 35 : 25);
    const b = customerBaselines(withHistory(hot, (d, t) => 20 + (t > 30 ? 10 : 0)), undefined, { method: 'similar-days' });
    const k = b.customers.indexOf('I2');
    expect(BASELINE_METHODS[b.method[k]]).toBe('similar-days');
    expect(b.values[k * b.hours + 12]).toBeGreaterThan(27);
    expect(b.values[k * b.hours + 12]).toBeLessThan(31);
  });

  it('fall back on the load profile at peak MW for a customer with no meter', () => {
    const s = withHistory();
    const b = customerBaselines(s);
    const k = b.customers.indexOf('M1'); // the mall has no metered history
    expect(BASELINE_METHODS[b.method[k]]).toBe('profile');
    const mall = s.customers.find((c) => c.id === 'M1')!;
    const profile = s.profiles.find((p) => p.id === mall.profile)!;
    const forecast = s.weather.stations[0].forecast!.values;
    const history = s.weather.stations[0].history!.values;
    const eff = effectiveTemperature([...history.slice(-24), ...forecast]).subarray(24);
    for (const h of [3, 12, 20]) expect(b.values[k * b.hours + h]).toBeCloseTo(mall.peakMW * profileShare(profile, 'working', h, eff[h]), 4);
  });

  it('cover every curtailable customer and no protected one', () => {
    const b = customerBaselines(withHistory());
    expect(b.customers).toEqual(['I1', 'I2', 'M1']);
    expect(b.values.length).toBe(3 * 24);
  });
});
