/**
 * A synthetic Chinese provincial load series for tests: seeded, in Asia/Shanghai, hourly or at 96
 * points a day, from any start year 2004–2026 (most public Chinese load data is 2009–2016).
 *
 *   const s = chineseSeries({ seed: 1, startYear: 2010, years: 3 });
 *   s.load          // MW, one value per point from local midnight 1 January of startYear
 *   s.temperature   // °C, same points
 *   s.csv()         // "time,load_mw,temp_c" with "2010-01-01T00:00+08:00" stamps
 *
 * What drives the load, so that a model test knows what it should find:
 * - Industry (60 % of the load) by kind of day from the statutory calendar (chinaCalendar): full on
 *   working days and on 调休 Saturdays and Sundays (they look like working days), 80 % on
 *   weekends, 55 % on statutory holidays; around Spring Festival the lower of that and the lunar shape.
 * - Spring Festival keyed on the lunar new year (正月初一, day 0), not on the statutory break:
 *   industry winds down from day −12 (workers travel home) to 35 % on 除夕, stays at 30 % to day 6,
 *   and comes back slowly — 60 % by 元宵 (day 14), 95 % by day 24 (`industryFactor`).
 * - Homes and commerce (40 %): a morning and an evening peak, lower commerce on weekends and
 *   holidays, lights on for the Lantern Festival evening (+8 % from 18 to 23 h on 正月十五).
 * - Weather on an effective temperature (the recency effect): cooling above 22 °C, heating below
 *   12 °C (the middle Yangtze: Wuhan, Hangzhou), from scenarios/generator/climate.ts.
 * - Growth 6 % a year and multiplicative noise that persists from day to day (AR(1)).
 * Temperatures at 15-minute points are interpolated between the hourly values.
 */
import { chinaCalendar, dayKindIndex, type DayKindIndex, type HolidayCalendar } from '../../core/calendar/day-kind.ts';
import { lunarDays, SPRING_FESTIVAL_NONE } from '../../core/calendar/lunar.ts';
import { createRng } from '../../core/random/rng.ts';
import { effectiveTemperature } from '../../core/scenario/profile-share.ts';
import { hourlyCalendar } from '../../core/time/hourly-calendar.ts';
import { DAY_MS, HOUR_MS, isoWeekday } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { ar1, CLIMATES, synthesizeTemperatures } from '../../scenarios/generator/climate.ts';

export interface ChineseSeriesOptions {
  seed: number;
  /** First calendar year, 2004–2026; the series starts at local midnight of its 1 January. */
  startYear: number;
  /** Whole years, 1–10, ending no later than 2026 (the published statutory calendar). */
  years: number;
  /** 24 (hourly, the default) or 96 (every 15 minutes). */
  pointsPerDay?: 24 | 96;
  /** Load level at the start, MW (default 20,000: a province). */
  baseMW?: number;
}

export interface ChineseSeries {
  /** The first point: local midnight, 1 January of startYear, Asia/Shanghai (UTC+8). */
  startMs: number;
  pointsPerDay: 24 | 96;
  /** Minutes between points (60 or 15). */
  stepMinutes: number;
  timeZone: 'Asia/Shanghai';
  /** MW per point. */
  load: Float64Array;
  /** °C per point. */
  temperature: Float64Array;
  /** The statutory calendar the load follows (holidays and 调休 working days). */
  holidays: HolidayCalendar;
  /** Industry's factor per local day (1 = a full working day), from day number `firstDay`. */
  industry: Float64Array;
  firstDay: number;
  /** The series as CSV text: time,load_mw,temp_c with offset-carrying local stamps. */
  csv(): string;
}

const SHANGHAI_MS = 8 * HOUR_MS;

/** Industry's activity relative to a full working day, by days from 正月初一 (day 0). */
export function industryFactor(daysFromNewYear: number): number {
  const k = daysFromNewYear;
  if (k === SPRING_FESTIVAL_NONE || k < -12 || k > 30) return 1;
  if (k < -1) return 1 - (0.65 * (k + 12)) / 11; // −12 → 1, −1 → 0.35
  if (k === -1) return 0.35; // 除夕
  if (k <= 6) return 0.3;
  if (k <= 14) return 0.3 + (0.3 * (k - 6)) / 8; // → 0.6 at 元宵
  if (k <= 24) return 0.6 + (0.35 * (k - 14)) / 10; // → 0.95
  return 0.95 + (0.05 * (k - 24)) / 6; // → 1 at day 30
}

function kindFactor(days: DayKindIndex, day: number): { industry: number; commerce: number } {
  const kind = days.kind(day);
  if (kind === 'holiday') return { industry: 0.55, commerce: 0.7 };
  if (kind === 'weekend') return { industry: 0.8, commerce: 0.85 };
  return { industry: 1, commerce: 1 }; // working days, 调休 weekend days included
}

/** Homes and commerce by fractional local hour: night trough, morning and evening peaks. */
function residentialShape(h: number): number {
  const bump = (centre: number, width: number) => Math.exp(-(((h - centre) / width) ** 2));
  return 0.55 + 0.35 * bump(10, 2.5) + 0.25 * bump(15, 2.5) + 0.5 * bump(20, 2);
}

