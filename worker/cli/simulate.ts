/**
 * `orderly simulate SCENARIO --plan PLAN.json [--plan OTHER.json …] --futures N --seed S`: plays
 * each saved plan out over the same futures and prints them side by side (--json: the summaries,
 * with the replay of one future when --replay K is given).
 */
import { worstUnservedHour } from '../../core/playout/worst-hour.ts';
import { parseArgs } from 'node:util';
import { readPlanFile } from '../../core/plan/plan-file.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { escapeControls, type Problem } from '../../core/problems.ts';
import { PLAYOUT_RUNGS } from '../../core/playout/simulate.ts';
import type { PlayoutSummary, Spread } from '../../core/playout/summary.ts';
import type { EnginePool } from '../pool.ts';
import { playoutInPool } from '../engine/playout-pool.ts';
import { UsageError, type Out } from './backtest.ts';
import { readInput, readJsonInput } from './files.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const num = (x: number, d = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');
const band = (s: Spread, d = 0) => `${num(s.mean, d)} (${num(s.p10, d)}–${num(s.p90, d)})`;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export async function simulateCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, printProblems: (file: string, p: Problem[], total: number) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: {
      plan: { type: 'string', multiple: true }, futures: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
      replay: { type: 'string' }, workers: { type: 'string' }, measured: { type: 'string' },
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
    // Its form here (the same definition the engine checks again), its decisions against the
    // scenario in the engine before it is played (core/plan/read-back.ts).
    const read = readPlanFile(file, input.bytes);
    if (!read.ok) return printProblems(file, read.problems, read.total), 2;
    plans.push(read.plan);
  }
  // Measured compliance (orderly report execution --measured-out): checked against the scenario in the engine.
  let measured: { file: string; value: unknown } | undefined;
  if (values.measured) {
    const json = await readJsonInput(values.measured, 'measured compliance');
    if (!json.ok) return printProblems(values.measured, [json.problem], 1), 2;
    measured = { file: values.measured, value: json.value };
  }
  const file = positionals[0];
  const input = await readInput(file);
  if (!input.ok) return printProblems(file, [input.problem], 1), 2;
  const result = await playoutInPool(engine(workers), file, input.bytes, plans, { futures, seed, names: values.plan, ...(replay !== undefined ? { replay } : {}), ...(measured ? { measured } : {}) });
  // A plan that is not this scenario's, or whose decisions break the rules once checked again: 2 or 3.
  if (!result.ok) return printProblems(file, result.problems, result.total), result.code ?? 2;
  const summaries = result.summaries.map((s, i) => ({ ...s, plan: `${s.plan} (${values.plan![i]})` }));
  if (values.json) {
    out.log(JSON.stringify({ futures, seed, summaries }, null, 2));
    return 0;
  }
  for (const line of table(file, summaries, result.forecastMs, result.playMs, workers)) out.log(line);
  if (measured) out.log(`customers' measured completion (${values.measured}) replaces the assumed 60–100 % for the customers it names`);
  return 0;
}

function worstHour(x: PlayoutSummary): string {
  const w = worstUnservedHour(x.unservedFan);
  return w ? `h${w.hour} ${pct(w.pAny)} · ${num(w.p95MW, 1)}/${num(w.maxMW ?? w.p95MW, 1)} MW` : 'none';
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
  row('P(any load unserved)', (x) => pct(x.unservedProbability));
  // The tail the P10–P90 band hides: the hour most often short, and the 95th percentile of its MW.
  row('worst hour: P(unserved) · P95/max', (x) => worstHour(x));
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
