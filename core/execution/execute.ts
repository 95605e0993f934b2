/**
 * From a plan to what happened: the meters read against the plan's days, then for every day
 * judged its compliance, the residents' guarantee and the daily report, and the evaluation over
 * them. The plan must have been read back and re-verified against the scenario first
 * (core/plan/read-back.ts): execution believes its orders only then.
 */
import type { PlanReport } from '../plan/report.ts';
import type { Problem } from '../problems.ts';
import type { Scenario } from '../scenario/model.ts';
import { assertFiniteDeep } from '../finite.ts';
import type { BaselinePolicy } from './baselines.ts';
import { dayCompliance, type DayCompliance } from './compliance.ts';
import { executionContext, type ExecutionContext } from './context.ts';
import { dailyReport, evaluation, type DailyReport, type Evaluation } from './daily-report.ts';
import { importMeters, meterAt, meterIn, type MeterOptions, type Meters } from './meters.ts';
import { checkGuarantee, type GuaranteeCheck } from './residents.ts';

export interface ExecutionOptions extends MeterOptions {
  policy?: BaselinePolicy;
  threshold?: number;
  deviation?: number;
  materiality?: number;
  /** Local dates to judge (default: every day of the plan with orders that the meters reach). */
  dates?: string[];
}

export interface MeterSummary {
  meters: number;
  byKind: { customer: number; feeder: number; area: number };
  readings: number;
  intervalMinutes: 15 | 60;
  layout: 'per-reading' | 'per-day';
  from: string;
  to: string;
}

export interface ExecutionResult {
  meters: MeterSummary;
  days: { compliance: DayCompliance; guarantee: GuaranteeCheck; report: DailyReport }[];
  /** Days of the plan with orders that no meter reading reaches (not judged, and said so). */
  daysNotMetered: string[];
  evaluation: Evaluation;
}

export type ExecutionOutcome = { ok: true; result: ExecutionResult } | { ok: false; problems: Problem[]; total: number };

export function summariseMeters(ctx: ExecutionContext, m: Meters): MeterSummary {
  const byKind = { customer: 0, feeder: 0, area: 0 };
  let lo = Infinity, hi = -Infinity;
  for (const s of m.series) { byKind[s.of]++; lo = Math.min(lo, s.first); hi = Math.max(hi, s.first + s.mw.length - 1); }
  return { meters: m.series.length, byKind, readings: m.readings, intervalMinutes: m.intervalMinutes, layout: m.layout, from: ctx.axis.time(lo), to: ctx.axis.time(hi) };
}

/** Reads the meters only (`orderly execution import`): the same checks, and what the file holds. */
export function readMeters(s: Scenario, plan: PlanReport, file: string, text: string, options: MeterOptions = {}): { ok: true; meters: Meters; summary: MeterSummary; ctx: ExecutionContext } | { ok: false; problems: Problem[]; total: number } {
  const ctx = executionContext(s, plan);
  const read = importMeters(file, text, s, ctx.axis, options);
  if (!read.ok) return read;
  return { ok: true, meters: read.meters, summary: summariseMeters(ctx, read.meters), ctx };
}

export function executePlan(s: Scenario, plan: PlanReport, file: string, text: string, options: ExecutionOptions = {}): ExecutionOutcome {
  const read = readMeters(s, plan, file, text, options);
  if (!read.ok) return read;
  const { ctx, meters, summary } = read;
  const policy = options.policy ?? 'jiangsu';
  const known = new Set(ctx.days.map((d) => d.date));
  const wrong = (options.dates ?? []).filter((d) => !known.has(d));
  if (wrong.length) return { ok: false, problems: [{ path: '--day', message: `expected a day of the plan (${[...known].join(', ')}), found ${wrong.join(', ')}` }], total: wrong.length };
  const reached = (d: (typeof ctx.days)[number]) => d.customers.some((c) => {
    const m = meterIn(meters, 'customer', c.customer);
    return m !== undefined && c.hours.some((h) => Number.isFinite(meterAt(meters.series[m], d.axisHour[h])));
  });
  const withOrders = ctx.days.filter((d) => d.hours.length);
  const chosen = options.dates ? ctx.days.filter((d) => options.dates!.includes(d.date)) : withOrders.filter(reached);
  const daysNotMetered = options.dates ? chosen.filter((d) => d.hours.length && !reached(d)).map((d) => d.date) : withOrders.filter((d) => !reached(d)).map((d) => d.date);
  const days = chosen.map((d) => {
    const compliance = dayCompliance(ctx, d, meters, { policy, ...(options.threshold !== undefined ? { threshold: options.threshold } : {}), ...(options.deviation !== undefined ? { deviation: options.deviation } : {}) });
    // The guarantee is judged on the baseline days as they were: scaled up to a hot day, a
    // residential feeder's evening would look cut when it is not.
    const guarantee = checkGuarantee(ctx, d, meters, { policy: policy === 'day-adjusted' ? 'jiangsu' : policy, ...(options.materiality !== undefined ? { materiality: options.materiality } : {}) });
    return { compliance, guarantee, report: dailyReport(ctx, d, compliance, meters) };
  });
  const result: ExecutionResult = { meters: summary, days, daysNotMetered, evaluation: evaluation(days.map((d) => d.report)) };
  // NaN and Infinity never leave core/: a figure that is not finite is a bug here, said with its place.
  assertFiniteDeep('execution', result);
  return { ok: true, result };
}
