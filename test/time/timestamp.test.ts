import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseDate, formatDate, isoWeekday, parseTimestamp, HOUR_MS } from '../../core/time/timestamp.ts';
import { formatInZone, resolveLocal, resolveZone } from '../../core/time/zone.ts';
import { hourlyCalendar } from '../../core/time/hourly-calendar.ts';

describe('timestamps', () => {
  it('parses a local time with its offset into the right instant', () => {
    expect(parseTimestamp('2024-07-01T02:00+08:00')).toEqual({ ms: Date.UTC(2024, 5, 30, 18), offsetMinutes: 480 });
    expect(parseTimestamp('2024-07-01T02:00Z')!.ms).toBe(Date.UTC(2024, 6, 1, 2));
  });
  it('refuses a timestamp without an offset', () => {
    expect(parseTimestamp('2024-07-01T02:00')).toBeNull();
  });
  it('refuses dates that do not exist', () => {
    expect(parseTimestamp('2024-02-30T00:00+08:00')).toBeNull();
    expect(parseTimestamp('2023-02-29T00:00+08:00')).toBeNull();
    expect(parseTimestamp('2024-02-29T00:00+08:00')).not.toBeNull();
    expect(parseTimestamp('2024-07-01T24:00+08:00')).toBeNull();
  });
  it('formats an instant back to the same text', () => {
    const text = '2024-07-01T02:00+08:00';
    const p = parseTimestamp(text)!;
    expect(formatTimestamp(p.ms, p.offsetMinutes)).toBe(text);
    expect(formatTimestamp(Date.UTC(2024, 0, 1, 5, 30), -330)).toBe('2024-01-01T00:00-05:30');
  });
  it('round-trips dates and knows their weekdays', () => {
    expect(formatDate(parseDate('2024-07-22')!)).toBe('2024-07-22');
    expect(isoWeekday(parseDate('2024-07-22')!)).toBe(1); // a Monday
    expect(isoWeekday(parseDate('2024-07-28')!)).toBe(7);
    expect(parseDate('2024-13-01')).toBeNull();
  });
});

describe('time zones', () => {
  it('knows Shanghai is always eight hours ahead of UTC', () => {
    const z = resolveZone('Asia/Shanghai')!;
    expect(z.offsetAt(Date.UTC(2024, 0, 1))).toBe(480);
    expect(z.offsetAt(Date.UTC(2024, 6, 1))).toBe(480);
  });
  it('follows daylight saving time in New York', () => {
    const z = resolveZone('America/New_York')!;
    expect(z.offsetAt(Date.UTC(2024, 0, 15))).toBe(-300);
    expect(z.offsetAt(Date.UTC(2024, 6, 15))).toBe(-240);
    expect(formatInZone(Date.UTC(2024, 6, 15, 12), z)).toBe('2024-07-15T08:00-04:00');
  });
  it('accepts fixed offsets and refuses unknown names', () => {
    expect(resolveZone('+08:00')!.offsetAt(0)).toBe(480);
    expect(resolveZone('UTC-05:00')!.offsetAt(0)).toBe(-300);
    expect(resolveZone('Mars/Olympus_Mons')).toBeNull();
  });
  it('says a spring-forward wall time never happened and a fall-back one happened twice', () => {
    const z = resolveZone('America/New_York')!;
    expect(resolveLocal({ year: 2024, month: 3, day: 10, hour: 2, minute: 0 }, z).kind).toBe('nonexistent');
    const twice = resolveLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 0 }, z);
    expect(twice.kind).toBe('ambiguous');
    if (twice.kind === 'ambiguous') expect(twice.later - twice.earlier).toBe(HOUR_MS);
    expect(resolveLocal({ year: 2024, month: 7, day: 1, hour: 12, minute: 0 }, z)).toEqual({ kind: 'unique', ms: Date.UTC(2024, 6, 1, 16) });
  });
  it('builds an hourly calendar with local hours across a DST change', () => {
    const z = resolveZone('America/New_York')!;
    const cal = hourlyCalendar(Date.UTC(2024, 2, 10, 5), 6, z); // from 00:00 EST on the change day
    expect(Array.from(cal.hourOfDay)).toEqual([0, 1, 3, 4, 5, 6]);
    expect(Array.from(cal.offsetMinutes)).toEqual([-300, -300, -240, -240, -240, -240]);
  });
});
