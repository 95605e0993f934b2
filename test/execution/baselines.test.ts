/**
 * The baselines by rule on a small series worked by hand. Day D is Wednesday 2024-07-03; every
 * earlier day reads a flat load equal to its day of the month (July: 30 + day), and 2024-06-27
 * (a Thursday) is made a holiday:
 *  - Jiangsu, the last 5 normal working days: 07-02, 07-01, 06-28, 06-26, 06-25 (the weekend and
 *    the holiday skipped) → (32 + 31 + 28 + 26 + 25) / 5 = 28.4 MW;
 *  - Beijing, the highest 5 of the 10 days from D−2 without holidays: 07-01 … 06-28, 06-26 …
 *    06-21 (the holiday skipped, weekends kept) → 31, 30, 29, 28, 26 → 28.8 MW;
 *  - the hour before the order (18:00): the reading at 17:00 on D.
 */
import { describe, expect, it } from 'vitest';
import { baselineFor } from '../../core/execution/baselines.ts';
import { executionContext } from '../../core/execution/context.ts';
import { importMeters } from '../../core/execution/meters.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { dates, handPlan, handScenario } from './hand-case.ts';

function setup(from = '2024-06-10') {
  const file = handScenario();
  file.policy.holidays.days.push({ date: '2024-06-27', name: 'Test holiday' });
  const s = loadScenarioValue(file).scenario!;
  const ctx = executionContext(s, handPlan());
  const lines = ['time,customer,load_kW'];
  for (const date of dates(from, '2024-07-03')) {
    const level = date === '2024-07-03' ? 0 : date.startsWith('2024-07') ? 30 + Number(date.slice(8)) : Number(date.slice(8));
    for (let h = 0; h < 24; h++) lines.push(`${date} ${String(h).padStart(2, '0')}:00,I1,${date === '2024-07-03' ? 1000 + 100 * h : level * 1000 / 10}`);
  }
  const meters = importMeters('m.csv', lines.join('\n'), s, ctx.axis);
  if (!meters.ok) throw new Error(meters.problems.map((p) => p.message).join('\n'));
  return { ctx, series: meters.meters.series[0], day: ctx.days[0].day };
}
// Levels are written in kW / 10 (so a day of level 28 reads 2800 kW = 2.8 MW): the local times and kW are read too.
const mw = (level: number) => level / 10;

describe('baselines by the rules in use', () => {
  it('Jiangsu: the mean of the last 5 normal working days, skipping the weekend and the holiday', () => {
    const { ctx, series, day } = setup();
    const b = baselineFor('jiangsu', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set() });
    expect(b.ok && b.days).toEqual(['2024-06-25', '2024-06-26', '2024-06-28', '2024-07-01', '2024-07-02']);
    expect(b.ok && b.mw[15]).toBeCloseTo(mw(28.4), 9);
  });

  it('Beijing: the highest 5 of the 10 days from D−2 back, holidays skipped and weekends kept', () => {
    const { ctx, series, day } = setup();
    const b = baselineFor('beijing', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set() });
    expect(b.ok && b.days).toEqual(['2024-06-26', '2024-06-28', '2024-06-29', '2024-06-30', '2024-07-01']);
    expect(b.ok && b.mw[0]).toBeCloseTo(mw(28.8), 9);
  });

  it('the hour before the order: the load at 17:00 of the day, held for every hour', () => {
    const { ctx, series, day } = setup();
    const b = baselineFor('hour-before', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), firstOrderedHour: 18 });
    expect(b.ok && b.mw[18]).toBeCloseTo(1 + 0.1 * 17, 9);
    expect(b.ok && b.mw[20]).toBeCloseTo(2.7, 9);
  });

  it('skips a day the customer was under an order itself', () => {
    const { ctx, series, day } = setup();
    const eventDays = new Set([day - 1]); // 07-02
    const b = baselineFor('jiangsu', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays });
    expect(b.ok && b.days).toEqual(['2024-06-24', '2024-06-25', '2024-06-26', '2024-06-28', '2024-07-01']);
  });

  it('refuses a baseline with too few days, naming the days it found', () => {
    const { ctx, series, day } = setup('2024-06-28');
    const j = baselineFor('jiangsu', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set() });
    expect(j).toEqual({ ok: false, why: 'expected 5 normal working days with all 24 hours metered in the 30 days before 2024-07-03, found 3 (2024-07-02, 2024-07-01, 2024-06-28)' });
    const b = baselineFor('beijing', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set() });
    expect(!b.ok && b.why).toMatch(/^expected 10 days from 2024-07-01 back without holidays .* found 4 /);
  });
});

