/**
 * A plan read back (a file, a plan the page kept) is believed only after it has been checked
 * again against the scenario it names: its form (plan-file.ts), that it was made for this very
 * file (the SHA-256 of the scenario's bytes), and then its decisions — the MW it orders from each
 * customer by each measure, and the feeders it opens, hour by hour — through the independent
 * verifier on the tables rebuilt from the scenario, the way the plan says it was made (issue
 * time, level, snap-back, notice, confidence, samples, seed). The lists derived from the decisions
 * (the customer list a dispatcher sends out, the feeders opened, the emergency order) are checked
 * against them and against the scenario too. A plan that fails any of it is refused with the
 * violations: exit 3 on the command line, the same words on the page.
 */
import { gapMoved, requirementMoved } from './gap-fingerprint.ts';
import type { ScenarioForecast } from '../forecast/scenario-forecast.ts';
import { ordersFromReport, type PlanOrders } from '../playout/orders.ts';
import type { Problem } from '../problems.ts';
import { isProtectedClass } from '../scenario/classes.ts';
import type { Scenario } from '../scenario/model.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { assessScenario } from '../warning/assess.ts';
import { buildPlanProblem } from './build-problem.ts';
import { feederExclusion } from './emergency-order.ts';
import { headlineFigures } from './read-back-figures.ts';
import { checkPlanFile } from './plan-file.ts';
import { verifyAgainstScenario } from './plan-scenario.ts';
import type { PlanProblem } from './problem.ts';
import { unitLookup } from './unit-lookup.ts';
import type { PlanReport } from './report.ts';
import type { SolvedPlan } from './solve.ts';
import { verifyPlan, type Verification } from './verify.ts';
import { revisionForecast, revisionToVerify } from './revision.ts';

/**
 * Relative tolerance of the checks on a plan read back (at least this many MW): the verifier's own.
 * The orders and the figures the checks read are written to 1 W and the planner works in whole kW,
 * so a plan read back is the plan as it was made; a looser tolerance would not be kinder but
 * different — the ladder check's 'over-covered, so reducible' exemption turns on it.
 */
export const READ_BACK_TOLERANCE = 1e-6;

export type ReadBack =
  | { ok: true; plan: PlanReport; problem: PlanProblem; orders: PlanOrders; verification: Verification }
  /** code 2: not a plan of this scenario (malformed, another file); 3: its decisions break the rules. */
  | { ok: false; code: 2 | 3; problems: Problem[]; total: number };

const refuse = (code: 2 | 3, problems: Problem[]): ReadBack => ({ ok: false, code, problems, total: problems.length });