/** Industry by fractional local hour: three shifts with a dip at the shift changes and at night. */
function industrialShape(h: number): number {
  return 0.9 + 0.1 * Math.sin((Math.PI * (h - 6)) / 12) - 0.04 * Math.exp(-(((h - 12) / 0.8) ** 2));
}

export function chineseSeries(options: ChineseSeriesOptions): ChineseSeries {
  const { seed, startYear, years } = options;
  const pointsPerDay = options.pointsPerDay ?? 24;
  const baseMW = options.baseMW ?? 20_000;
  if (!Number.isInteger(startYear) || startYear < 2004 || startYear > 2026) throw new Error(`chineseSeries startYear: expected a year 2004–2026, found ${startYear}`);
  if (!Number.isInteger(years) || years < 1 || years > 10 || startYear + years - 1 > 2026) throw new Error(`chineseSeries years: expected 1–10 whole years ending by 2026, found ${years} from ${startYear}`);
  if (pointsPerDay !== 24 && pointsPerDay !== 96) throw new Error(`chineseSeries pointsPerDay: expected 24 or 96, found ${pointsPerDay}`);
  if (!(baseMW > 0 && Number.isFinite(baseMW))) throw new Error(`chineseSeries baseMW: expected a positive number of MW, found ${baseMW}`);

  const zone = resolveZone('Asia/Shanghai')!;
  const startMs = Date.UTC(startYear, 0, 1) - SHANGHAI_MS;
  const firstDay = Date.UTC(startYear, 0, 1) / DAY_MS;
  const lastDay = Date.UTC(startYear + years - 1, 11, 31) / DAY_MS;
  const nDays = lastDay - firstDay + 1;
  const hours = nDays * 24;

  const cn = chinaCalendar(firstDay, lastDay);
  if (!cn.ok) throw new Error(`chineseSeries: ${cn.message}`);
  const days = dayKindIndex(cn.calendar);
  const lunar = lunarDays(firstDay, lastDay);
  if (!lunar.ok) throw new Error(`chineseSeries: ${lunar.message}`);

  const rng = createRng(`chinese-series:${seed}`);
  const cal = hourlyCalendar(startMs, hours, zone);
  const hourly = synthesizeTemperatures(cal, CLIMATES.yangtze, 1, rng.fork('weather'))[0];
  const effective = effectiveTemperature(hourly);
  const dayNoise = ar1(nDays, 0.015, 0.7, rng.fork('day-noise'));
  const pointNoise = ar1(nDays * pointsPerDay, 0.008, 0.6, rng.fork('point-noise'));

  const industry = new Float64Array(nDays);
  // Around the lunar new year the lunar shape rules (the statutory break sits inside it); a
  // weekend or another holiday in the window can only lower it further.
  for (let k = 0; k < nDays; k++) industry[k] = Math.min(kindFactor(days, firstDay + k).industry, industryFactor(lunar.days.springFestival[k]));

  const n = nDays * pointsPerDay;
  const stepMinutes = 1440 / pointsPerDay;
  const load = new Float64Array(n), temperature = new Float64Array(n);
  const at = (a: Float64Array, x: number) => {
    const i = Math.floor(x), f = x - i;
    return i + 1 < a.length ? a[i] * (1 - f) + a[i + 1] * f : a[a.length - 1];
  };
  for (let p = 0; p < n; p++) {
    const k = Math.floor(p / pointsPerDay);
    const day = firstDay + k;
    const hourOfDay = ((p % pointsPerDay) * stepMinutes) / 60;
    const x = p / (pointsPerDay / 24); // fractional hour index into the hourly arrays
    const t = at(hourly, x), tEff = at(effective, x);
    const { commerce } = kindFactor(days, day);
    const lantern = lunar.days.lantern[k] && hourOfDay >= 18 && hourOfDay < 23 ? 1.08 : 1;
    const weekendHomes = isoWeekday(day) >= 6 && days.kind(day) === 'weekend' ? 1.03 : 1;
    const homes = 0.4 * residentialShape(hourOfDay) * (0.5 + 0.5 * commerce) * lantern * weekendHomes;
    const factories = 0.6 * industry[k] * industrialShape(hourOfDay);
    const weather = 0.018 * Math.max(0, tEff - 22) ** 1.3 + 0.012 * Math.max(0, 12 - tEff);
    const growth = Math.exp((0.06 * (p * stepMinutes)) / (365.25 * 1440));
    const noise = Math.exp(dayNoise[k] + pointNoise[p]);
    load[p] = Math.round(baseMW * growth * (homes + factories + weather) * noise * 10) / 10;
    temperature[p] = Math.round(t * 10) / 10 + 0;
  }

  return {
    startMs, pointsPerDay, stepMinutes, timeZone: 'Asia/Shanghai', load, temperature, holidays: cn.calendar, industry, firstDay,
    csv: () => {
      const lines = ['time,load_mw,temp_c'];
      for (let p = 0; p < n; p++) lines.push(`${formatInZone(startMs + p * stepMinutes * 60_000, zone)},${load[p].toFixed(1)},${temperature[p].toFixed(1)}`);
      return lines.join('\n') + '\n';
    },
  };
}
