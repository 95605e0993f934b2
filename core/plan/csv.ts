/**
 * The customer list a dispatcher sends out (定用户、定负荷、定线路): one row per customer in the plan,
 * with its feeder and substation, every measure it is on, the latest time the notice must go out,
 * and the MW to release in every hour of the plan (local times in the header); then what the
 * dispatcher tells the customer: its tier and whitelist flag, control (terminal or manual) and
 * response time, its 限电 cap and shift return hours, the notice time for each day of the plan,
 * the measures it is on in each hour ('+' between two), and where 限电 is in force the MW its load
 * must stay under (limit_to_MW), beside the MW released. Columns up to the MW block are as before;
 * the rest come after it.
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
  const H = report.times.length;
  // The plan's local days, for one notice time per day.
  const dates = [...new Set(report.times.map((t) => t.slice(0, 10)))];
  // Every measure a customer is on in each hour, from its orders (and its feeder, where opened).
  const ordersOf = new Map<string, PlanReport['orders']>();
  for (const o of report.orders) { const l = ordersOf.get(o.customer); if (l) l.push(o); else ordersOf.set(o.customer, [o]); }
  const openAt = new Map(report.feedersOpened.map((f) => [f.feeder, new Set(f.open ?? [])]));
  const head = [
    'customer', 'name', 'class', 'feeder', 'substation', 'measures', 'notice_by', 'notice_hours', 'first_hour', 'hours', 'peak_MW', 'energy_MWh', ...report.times.map((t) => `MW ${t}`),
    'tier', 'key_enterprise', 'control', 'response_minutes', 'limit_cap_MW', 'shift_return_hours',
    ...dates.map((d) => `notice_by ${d}`), ...report.times.map((t) => `measure ${t}`), ...report.times.map((t) => `limit_to_MW ${t}`),
  ];
  const rows = report.customers.map((c) => {
    const orders = ordersOf.get(c.id) ?? [];
    const open = openAt.get(c.feeder);
    const byHour = Array.from({ length: H }, (_, h) => {
      const on = orders.filter((o) => (o.mw[h] ?? 0) > 0).map((o) => o.measure as string);
      if (open?.has(h)) on.push('feeder-open');
      return on.join('+');
    });
    const noticeOn = new Map((c.noticeByDay ?? []).map((d) => [d.date, d.noticeBy]));
    return [
      text(c.id), text(c.name), text(c.class), text(c.feeder), text(c.area), text(c.measures.join(' ')), text(c.noticeBy), number(c.noticeHours), text(c.firstHour),
      number(c.hours), number(c.peakMW), number(c.energyMWh), ...c.mw.map((v) => (v ? number(v.toFixed(3)) : '')),
      text(c.tier ?? ''), c.keyEnterprise === undefined ? '' : c.keyEnterprise ? 'yes' : 'no', text(c.control ?? ''), c.responseMinutes === undefined ? '' : number(c.responseMinutes),
      c.limitCapMW === undefined ? '' : number(c.limitCapMW), text(c.shiftReturn ?? ''),
      ...dates.map((d) => text(noticeOn.get(d) ?? '')), ...byHour.map(text),
      ...Array.from({ length: H }, (_, h) => { const v = c.limitToMW?.[h]; return v === null || v === undefined ? '' : number(v.toFixed(3)); }),
    ];
  });
  return [head.map(text), ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