export function readBackPlan(
  file: string,
  value: unknown,
  scenario: { scenario: Scenario; sha256: string; name: string },
  forecast: ScenarioForecast,
): ReadBack {
  const form = checkPlanFile(file, value);
  if (!form.ok) return { ok: false, code: 2, problems: form.problems, total: form.total };
  const plan = form.plan;
  const s = scenario.scenario;
  if (plan.scenario.sha256 !== scenario.sha256) {
    return refuse(2, [{
      path: `${file}: scenario.sha256`,
      message: `expected the content hash of ${scenario.name} (${scenario.sha256.slice(0, 16)}…), found ${plan.scenario.sha256!.slice(0, 16)}…: the plan was made for another file${plan.scenario.id === s.id ? ' (of the same scenario id: edited or regenerated since)' : ` ("${plan.scenario.id}")`}`,
    }]);
  }

  // The tables the plan was made on, rebuilt as it says it was made.
  const settings = plan.settings!;
  const issuedAtMs = parseTimestamp(plan.issuedAt)!.ms;
  // A revision made during the day was made on the forecast scaled from T by a measured ratio: the same again.
  const revised = plan.revision ? revisionForecast(file, forecast, plan.revision) : null;
  if (revised && !revised.ok) return refuse(2, revised.problems);
  const assessment = assessScenario(s, revised ? revised.forecast : forecast, { issuedAtMs, horizonDays: Math.ceil(plan.hours / 24), samples: settings.samples, seed: settings.seed, confidence: settings.confidence });
  const problem = buildPlanProblem(s, assessment, {
    snapBackShare: settings.snapBackShare, ...(settings.noticeHours !== undefined ? { noticeHours: settings.noticeHours } : {}),
    ...(plan.level ? { level: plan.level as 'I' | 'II' | 'III' | 'IV' } : {}),
  });
  const H = problem.hours;
  if (H !== plan.hours) return refuse(2, [{ path: `${file}: hours`, message: `expected ${H} hours (the scenario's horizon from ${plan.issuedAt}), found ${plan.hours}` }]);
  // Made on another gap than the one the same file gives now: said first and alone (every
  // coverage figure would disagree, none saying why).
  const moved = gapMoved(file, plan, problem, scenario.name);
  if (moved) return refuse(2, [moved]);

  // Orders of customers the tables do not hold: protected ones are a broken rule, unknown ones a wrong file.
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const rules: Problem[] = [];
  const known = new Set(problem.customers.id);
  const kept = plan.orders.filter((o, i) => {
    if (known.has(o.customer)) return true;
    const c = byId.get(o.customer);
    if (c && isProtectedClass(c.class) && o.mw.some((v) => v > 0)) {
      rules.push({ path: `${file}: protected`, message: `orders[${i}] curtails ${o.customer} (${c.class}), a protected customer that no plan may touch` });
      return false;
    }
    return true;
  });
  const decided = ordersFromReport(file, problem, { ...plan, orders: kept });
  if (!decided.ok) return refuse(2, decided.problems);
  const { x, payback, feederOpen } = decided.orders;

  // The parts of each order decided by rule, where the file gives them: the energy rotation's,
  // and holds (a customer kept on one more hour so its snap-back moves on).
  const U = problem.units.customer.length;
  let xEnergy: Float64Array | null = null, xHold: Float64Array | null = null;
  const unitOf = unitLookup(problem);
  for (const o of kept) {
    const u = unitOf(o.customer, o.measure)!;
    if (o.energyMW) { xEnergy ??= new Float64Array(U * H); o.energyMW.forEach((v, h) => (xEnergy![u * H + h] = v)); }
    if (o.heldMW) { xHold ??= new Float64Array(U * H); o.heldMW.forEach((v, h) => (xHold![u * H + h] = v)); }
  }
  // The daily-hours assignment the plan was made with (the hours each limited customer may be
  // curtailed in, per day), where it reports one.
  const allowed = dailyAssignment(file, plan, problem, rules);
  // What an opened feeder releases: the load left on it once its customers' measures are taken.
  const F = problem.feeders.id.length, C = problem.customers.id.length;
  const released = new Float64Array(C * H);
  for (let u = 0; u < U; u++) for (let h = 0; h < H; h++) released[problem.units.customer[u] * H + h] += x[u * H + h];
  const feederMW = new Float64Array(F * H);
  for (let f = 0; f < F; f++) {
    for (let h = 0; h < H; h++) {
      if (!feederOpen[f * H + h]) continue;
      let left = 0;
      for (const c of problem.feeders.customers[f]) left += problem.customers.baseline[c * H + h] - released[c * H + h];
      // In whole kW, rounded down, as the planner counts it.
      feederMW[f * H + h] = left <= 0 ? 0 : Math.floor(left * 1000 + 1e-6) / 1000;
    }
  }
  // The plan's figures per constraint, matched by area.
  const outcomes = [plan.system, ...plan.local];
  const byArea = new Map(outcomes.map((o) => [o.area, o]));
  const required: Float64Array[] = [], covered: Float64Array[] = [], residual: Float64Array[] = [];
  for (const k of problem.constraints) {
    const id = problem.areaIds[k.area];
    const o = k.scope === 'system' ? plan.system : byArea.get(id);
    if (!o) {
      rules.push({ path: `${file}: coverage`, message: `the scenario's gap in ${k.name} (${id}) is not in the plan` });
      required.push(new Float64Array(H)); covered.push(new Float64Array(H)); residual.push(new Float64Array(H));
      continue;
    }
    required.push(Float64Array.from(o.requiredMW)); covered.push(Float64Array.from(o.coveredMW)); residual.push(Float64Array.from(o.residualMW));
  }
  for (const o of plan.local) {
    if (!problem.constraints.some((k) => k.scope === 'local' && problem.areaIds[k.area] === o.area)) {
      rules.push({ path: `${file}: coverage`, message: `the plan covers a local gap in ${o.area} that the scenario does not have` });
    }
  }
  const fairShare = plan.system.fairShare ? Float64Array.from(plan.system.fairShare) : null;
  // A fair or fewest plan that gave way to the least-cost one (its own left more residual) is the
  // least-cost plan, and is verified as one.
  const strategy = plan.fellBackToLeastCost ? 'cost' : plan.strategy;
  // A revision is judged against the plan in force it names, with the lead-time rule relative to its time.
  const against = plan.revision ? revisionToVerify(file, problem, plan.revision) : null;
  if (against && !against.ok) return refuse(2, against.problems);
  const toVerify = {
    strategy, x, xEnergy, xHold, allowed, payback, feederOpen, feederMW, requiredMW: required, coveredMW: covered, residualMW: residual, fairShare,
    // The day-by-day energy account the file gives (checked against its orders like an hour's figures).
    rotation: plan.rotation ?? null, ...(against ? { revision: against.revision } : {}),
  };
  let verification = verifyPlan(problem, toVerify, READ_BACK_TOLERANCE);
  verification = verifyAgainstScenario(s, problem, toVerify as unknown as SolvedPlan, verification);

  rules.push(...derivedLists(file, plan, problem, s, released, feederOpen));
  rules.push(...headlineFigures(file, plan, problem, { x, feederOpen, feederMW }));
  if (!verification.ok || rules.length) {
    // A plan from before the fingerprint whose requirement is not the gap's: the likely reason first.
    const why = plan.madeOn ? null : requirementMoved(file, verification.violations, scenario.name);
    const problems = [...(why ? [why] : []), ...rules, ...verification.violations.map((v) => ({ path: `${file}: ${v.check}`, message: v.message }))];
    return refuse(3, problems);
  }
  return { ok: true, plan: { ...plan, verification }, problem, orders: decided.orders, verification };
}

