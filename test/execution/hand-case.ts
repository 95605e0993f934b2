/**
 * A day of execution worked by hand on the tiny scenario (2024-07-03, a Wednesday; orders at
 * 18:00–21:00 local):
 *  - I1 (high-energy, 避峰) ordered 2 MW, baseline 4 MW, meters 2 MW: released 2, 100 %;
 *  - I2 (industry, demand response) ordered 1 MW, baseline 2 MW, meters 1.4 MW: released 0.6, 60 %;
 *  - M1 (commerce, 限电) ordered 0.5 MW, baseline 1.5 MW: at 18:00 still 1.5 (late), then 1.0:
 *    delivered 0 + 0.5 + 0.5 of 1.5 MWh, 66.7 %, late by 1 h;
 *  - feeder F3 (serves the hospital H1, and M1) normally 4 MW: 4 at 18:00, 2.5 at 19:00 and
 *    20:00 — of the 1.5 MW drop, 0.5 is M1's order, 1.0 MW is not ordered by anyone.
 * Every baseline day (the 30 days before) reads the baseline flat, so every policy gives it.
 */
import type { PlanReport } from '../../core/plan/report.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

export const ORDER_HOURS = [18, 19, 20];
const hourly = <T,>(f: (h: number) => T): T[] => Array.from({ length: 24 }, (_, h) => f(h));
const at = (mw: number) => hourly((h) => (ORDER_HOURS.includes(h) ? mw : 0));

export function handScenario(): ScenarioFile {
  const s = tinyScenario();
  s.customers.find((c) => c.id === 'I1')!.contact = { name: '王工', phone: '+86 139 0000 0001' };
  s.customers.find((c) => c.id === 'I2')!.contact = { name: 'Li Ming' };
  return s;
}

export function handPlan(): PlanReport {
  const times = hourly((h) => `2024-07-03T${String(h).padStart(2, '0')}:00+08:00`);
  const row = (id: string, name: string, cls: string, feeder: string, area: string, measure: string, mw: number, noticeHours: number) => ({
    id, name, class: cls, feeder, area, measures: [measure], noticeBy: '', noticeHours, firstHour: times[18], hours: 3, peakMW: mw, energyMWh: 3 * mw, mw: at(mw), measureByHour: [],
  });
  return {
    format: 'orderly-plan/1', scenario: { id: 'tiny', name: 'Tiny test grid' }, strategy: 'cost', level: null, targetMW: 3.5,
    issuedAt: '2024-07-02T08:00+08:00', start: times[0], hours: 24, timeZone: 'Asia/Shanghai', currency: 'CNY', times,
    system: { area: 'C', name: 'Test City', scope: 'system', requiredMW: at(3.5), coveredMW: at(3.5), residualMW: at(0), peakResidualMW: 0, residualMWh: 0 },
    local: [],
    customers: [
      row('I1', 'Steel works', 'high-energy', 'F2', 'S1', 'avoid-peak', 2, 24),
      row('I2', 'Textile mill', 'industry', 'F2', 'S1', 'demand-response', 1, 24),
      row('M1', 'Mall', 'commerce', 'F3', 'S2', 'limit', 0.5, 4),
    ],
    orders: [
      { customer: 'I1', measure: 'avoid-peak', mw: at(2) },
      { customer: 'I2', measure: 'demand-response', mw: at(1) },
      { customer: 'M1', measure: 'limit', mw: at(0.5) },
    ],
    feedersOpened: [],
    emergencyOrder: { steps: [{ feeder: 'F2', area: 'S1', releasesMW: 3 }] },
  } as unknown as PlanReport;
}

export const BASELINE: Record<string, number> = { I1: 4, I2: 2, M1: 1.5, F3: 4 };
/** The execution day as metered, by local hour. */
export const ACTUAL: Record<string, (h: number) => number> = {
  I1: (h) => (ORDER_HOURS.includes(h) ? 2 : 4),
  I2: (h) => (ORDER_HOURS.includes(h) ? 1.4 : 2),
  M1: (h) => (h === 19 || h === 20 ? 1.0 : 1.5),
  F3: (h) => (h === 19 || h === 20 ? 2.5 : 4),
};

const stamp = (date: string, h: number, m = 0) => `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}+08:00`;
/** Local dates from..to inclusive (July 2024 or June). */
export function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00Z`); t <= Date.parse(`${to}T00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The meter file: hourly (or 15-min with the hour's value in each quarter), one reading per row. */
export function handMeters(options: { minutes?: 15 | 60; from?: string } = {}): string {
  const minutes = options.minutes ?? 60;
  const lines = ['time,of,id,load_MW'];
  for (const date of dates(options.from ?? '2024-06-15', '2024-07-03')) {
    for (let h = 0; h < 24; h++) {
      for (let m = 0; m < 60; m += minutes) {
        for (const id of ['I1', 'I2', 'M1', 'F3']) {
          const v = date === '2024-07-03' ? ACTUAL[id](h) : BASELINE[id];
          lines.push(`${stamp(date, h, m)},${id === 'F3' ? 'feeder' : 'customer'},${id},${v}`);
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}
