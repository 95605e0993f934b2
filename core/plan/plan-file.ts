/**
 * A plan file (`orderly-plan/2`, as `orderly plan --out` writes it, its lists as columns:
 * plan-columns.ts; or `orderly-plan/1`, the lists as rows, as older versions wrote it) is an input like any other: it
 * may have been edited by hand, cut short, or made for another scenario. Its form is defined here
 * once (TypeBox, walked by the same structure checker as scenarios, with the same messages), and
 * its meaning — which scenario, which customers, feeders and hours — is checked against the
 * scenario before anything reads it. Re-verification of its decisions follows (read-back.ts).
 *
 * What the play-out, the customer list and the report read is held to a strict form; the figures
 * derived from it (objective, outcomes, emergency order) only to their types, since they are
 * checked against the decisions afterwards.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemList, type Problem } from '../problems.ts';
import { MEASURES } from '../scenario/classes.ts';
import { TIMESTAMP_PATTERN } from '../scenario/schema.ts';
import { checkStructure } from '../scenario/structure.ts';
import { parseJsonBytes } from '../scenario/parse-json.ts';
import { PLAN_LEVELS } from './build-problem.ts';
import { STRATEGIES } from './order.ts';
import type { PlanReport } from './report.ts';
import { decodePlanFile, PLAN_FORMAT_2 } from './plan-columns.ts';

export const PLAN_FORMAT = 'orderly-plan/1';
/** Longest plan read back, hours (the longest study a scenario may have). */
const MAX_PLAN_HOURS = 24 * 92;

const StringEnum = <const T extends readonly string[]>(values: T, title: string) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], title });
const Finite = (title: string, min?: number) => Type.Number({ title, ...(min !== undefined ? { minimum: min } : {}) });
const Hourly = (title: string, min?: number) => Type.Array(Finite(title, min), { title });
const Text = (title: string) => Type.String({ title, maxLength: 400 });
const Stamp = (title: string) => Type.String({ title, pattern: TIMESTAMP_PATTERN, description: 'a time with its UTC offset, e.g. 2024-07-22T00:00+08:00' });
const Loose = (title: string, fields: Record<string, TSchema> = {}, required: string[] = []) =>
  Type.Object(fields, { title, additionalProperties: true, ...(required.length ? { required } : {}) });

const Outcome = Loose('area outcome', {
  area: Text('area id'), name: Text('area name'), scope: StringEnum(['system', 'local'] as const, 'scope'),
  requiredMW: Hourly('MW to cover'), coveredMW: Hourly('MW covered'), residualMW: Hourly('residual MW', 0),
  peakResidualMW: Finite('peak residual MW', 0), residualMWh: Finite('residual MWh', 0),
});

const Order = Type.Object({
  customer: Text('customer id'),
  measure: StringEnum(MEASURES, 'measure'),
  mw: Hourly('MW released per hour', 0),
  paybackMW: Type.Optional(Hourly('MW coming back per hour', 0)),
  energyMW: Type.Optional(Hourly('MW of the energy rotation per hour', 0)),
  heldMW: Type.Optional(Hourly('MW held one more hour per hour', 0)),
}, { title: 'order', additionalProperties: false });

