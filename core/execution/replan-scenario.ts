/**
 * Re-planning a scenario's plan in force at time T from what the meters saw: the forecast's level
 * measured up to T (replan-level.ts) scales the rest of the day, the gap is assessed again as the
 * plan in force was (its issue time, confidence, samples, seed), the tables rebuilt, the notices
 * issued by T found (those whose deadline is T or earlier, or as a status log records them), the
 * plan revised (replan.ts) and checked by the independent verifier with the lead-time rule
 * relative to T and against the scenario itself. The revision is a plan like any other
 * (`orderly-plan/2` once encoded) with a `revision` block that lets it be checked again from its
 * file (core/plan/read-back.ts). The plan in force must have been read back and verified first.
 */
import type { ScenarioForecast } from '../forecast/scenario-forecast.ts';
import { assertFiniteDeep } from '../finite.ts';
import { buildPlanProblem } from '../plan/build-problem.ts';
import { capacityTable, orderableFrom } from '../plan/capacity.ts';
import { emergencyOrder } from '../plan/emergency-order.ts';
import { verifyAgainstScenario } from '../plan/plan-scenario.ts';
import type { PlanProblem } from '../plan/problem.ts';
import { measureIndex } from '../plan/problem.ts';
import { planReport, type PlanReport } from '../plan/report.ts';
import { localDate, revisionLevels, scaleLevels, type RevisionBlock } from '../plan/revision.ts';
import type { SolvedPlan } from '../plan/solve.ts';
import { verifyPlan, type Verification } from '../plan/verify.ts';
import type { Problem } from '../problems.ts';
import type { Scenario } from '../scenario/model.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { formatInZone } from '../time/zone.ts';
import { assessScenario } from '../warning/assess.ts';
import { executionContext } from './context.ts';
import { importMeters, type MeterOptions } from './meters.ts';
import type { NoticeRecord } from './notice-status.ts';
import { noticesFromPlan } from './notices.ts';
import { measuredLevel, type MeasuredLevel } from './replan-level.ts';
import { replan, type Revision } from './replan.ts';

export interface ReplanScenarioOptions extends MeterOptions {
  /** A notice status log applied (notice-status.ts): a notice is issued by T where it reached 已通知 by then. Without it: where its deadline is T or earlier. */
  records?: Map<string, NoticeRecord>;
}

export interface ScenarioRevision {
  report: PlanReport;
  revision: Omit<Revision, 'x' | 'payback' | 'feederOpen' | 'feederMW' | 'xHold' | 'xEnergy' | 'snapBackMW' | 'requiredMW' | 'coveredMW' | 'residualMW' | 'leadTimeMW' | 'rotation'>;
  level: MeasuredLevel;
  verification: Verification;
  /** Notices issued by T, and how that was decided. */
  notified: string[];
  notifiedBy: 'deadline' | 'log';
  /** Names and times for the changes table. */
  names: Record<string, string>;
  times: string[];
  /** The system's residual per hour from T (MW), and the part more notice would have freed. */
  residualMW: number[];
  leadTimeMW: number[];
  gapBeforeMW: number[];
  gapAfterMW: number[];
}

export type ScenarioRevisionOutcome = { ok: true; result: ScenarioRevision } | { ok: false; problems: Problem[]; total: number };

