/**
 * The engine's re-planning during the day: the plan in force read back and checked again against
 * the scenario it names (core/plan/read-back.ts) — nothing is revised from a plan that fails —
 * then the meters up to T, the forecast's level, the gap assessed again, the revision and its
 * verification (core/execution/replan-scenario.ts). Also its timing for the benchmarks.
 */
import { capacityTable } from '../../core/plan/capacity.ts';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { DataError } from '../../core/data-error.ts';
import { executionContext } from '../../core/execution/context.ts';
import type { MeterOptions } from '../../core/execution/meters.ts';
import { applyLog, type NoticeRecord } from '../../core/execution/notice-status.ts';
import { noticesFromPlan } from '../../core/execution/notices.ts';
import { replanScenario, type ScenarioRevision } from '../../core/execution/replan-scenario.ts';
import { replan } from '../../core/execution/replan.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { refusing } from './calls.ts';
import type { GivenFile } from './execution.ts';
import { contentHashOf, loadCached, type ScenarioBytes } from './kept-scenario.ts';
import { wholeReport, type DetachedPlan, type ReadBackRefusal } from './plan.ts';

export type ReplanOutcome = { ok: true; result: ScenarioRevision } | ReadBackRefusal;

export interface ReplanCallOptions extends MeterOptions {
  atMs: number;
  planFile?: string;
  /** A notice status log (as `orderly notices --log` reads it): notices issued by T are those it records as 已通知 by then. */
  log?: { name: string; value: unknown };
}

/** A meter file's text; bytes that are not UTF-8 refused (as execution.ts reads them). */
function text(f: GivenFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
  } catch {
    throw new DataError([{ path: f.name, message: 'expected UTF-8 text, found bytes that are not UTF-8 (an export in GBK or another code page? save it as UTF-8)' }]);
  }
}

async function readBack(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, file: string): Promise<{ ok: true; plan: PlanReport; problem: PlanProblem; scenario: Scenario; sha256: string } | ReadBackRefusal> {
  const plan = await wholeReport(given);
  const loaded = loadCached(name, bytes);
  if (!loaded.ok || !loaded.scenario) return { ok: false, code: 2, problems: loaded.problems, total: loaded.total };
  const s = loaded.scenario;
  const sha256 = contentHashOf(name, bytes);
  const r = refusing(() => readBackPlan(file, plan, { scenario: s, sha256, name }, forecast));
  if (!r.ok) return 'code' in r ? (r as Extract<ReadBack, { ok: false }>) : { ...r, code: 2 };
  return { ok: true, plan: r.plan, problem: r.problem, scenario: s, sha256 };
}

function revise(checked: { plan: PlanReport; problem: PlanProblem; scenario: Scenario; sha256: string }, forecast: ScenarioForecast, meters: GivenFile, options: ReplanCallOptions): ReplanOutcome {
  let records: Map<string, NoticeRecord> | undefined;
  if (options.log) {
    const ctx = executionContext(checked.scenario, checked.plan);
    const applied = applyLog(noticesFromPlan(checked.plan, checked.scenario, ctx.days, ctx.axis), options.log.value, options.log.name);
    if (!applied.ok) return { ok: false, code: 2, problems: applied.problems, total: applied.problems.length };
    records = applied.records;
  }
  const { atMs, planFile: _f, log: _l, ...meterOptions } = options;
  const out = refusing(() => replanScenario(checked.scenario, checked.sha256, forecast, checked.plan, checked.problem, { name: meters.name, text: text(meters) }, atMs, { ...meterOptions, ...(records ? { records } : {}) }));
  return out.ok ? out : { ok: false, code: 2, problems: out.problems, total: out.total };
}

