/**
 * The customer list a dispatcher sends out (定用户、定负荷、定线路): one row per customer in the plan,
 * with its feeder and substation, the measures, the latest time the notice must go out, and the MW
 * to release in every hour of the plan (local times in the header).
 */
import type { PlanReport } from './report.ts';

/**
 * A text cell (names, ids, classes, times): a leading =, +, -, @, tab or carriage return would make
 * a spreadsheet run it as a formula, so it gets a single quote in front (OWASP, CSV injection).
 */
const text = (v: string): string => quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
/** A number we wrote ourselves stays a number (a negative one too). */
const number = (v: number | string): string => quote(String(v));
/** Cells with a comma, a quote or a line break are quoted, quotes doubled (RFC 4180). */
const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function planCsv(report: PlanReport): string {
  const head = ['customer', 'name', 'class', 'feeder', 'substation', 'measures', 'notice_by', 'notice_hours', 'first_hour', 'hours', 'peak_MW', 'energy_MWh', ...report.times.map((t) => `MW ${t}`)];
  const rows = report.customers.map((c) => [
    text(c.id), text(c.name), text(c.class), text(c.feeder), text(c.area), text(c.measures.join(' ')), text(c.noticeBy), number(c.noticeHours), text(c.firstHour),
    number(c.hours), number(c.peakMW), number(c.energyMWh), ...c.mw.map((v) => (v ? number(v.toFixed(3)) : '')),
  ]);
  return [head.map(text), ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
