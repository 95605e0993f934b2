/**
 * The customer list a dispatcher sends out (定用户、定负荷、定线路): one row per customer in the plan,
 * with its feeder and substation, the measures, the latest time the notice must go out, and the MW
 * to release in every hour of the plan (local times in the header).
 */
import type { PlanReport } from './report.ts';

const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function planCsv(report: PlanReport): string {
  const head = ['customer', 'name', 'class', 'feeder', 'substation', 'measures', 'notice_by', 'notice_hours', 'first_hour', 'hours', 'peak_MW', 'energy_MWh', ...report.times.map((t) => `MW ${t}`)];
  const rows = report.customers.map((c) => [
    c.id, c.name, c.class, c.feeder, c.area, c.measures.join(' '), c.noticeBy, c.noticeHours, c.firstHour, c.hours, c.peakMW, c.energyMWh, ...c.mw.map((v) => (v ? v.toFixed(3) : '')),
  ]);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
