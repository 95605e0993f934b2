/**
 * `orderly simulate SCENARIO --plan PLAN.json [--plan OTHER.json …] --futures N --seed S`: plays
 * each saved plan out over the same futures and prints them side by side (--json: the summaries,
 * with the replay of one future when --replay K is given).
 */
import { parseArgs } from 'node:util';
import type { PlanReport } from '../../core/plan/report.ts';
import { PLAN_LEVELS } from '../../core/plan/build-problem.ts';
import { STRATEGIES } from '../../core/plan/order.ts';
import { describeValue, escapeControls, expected, type Problem } from '../../core/problems.ts';
import { MEASURES } from '../../core/scenario/classes.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { PLAYOUT_RUNGS } from '../../core/playout/simulate.ts';
import type { PlayoutSummary, Spread } from '../../core/playout/summary.ts';
import type { EnginePool } from '../pool.ts';
import { playoutInPool } from '../playout-pool.ts';
import { UsageError, type Out } from './backtest.ts';
import { readInput } from './files.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const num = (x: number, d = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');
const band = (s: Spread, d = 0) => `${num(s.mean, d)} (${num(s.p10, d)}–${num(s.p90, d)})`;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * What the play-out takes from a saved plan, checked before it is believed: a plan file may have
 * been edited (a text or a negative number in an hour's MW was played out as if nothing were
 * wrong, a missing list crashed the command).
 */
function planFileProblem(file: string, plan: PlanReport): Problem | null {
  const at = (path: string) => `${file}: ${path}`;
  const p = plan as unknown as Record<string, unknown>;
  if (!(STRATEGIES as unknown[]).includes(p.strategy)) return expected(at('strategy'), `one of ${STRATEGIES.join(', ')}`, describeValue(p.strategy));
  if (p.level !== null && p.level !== undefined && !(PLAN_LEVELS as unknown[]).includes(p.level)) return expected(at('level'), `null or one of ${PLAN_LEVELS.join(', ')}`, describeValue(p.level));
  if (!Number.isInteger(p.hours) || (p.hours as number) < 1 || (p.hours as number) > 24 * 92) return expected(at('hours'), 'a whole number of hours from 1 to 2208', describeValue(p.hours));
  for (const key of ['start', 'issuedAt'] as const) {
    if (typeof p[key] !== 'string' || !parseTimestamp(p[key] as string)) return expected(at(key), 'a time with its offset', describeValue(p[key]));
  }
  const hourly = (path: string, values: unknown): Problem | null => {
    if (!Array.isArray(values)) return expected(at(path), 'a list of hourly MW', describeValue(values));
    for (let h = 0; h < values.length; h++) {
      const v = values[h];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return expected(at(`${path}[${h}]`), 'MW ≥ 0', describeValue(v));
    }
    return null;
  };
  for (let i = 0; i < plan.orders.length; i++) {
    const o = plan.orders[i] as unknown as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null) return expected(at(`orders[${i}]`), 'an order', describeValue(o));
    if (typeof o.customer !== 'string') return expected(at(`orders[${i}].customer`), 'a customer id', describeValue(o.customer));
    if (!(MEASURES as readonly unknown[]).includes(o.measure)) return expected(at(`orders[${i}].measure`), `one of ${MEASURES.join(', ')}`, describeValue(o.measure));
    const bad = hourly(`orders[${i}].mw`, o.mw) ?? (o.paybackMW === undefined ? null : hourly(`orders[${i}].paybackMW`, o.paybackMW));
    if (bad) return bad;
  }
  if (!Array.isArray(p.feedersOpened)) return expected(at('feedersOpened'), 'a list of the feeders the plan opens', describeValue(p.feedersOpened));
  const opened = p.feedersOpened as unknown[];
  for (let i = 0; i < opened.length; i++) {
    const f = opened[i] as Record<string, unknown> | null;
    if (typeof f !== 'object' || f === null || typeof f.feeder !== 'string') return expected(at(`feedersOpened[${i}]`), 'a feeder opened', describeValue(f));
    const open = f.open ?? [];
    if (!Array.isArray(open) || !open.every((h) => Number.isInteger(h) && h >= 0 && h < (p.hours as number))) {
      return expected(at(`feedersOpened[${i}].open`), `a list of hours from 0 to ${(p.hours as number) - 1}`, describeValue(open));
    }
  }
  return null;
}

