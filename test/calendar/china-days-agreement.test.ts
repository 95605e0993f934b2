/**
 * chinese-days' data against the 2015–2026 table kept by hand from the State Council notices
 * (test/calendar/fixtures/china-statutory-2015-2026.ts, sources per year in it): the library
 * replaced the table only because they agree on every day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../core/calendar/day-kind.ts';
import { chinaStatutoryDays, CHINESE_DAYS_VERSION } from '../../core/calendar/china-statutory.ts';
import { formatDate, parseDate } from '../../core/time/timestamp.ts';
import { repoRoot } from '../support/data-dir.ts';
import { CHINA_STATUTORY } from './fixtures/china-statutory-2015-2026.ts';

const hand = new Map<string, string>();
const handWorkdays = new Set<string>();
for (const year of Object.values(CHINA_STATUTORY)) {
  for (const [date, en] of year.holidays) hand.set(date, en);
  for (const w of year.workdays) handWorkdays.add(w);
}
// Every day of the table's years; its New Year breaks reaching back into late December
// (2016-12-31, 2017-12-30, 2018-12-29 worked …) lie inside this range too.
const FROM = parseDate('2015-01-01')!, TO = parseDate('2026-12-31')!;

describe('chinese-days against the hand-verified 2015–2026 table', () => {
  const statutory = chinaStatutoryDays();

  it('gives the same days off, with the same names, on every day of 2015–2026', () => {
    const differ: string[] = [];
    for (let d = FROM; d <= TO; d++) {
      const date = formatDate(d);
      const lib = statutory.holidays.get(d), table = hand.get(date);
      if (lib !== table) differ.push(`${date}: chinese-days ${lib ?? 'no holiday'}, table ${table ?? 'no holiday'}`);
    }
    expect(differ).toEqual([]);
  });

  it('gives the same adjusted working days (调休) on every day of 2015–2026', () => {
    const differ: string[] = [];
    for (let d = FROM; d <= TO; d++) {
      const date = formatDate(d);
      if (statutory.workdays.has(d) !== handWorkdays.has(date)) differ.push(`${date}: chinese-days ${statutory.workdays.has(d)}, table ${handWorkdays.has(date)}`);
    }
    expect(differ).toEqual([]);
  });

  it('gives chinaCalendar the table’s calendar for a range inside it (2024 National Day)', () => {
    const r = chinaCalendar(parseDate('2024-09-20')!, parseDate('2024-10-20')!);
    if (!r.ok) throw new Error(r.message);
    expect(r.calendar.days.map((d) => d.date)).toEqual([...hand.keys()].filter((d) => d >= '2024-09-20' && d <= '2024-10-20').sort());
    expect(r.calendar.workdays).toEqual(['2024-09-29', '2024-10-12']);
    expect(r.estimatedYears).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('covers 2004 to 2026, from the chinese-days version installed', () => {
    expect([statutory.firstYear, statutory.lastYear]).toEqual([2004, 2026]);
    const installed = JSON.parse(readFileSync(join(repoRoot, 'node_modules/chinese-days/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(CHINESE_DAYS_VERSION);
    const declared = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(declared.dependencies['chinese-days']).toBe(CHINESE_DAYS_VERSION); // pinned, not a range
  });
});