describe('the day-adjusted baseline', () => {
  it('scales the Jiangsu days by the day\'s load before the order (14:00–17:00 for an order at 18:00), within ±20 %', () => {
    // On D the load at h is 1 + 0.1 h MW: 14:00–17:00 average 2.5 MW against the Jiangsu days' 2.84 → × 0.880.
    const { ctx, series, day } = setup();
    const b = baselineFor('day-adjusted', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), firstOrderedHour: 18 });
    expect(b.ok && b.adjustment).toBeCloseTo(2.5 / 2.84, 9);
    expect(b.ok && b.mw[18]).toBeCloseTo(2.5, 9);
    const capped = baselineFor('day-adjusted', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), firstOrderedHour: 23 });
    // 19:00–22:00 average 3.0 MW: 3.0 / 2.84 = 1.056, inside the limit; for an order at 04:00 (00:00–03:00, 1.1 MW) the factor would be 0.39: held at 0.8.
    expect(capped.ok && capped.adjustment).toBeCloseTo(3.0 / 2.84, 9);
    const early = baselineFor('day-adjusted', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), firstOrderedHour: 4 });
    expect(early.ok && early.adjustment).toBe(0.8);
    const none = baselineFor('day-adjusted', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), firstOrderedHour: 3 });
    expect(none.ok).toBe(false);
  });
});

describe('the similar-days baseline', () => {
  it('averages the 5 working days whose peak temperature was closest to the day\'s forecast 33.1 °C, weekends and the holiday left out', () => {
    // Flat temperatures per day: 06-20 33.05, 06-24 33.2, 07-01 33.0, 06-25 32.5, 06-26 34 are the
    // 5 closest working days; the weekend days and the holiday at 33.1 would be closer still.
    const T: Record<string, number> = { '2024-06-20': 33.05, '2024-06-24': 33.2, '2024-07-01': 33, '2024-06-25': 32.5, '2024-06-26': 34, '2024-06-28': 25, '2024-07-02': 30, '2024-06-21': 20,
      '2024-06-22': 33.1, '2024-06-23': 33.1, '2024-06-29': 33.1, '2024-06-30': 33.1, '2024-06-27': 33.1 };
    const file = handScenario();
    file.policy.holidays.days.push({ date: '2024-06-27', name: 'Test holiday' });
    const history = dates('2024-06-01', '2024-07-02').flatMap((d) => Array(24).fill(T[d] ?? 10));
    file.weather.stations[0].history = { start: '2024-06-01T00:00+08:00', unit: '°C', values: history };
    const loaded = loadScenarioValue(file);
    expect(loaded.problems).toEqual([]);
    const s = loaded.scenario!;
    const ctx = executionContext(s, handPlan());
    const lines = ['time,customer,load_kW'];
    for (const date of dates('2024-06-10', '2024-07-03')) {
      const level = date.startsWith('2024-07') ? 30 + Number(date.slice(8)) : Number(date.slice(8));
      for (let h = 0; h < 24; h++) lines.push(`${date} ${String(h).padStart(2, '0')}:00,I1,${level * 100}`);
    }
    const meters = importMeters('m.csv', lines.join('\n'), s, ctx.axis);
    if (!meters.ok) throw new Error(meters.problems[0].message);
    const day = ctx.days[0].day;
    const b = baselineFor('similar-days', meters.meters.series[0], day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), peakTemperature: ctx.peakTemperature('customer', 'I1') });
    expect(b.ok && b.days).toEqual(['2024-06-20', '2024-06-24', '2024-06-25', '2024-06-26', '2024-07-01']);
    expect(b.ok && b.mw[12]).toBeCloseTo((2.0 + 2.4 + 2.5 + 2.6 + 3.1) / 5, 9);
  });

  it('is refused where the station has no temperatures for the days before', () => {
    const { ctx, series, day } = setup();
    const b = baselineFor('similar-days', series, day, { axis: ctx.axis, calendar: ctx.calendar, eventDays: new Set(), peakTemperature: ctx.peakTemperature('customer', 'I1') });
    expect(!b.ok && b.why).toBe('expected 5 working days with all 24 hours metered and a temperature in the 30 days before 2024-07-03, found 2');
  });
});
