/**
 * The situation at a glance, for the bar pinned at the top of the page: the highest level with its
 * worst period, gap and lead time, one row per warned area (the system, each area short of import
 * capacity, the energy-short days), when the bulletin was issued and when the next is due. Pure:
 * figures from the assessment and its bulletin, words from i18n; the Node tests read it directly.
 */
import type { Assessment } from '../core/warning/assess.ts';
import type { Bulletin, BulletinEnergyDay, BulletinPeriod } from '../core/warning/bulletin.ts';
import { LEVELS, type Level } from '../core/warning/levels.ts';
import { HOUR_MS } from '../core/time/timestamp.ts';
import { levelWords, localeOf, word, type Lang } from './i18n.ts';
import { clockText, dateText, dayStartMs, periodText } from './time-text.ts';

/**
 * Bulletins are issued daily at the same local hour (the rolling day-ahead forecast is issued
 * that way: core/forecast/rolling.ts), so the next is due a day after this one.
 */
export const BULLETIN_EVERY_HOURS = 24;

export type SituationKind = 'system' | 'local' | 'energy';

export interface SituationRow {
  kind: SituationKind;
  area: string;
  areaName: string;
  level: Level;
  /** "II级 橙色预警 · 07-24 15–22时 · 缺口 223 MW（12.3 %）· 提前量 33 h" */
  text: string;
  /** Hours from issue to the area's first warned hour (the energy-short day's start). */
  leadHours: number;
}

export interface Situation {
  level: Level;
  /** The worst row's text ("no warning over the horizon" when there is none). */
  headline: string;
  rows: SituationRow[];
  /** "issued 07-22 10:00 · next bulletin 07-23 10:00" */
  issued: string;
  issuedMs: number;
  nextMs: number;
}

type Figures = Pick<Assessment, 'issuedAtMs' | 'startMs' | 'timeZone' | 'system' | 'local'>;

const rank = (l: Level) => LEVELS.indexOf(l);

export function situationOf(a: Figures, b: Bulletin, lang: Lang): Situation {
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d, minimumFractionDigits: d });
  const sep = ' · ';
  const hours = (x: number) => `${word('leadTime', lang)} ${n(x)} h`;
  const rows: SituationRow[] = [];

  for (const g of [a.system, ...a.local]) {
    const warned = b.periods.filter((p) => p.area === g.area && p.level !== 'none');
    if (!warned.length) continue;
    const worst = worstPeriod(warned);
    const first = g.expectedLevel.findIndex((l) => l > 0);
    const firstMs = first >= 0 ? a.startMs + first * HOUR_MS : periodStartMs(warned[0], a.timeZone);
    const leadHours = Math.round((firstMs - a.issuedAtMs) / HOUR_MS);
    const where = g.scope === 'system' ? word('systemArea', lang) : `${g.name}${lang === 'zh' ? '（局部）' : ' (local)'}`;
    rows.push({
      kind: g.scope, area: g.area, areaName: g.name, level: worst.level, leadHours,
      text: [levelWords(worst.level, lang), where, periodText(worst.date, worst.fromHour, worst.toHour, lang), gapText(worst, lang, n), hours(leadHours)].join(sep),
    });
  }
  const short = b.energy.filter((e) => e.level !== 'none');
  if (short.length) {
    const worst = worstDay(short);
    const leadHours = Math.round((dayStartMs(short[0].date, a.timeZone) - a.issuedAtMs) / HOUR_MS);
    const days = short.length > 1 ? `${dateText(short[0].date, lang)}–${dateText(short[short.length - 1].date, lang)}${lang === 'zh' ? `（${short.length} 天）` : ` (${short.length} days)`}` : dateText(short[0].date, lang);
    rows.push({
      kind: 'energy', area: b.area.id, areaName: b.area.name, level: worst.level, leadHours,
      text: [levelWords(worst.level, lang), word('energyShort', lang), days,
        `${word('energyGap', lang)} ${n(worst.gapMWh)} MWh${lang === 'zh' ? `（${n(worst.gapPct, 1)} %）` : ` (${n(worst.gapPct, 1)} %)`}`, hours(leadHours)].join(sep),
    });
  }
  // Worst first; on a tie the system, then local areas, then energy (the order they were added).
  const sorted = rows.map((r, i) => [r, i] as const).sort((x, y) => rank(y[0].level) - rank(x[0].level) || x[1] - y[1]).map(([r]) => r);
  const top = sorted[0];
  const issuedMs = a.issuedAtMs, nextMs = issuedMs + BULLETIN_EVERY_HOURS * HOUR_MS;
  return {
    level: top?.level ?? 'none',
    headline: top ? top.text : `${levelWords('none', lang)}${sep}${word('noGapHorizon', lang)}`,
    rows: sorted,
    issued: `${word('issuedAt', lang)} ${clockText(issuedMs, a.timeZone, lang)}${sep}${word('nextBulletin', lang)} ${clockText(nextMs, a.timeZone, lang)}`,
    issuedMs, nextMs,
  };
}

function gapText(p: BulletinPeriod, lang: Lang, n: (x: number, d?: number) => string): string {
  return lang === 'zh' ? `${word('gap', lang)} ${n(p.peakGapMW)} MW（${n(p.peakGapPct, 1)} %）` : `${word('gap', lang)} ${n(p.peakGapMW)} MW (${n(p.peakGapPct, 1)} %)`;
}

/** The highest level, then the largest gap, then the earliest. */
function worstPeriod(ps: BulletinPeriod[]): BulletinPeriod {
  return ps.reduce((w, p) => (rank(p.level) > rank(w.level) || (rank(p.level) === rank(w.level) && p.peakGapMW > w.peakGapMW) ? p : w));
}

function worstDay(ds: BulletinEnergyDay[]): BulletinEnergyDay {
  return ds.reduce((w, d) => (rank(d.level) > rank(w.level) || (rank(d.level) === rank(w.level) && d.gapMWh > w.gapMWh) ? d : w));
}

function periodStartMs(p: BulletinPeriod, timeZone: string): number {
  return dayStartMs(p.date, timeZone) + p.fromHour * HOUR_MS;
}

/** What a what-if changed: "supply −150 MW · +2 °C · notice 4 h". */
export function whatIfText(s: { lostMW: number; tempOffsetC: number; noticeHours: number | null }, lang: Lang): string {
  const parts: string[] = [];
  if (s.lostMW) parts.push(`${word('whatIfSupply', lang)} −${s.lostMW.toLocaleString(localeOf(lang))} MW`);
  if (s.tempOffsetC) parts.push(`${s.tempOffsetC > 0 ? '+' : '−'}${Math.abs(s.tempOffsetC)} °C`);
  if (s.noticeHours !== null) parts.push(`${word('whatIfNoticeShort', lang)} ${s.noticeHours} h`);
  return parts.join(' · ') || word('whatIfAtRest', lang);
}
