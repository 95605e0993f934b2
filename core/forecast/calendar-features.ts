/**
 * Calendar features of each hour of a series: hour of day, weekday, month, day number, trend, and
 * the kind of day (working day, weekend, holiday, adjusted working day) from the holiday calendar;
 * on a Chinese calendar also the lunar ones (days from 正月初一, the Lantern Festival), which
 * drive Chinese load more than any statutory date: factories close for one to three weeks
 * around Spring Festival, keyed on the lunar new year.
 */
import type { DayKindIndex } from '../calendar/day-kind.ts';
import { lunarDays, SPRING_FESTIVAL_NONE } from '../calendar/lunar.ts';
import { hourlyCalendar } from '../time/hourly-calendar.ts';
import type { Zone } from '../time/zone.ts';

export interface CalendarFeatures {
  n: number;
  startMs: number;
  hour: Uint8Array; // 0..23
  weekday: Uint8Array; // 0 = Monday .. 6 = Sunday
  month: Uint8Array; // 0..11
  day: Int32Array; // local day number
  /** Years since the series start (a linear trend in load). */
  trend: Float64Array;
  /** 0 ordinary, 1 holiday, 2 day after a holiday, 3 day before a holiday (working days only for 2 and 3). */
  holiday: Uint8Array;
  /** Day kind as a weekday would be read for load: holidays read as Sundays, adjusted working days as the weekday they replace (Monday). */
  effectiveWeekday: Uint8Array;
  /**
   * Days from 正月初一 (the lunar new year) of the hour's local day, −20…+45 (0 on 初一, −1 on
   * 除夕 …), and SPRING_FESTIVAL_NONE (−32768) outside that window, on calendars other than the
   * Chinese one ('CN'), and for dates outside the lunar table (1900–2100).
   */
  springFestival: Int16Array;
  /** 1 on 正月十五 (元宵节, the Lantern Festival) on a Chinese calendar, else 0. */
  lantern: Uint8Array;
}

export { SPRING_FESTIVAL_NONE };

export function calendarFeatures(startMs: number, n: number, zone: Zone, days: DayKindIndex | null): CalendarFeatures {
  const cal = hourlyCalendar(startMs, n, zone);
  const weekday = new Uint8Array(n), month = new Uint8Array(n), holiday = new Uint8Array(n), effective = new Uint8Array(n);
  const trend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    weekday[i] = cal.weekday[i] - 1;
    month[i] = cal.month[i] - 1;
    trend[i] = i / 8766;
    const d = cal.day[i];
    const kind = days?.kind(d) ?? (weekday[i] >= 5 ? 'weekend' : 'workday');
    if (kind === 'holiday') {
      holiday[i] = 1;
      effective[i] = 6;
    } else {
      if (days && (kind === 'workday' || kind === 'adjusted-workday')) {
        if (days.kind(d - 1) === 'holiday') holiday[i] = 2;
        else if (days.kind(d + 1) === 'holiday') holiday[i] = 3;
      }
      effective[i] = kind === 'adjusted-workday' ? 0 : weekday[i];
    }
  }
  const springFestival = new Int16Array(n).fill(SPRING_FESTIVAL_NONE), lantern = new Uint8Array(n);
  if (days?.calendar === 'CN' && n > 0) {
    const lunar = lunarDays(cal.day[0], cal.day[n - 1]);
    if (lunar.ok) {
      for (let i = 0; i < n; i++) {
        const k = cal.day[i] - lunar.days.firstDay;
        springFestival[i] = lunar.days.springFestival[k];
        lantern[i] = lunar.days.lantern[k];
      }
    }
  }
  return { n, startMs, hour: cal.hourOfDay, weekday, month, day: cal.day, trend, holiday, effectiveWeekday: effective, springFestival, lantern };
}
