/**
 * The daily execution report (有序用电执行日报) and the cumulative evaluation (事后评估), from the
 * day's compliance: what the regulator asks to be reported regularly (定期报送有序用电执行情况).
 * Loads are metered releases (baseline − actual, floored at 0 per customer and hour), split over a
 * customer's measures in proportion to what each ordered in the hour; a group's load is its
 * largest hourly total (coincident, not the sum of peaks).
 */
import type { Measure } from '../scenario/classes.ts';
import { windowsText } from '../plan/report.ts';
import type { DayCompliance } from './compliance.ts';
import type { ExecutionContext } from './context.ts';
import { meterAt, meterIn, type Meters } from './meters.ts';
import type { PlanDay } from './plan-days.ts';

/** 错避峰: the orderly measures (shifting, avoiding the peak, limiting, opening a feeder). */
export const ORDERLY_MEASURES: readonly Measure[] = ['shift', 'avoid-peak', 'limit', 'feeder-open'];
/** 高耗能: the high-energy, high-emission class. */
export const HIGH_ENERGY_CLASSES: readonly string[] = ['high-energy'];

export interface DailyReport {
  date: string;
  /** 实际发生最大负荷: the system's metered maximum (its root area's meter), null where it is not metered. */
  maxLoadMW: number | null;
  maxLoadTime: string | null;
  /** 调度下达缺口指标: the largest system gap the plan covers on the day, MW. */
  gapTargetMW: number;
  /** 执行时段: the local hours with orders, as windows "15-22". */
  periods: string;
  executionHours: number;
  /** 错避峰户数/负荷. */
  orderlyCustomers: number;
  orderlyMW: number;
  /** 需求响应户数/负荷. */
  demandResponseCustomers: number;
  demandResponseMW: number;
  /** 高耗能压限负荷及占比 (of the day's largest total release). */
  highEnergyMW: number;
  highEnergyShare: number | null;
  /** 影响电量: MWh released over the day. */
  energyMWh: number;
  /** 用户执行率: customers executed / customers metered. */
  executionRate: number | null;
  completion: number | null;
  customersOrdered: number;
  customersMetered: number;
}

export function dailyReport(ctx: ExecutionContext, d: PlanDay, compliance: DayCompliance, meters: Meters): DailyReport {
  const root = ctx.scenario.areas.find((a) => a.parent === null)!;
  const rootMeter = meterIn(meters, 'area', root.id);
  let maxLoadMW: number | null = null, maxLoadTime: string | null = null;
  if (rootMeter !== undefined) {
    for (let h = 0; h < 24; h++) {
      if (d.axisHour[h] < 0) continue;
      const v = meterAt(meters.series[rootMeter], d.axisHour[h]);
      if (Number.isFinite(v) && (maxLoadMW === null || v > maxLoadMW)) { maxLoadMW = v; maxLoadTime = ctx.axis.time(d.axisHour[h]); }
    }
  }
  const byCustomer = new Map(d.customers.map((c) => [c.customer, c]));
  const orderly = new Float64Array(24), dr = new Float64Array(24), high = new Float64Array(24), total = new Float64Array(24);
  let orderlyCustomers = 0, drCustomers = 0, energy = 0;
  for (const c of compliance.customers) {
    const cd = byCustomer.get(c.customer)!;
    const measures = Object.keys(cd.byMeasure) as Measure[];
    if (measures.some((m) => ORDERLY_MEASURES.includes(m))) orderlyCustomers++;
    if (measures.includes('demand-response')) drCustomers++;
    if (c.unmetered !== null) continue;
    for (const h of cd.hours) {
      const r = Math.max(0, c.releasedMW[h] ?? 0);
      total[h] += r;
      energy += r;
      if (HIGH_ENERGY_CLASSES.includes(c.class)) high[h] += r;
      for (const m of measures) {
        const share = cd.byMeasure[m]![h] / cd.ordered[h];
        if (m === 'demand-response') dr[h] += r * share; else orderly[h] += r * share;
      }
    }
  }
  const peak = (v: Float64Array) => v.reduce((a, b) => Math.max(a, b), 0);
  const mask = d.hours.reduce((m, h) => m | (1 << h), 0);
  const totalPeak = peak(total);
  let gap = 0;
  for (const h of d.hours) gap = Math.max(gap, d.requiredMW[h]);
  return {
    date: d.date, maxLoadMW, maxLoadTime, gapTargetMW: gap,
    periods: d.hours.length ? windowsText(mask) : '', executionHours: d.hours.length,
    orderlyCustomers, orderlyMW: peak(orderly), demandResponseCustomers: drCustomers, demandResponseMW: peak(dr),
    highEnergyMW: peak(high), highEnergyShare: totalPeak > 0 ? peak(high) / totalPeak : null,
    energyMWh: energy, executionRate: compliance.total.executionRate, completion: compliance.total.completion,
    customersOrdered: compliance.total.customers, customersMetered: compliance.total.metered,
  };
}

export interface Evaluation {
  from: string;
  to: string;
  /** 执行天数: days with any order. */
  days: number;
  /** 累计执行时长: hours with orders, summed over the days. */
  hours: number;
  /** 累计影响户次: customers ordered, summed over the days. */
  userTimes: number;
  /** 最大错避峰负荷 and its date. */
  maxOrderlyMW: number;
  maxOrderlyDate: string | null;
  /** 累计影响电量. */
  energyMWh: number;
}

export function evaluation(reports: DailyReport[]): Evaluation {
  const run = reports.filter((r) => r.executionHours > 0);
  let max = 0, maxDate: string | null = null;
  for (const r of run) if (r.orderlyMW > max) { max = r.orderlyMW; maxDate = r.date; }
  return {
    from: reports[0]?.date ?? '', to: reports[reports.length - 1]?.date ?? '',
    days: run.length, hours: run.reduce((a, r) => a + r.executionHours, 0), userTimes: run.reduce((a, r) => a + r.customersOrdered, 0),
    maxOrderlyMW: max, maxOrderlyDate: maxDate, energyMWh: run.reduce((a, r) => a + r.energyMWh, 0),
  };
}
