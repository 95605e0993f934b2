/**
 * The day of execution on the command line:
 *   orderly notices PLAN.json [--scenario SCENARIO] [--log LOG.json] [--at TIME] [--csv FILE] [--lang zh|en] [--json]
 *   orderly execution import SCENARIO --plan PLAN.json --meters METERS.csv [--unit MW|kW|GW] [--json]
 *   orderly execution meters SCENARIO --plan PLAN.json --out METERS.csv [--day DATE] [--seed N] [--interval 15|60]
 *   orderly report execution SCENARIO --plan PLAN.json --meters METERS.csv [--day DATE ...] [--baseline jiangsu|beijing|hour-before|day-adjusted|similar-days]
 *                  [--threshold 0.8] [--deviation 0.2] [--unit MW|kW|GW] [--lang zh|en|both] [--csv DAILY.csv]
 *                  [--evaluation-csv FILE] [--shortfall-csv FILE] [--measured-out COMPLIANCE.json] [--json]
 * Every plan is read here for its form, then checked again against the scenario in the engine
 * (core/plan/read-back.ts) before anything is made from it: exit 2 when it is not this
 * scenario's, 3 when its decisions break the rules.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentHash } from '../../core/content-hash.ts';
import { BASELINE_POLICIES, type BaselinePolicy } from '../../core/execution/baselines.ts';
import type { MeterUnit } from '../../core/execution/meters.ts';
import type { NoticeRecord } from '../../core/execution/notice-status.ts';
import { dailyReportCsv, evaluationCsv, executionText, noticesCsv, noticesText, shortfallCsv, type Lang } from '../../core/execution/report-text.ts';
import { readPlanFile } from '../../core/plan/plan-file.ts';
import { measuredCompliance } from '../../core/execution/measured.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import type { Problem } from '../../core/problems.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { executionInPool } from '../engine/execution-pool.ts';
import type { EnginePool } from '../pool.ts';
import type { ExecutionOutcome, MeterImportOutcome, MeterStoryOutcome, NoticesOutcome } from '../engine/execution.ts';
import { UsageError, type Out } from './backtest.ts';
import { checkOutputs, readInput, readJsonInput, writeAtomically } from './files.ts';

type Print = (file: string, p: Problem[], total: number) => void;
const encode = (s: string) => new TextEncoder().encode(s);

async function planOf(file: string | undefined, print: Print): Promise<PlanReport | null> {
  if (!file) throw new UsageError('needs --plan PLAN.json (written by `orderly plan --out`)');
  const input = await readInput(file);
  if (!input.ok) return print(file, [input.problem], 1), null;
  const read = readPlanFile(file, input.bytes);
  if (!read.ok) return print(file, read.problems, read.total), null;
  return read.plan;
}

const langOf = (v: string | undefined, both = false): Lang[] => {
  const l = v ?? (both ? 'both' : 'zh');
  if (l === 'both' && both) return ['zh', 'en'];
  if (l === 'zh' || l === 'en') return [l];
  throw new UsageError(`--lang: expected zh, en${both ? ' or both' : ''}, found "${v}"`);
};
const unitOf = (v: string | undefined): MeterUnit | undefined => {
  if (v === undefined) return undefined;
  if (v === 'MW' || v === 'kW' || v === 'GW') return v;
  throw new UsageError(`--unit: expected MW, kW or GW, found "${v}"`);
};
const share = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!(x > 0 && x <= 1)) throw new UsageError(`--${name}: expected a share above 0 and at most 1, found "${v}"`);
  return x;
};

/** `orderly notices PLAN.json --scenario SCENARIO …` */
export async function noticesCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: { scenario: { type: 'string' }, log: { type: 'string' }, at: { type: 'string' }, csv: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('notices needs one PLAN.json (written by `orderly plan --out`)');
  const [lang] = langOf(values.lang);
  let atMs: number | undefined;
  if (values.at !== undefined) {
    const t = parseTimestamp(values.at);
    if (!t) throw new UsageError(`--at: expected a time with its offset, e.g. 2024-07-21T18:00+08:00, found "${values.at}"`);
    atMs = t.ms;
  } else if (values.log) atMs = Date.now();
  const planFile = positionals[0];
  const plan = await planOf(planFile, print);
  if (!plan) return 2;
  // Without --scenario: the file beside the plan or among ./scenarios whose content hash the plan names.
  const scenarioFile = values.scenario ?? await scenarioByHash(plan, planFile);
  if (!scenarioFile) throw new UsageError(`notices needs --scenario SCENARIO: a plan is checked again against the scenario it was made for before its notices are listed, and no file beside ${planFile} or in ./scenarios has the content hash it names (${plan.scenario.sha256?.slice(0, 16)}…, "${plan.scenario.id}")`);
  if (!values.scenario) out.log(`scenario: ${scenarioFile} (the file whose content hash the plan names)`);
  values.scenario = scenarioFile;
  const bad = await checkOutputs([{ flag: '--csv', file: values.csv }], [{ flag: 'the plan', file: planFile }, { flag: '--scenario', file: values.scenario }, { flag: '--log', file: values.log }]);
  if (bad.length) return print(bad[0].path, bad, bad.length), 2;
  let log: { name: string; value: unknown } | undefined;
  if (values.log) {
    const json = await readJsonInput(values.log, 'status log');
    if (!json.ok) return print(values.log, [json.problem], 1), 2;
    log = { name: values.log, value: json.value };
  }
  const input = await readInput(values.scenario);
  if (!input.ok) return print(values.scenario, [input.problem], 1), 2;
  const r = await executionInPool<NoticesOutcome>(engine(2), values.scenario, input.bytes, plan, {}, (api, b, f, p) => api.notices(values.scenario!, b, f, p, { planFile, ...(log ? { log } : {}), ...(atMs !== undefined ? { atMs } : {}) }));
  if (!r.ok) return print(planFile, r.problems, r.total), r.code ?? 2;
  const records: Map<string, NoticeRecord> | null = r.records ? new Map(r.records) : null;
  if (values.csv) await writeAtomically(values.csv, encode(noticesCsv(r.notices, records, lang)));
  if (values.json) out.log(JSON.stringify({ notices: r.notices, records: r.records, alarms: r.alarms }, null, 2));
  else for (const line of noticesText(r.notices, records, r.alarms, lang)) out.log(line);
  if (values.csv) out.log(lang === 'zh' ? `通知清单已写入 ${values.csv}` : `notices written to ${values.csv}`);
  return 0;
}

