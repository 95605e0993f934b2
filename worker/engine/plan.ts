/**
 * The engine's plans: made for a scenario and its forecast (with the plans per level, the LP
 * model, the bulletin), kept as the page keeps them (headline and lists apart), and read back —
 * a plan file or a kept plan is checked again against the scenario (core/plan/read-back.ts)
 * before its customer list or its report is made from it. Also the planner's timing for the
 * benchmarks.
 */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { PlanLevel } from '../../core/plan/build-problem.ts';
import { buildPlanProblem } from '../../core/plan/build-problem.ts';
import { planCsv } from '../../core/plan/csv.ts';
import { decodeLists, listsText } from '../../core/plan/plan-columns.ts';
import { planDigest, regionOfArea, type PlanDigest } from '../../core/plan/digest.ts';
import { planLp } from '../../core/plan/lp-format.ts';
import type { Strategy } from '../../core/plan/order.ts';
import { levelPlans, planScenario, type LevelPlanSummary } from '../../core/plan/plan-scenario.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import { joinReport, splitReport, type PlanHeadline } from '../../core/plan/report-parts.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan, type Verification } from '../../core/plan/verify.ts';
import { formatProblem, type Problem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { assessScenario, type AssessOptions } from '../../core/warning/assess.ts';
import { buildBulletin, type Bulletin } from '../../core/warning/bulletin.ts';
import { refusing, type Refusal } from './calls.ts';
import { contentHashOf, loadCached, type ScenarioBytes } from './kept-scenario.ts';
import { bulletinArea } from './warn.ts';

export interface PlanTaskOptions extends AssessOptions {
  strategy?: Strategy;
  level?: PlanLevel;
  snapBackShare?: number;
  noticeHours?: number;
  /** Also plan for every warning level (IV … I). */
  levels?: boolean;
  /** Also write the plan's model in CPLEX LP format. */
  exportLp?: boolean;
}

/** A plan as the page keeps it: the report's headline, and its lists in a JSON file (as columns, plan-columns.ts). */
export interface DetachedPlan {
  headline: PlanHeadline;
  lists: Blob;
}

export type PlanOutcome =
  | { ok: true; report: PlanReport; bulletin: Bulletin; levels?: LevelPlanSummary[]; lp?: string }
  | Refusal;

export type DetachedPlanOutcome =
  | { ok: true; plan: DetachedPlan; bulletin: Bulletin; levels?: LevelPlanSummary[]; lp?: string }
  | Refusal;

/** A plan read back that did not pass: 2, not a plan of this scenario; 3, its decisions break the rules. */
export type ReadBackRefusal = { ok: false; code: 2 | 3; problems: Problem[]; total: number };

/** A plan report whole, from itself or from its headline and lists. */
export async function wholeReport(plan: PlanReport | DetachedPlan): Promise<PlanReport> {
  if (!('lists' in plan)) return plan;
  // Columns (what the engine writes), or rows (what an older page kept): checked as they are read.
  const lists = decodeLists('plan lists', JSON.parse(await plan.lists.text()), plan.headline);
  if (!lists.ok) throw new Error(`plan lists cannot be read: ${lists.problems.map(formatProblem).join('; ')}`);
  return joinReport(plan.headline, lists.lists);
}

/** The name a plan given to the engine goes by in its problems. */
export function planName(given: PlanReport | DetachedPlan, i: number): string {
  const r = 'lists' in given ? given.headline : given;
  return `plan ${i + 1} (${typeof r?.strategy === 'string' ? r.strategy : '?'}${typeof r?.level === 'string' ? `, level ${r.level}` : ''})`;
}

/** The plan of a loaded scenario, tied to its file's content hash. */
function makePlan(name: string, bytes: ScenarioBytes, s: Scenario, forecast: ScenarioForecast, options: PlanTaskOptions): PlanOutcome {
  const { strategy, level, snapBackShare, noticeHours, levels, exportLp, ...assess } = options;
  const assessment = assessScenario(s, forecast, assess);
  const { problem, solved, report } = planScenario(s, assessment, {
    ...(strategy ? { strategy } : {}), ...(level ? { level } : {}),
    ...(snapBackShare !== undefined ? { snapBackShare } : {}), ...(noticeHours !== undefined ? { noticeHours } : {}),
  });
  report.scenario.sha256 = contentHashOf(name, bytes);
  const bulletin = buildBulletin(assessment, bulletinArea(s), null);
  return {
    ok: true, report, bulletin,
    ...(levels ? { levels: levelPlans(s, assessment, problem, strategy ?? 'cost') } : {}),
    ...(exportLp ? { lp: planLp(problem, solved).text } : {}),
  };
}

/** A plan read back, checked against the scenario the call names (read-back.ts). */
async function readBack(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, file = 'plan'): Promise<{ ok: true; verification: Verification } | ReadBackRefusal> {
  const plan = await wholeReport(given);
  const loaded = loadCached(name, bytes);
  if (!loaded.ok || !loaded.scenario) return { ok: false, code: 2, problems: loaded.problems, total: loaded.total };
  const s = loaded.scenario;
  const r = refusing(() => readBackPlan(file, plan, { scenario: s, sha256: contentHashOf(name, bytes), name }, forecast));
  if ('code' in r) return r as Extract<ReadBack, { ok: false }>;
  if (!r.ok) return { ...r, code: 2 };
  return { ok: true, verification: r.verification };
}

function plan(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: PlanTaskOptions = {}): PlanOutcome {
  const loaded = loadCached(name, bytes);
  if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
  const s = loaded.scenario;
  return refusing(() => makePlan(name, bytes, s, forecast, options));
}

export const planEngine = {
  /**
   * Orderly-power plans for a scenario and its forecast: the assessment, the plan with the chosen
   * strategy (and level), its verification and emergency order; optionally the plans per warning
   * level, the LP model, and the assessment's bulletin.
   */
  plan,

  /**
   * The plan as the page keeps it: the headline, and the per-customer lists as a JSON file (a
   * Blob, which crosses to the page and into IndexedDB as a handle, not a copy).
   */
  planDetached(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: PlanTaskOptions = {}): DetachedPlanOutcome {
    const out = plan(name, bytes, forecast, options);
    if (!out.ok) return out;
    const { report, ...rest } = out;
    const { headline, lists } = splitReport(report);
    return { ...rest, plan: { headline, lists: new Blob([listsText(lists, headline)], { type: 'application/json' }) } };
  },

  /**
   * What a printed plan needs from its lists: the largest customers, by area, by class — of a plan
   * checked again against the scenario first (a kept plan is read back like a file).
   */
  async planDigest(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan, limit = 100): Promise<{ ok: true; digest: PlanDigest } | ReadBackRefusal> {
    const r = await wholeReport(given);
    const checked = await readBack(name, bytes, forecast, r);
    if (!checked.ok) return checked;
    return { ok: true, digest: planDigest(r, r.hours, limit, r.network ? regionOfArea(r.network.areas) : undefined) };
  },

  /** A plan's customer list as CSV (a Blob the page saves as it is), of a plan checked again against the scenario first. */
  async planCsv(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, given: PlanReport | DetachedPlan): Promise<{ ok: true; csv: Blob } | ReadBackRefusal> {
    const r = await wholeReport(given);
    const checked = await readBack(name, bytes, forecast, r);
    if (!checked.ok) return checked;
    return { ok: true, csv: new Blob([planCsv(r)], { type: 'text/csv;charset=utf-8' }) };
  },

  /**
   * A plan read back (a file, a plan the page kept), checked against this scenario: its form, the
   * scenario's content hash, its decisions through the verifier (read-back.ts).
   */
  readBack,

  /**
   * For benchmarks: plan tables built here from the scenario and its forecast, then the plan
   * solved and verified `repeats` times in this worker (as the CLI and the page run it), with the
   * milliseconds of each run.
   */
  planTiming(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: { horizonDays: number; samples?: number; repeats: number; strategy?: Strategy }): { ok: boolean; runsMs: number[]; customers: number; units: number; local: number; violations: string[] } {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, runsMs: [], customers: 0, units: 0, local: 0, violations: loaded.problems.map((p) => p.message) };
    const s = loaded.scenario;
    const assessment = assessScenario(s, forecast, { horizonDays: options.horizonDays, samples: options.samples ?? 200 });
    const problem = buildPlanProblem(s, assessment);
    const runsMs: number[] = [];
    let ok = true;
    const violations: string[] = [];
    for (let i = 0; i < options.repeats; i++) {
      const t = performance.now();
      const solved = solvePlan(problem, { strategy: options.strategy ?? 'cost' });
      const v = verifyPlan(problem, solved);
      runsMs.push(performance.now() - t);
      if (!v.ok) { ok = false; violations.push(...v.violations.map((x) => x.message)); }
    }
    return { ok, runsMs, customers: problem.customers.id.length, units: problem.units.customer.length, local: problem.constraints.length - 1, violations: violations.slice(0, 5) };
  },
};
