import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaCalendar, dayKindIndex } from '../../core/calendar/day-kind.ts';
import { usFederalHolidays } from '../../core/calendar/us-federal.ts';
import { calendarFeatures } from '../../core/forecast/calendar-features.ts';
import { parseGefcomHolidays } from '../../core/history/gefcom2012.ts';
import { DAY_MS, parseDate } from '../../core/time/timestamp.ts';
import { resolveZone } from '../../core/time/zone.ts';
import { dataFolder } from '../support/data-dir.ts';

const shanghai = resolveZone('Asia/Shanghai')!;
const midnight = (date: string) => parseDate(date)! * DAY_MS - 8 * 3_600_000;

describe('calendar features for load models', () => {
  const cn = chinaCalendar(parseDate('2024-09-20')!, parseDate('2024-10-20')!);
  if (!cn.ok) throw new Error('no table');
  const days = dayKindIndex(cn.calendar);
  const cal = calendarFeatures(midnight('2024-09-27'), 24 * 16, shanghai, days);
  const at = (date: string, hour = 12) => Math.round((midnight(date) - cal.startMs) / 3_600_000) + hour;

  it('reads a holiday as a Sunday', () => {
    expect(cal.effectiveWeekday[at('2024-10-02')]).toBe(6); // a Wednesday of the National Day break
    expect(cal.holiday[at('2024-10-02')]).toBe(1);
  });
  it('reads an adjusted working Sunday (调休) as a working day', () => {
    expect(cal.weekday[at('2024-09-29')]).toBe(6); // Sunday…
    expect(cal.effectiveWeekday[at('2024-09-29')]).toBe(0); // …worked as a Monday
  });
  it('marks the working day after a holiday break and the one before it', () => {
    expect(cal.holiday[at('2024-10-08')]).toBe(2); // first working day after the break
    expect(cal.holiday[at('2024-09-30')]).toBe(3); // last working day before it
    expect(cal.holiday[at('2024-10-10')]).toBe(0);
  });
  it('keeps local hours in the scenario zone', () => {
    expect(cal.hour[at('2024-10-08', 0)]).toBe(0);
    expect(cal.hour[at('2024-10-08', 23)]).toBe(23);
  });
});

describe('US federal holidays by rule', () => {
  it('observe a Saturday holiday on the Friday and a Sunday one on the Monday', () => {
    const h = usFederalHolidays(2004, 2005).days.map((d) => d.date);
    expect(h).toContain('2004-07-05'); // 4 July 2004 was a Sunday
    expect(h).toContain('2004-12-24'); // Christmas 2004 was a Saturday
    expect(h).toContain('2004-11-25'); // fourth Thursday of November
  });
  const dir = dataFolder('gefcom2012_load');
  it.skipIf(!dir)('match the holiday list shipped with GEFCom2012 for every listed day', () => {
    const listed = parseGefcomHolidays(readFileSync(join(dir!, 'Holiday_List.csv'), 'utf8'));
    if (!listed.ok) throw new Error('unreadable');
    const ours = new Set(usFederalHolidays(2003, 2009).days.map((d) => d.date));
    expect(listed.holidays.filter((h) => !ours.has(h.date)).map((h) => `${h.date} ${h.name}`)).toEqual([]);
  });
});
