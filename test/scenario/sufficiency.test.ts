/**
 * Data that cannot carry a result is refused by validation, naming the series and the hours: weather
 * that stops before the study, loads of impossible size, a meter that gave only zeros. (Issue
 * "Never silently wrong", cases 1 and 3.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { validateScenarioValue } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const heatWave = (): ScenarioFile => JSON.parse(readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8'));
const problems = (s: unknown) => validateScenarioValue(s).problems.map(formatProblem);

describe('weather the forecast needs', () => {
  it('refuses a heat wave whose temperature histories stop 72 h before the study, naming each station and the hours', () => {
    const s = heatWave();
    for (const st of s.weather.stations) st.history!.values = st.history!.values.slice(0, -72);
    const found = problems(s);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^weather\.stations\[0\]\.history: expected temperatures in every hour from 2024-07-20T00:00\+08:00 \(48 h before the study start/);
    expect(found[0]).toMatch(/found none from 2024-07-19T00:00\+08:00 to 2024-07-21T23:00\+08:00 \(72 h\)$/);
    expect(found[1]).toMatch(/^weather\.stations\[1\]\.history:/);
  });

  it('accepts a gap of up to 24 h before the study, which the forecast fills from the day before', () => {
    const s = heatWave();
    for (const st of s.weather.stations) st.history!.values = st.history!.values.slice(0, -20);
    expect(problems(s)).toEqual([]);
  });

  it('ignores a station that no metered area can read', () => {
    const s = tinyScenario();
    s.weather.stations.push({ id: 'W9', name: 'Unused', history: { start: '2024-06-01T00:00+08:00', unit: '°C', values: [20, 21] } });
    expect(problems(s)).toEqual([]);
  });

  it('refuses a forecast that starts a day late, once (as a forecast that does not cover the study)', () => {
    const s = tinyScenario();
    // History to the study start, forecast from 30 h later: 30 h without temperatures inside the study.
    s.study.hours = 48;
    s.weather.stations[0].forecast = { start: '2024-07-04T06:00+08:00', unit: '°C', values: Array(18).fill(30) };
    for (const u of s.supply.units) if (u.available) u.available.values = Array(48).fill(1.5);
    for (const i of s.supply.imports) i.schedule.values = Array(48).fill(5);
    const found = problems(s).filter((p) => p.startsWith('weather'));
    expect(found).toEqual(['weather.stations[0].forecast: expected hours covering the study window 2024-07-03T00:00+08:00 to 2024-07-04T23:00+08:00, found hours 2024-07-04T06:00+08:00 to 2024-07-04T23:00+08:00']);
  });
});

describe('magnitudes no grid has', () => {
  it('refuses a load history of 1e300 MW', () => {
    const s = tinyScenario();
    s.history.load[0].values[5] = 1e300;
    expect(problems(s)).toContain('history.load[0].values[5]: expected a value of at most 10,000,000 MW (10 TW, larger than any grid), found 1.000e+300 MW: is the unit right?');
  });

  it('refuses a peak of 1e300 MW on a customer', () => {
    const s = tinyScenario();
    s.customers[2].peakMW = 1e300;
    expect(problems(s)).toContain('customers[2].peakMW: expected at most 10,000,000 MW (10 TW, larger than any grid), found 1.000e+300: is the unit right?');
  });

  it('refuses a load history of zeros in every hour', () => {
    const s = tinyScenario();
    s.history.load[1].values = s.history.load[1].values.map(() => 0);
    expect(problems(s)).toEqual(['history.load[1]: expected a load history of area S2 with load in it, found 0 MW in all 48 hours (a meter never read? leave the series out rather than give zeros)']);
  });

  it('refuses an area history a thousand times what its customers and feeders can draw (kW read as MW)', () => {
    const s = tinyScenario();
    s.history.load[0].values = s.history.load[0].values.map((v) => (v === null ? null : v * 1000));
    expect(problems(s)).toEqual([expect.stringMatching(/^history\.load\[0\]: expected a load history of area S1 no larger than 3× what is connected \(customers' peaks 13 MW, feeder ratings 18 MW\), found 14\d{3}(\.\d+)? MW: is this kW rather than MW\?$/)]);
  });

  it('refuses an area history a thousandth of its customers\' peak (GW read as MW)', () => {
    const s = tinyScenario();
    s.history.load[0].values = s.history.load[0].values.map((v) => (v === null ? null : v / 1000));
    expect(problems(s)).toEqual([expect.stringMatching(/^history\.load\[0\]: expected a load history in MW of the size of area S1 \(its customers peak at 13 MW in all\), found at most 0\.01\d* MW: is this GW, or a share, rather than MW\?$/)]);
  });

  it('refuses a customer history three times its peak', () => {
    const s = tinyScenario();
    s.history.load[2].values = s.history.load[2].values.map((v) => (v === null ? null : v * 4));
    expect(problems(s)).toEqual([expect.stringMatching(/^history\.load\[2\]: expected a load history of customer I1 no larger than 3× its 5 MW peak, found 18\.\d+ MW: is this kW rather than MW\?$/)]);
  });

  it('accepts every bundled story', () => {
    for (const f of ['heat-wave', 'coal-wind', 'hydro-drought', 'unit-trip', 'local-limit']) {
      const s = JSON.parse(readFileSync(new URL(`../../scenarios/${f}.json`, import.meta.url), 'utf8'));
      expect(problems(s), f).toEqual([]);
    }
  });
});