/** The scenario a plan names by its content hash, among the JSON files beside the plan and in ./scenarios; null when none is. */
async function scenarioByHash(plan: PlanReport, planFile: string): Promise<string | null> {
  const want = plan.scenario.sha256;
  if (!want) return null;
  for (const folder of [dirname(planFile), 'scenarios']) {
    let names: string[];
    try { names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort(); } catch { continue; }
    for (const name of names) {
      const file = join(folder, name);
      if (resolve(file) === resolve(planFile)) continue;
      const input = await readInput(file);
      if (input.ok && contentHash(input.bytes) === want) return file;
    }
  }
  return null;
}

/** `orderly execution import|meters …` */
export async function executionCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'import') return importCommand(rest, engine, out, print);
  if (sub === 'meters') return metersCommand(rest, engine, out, print);
  throw new UsageError(`execution needs a subcommand: import or meters, found ${sub === undefined ? 'none' : `"${sub}"`}`);
}

async function scenarioAndPlan(positionals: string[], planFile: string | undefined, what: string, print: Print) {
  if (positionals.length !== 1) throw new UsageError(`${what} needs one SCENARIO file`);
  const plan = await planOf(planFile, print);
  if (!plan) return null;
  const input = await readInput(positionals[0]);
  if (!input.ok) return print(positionals[0], [input.problem], 1), null;
  return { file: positionals[0], bytes: input.bytes, plan };
}

