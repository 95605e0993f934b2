/**
 * Forecasting whole series: DST and missing hours never shift the data; a scenario's area and
 * system forecasts add up; the worker pool gives what one thread gives.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { backtestCsv } from '../../core/forecast/backtest-csv.ts';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { createRng } from '../../core/random/rng.ts';

/** Two years of hourly load in New York whose shape follows the local clock, as a CSV. */
function newYorkCsv(options: { dropHours?: number[] } = {}): string {
  const zone = resolveZone('America/New_York')!;
  const rng = createRng('dst');
  const lines = ['time,load_mw,temp_c'];
  const start = Date.UTC(2022, 0, 1, 5); // local midnight
  for (let i = 0; i < 2 * 8760 + 24 * 60; i++) {
    if (options.dropHours?.includes(i)) continue;
    const ms = start + i * 3_600_000;
    const stamp = formatInZone(ms, zone); // carries the offset in force: -05:00 or -04:00
    const localHour = Number(stamp.slice(11, 13));
    const day = Math.floor(i / 24);
    const temp = 12 + 12 * Math.sin((2 * Math.PI * (day - 110)) / 365) + 4 * Math.sin((Math.PI * (localHour - 9)) / 12);
    const evening = localHour >= 17 && localHour <= 21 ? 30 : 0;
    const load = 100 + evening + 1.5 * Math.max(0, temp - 18) ** 1.5 + 3 * rng.normal();
    lines.push(`${stamp},${load.toFixed(2)},${temp.toFixed(2)}`);
  }
  return lines.join('\n');
}

const base = {
  file: 'ny.csv', time: 'time', load: 'load_mw', temp: 'temp_c', tz: 'America/New_York',
  trainFrom: '2022-01-01', trainUntil: '2023-12-31', testFrom: '2024-01-01', testUntil: '2024-02-28', holidays: 'US' as const,
};

describe('forecasting across daylight saving time', () => {
  it('keeps the evening peak on the local clock on both sides of the change', () => {
    // The series has 3 MW of noise on ~140 MW (about 2 % MAPE) and a 30 MW step at 17:00 local:
    // an hour's shift anywhere would show as a large error at the steps.
    const winter = backtestCsv(newYorkCsv(), base);
    if (!winter.ok) throw new Error(winter.problems.map((p) => p.message).join('; '));
    expect(winter.report.result.mape.model).toBeLessThan(3);
    const summer = backtestCsv(newYorkCsv(), { ...base, trainUntil: '2023-06-30', testFrom: '2023-07-01', testUntil: '2023-07-31' });
    if (!summer.ok) throw new Error('unreadable');
    expect(summer.report.result.mape.model).toBeLessThan(3);
    // In summer time the step is still at 17:00 on the local clock: 16:00 low, 17:00 high.
    const point = summer.report.forecasts.model.point;
    const zone = resolveZone('America/New_York')!;
    const startMs = Date.UTC(2023, 6, 1, 4); // 2023-07-01T00:00-04:00
    const byLocalHour = (h: number) => {
      const vals: number[] = [];
      point.forEach((v, i) => { if (Number(formatInZone(startMs + i * 3_600_000, zone).slice(11, 13)) === h) vals.push(v); });
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    };
    expect(byLocalHour(17) - byLocalHour(16)).toBeGreaterThan(20);
    expect(byLocalHour(21) - byLocalHour(22)).toBeGreaterThan(20);
  });
});

describe('missing hours in a backtest', () => {
  it('are left out of fitting and scoring, and listed, never shifted', () => {
    const r = backtestCsv(newYorkCsv({ dropHours: [1000, 1001, 1002, 9000] }), base);
    if (!r.ok) throw new Error('unreadable');
    expect(r.notes.join(' ')).toMatch(/4 hours missing in 2 runs, left unknown \(NaN\)/);
    expect(r.report.hours.train).toBe(2 * 8760 - 4); // 2022–2023 (two years of local days) less the 4 dropped
    expect(r.report.result.mape.model).toBeLessThan(3);
  });
});

describe('scenario forecasts', () => {
  const s = loadScenarioText('heat-wave.json', readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8')).scenario!;
  const f = forecastScenario(s);
  const byId = new Map(f.areas.map((a) => [a.area, a]));

  it('add up: every area without its own meter is the sum of its children, and the system of all', () => {
    for (const area of s.areas) {
      const kids = s.areas.filter((a) => a.parent === area.id);
      const mine = byId.get(area.id)!;
      if (!kids.length || mine.source === 'model') continue;
      for (let h = 0; h < f.hours; h++) {
        const sum = kids.reduce((acc, k) => acc + byId.get(k.id)!.point[h], 0);
        expect(mine.point[h]).toBeCloseTo(sum, 6);
      }
    }
    expect(f.system.area).toBe('C');
  });

  it('rise with the heat wave: the hottest forecast day has the highest peak of the working week', () => {
    const dayPeak = (d: number) => Math.max(...f.system.point.subarray(d * 24, d * 24 + 24));
    expect(dayPeak(3)).toBeGreaterThan(dayPeak(0) * 1.05);
  });

  it('give quantiles that never cross, around the point forecast', () => {
    const q = f.system.quantiles;
    for (let h = 0; h < f.hours; h++) {
      for (let k = 1; k < q.length; k++) expect(q[k][h]).toBeGreaterThanOrEqual(q[k - 1][h]);
      expect(q[0][h]).toBeLessThan(f.system.point[h]);
      expect(q[q.length - 1][h]).toBeGreaterThan(f.system.point[h]);
    }
  });

  const pool = nodeEnginePool(2);
  afterAll(() => pool.close());
  it('are the same through the worker pool as in one thread', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url)));
    const r = await forecastScenarioInPool(pool, 'heat-wave.json', bytes);
    if (!r.ok) throw new Error('invalid');
    expect(Array.from(r.forecast.system.point)).toEqual(Array.from(f.system.point));
    expect(r.forecast.areas.map((a) => a.area)).toEqual(f.areas.map((a) => a.area));
  }, 60_000);
});