/**
 * The lists read from the plan besides its orders: each customer row is a customer of the
 * scenario as the scenario describes it, releasing what its orders (and its feeder, if opened)
 * release; each feeder opened lies where the scenario puts it; no step of the emergency order
 * opens a feeder that may never be opened.
 */
function derivedLists(file: string, plan: PlanReport, p: PlanProblem, s: Scenario, released: Float64Array, feederOpen: Uint8Array): Problem[] {
  const out: Problem[] = [];
  const H = p.hours;
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const feederOf = new Map(s.feeders.map((f) => [f.id, f]));
  const index = new Map(p.customers.id.map((id, c) => [id, c]));
  const feederIndex = new Map(p.feeders.id.map((id, f) => [id, f]));
  const openOf = new Map<number, number>();
  p.feeders.customers.forEach((list, f) => { for (const c of list) openOf.set(c, f); });
  const tol = (v: number) => READ_BACK_TOLERANCE * Math.max(1, Math.abs(v));
  plan.customers.forEach((row, i) => {
    const at = `${file}: customers[${i}]`;
    const c = byId.get(row.id);
    if (!c) { out.push({ path: at, message: `expected a customer of the scenario, found ${JSON.stringify(row.id)}` }); return; }
    if (isProtectedClass(c.class)) { out.push({ path: `${file}: protected`, message: `customers[${i}] lists ${row.id} (${c.class}), a protected customer, for curtailment` }); return; }
    if (row.name !== c.name || row.class !== c.class || row.feeder !== c.feeder) {
      out.push({ path: at, message: `expected ${row.id} as the scenario has it (${JSON.stringify(c.name)}, ${c.class}, feeder ${c.feeder}), found ${JSON.stringify(row.name)}, ${row.class}, feeder ${row.feeder}` });
      return;
    }
    const k = index.get(row.id);
    const f = k === undefined ? undefined : openOf.get(k);
    for (let h = 0; h < H; h++) {
      const open = f !== undefined && feederOpen[f * H + h] === 1;
      const mine = k === undefined ? 0 : released[k * H + h];
      // An opened feeder takes the customer's whole baseline; its measures' part is inside it.
      const expected = open ? Math.max(mine, p.customers.baseline[k! * H + h]) : mine;
      if (!open && Math.abs(row.mw[h] - expected) > tol(expected)) {
        out.push({ path: `${at}.mw[${h}]`, message: `expected the ${round(expected)} MW its orders release, found ${row.mw[h]}` });
        return;
      }
    }
  });
  const listed = new Set(plan.customers.map((r) => r.id));
  for (let k = 0; k < p.customers.id.length; k++) {
    let any = false;
    for (let h = 0; h < H && !any; h++) any = released[k * H + h] > 1e-3;
    if (any && !listed.has(p.customers.id[k])) out.push({ path: `${file}: customers`, message: `expected every customer the orders curtail on the list, found ${p.customers.id[k]} missing` });
  }
  plan.feedersOpened.forEach((fo, i) => {
    const f = feederOf.get(fo.feeder);
    if (f && f.substation !== fo.area) out.push({ path: `${file}: feedersOpened[${i}].area`, message: `expected ${f.substation} (where feeder ${fo.feeder} is), found ${fo.area}` });
  });
  const steps = [...plan.emergencyOrder.steps.map((st, i) => ({ st, at: `emergencyOrder.steps[${i}]` })),
    ...(plan.emergencyOrder.areas ?? []).flatMap((o, j) => o.steps.map((st, i) => ({ st, at: `emergencyOrder.areas[${j}].steps[${i}]` })))];
  for (const { st, at } of steps) {
    const f = feederIndex.get(st.feeder);
    if (f === undefined) { out.push({ path: `${file}: ${at}.feeder`, message: `expected a feeder of the scenario, found ${JSON.stringify(st.feeder)}` }); continue; }
    const why = feederExclusion(p, f);
    if (why) out.push({ path: `${file}: feeder`, message: `${at} opens feeder ${st.feeder}, which may never be opened without notice (${why})` });
  }
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The plan's daily-hours assignment as the verifier takes it (bit h of allowed[c × days + d]), or null. */
function dailyAssignment(file: string, plan: PlanReport, p: PlanProblem, rules: Problem[]): Uint32Array | null {
  const assigned = plan.dailyHours?.assigned;
  if (!assigned?.length) return null;
  const H = p.hours, days = H ? p.dayIndex[H - 1] + 1 : 0;
  const dayOf = new Map<string, number>();
  plan.times.forEach((t, h) => dayOf.set(t.slice(0, 10), p.dayIndex[h]));
  const index = new Map(p.customers.id.map((id, c) => [id, c]));
  const allowed = new Uint32Array(p.customers.id.length * Math.max(1, days)).fill(0xffffffff);
  assigned.forEach((a, i) => {
    const c = index.get(a.customer), d = dayOf.get(a.date);
    if (c === undefined || d === undefined) {
      rules.push({ path: `${file}: dailyHours.assigned[${i}]`, message: `expected a curtailable customer of the scenario on a day of the plan, found ${a.customer} on ${a.date}` });
      return;
    }
    let bits = 0;
    for (const h of a.hours) bits |= 1 << h;
    allowed[c * days + d] = bits >>> 0;
  });
  return allowed;
}