async function metersFile(file: string | undefined, print: Print) {
  if (!file) throw new UsageError('needs --meters METERS.csv');
  const input = await readInput(file);
  if (!input.ok) return print(file, [input.problem], 1), null;
  return { name: file, bytes: input.bytes };
}

async function importCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { plan: { type: 'string' }, meters: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } } });
  const unit = unitOf(values.unit);
  const given = await scenarioAndPlan(positionals, values.plan, 'execution import', print);
  if (!given) return 2;
  const meters = await metersFile(values.meters, print);
  if (!meters) return 2;
  const r = await executionInPool<MeterImportOutcome>(engine(2), given.file, given.bytes, given.plan, {}, (api, b, f, p) => api.importMeters(given.file, b, f, p, meters, { planFile: values.plan!, ...(unit ? { unit } : {}) }));
  if (!r.ok) return print(meters.name, r.problems, r.total), r.code ?? 2;
  const s = r.summary;
  if (values.json) out.log(JSON.stringify(s, null, 2));
  else out.log(`${meters.name}: ${s.meters.toLocaleString('en-US')} meters (${s.byKind.customer} customers, ${s.byKind.feeder} feeders, ${s.byKind.area} areas), ${s.readings.toLocaleString('en-US')} readings every ${s.intervalMinutes} min (${s.layout === 'per-day' ? 'a day per row' : 'a reading per row'}), hours ${s.from} to ${s.to}: valid against ${values.plan}`);
  return 0;
}