const DailyHours = Loose('daily hours', {
  assigned: Type.Optional(Type.Array(Type.Object({
    customer: Text('customer id'),
    date: Type.String({ title: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a local date YYYY-MM-DD' }),
    hours: Type.Array(Type.Integer({ title: 'local hour', minimum: 0, maximum: 23 })),
  }, { title: 'assigned hours', additionalProperties: false }), { title: 'the hours each limited customer may be curtailed in' })),
});

const FeederOpened = Type.Object({
  feeder: Text('feeder id'), area: Text('area id'), hours: Type.Integer({ title: 'hours open', minimum: 0 }),
  peakMW: Finite('peak MW', 0), energyMWh: Finite('energy MWh', 0),
  open: Type.Array(Type.Integer({ title: 'hour index', minimum: 0 }), { title: 'hours open' }),
}, { title: 'feeder opened', additionalProperties: false });

const CustomerRow = Loose('customer on the list', {
  id: Text('customer id'), name: Text('customer name'), class: Text('class'), feeder: Text('feeder id'), area: Text('area id'),
  measures: Type.Array(StringEnum(MEASURES, 'measure')), noticeBy: Text('notice by'), noticeHours: Finite('notice hours', 0),
  firstHour: Text('first hour'), hours: Type.Integer({ title: 'hours', minimum: 0 }), peakMW: Finite('peak MW', 0), energyMWh: Finite('energy MWh', 0),
  mw: Hourly('MW per hour', 0),
}, ['id', 'name', 'class', 'feeder', 'area', 'measures', 'mw']);

const Step = Loose('emergency step', { feeder: Text('feeder id'), area: Text('area id'), releasesMW: Finite('MW released', 0) }, ['feeder']);
const Emergency = Loose('emergency order', {
  steps: Type.Array(Step),
  areas: Type.Optional(Type.Array(Loose('emergency order of a short area', { area: Text('area id'), steps: Type.Array(Step) }, ['area', 'steps']))),
}, ['steps']);

const RotationBlock = Loose('rotation block', {
  id: Type.Integer({ title: 'block number', minimum: 1 }), customers: Type.Integer({ title: 'customers', minimum: 0 }),
  feeders: Type.Integer({ title: 'feeders', minimum: 0 }), dailyCapacityMWh: Finite('MWh the block can save in a day', 0),
  daysOnDuty: Type.Integer({ title: 'days on duty', minimum: 0 }), energyMWh: Finite('MWh the block saved', 0),
}, ['id', 'dailyCapacityMWh', 'daysOnDuty']);
const RotationDay = Loose('energy-short day', {
  date: Type.String({ title: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a local date YYYY-MM-DD' }),
  gapMWh: Finite('MWh the day needs saved', 0), savedMWh: Finite('MWh saved'), rotationMWh: Finite('MWh of the rotation', 0),
  residualMWh: Finite('MWh left short', 0), blocks: Type.Array(Type.Integer({ title: 'block on duty', minimum: 1 }), { title: 'blocks on duty' }),
}, ['date', 'gapMWh', 'savedMWh', 'rotationMWh', 'residualMWh', 'blocks']);
const Rotation = Loose('energy rotation', {
  blocks: Type.Array(RotationBlock, { title: 'the rotation\'s blocks' }), days: Type.Array(RotationDay, { title: 'the energy-short days' }),
  peakPoolShare: Finite('largest share of the pool a day needs', 0), collapsed: Type.Boolean({ title: 'collapsed' }),
}, ['blocks', 'days', 'peakPoolShare', 'collapsed']);

export const PlanFileSchema = Type.Object({
  format: Type.Literal(PLAN_FORMAT, { title: 'format' }),
  scenario: Type.Object({
    id: Text('scenario id'), name: Text('scenario name'),
    sha256: Type.String({ title: 'content hash', pattern: '^[0-9a-f]{64}$', description: 'the SHA-256 of the scenario file, 64 hex digits' }),
  }, { title: 'scenario', additionalProperties: false, required: ['id', 'name', 'sha256'] }),
  strategy: StringEnum(STRATEGIES, 'strategy'),
  level: Type.Union([StringEnum(PLAN_LEVELS, 'warning level'), Type.Null()], { title: 'warning level or null' }),
  targetMW: Finite('target MW'),
  issuedAt: Stamp('issue time'),
  start: Stamp('first hour'),
  hours: Type.Integer({ title: 'hours', minimum: 1, maximum: MAX_PLAN_HOURS }),
  timeZone: Text('time zone'),
  currency: Text('currency'),
  times: Type.Array(Stamp('hour'), { title: 'the local time of every hour' }),
  objective: Loose('objective'),
  system: Outcome,
  local: Type.Array(Outcome, { title: 'outcomes of the areas short of import capacity' }),
  residual: Loose('residual', { totalMWh: Finite('residual MWh', 0), peakMW: Finite('residual MW', 0) }, ['totalMWh', 'peakMW']),
  customers: Type.Array(CustomerRow, { title: 'the customers the plan curtails' }),
  orders: Type.Array(Order, { title: 'the MW ordered from each customer by each measure' }),
  feedersOpened: Type.Array(FeederOpened, { title: 'the feeders the plan opens' }),
  emergencyOrder: Emergency,
  dailyHours: Type.Optional(DailyHours),
  rotation: Type.Optional(Type.Union([Rotation, Type.Null()], { title: 'the energy rotation, or null' })),
  fellBackToLeastCost: Type.Optional(Type.Object({
    strategy: StringEnum(STRATEGIES, 'strategy asked for'), residualAboveMWh: Finite('residual above the least-cost plan, MWh', 0),
  }, { title: 'the least-cost plan used instead', additionalProperties: false })),
  settings: Type.Object({
    snapBackShare: Type.Number({ title: 'snap-back share', minimum: 0, maximum: 1 }),
    noticeHours: Type.Optional(Type.Number({ title: 'notice hours', minimum: 0, maximum: 24 * 92 })),
    confidence: Type.Number({ title: 'confidence', exclusiveMinimum: 0.5, exclusiveMaximum: 1 }),
    samples: Type.Integer({ title: 'samples', minimum: 10, maximum: 100_000 }),
    seed: Type.Integer({ title: 'seed' }),
  }, { title: 'settings', additionalProperties: false, required: ['snapBackShare', 'confidence', 'samples', 'seed'] }),
  madeOn: Type.Optional(Type.Object({
    gapSha256: Type.String({ title: 'fingerprint of the gap', pattern: '^[0-9a-f]{64}$', description: 'the SHA-256 of the gap the plan was made on, 64 hex digits' }),
  }, { title: 'what the plan was made on', additionalProperties: false, required: ['gapSha256'] })),
  verification: Loose('verification'),
}, {
  title: 'orderly-power plan', additionalProperties: true,
  required: ['format', 'scenario', 'strategy', 'level', 'issuedAt', 'start', 'hours', 'times', 'system', 'local', 'customers', 'orders', 'feedersOpened', 'emergencyOrder', 'settings'],
});

/**
 * The plan file's form and its lengths (every hourly list as long as the plan, open hours inside
 * it, no order given twice). Problems are paths into the file, prefixed by its name.
 */
export function checkPlanFile(file: string, value: unknown, limit = 50): { ok: true; plan: PlanReport } | { ok: false; problems: Problem[]; total: number } {
  // A compact plan (orderly-plan/2): its headline checked as a /1 plan's is, its columns read
  // into rows (each checked where it is read), and the whole then checked as a /1 plan.
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PLAN_FORMAT_2) {
    const { lists, ...headline } = value as Record<string, unknown>;
    const head = checkPlanFile(file, { ...headline, format: PLAN_FORMAT, customers: [], orders: [] }, limit);
    if (!head.ok) return head;
    const decoded = decodePlanFile(file, { ...headline, lists });
    if (!decoded.ok) return decoded;
    // The rows the columns were read into hold the form by construction (every value checked as
    // it was read): what is left are the checks across them (lengths, an order given twice).
    const out = new ProblemList(limit);
    checkMeaning(file, decoded.value as unknown as PlanReport, out);
    if (!out.ok) return { ok: false, problems: out.items, total: out.total };
    return { ok: true, plan: decoded.value as unknown as PlanReport };
  }
  // Another format (a newer version's, or no plan at all): said as such, both readable ones named.
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format !== PLAN_FORMAT) {
    return { ok: false, problems: [{ path: `${file}: format`, message: `expected ${PLAN_FORMAT} or ${PLAN_FORMAT_2} (a plan saved by \`orderly plan --out\`), found ${JSON.stringify(format ?? null)}` }], total: 1 };
  }
  const out = new ProblemList(limit);
  const inner = new ProblemList(limit);
  checkStructure(PlanFileSchema, value, inner);
  for (const p of inner.items) out.add({ path: `${file}: ${p.path}`, message: p.message });
  out.total = inner.total;
  if (out.ok) checkMeaning(file, value as PlanReport, out);
  if (!out.ok) return { ok: false, problems: out.items, total: out.total };
  return { ok: true, plan: value as PlanReport };
}

/** The checks a plan's form leaves: every hourly list as long as the plan, open hours inside it, no order given twice, no customer listed twice. */
function checkMeaning(file: string, plan: PlanReport, out: ProblemList): void {
  {
    const H = plan.hours;
    const at = (path: string) => `${file}: ${path}`;
    if (plan.times.length !== H) out.addExpected(at('times'), `${H} times (one per hour of the plan)`, `${plan.times.length}`);
    if (plan.start !== plan.times[0]) out.addExpected(at('start'), `the first of times (${plan.times[0]})`, plan.start);
    const hourly = (path: string, values: readonly number[] | undefined) => {
      if (values && values.length !== H) out.addExpected(at(path), `${H} hourly values`, `${values.length}`);
    };
    [plan.system, ...plan.local].forEach((a, k) => {
      const path = k === 0 ? 'system' : `local[${k - 1}]`;
      hourly(`${path}.requiredMW`, a.requiredMW);
      hourly(`${path}.coveredMW`, a.coveredMW);
      hourly(`${path}.residualMW`, a.residualMW);
    });
    const seen = new Map<string, number>();
    plan.orders.forEach((o, i) => {
      hourly(`orders[${i}].mw`, o.mw);
      hourly(`orders[${i}].paybackMW`, o.paybackMW);
      hourly(`orders[${i}].energyMW`, o.energyMW);
      hourly(`orders[${i}].heldMW`, o.heldMW);
      const key = `${o.customer}|${o.measure}`;
      if (seen.has(key)) out.addExpected(at(`orders[${i}]`), `one order per customer and measure`, `${o.customer} ${o.measure} again (also orders[${seen.get(key)}])`);
      seen.set(key, i);
      if (o.measure === 'feeder-open') out.addExpected(at(`orders[${i}].measure`), 'a measure (feeders opened are listed in feedersOpened)', '"feeder-open"');
    });
    const opened = new Map<string, number>();
    plan.feedersOpened.forEach((f, i) => {
      const bad = f.open.find((h) => h >= H);
      if (bad !== undefined) out.addExpected(at(`feedersOpened[${i}].open`), `hours inside the plan (0 to ${H - 1})`, `${bad}`);
      if (opened.has(f.feeder)) out.addExpected(at(`feedersOpened[${i}]`), 'each feeder once', `${f.feeder} again (also feedersOpened[${opened.get(f.feeder)}])`);
      opened.set(f.feeder, i);
    });
    const listed = new Map<string, number>();
    plan.customers.forEach((c, i) => {
      hourly(`customers[${i}].mw`, c.mw);
      if (listed.has(c.id)) out.addExpected(at(`customers[${i}]`), 'each customer once', `${c.id} again (also customers[${listed.get(c.id)}])`);
      listed.set(c.id, i);
    });
  }
}

/**
 * A plan file's bytes to its checked form: read as scenario files are (size, text, JSON with its
 * line and column, no key given twice in one object — a hand edit could leave two MW for one hour),
 * the messages naming a plan; then its form (checkPlanFile).
 */
export function readPlanFile(file: string, bytes: Uint8Array): { ok: true; plan: PlanReport } | { ok: false; problems: Problem[]; total: number } {
  const json = parseJsonBytes(file, bytes);
  if (!json.ok) {
    const message = json.problem.message.replace(/JSON scenario/g, 'JSON plan (saved by `orderly plan --out`)').replace(/scenario (file|object)/g, 'plan $1');
    return { ok: false, problems: [{ ...json.problem, message }], total: 1 };
  }
  return checkPlanFile(file, json.value);
}