export function replanScenario(
  s: Scenario, sha256: string, forecast: ScenarioForecast, plan: PlanReport, inForceProblem: PlanProblem,
  meters: { name: string; text: string }, atMs: number, options: ReplanScenarioOptions = {},
): ScenarioRevisionOutcome {
  const refuse = (problems: Problem[]): ScenarioRevisionOutcome => ({ ok: false, problems, total: problems.length });
  const H = plan.hours;
  const startMs = parseTimestamp(plan.start)!.ms, endMs = startMs + H * 3_600_000;
  const ctx = executionContext(s, plan);
  const zone = ctx.axis.zone;
  if (!(atMs > startMs && atMs < endMs)) return refuse([{ path: '--at', message: `expected a time inside the plan after its first hour (${plan.times[0]} to ${plan.times[H - 1]}), found ${formatInZone(atMs, zone)}` }]);
  // A revision in force (re-planned again later the same day): its levels stay for the hours before T.
  const earlier = plan.revision ? revisionLevels('plan', plan.revision) : { ok: true as const, levels: [] };
  if (!earlier.ok) return refuse(earlier.problems);
  if (plan.revision && !(atMs > parseTimestamp(plan.revision.at)!.ms)) return refuse([{ path: '--at', message: `expected a time after the revision in force was made (${plan.revision.at}), found ${formatInZone(atMs, zone)}` }]);
  const read = importMeters(meters.name, meters.text, s, ctx.axis, options);
  if (!read.ok) return read;
  // What the plan in force ordered released in an hour (its customers, with opened feeders), less the shifted energy coming back.
  const orderedAt = (ms: number) => {
    const h = Math.round((ms - startMs) / 3_600_000);
    if (h < 0 || h >= H) return 0;
    let v = -(plan.system.paybackMW?.[h] ?? 0);
    for (const c of plan.customers) v += c.mw[h];
    return v;
  };
  const measured = measuredLevel(s, forecast, read.meters, ctx.axis, atMs, meters.name, orderedAt);
  if (!measured.ok) return refuse(measured.problems);
  const level = measured.level;

  // The gap again, as the plan in force assessed it, on the forecast at its measured level.
  const settings = plan.settings!;
  const issuedAtMs = parseTimestamp(plan.issuedAt)!.ms;
  const levels = [...earlier.levels.filter((l) => l.fromMs < level.fromMs), { fromMs: level.fromMs, untilMs: level.untilMs, ratio: level.ratio }];
  const assessment = assessScenario(s, scaleLevels(forecast, levels), {
    issuedAtMs, horizonDays: Math.ceil(H / 24), samples: settings.samples, seed: settings.seed, confidence: settings.confidence,
  });
  const p = buildPlanProblem(s, assessment, {
    snapBackShare: settings.snapBackShare, ...(settings.noticeHours !== undefined ? { noticeHours: settings.noticeHours } : {}),
    ...(plan.level ? { level: plan.level as 'I' | 'II' | 'III' | 'IV' } : {}),
  });
  if (p.hours !== H || p.customers.id.join() !== inForceProblem.customers.id.join()) return refuse([{ path: 'plan', message: 'expected the tables of the plan in force rebuilt unchanged apart from the gap' }]);

  // The plan in force's decisions, with the parts decided by rule.
  const U = p.units.customer.length;
  const unitOf = new Map<string, number>();
  for (let u = 0; u < U; u++) unitOf.set(`${p.customers.id[p.units.customer[u]]}|${p.units.measure[u]}`, u);
  const x = new Float64Array(U * H), payback = new Float64Array(U * H);
  let xHold: Float64Array | null = null, xEnergy: Float64Array | null = null;
  for (const o of plan.orders) {
    const u = unitOf.get(`${o.customer}|${measureIndex(o.measure)}`)!;
    o.mw.forEach((v, h) => (x[u * H + h] = v));
    o.paybackMW?.forEach((v, h) => (payback[u * H + h] = v));
    if (o.heldMW) { xHold ??= new Float64Array(U * H); o.heldMW.forEach((v, h) => (xHold![u * H + h] = v)); }
    if (o.energyMW) { xEnergy ??= new Float64Array(U * H); o.energyMW.forEach((v, h) => (xEnergy![u * H + h] = v)); }
  }
  const feederIndex = new Map(p.feeders.id.map((f, i) => [f, i]));
  const feederOpen = new Uint8Array(p.feeders.id.length * H);
  for (const f of plan.feedersOpened) for (const h of f.open) feederOpen[feederIndex.get(f.feeder)! * H + h] = 1;

  // Notices issued by T: by the status log where one is given, else every one whose deadline has passed.
  const notices = noticesFromPlan(plan, s, ctx.days, ctx.axis);
  const issued = notices.filter((n) => {
    if (options.records) return options.records.get(n.id)?.steps.some((st) => st.to === 'notified' && st.atMs <= atMs) ?? false;
    return n.deadlineMs <= atMs;
  }).map((n) => n.id);
  const days = H ? p.dayIndex[H - 1] + 1 : 0;
  const index = new Map(p.customers.id.map((id, c) => [id, c]));
  const dayOf = new Map<string, number>();
  for (let h = 0; h < H; h++) dayOf.set(localDate(p, h), p.dayIndex[h]);
  const notified = new Uint8Array(p.customers.id.length * Math.max(1, days));
  for (const id of issued) {
    const [c, d] = id.split('@');
    if (index.has(c) && dayOf.has(d)) notified[index.get(c)! * days + dayOf.get(d)!] = 1;
  }

  const inForce = { x, payback, feederOpen, xHold, xEnergy };
  // The capacity table built once, for the re-plan and the plan it makes.
  const capacity = capacityTable(p);
  const r = replan(p, inForce, { atMs, notified, capacity, rotation: plan.rotation !== null && plan.rotation !== undefined });
  const solved: SolvedPlan = {
    strategy: plan.strategy, hours: H, x: r.x, xEnergy: r.xEnergy, xHold: r.xHold, rotation: r.rotation, payback: r.payback,
    feederOpen: r.feederOpen, feederMW: r.feederMW, snapBackMW: r.snapBackMW, requiredMW: r.requiredMW, coveredMW: r.coveredMW, residualMW: r.residualMW,
    causes: r.residualMW.map((res, k) => ({
      notice: r.leadTimeMW[k], dailyHours: new Float64Array(H), floor: new Float64Array(H),
      structural: Float64Array.from(res, (v, h) => Math.max(0, v - r.leadTimeMW[k][h])),
    })),
    fairShare: null, fairBound: null, capacity, orderableFrom: orderableFrom(p), allowed: null, dailyHours: null, solveMs: r.replanMs,
  };
  const revisionToVerify = { atMs, inForceX: x, inForceFeederOpen: feederOpen, notified };
  let verification = verifyPlan(p, { ...solved, revision: revisionToVerify });
  verification = verifyAgainstScenario(s, p, solved, verification);

  const report = planReport(p, solved, verification, emergencyOrder(p, solved), { scenario: { id: s.id, name: s.name }, level: plan.level });
  report.scenario.sha256 = sha256;
  report.settings = plan.settings;
  if (plan.network) report.network = plan.network;
  const block: RevisionBlock = {
    at: formatInZone(atMs, zone),
    inForce: {
      issuedAt: plan.issuedAt,
      orders: plan.orders.map((o) => ({ customer: o.customer, measure: o.measure, mw: o.mw })),
      feedersOpened: plan.feedersOpened.map((f) => ({ feeder: f.feeder, open: f.open })),
    },
    forecast: {
      ratio: level.ratio, from: formatInZone(level.fromMs, zone), until: formatInZone(level.untilMs, zone),
      measuredHours: level.measuredHours, measuredMW: level.measuredMW, forecastMW: level.forecastMW, method: level.method,
      ...(levels.length > 1 ? { earlier: levels.slice(0, -1).map((l) => ({ ratio: l.ratio, from: formatInZone(l.fromMs, zone), until: formatInZone(l.untilMs, zone) })) } : {}),
    },
    notified: issued,
  };
  report.revision = block;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const t = r.fromHour;
  const { x: _x, payback: _p, feederOpen: _f, feederMW: _m, xHold: _h, xEnergy: _e, snapBackMW: _s, requiredMW: _r, coveredMW: _c, residualMW: _res, leadTimeMW: _l, rotation: _rot, ...summary } = r;
  const result: ScenarioRevision = {
    report, revision: summary, level, verification, notified: issued, notifiedBy: options.records ? 'log' : 'deadline',
    names: Object.fromEntries(r.changes.map((ch) => [ch.customer, p.customers.name[index.get(ch.customer)!]])),
    times: report.times,
    residualMW: Array.from(r.residualMW[0].subarray(t), round), leadTimeMW: Array.from(r.leadTimeMW[0].subarray(t), round),
    gapBeforeMW: Array.from(inForceProblem.constraints[0].gapMW.subarray(t), round), gapAfterMW: Array.from(p.constraints[0].gapMW.subarray(t), round),
  };
  assertFiniteDeep('replan', { revision: result.revision, level: result.level, residualMW: result.residualMW, gapAfterMW: result.gapAfterMW });
  return { ok: true, result };
}
