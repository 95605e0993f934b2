import { describe, expect, it } from 'vitest';
import { resolveZone } from '../../core/time/zone.ts';

/** The offset Intl gives at an instant, asked directly (what the zone's cache must agree with). */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(name: string, ms: number): number {
  if (!formats.has(name)) formats.set(name, new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' }));
  const text = formats.get(name)!.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
  if (text === 'GMT') return 0;
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

describe('resolveZone(name).offsetAt', () => {
  // New York and London change at whole hours, Lord Howe by 30 minutes at a half hour (15:30 UTC),
  // Shanghai never since 1991; Sao Paulo kept DST until February 2019.
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Shanghai', 'America/Sao_Paulo'];
  const from = Date.UTC(2018, 0, 1), until = Date.UTC(2019, 0, 1);

  it('agrees with Intl at every half hour of a year, across every change of offset, asked in order', () => {
    for (const name of zones) {
      const zone = resolveZone(name)!;
      const wrong: string[] = [];
      for (let ms = from; ms < until; ms += 1_800_000) {
        const want = intlOffset(name, ms), got = zone.offsetAt(ms);
        if (got !== want) wrong.push(`${name} ${new Date(ms).toISOString()}: ${got} ≠ ${want}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    }
  }, 120_000);

  it('agrees with Intl when asked out of order, at odd minutes around the changes', () => {
    const zone = resolveZone('Australia/Lord_Howe')!;
    // Around the 2018-10-07 change (02:00 local +10:30 → +11:00, 15:30 UTC on the 6th) and back on 2019-04-07.
    const around = [Date.UTC(2018, 9, 6, 15, 29), Date.UTC(2018, 9, 6, 15, 31), Date.UTC(2018, 9, 6, 15, 0), Date.UTC(2018, 9, 6, 16, 0), Date.UTC(2019, 3, 6, 14, 59), Date.UTC(2019, 3, 6, 15, 1), Date.UTC(2018, 9, 6, 15, 59)];
    for (const ms of around) expect(zone.offsetAt(ms), new Date(ms).toISOString()).toBe(intlOffset('Australia/Lord_Howe', ms));
  });
});
