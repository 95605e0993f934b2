/**
 * Times as a control room reads them: the grid's own wall clock (the scenario's zone, not the
 * browser's), 24-hour, in the page's language, never a raw ISO timestamp. Pure: the views, the
 * charts and the Node tests share it.
 */
import { parseTimestamp } from '../core/time/timestamp.ts';
import { localTime, resolveZone, type LocalTime } from '../core/time/zone.ts';
import type { Lang } from './i18n.ts';

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function local(ms: number, timeZone: string): LocalTime {
  const zone = resolveZone(timeZone);
  if (!zone) throw new Error(`time zone "${timeZone}" is not known`);
  return localTime(ms, zone);
}

/** "07-24" / "Jul 24": a local day. */
export function dayText(t: Pick<LocalTime, 'month' | 'day'>, lang: Lang): string {
  return lang === 'zh' ? `${two(t.month)}-${two(t.day)}` : `${MONTHS_EN[t.month - 1]} ${t.day}`;
}

/** A local date "2024-07-24" written as dayText. */
export function dateText(date: string, lang: Lang): string {
  const [, month, day] = date.split('-').map(Number);
  return dayText({ month, day }, lang);
}

/** "07-24 15:00" / "Jul 24 15:00": an instant on the grid's clock. */
export function clockText(ms: number, timeZone: string, lang: Lang): string {
  const t = local(ms, timeZone);
  return `${dayText(t, lang)} ${two(t.hour)}:${two(t.minute)}`;
}

/**
 * "2024年7月24日 18:00" / "Jul 24, 2024 18:00": an instant on the grid's clock with its year, for a
 * document filed and signed (read years later, where "07-24" alone does not say which summer).
 */
export function datedText(ms: number, timeZone: string, lang: Lang): string {
  const t = local(ms, timeZone);
  return lang === 'zh' ? `${t.year}年${t.month}月${t.day}日 ${two(t.hour)}:${two(t.minute)}` : `${MONTHS_EN[t.month - 1]} ${t.day}, ${t.year} ${two(t.hour)}:${two(t.minute)}`;
}

/** datedText of a timestamp with its offset; the text itself when it is not one. */
export function datedStampText(stamp: string, timeZone: string, lang: Lang): string {
  const p = parseTimestamp(stamp);
  return p ? datedText(p.ms, timeZone, lang) : stamp;
}

/** clockText of a timestamp with its offset ("2024-07-24T18:00+08:00"); the text itself when it is not one. */
export function stampText(stamp: string, timeZone: string, lang: Lang): string {
  const p = parseTimestamp(stamp);
  return p ? clockText(p.ms, timeZone, lang) : stamp;
}

/** "07-24 15–22时" / "Jul 24 15:00–22:00": a period of whole local hours on one day. */
export function periodText(date: string, fromHour: number, toHour: number, lang: Lang): string {
  return lang === 'zh' ? `${dateText(date, lang)} ${fromHour}–${toHour}时` : `${dateText(date, lang)} ${two(fromHour)}:00–${two(toHour)}:00`;
}

/** An axis tick on a wall-clock date (see zoned-time.ts): the day at midnight, else the hour ("15:00"). */
export function tickText(wall: Date, lang: Lang): string {
  const h = wall.getUTCHours(), m = wall.getUTCMinutes();
  if (h === 0 && m === 0) return dayText({ month: wall.getUTCMonth() + 1, day: wall.getUTCDate() }, lang);
  return `${two(h)}:${two(m)}`;
}

/**
 * The instant a local date ("2024-07-24") starts in the zone: midnight less the offset in force at
 * midnight itself (found in two steps: the offset near it, then the offset at that guess), so a
 * day whose clocks change at 02:00 still starts on the old offset.
 */
export function dayStartMs(date: string, timeZone: string): number {
  const zone = resolveZone(timeZone);
  if (!zone) throw new Error(`time zone "${timeZone}" is not known`);
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const guess = utcMidnight - zone.offsetAt(utcMidnight) * 60_000;
  return utcMidnight - zone.offsetAt(guess) * 60_000;
}