export async function simulateCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, printProblems: (file: string, p: Problem[], total: number) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: {
      plan: { type: 'string', multiple: true }, futures: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
      replay: { type: 'string' }, workers: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('simulate needs one SCENARIO file');
  if (!values.plan?.length) throw new UsageError('simulate needs at least one --plan PLAN.json (written by `orderly plan --out`)');
  const whole = (name: string, text: string | undefined, fallback: number, min: number) => {
    if (text === undefined) return fallback;
    const v = Number(text);
    if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name}: expected a whole number ≥ ${min}, found "${text}"`);
    return v;
  };
  const futures = whole('futures', values.futures, 1000, 1);
  const seed = whole('seed', values.seed, 1, 0);
  const workers = whole('workers', values.workers, 2, 1);
  const replay = values.replay === undefined ? undefined : whole('replay', values.replay, 0, 0);
  if (replay !== undefined && replay >= futures) throw new UsageError(`--replay: expected a future below --futures (${futures}), found ${replay}`);

  const plans: PlanReport[] = [];
  for (const file of values.plan) {
    const input = await readInput(file);
    if (!input.ok) return printProblems(file, [input.problem], 1), 2;
    let plan: PlanReport;
    try {
      plan = JSON.parse(new TextDecoder().decode(input.bytes)) as PlanReport;
      if (plan.format !== 'orderly-plan/1' || !Array.isArray(plan.orders)) throw new Error('format');
    } catch {
      return printProblems(file, [{ path: file, message: 'expected a plan saved by `orderly plan --out` (format orderly-plan/1, with its orders), found something else' }], 1), 2;
    }
    const bad = planFileProblem(file, plan);
    if (bad) return printProblems(file, [bad], 1), 2;
    plans.push(plan);
  }
  const file = positionals[0];
  const input = await readInput(file);
  if (!input.ok) return printProblems(file, [input.problem], 1), 2;
  const result = await playoutInPool(engine(workers), file, input.bytes, plans, { futures, seed, ...(replay !== undefined ? { replay } : {}) });
  if (!result.ok) return printProblems(file, result.problems, result.total), 2;
  const summaries = result.summaries.map((s, i) => ({ ...s, plan: `${s.plan} (${values.plan![i]})` }));
  if (values.json) {
    out.log(JSON.stringify({ futures, seed, summaries }, null, 2));
    return 0;
  }
  for (const line of table(file, summaries, result.forecastMs, result.playMs, workers)) out.log(line);
  return 0;
}

function table(file: string, s: PlayoutSummary[], forecastMs: number, playMs: number, workers: number): string[] {
  const w = 30;
  const L: string[] = [];
  L.push(`${file}: ${s[0].futures} futures (seed ${s[0].seed}) per plan; forecast ${(forecastMs / 1000).toFixed(1)} s, play-out ${(playMs / 1000).toFixed(1)} s on ${workers} worker(s)`);
  if (s[0].events.length) L.push(`scripted events in every future: ${s[0].events.join(', ')}`);
  L.push('mean (P10–P90) over the futures');
  L.push('');
  const row = (label: string, cell: (x: PlayoutSummary) => string) => L.push(`${pad(label, 38)}${s.map((x) => lpad(cell(x), w)).join('')}`);
  // The plan's name comes from its file: shown with its control characters escaped.
  row('', (x) => { const name = escapeControls(x.plan); return name.length > w - 2 ? `${name.slice(0, w - 3)}…` : name; });
  row('P(a protected customer is cut)', (x) => pct(x.protectedCutProbability));
  row('P(emergency order reached)', (x) => pct(x.emergencyProbability));
  row('energy not served, MWh', (x) => band(x.figures.unservedMWh, 1));
  row('curtailed, MWh', (x) => band(x.figures.curtailedMWh));
  row('peak curtailed, MW', (x) => band(x.figures.peakCurtailedMW));
  row('economic loss, M', (x) => `${num(x.figures.economicLoss.mean / 1e6, 1)} (${num(x.figures.economicLoss.p10 / 1e6, 1)}–${num(x.figures.economicLoss.p90 / 1e6, 1)})`);
  row('user-times (户次)', (x) => band(x.figures.userTimes));
  row('customers affected', (x) => band(x.figures.customersAffected));
  row('longest curtailment, h', (x) => band(x.figures.longestHours));
  row('fairness (Jain, 1 = even)', (x) => band(x.figures.fairness, 2));
  row('late notices (customer-hours)', (x) => band(x.figures.lateNotices));
  row('unused rungs called, MWh', (x) => band(x.figures.extraMWh));
  row('emergency order, MWh', (x) => band(x.figures.emergencyMWh));
  row('compliance shortfall, MWh', (x) => band(x.figures.shortfallMWh));
  L.push('');
  L.push('MWh by rung');
  PLAYOUT_RUNGS.forEach((rung, r) => row(`  ${rung}`, (x) => band(x.rungs[r].mwh)));
  const classes = [...new Set(s.flatMap((x) => x.classes.map((c) => c.cls)))];
  L.push('MWh by class');
  for (const cls of classes) row(`  ${cls}`, (x) => { const c = x.classes.find((y) => y.cls === cls); return c ? band(c.mwh) : '0'; });
  return L;
}