async function metersCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { plan: { type: 'string' }, out: { type: 'string' }, day: { type: 'string' }, seed: { type: 'string' }, interval: { type: 'string' } } });
  if (!values.out) throw new UsageError('execution meters needs --out METERS.csv');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: expected a whole number ≥ 0, found "${values.seed}"`);
  const interval = values.interval === undefined ? 15 : Number(values.interval);
  if (interval !== 15 && interval !== 60) throw new UsageError(`--interval: expected 15 or 60, found "${values.interval}"`);
  if (values.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) throw new UsageError(`--day: expected a date YYYY-MM-DD, found "${values.day}"`);
  const bad = await checkOutputs([{ flag: '--out', file: values.out }], [{ flag: 'the scenario', file: positionals[0] }, { flag: '--plan', file: values.plan }]);
  if (bad.length) return print(bad[0].path, bad, bad.length), 2;
  const given = await scenarioAndPlan(positionals, values.plan, 'execution meters', print);
  if (!given) return 2;
  const r = await executionInPool<MeterStoryOutcome>(engine(2), given.file, given.bytes, given.plan, {}, (api, b, f, p) => api.meterStory(given.file, b, f, p, { seed, interval, planFile: values.plan!, ...(values.day ? { date: values.day } : {}) }));
  if (!r.ok) return print(values.plan!, r.problems, r.total), r.code ?? 2;
  await writeAtomically(values.out, r.csv);
  const s = r.story;
  out.log(`wrote ${values.out}: ${s.meters} meters, the day of execution ${s.date} and the days before it, ${interval === 15 ? '96 points a day in kW (read it with --unit kW)' : 'hourly, in MW'}`);
  out.log(`  the story: ${s.short.length} customers short of their order (${s.short.slice(0, 8).join(', ')}${s.short.length > 8 ? `, … ${s.short.length - 8} more` : ''}), ${s.late ?? 'none'} an hour late, feeder ${s.dippedFeeder ?? '—'} (residents) down 35 % at ${s.dipHours.map((t) => t.slice(11, 16)).join(', ')} for a fault`);
  return 0;
}

/** `orderly report execution SCENARIO --plan P.json --meters M.csv …` */
export async function reportCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, print: Print): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'execution') throw new UsageError(`report needs what to report: execution, found ${what === undefined ? 'none' : `"${what}"`}`);
  const { values, positionals } = parseArgs({
    args: rest, strict: true, allowPositionals: true,
    options: {
      plan: { type: 'string' }, meters: { type: 'string' }, day: { type: 'string', multiple: true }, baseline: { type: 'string' },
      threshold: { type: 'string' }, deviation: { type: 'string' }, unit: { type: 'string' }, lang: { type: 'string' },
      csv: { type: 'string' }, 'evaluation-csv': { type: 'string' }, 'shortfall-csv': { type: 'string' }, 'measured-out': { type: 'string' }, json: { type: 'boolean' },
    },
  });
  const policy = (values.baseline ?? 'jiangsu') as BaselinePolicy;
  if (!BASELINE_POLICIES.includes(policy)) throw new UsageError(`--baseline: expected ${BASELINE_POLICIES.join(', ')}, found "${values.baseline}"`);
  const threshold = share('threshold', values.threshold), deviation = share('deviation', values.deviation), unit = unitOf(values.unit);
  const langs = langOf(values.lang, true);
  for (const d of values.day ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError(`--day: expected a date YYYY-MM-DD, found "${d}"`);
  const outputs = [{ flag: '--csv', file: values.csv }, { flag: '--evaluation-csv', file: values['evaluation-csv'] }, { flag: '--shortfall-csv', file: values['shortfall-csv'] }, { flag: '--measured-out', file: values['measured-out'] }];
  const bad = await checkOutputs(outputs, [{ flag: 'the scenario', file: positionals[0] }, { flag: '--plan', file: values.plan }, { flag: '--meters', file: values.meters }]);
  if (bad.length) return print(bad[0].path, bad, bad.length), 2;
  const given = await scenarioAndPlan(positionals, values.plan, 'report execution', print);
  if (!given) return 2;
  const meters = await metersFile(values.meters, print);
  if (!meters) return 2;
  const r = await executionInPool<ExecutionOutcome>(engine(2), given.file, given.bytes, given.plan, {}, (api, b, f, p) => api.execution(given.file, b, f, p, meters, {
    policy, planFile: values.plan!, ...(threshold !== undefined ? { threshold } : {}), ...(deviation !== undefined ? { deviation } : {}), ...(unit ? { unit } : {}), ...(values.day ? { dates: values.day } : {}),
  }));
  if (!r.ok) return print(r.code === 3 ? values.plan! : meters.name, r.problems, r.total), r.code ?? 2;
  const x = r.result;
  const lang = langs[0];
  if (values.csv) await writeAtomically(values.csv, encode(dailyReportCsv(x.days.map((d) => d.report), lang)));
  if (values['evaluation-csv']) await writeAtomically(values['evaluation-csv'], encode(evaluationCsv(x.evaluation, lang)));
  if (values['shortfall-csv']) await writeAtomically(values['shortfall-csv'], encode(shortfallCsv(x.days.map((d) => d.compliance), lang)));
  if (values['measured-out']) await writeAtomically(values['measured-out'], encode(`${JSON.stringify(measuredCompliance(x, { id: given.plan.scenario.id, sha256: given.plan.scenario.sha256! }))}\n`));
  if (values.json) { out.log(JSON.stringify(x, null, 2)); return 0; }
  if (!x.days.length) out.log(`${meters.name}: no day of the plan with orders is reached by the meters${x.daysNotMetered.length ? ` (${x.daysNotMetered.join(', ')} not metered)` : ''}`);
  langs.forEach((l, i) => {
    if (i) out.log('');
    for (const line of executionText(x.days.map((d) => d.compliance), x.days.map((d) => d.report), x.days.map((d) => d.guarantee), x.evaluation, l)) out.log(line);
  });
  if (x.daysNotMetered.length) out.log(`\nnot judged (no meter reading on the day): ${x.daysNotMetered.join(', ')}`);
  for (const [flag, file] of [['daily report', values.csv], ['evaluation', values['evaluation-csv']], ['customers short of their order', values['shortfall-csv']], ['measured compliance (for orderly simulate --measured)', values['measured-out']]] as const) if (file) out.log(`${flag} written to ${file}`);
  return 0;
}