export const replanEngine = {
  /**
   * The plan in force revised at T from the meters (`orderly replan`): the revision (a plan report
   * with its `revision` block), the changes against the plan in force, the forecast's measured
   * level, the residual — or why not (the plan in force refused on reading back: 2 or 3).
   */
  async replan(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, meters: GivenFile, options: ReplanCallOptions): Promise<ReplanOutcome> {
    const checked = await readBack(name, bytes, forecast, given, options.planFile ?? 'plan');
    if (!checked.ok) return checked;
    return revise(checked, forecast, meters, options);
  },

  /**
   * For benchmarks: the plan in force read back once, then the revision made `repeats` times in
   * this worker — the whole call (meters, level, gap assessed again, tables, re-plan, verification,
   * report) and, apart, the re-plan and its verification alone on the tables it rebuilt.
   */
  async replanTiming(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, meters: GivenFile, options: ReplanCallOptions & { repeats: number }): Promise<{ ok: boolean; wholeMs: number[]; replanMs: number[]; verifyMs: number[]; afreshMs: number[]; coldMs: number; customers: number; changes: number; problems: string[] }> {
    const checked = await readBack(name, bytes, forecast, given, 'plan');
    const fail = (problems: { path: string; message: string }[]) => ({ ok: false, wholeMs: [], replanMs: [], verifyMs: [], afreshMs: [], coldMs: 0, customers: 0, changes: 0, problems: problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`) });
    if (!checked.ok) return fail(checked.problems);
    const wholeMs: number[] = [], replanMs: number[] = [], verifyMs: number[] = [], afreshMs: number[] = [];
    let changes = 0;
    const { repeats, ...call } = options;
    for (let i = -1; i < repeats; i++) {
      const t0 = performance.now();
      const out = revise(checked, forecast, meters, call);
      if (i >= 0) wholeMs.push(performance.now() - t0);
      if (!out.ok) return fail(out.problems);
      if (!out.result.verification.ok) return fail(out.result.verification.violations.map((v) => ({ path: v.check, message: v.message })));
      changes = out.result.revision.changes.length;
    }
    // The re-plan and its verification alone, on the tables of the plan in force with its gap
    // (the measured level changes gaps, not the work): what "re-planning the rest of the day" costs.
    const p = checked.problem, H = p.hours, U = p.units.customer.length;
    const x = new Float64Array(U * H), payback = new Float64Array(U * H), feederOpen = new Uint8Array(p.feeders.id.length * H);
    const unitOf = new Map<string, number>();
    for (let u = 0; u < U; u++) unitOf.set(`${p.customers.id[p.units.customer[u]]}|${p.units.measure[u]}`, u);
    const M = ['demand-response', 'shift', 'avoid-peak', 'limit'];
    for (const o of checked.plan.orders) { const u = unitOf.get(`${o.customer}|${M.indexOf(o.measure)}`)!; o.mw.forEach((v, h) => (x[u * H + h] = v)); o.paybackMW?.forEach((v, h) => (payback[u * H + h] = v)); }
    const fi = new Map(p.feeders.id.map((f, i) => [f, i]));
    for (const f of checked.plan.feedersOpened) for (const h of f.open) feederOpen[fi.get(f.feeder)! * H + h] = 1;
    const days = H ? p.dayIndex[H - 1] + 1 : 0;
    const notified = new Uint8Array(p.customers.id.length * Math.max(1, days)).fill(1);
    const grown = { ...p, constraints: p.constraints.map((k) => ({ ...k, gapMW: Float64Array.from(k.gapMW, (g) => (g > 0 ? g * 1.05 : g)) })) };
    // The capacity table is one of the tables (customers, units and hours: not the gap), built with them once.
    const capacity = capacityTable(grown);
    let coldMs = 0; // the first re-plan and verification after the whole calls: slower, 2–6× in a loaded worker
    for (let i = -1; i < repeats; i++) {
      const t0 = performance.now();
      const r = replan(grown, { x, payback, feederOpen }, { atMs: options.atMs, notified, capacity });
      const t1 = performance.now();
      verifyPlan(grown, { strategy: checked.plan.strategy, ...r, fairShare: null, revision: { atMs: options.atMs, inForceX: x, inForceFeederOpen: feederOpen, notified } });
      if (i >= 0) { replanMs.push(t1 - t0); verifyMs.push(performance.now() - t1); } else coldMs = performance.now() - t0;
      // The same-run reference: a plan made afresh for the grown gap (solve + verify), as `orderly plan` would.
      const t2 = performance.now();
      verifyPlan(grown, solvePlan(grown));
      if (i >= 0) afreshMs.push(performance.now() - t2);
    }
    return { ok: true, wholeMs, replanMs, verifyMs, afreshMs, coldMs, customers: p.customers.id.length, changes, problems: [] };
  },
};
