/**
 * `orderly backtest`: Orderly's load model against Tao Hong's vanilla reference, on any hourly
 * CSV or on the GEFCom2012 files. Prints MAPE, MAE, RMSE, pinball loss and 80 % interval
 * coverage side by side; --json gives one object with those keys, each { model, vanilla }.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BacktestResult } from '../../core/forecast/backtest.ts';
import type { GefcomBacktest, GefcomTask } from '../../core/forecast/gefcom-backtest.ts';
import type { RollingReport } from '../../core/forecast/rolling-backtest.ts';
import type { RollingOptions } from '../../core/forecast/rolling.ts';
import { GEFCOM_FILE_NAMES } from '../../core/history/gefcom-scenario.ts';
import type { HistoryUnit } from '../../core/history/units.ts';
import type { Problem } from '../../core/problems.ts';
import type { CsvBacktestOutcome, GefcomBacktestOutcome } from '../api.ts';
import type { EnginePool } from '../pool.ts';
import { readInput } from './files.ts';
import { HISTORY_FLAGS, HISTORY_HELP, intervalOf, missingReadingOptions, weatherTimes } from './history-options.ts';
import { UsageError } from './usage.ts';

export type Out = { log: (line: string) => void; error: (line: string) => void };
export { UsageError };

export const BACKTEST_HELP = `orderly backtest: Orderly's load model against Tao Hong's vanilla regression, scored on the same hours
(MAPE, MAE, RMSE, pinball loss, 80 % interval coverage; --json: one object, each key { model, vanilla }).

Usage:
  orderly backtest --csv FILE (reading options below) --train-from DATE --train-until DATE --test-from DATE --test-until DATE
                   [--temp-forecast COL] [--model best|vanilla] [--holidays CN|US|none]
                   [--rolling [--issue-hour H] [--horizon DAYS]] [--json]
  orderly backtest --gefcom2012 DIR [--task 2007|2007-one-year|backcast|…,…] [--rolling [--issue-hour H] [--horizon DAYS]] [--json]

Dates are local dates in --tz, "until" inclusive; training needs at least 60 days. Hours without a
known load or temperature are left out of training and scoring and listed as notes; a missing hour
blanks only itself (the model's temperature lags and past-day means use the known hours around it).
--temp-forecast COL scores ex ante: the test window sees that column's temperature instead.
--rolling also scores the forecast as dispatch issues it: every day of the test window at
--issue-hour (local, default 10) with the load measured before it, for --horizon days ahead
(1–7, default 7); MAPE by horizon day with and without the measured load, and vanilla, on the
same hours, and how the intervals were calibrated. Under two years of training the model is
chosen by cross-validation over whole months (printed with its scores); every run says how its
80 % interval was calibrated. --holidays CN: statutory holidays and 调休 from 2004 (chinese-days),
the Spring Festival period keyed on 正月初一.

${HISTORY_HELP}

Example, a 96-point day file with daily weather in another file:
  orderly backtest --csv Area1_Load.csv --date YMD --load-columns 'T{HH}{MM}' --tz Asia/Shanghai \\
                   --weather Area1_Weather.csv --weather-date 日期 --temp-max 最高温度℃ --temp-min 最低温度℃ --temp-mean 平均温度℃ \\
                   --train-from 2016-01-01 --train-until 2018-12-31 --test-from 2019-01-01 --test-until 2019-12-31 --holidays CN`;

const ROWS: Array<[keyof BacktestResult, string, number]> = [
  ['mape', 'MAPE (%)', 3], ['mae', 'MAE (MW)', 2], ['rmse', 'RMSE (MW)', 2], ['pinball', 'pinball loss (MW)', 2], ['coverage80', '80 % coverage (%)', 1],
];

export function resultTable(r: BacktestResult, modelName: string): string[] {
  const lines = [`  ${''.padEnd(20)}${modelName.padStart(14)}${'vanilla'.padStart(12)}`];
  for (const [key, label, digits] of ROWS) {
    lines.push(`  ${label.padEnd(20)}${r[key].model.toFixed(digits).padStart(14)}${r[key].vanilla.toFixed(digits).padStart(12)}`);
  }
  return lines;
}

function rollingOptions(values: Record<string, unknown>): RollingOptions | undefined {
  if (!values.rolling) {
    for (const flag of ['issue-hour', 'horizon']) if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --rolling`);
    return undefined;
  }
  const whole = (flag: string, fallback: number, lo: number, hi: number): number => {
    const raw = values[flag];
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`--${flag}: expected a whole number ${lo}–${hi}, found "${String(raw)}"`);
    return v;
  };
  return { issueHour: whole('issue-hour', 10, 0, 23), horizonDays: whole('horizon', 7, 1, 7) };
}

/** MAPE by horizon day of the forecast issued daily with measured load. */
export function rollingTable(r: RollingReport, what: string): string[] {
  const lines = [
    `rolling day-ahead (${what}): issued daily at ${String(r.issueHour).padStart(2, '0')}:00 local with the load measured before it, ${r.issues} issues` +
      (r.uncorrected ? ` — ${r.uncorrected} of them without a measured last day (18 of its 24 hours needed): the model as it is, counted in "with load" too` : ''),
    `  ${'day ahead'.padEnd(12)}${'with load'.padStart(11)}${'without'.padStart(10)}${'vanilla'.padStart(10)}${'80 % cov.'.padStart(11)}`,
  ];
  for (const d of r.byDay) {
    lines.push(`  ${String(d.day).padEnd(12)}${`${d.mape.rolling.toFixed(2)} %`.padStart(11)}${`${d.mape.model.toFixed(2)} %`.padStart(10)}${`${d.mape.vanilla.toFixed(2)} %`.padStart(10)}${`${d.coverage80.toFixed(1)} %`.padStart(11)}`);
  }
  lines.push(`  (MAPE on the same hours; "without": the model's forecast without measured load; intervals: ${r.calibration})`);
  return lines;
}

function rollingJson(r: RollingReport) {
  return { issueHour: r.issueHour, horizonDays: r.horizonDays, issues: r.issues, uncorrected: r.uncorrected, byDay: r.byDay, calibration: r.calibration };
}

function gefcomJson(b: GefcomBacktest) {
  const s = b.system;
  const pair = (k: keyof BacktestResult) => ({ model: s.model[k], vanilla: s.vanilla[k] });
  return {
    mape: pair('mape'), mae: pair('mae'), rmse: pair('rmse'), pinball: pair('pinball'), coverage80: pair('coverage80'),
    task: b.task,
    zoneMedianMape: b.zoneMedianMape,
    zonePooledMape: b.zonePooledMape,
    ...(b.rolling ? { rolling: rollingJson(b.rolling) } : {}),
    zones: b.zones.map((z) => ({ series: z.series, stations: z.stations, mape: { model: z.model.mape, vanilla: z.vanilla.mape }, coverage80: { model: z.model.coverage80, vanilla: z.vanilla.coverage80 } })),
    seconds: b.seconds,
  };
}

export async function backtestCommand(argv: string[], engine: () => EnginePool, out: Out, printProblems: (file: string, p: Problem[], total: number) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      ...HISTORY_FLAGS, gefcom2012: { type: 'string' }, task: { type: 'string' }, 'temp-forecast': { type: 'string' },
      'train-from': { type: 'string' }, 'train-until': { type: 'string' }, 'test-from': { type: 'string' }, 'test-until': { type: 'string' },
      model: { type: 'string' }, holidays: { type: 'string' }, json: { type: 'boolean' },
      rolling: { type: 'boolean' }, 'issue-hour': { type: 'string' }, horizon: { type: 'string' },
    },
  });
  if (values.help) {
    out.log(BACKTEST_HELP);
    return 0;
  }
  const model = (values.model ?? 'best') as 'best' | 'vanilla';
  if (model !== 'best' && model !== 'vanilla') throw new UsageError(`--model: expected best or vanilla, found "${values.model}"`);
  const modelName = model === 'best' ? 'Orderly' : 'vanilla';
  const rolling = rollingOptions(values);

  if (values.gefcom2012) {
    const tasks = (values.task ?? '2007,backcast').split(',');
    for (const t of tasks) if (t !== '2007' && t !== '2007-one-year' && t !== 'backcast') throw new UsageError(`--task: expected 2007, 2007-one-year or backcast (or a list of them), found "${t}"`);
    const files: Record<string, string> = {};
    for (const [key, name] of Object.entries(GEFCOM_FILE_NAMES)) {
      const input = await readInput(join(values.gefcom2012, name));
      if (!input.ok) return printProblems(values.gefcom2012, [input.problem], 1), 2;
      files[key] = new TextDecoder().decode(input.bytes);
    }
    const results: GefcomBacktest[] = [];
    for (const task of tasks as GefcomTask[]) {
      const r = await engine().run<GefcomBacktestOutcome>((api, progress) => api.backtestGefcom(files, task, progress, rolling),
        process.stderr.isTTY ? { onProgress: (f) => void process.stderr.write(`\r  ${task}: ${Math.round(f * 100)} %   `) } : {});
      if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(24) + '\r');
      if (!r.ok) return printProblems(values.gefcom2012, r.problems, r.problems.length), 2;
      results.push(r.backtest);
      if (values.json) continue;
      const b = r.backtest;
      out.log(task === '2007-one-year'
        ? 'GEFCom2012, train 2006 alone (one year, as a new substation has), test 2007 ex post; system = sum of the 20 zones'
        : task === '2007'
        ? 'GEFCom2012, train 2004–2006, test 2007 ex post (actual temperatures); system = sum of the 20 zones'
        : 'GEFCom2012, the 8 backcast weeks (2005–2006), trained on all other history, scored against Load_solution.csv');
      out.log(`system${model === 'best' ? ' (Orderly: sum of its zone forecasts; vanilla: direct)' : ''}`);
      for (const line of resultTable({
        mape: { model: b.system.model.mape, vanilla: b.system.vanilla.mape }, mae: { model: b.system.model.mae, vanilla: b.system.vanilla.mae },
        rmse: { model: b.system.model.rmse, vanilla: b.system.vanilla.rmse }, pinball: { model: b.system.model.pinball, vanilla: b.system.vanilla.pinball },
        coverage80: { model: b.system.model.coverage80, vanilla: b.system.vanilla.coverage80 },
      }, modelName)) out.log(line);
      out.log(`zones: median MAPE of the 19 zones other than zone 9 ${b.zoneMedianMape.model.toFixed(2)} % (vanilla ${b.zoneMedianMape.vanilla.toFixed(2)} %); ` +
        `pooled over all 20 zones ${b.zonePooledMape.model.toFixed(2)} % (vanilla ${b.zonePooledMape.vanilla.toFixed(2)} %)`);
      const zone9 = b.zones[8];
      out.log(`zone 9 (industrial, zero hours: MAPE meaningless): MAE ${zone9.model.mae.toFixed(2)} MW (vanilla ${zone9.vanilla.mae.toFixed(2)} MW)`);
      out.log(`zone MAPE and stations: ${b.zones.map((z) => `${z.series.slice(5)}: ${z.model.mape.toFixed(1)} [${z.stations.join('+')}]`).join(', ')}`);
      if (b.rolling) for (const line of rollingTable(b.rolling, 'system')) out.log(line);
      out.log(`(${b.seconds.toFixed(1)} s)\n`);
    }
    if (values.json) out.log(JSON.stringify(results.length === 1 ? gefcomJson(results[0]) : Object.fromEntries(results.map((r) => [r.task, gefcomJson(r)])), null, 2));
    return 0;
  }

  if (!values.csv) throw new UsageError('backtest needs --csv FILE or --gefcom2012 DIR (see orderly backtest --help)');
  const missing = [
    ...missingReadingOptions(values, { load: true, temp: true }),
    ...['train-from', 'train-until', 'test-from', 'test-until'].filter((k) => !(values as Record<string, unknown>)[k]),
  ];
  if (missing.length) throw new UsageError(`backtest --csv needs --${missing.join(', --')} (see orderly backtest --help)`);
  const interval = intervalOf(values.interval);
  const holidays = (values.holidays ?? 'none') as 'CN' | 'US' | 'none';
  if (!['CN', 'US', 'none'].includes(holidays)) throw new UsageError(`--holidays: expected CN, US or none, found "${values.holidays}"`);
  const input = await readInput(values.csv, 1024 ** 3);
  if (!input.ok) return printProblems(values.csv, [input.problem], 1), 2;
  const text = new TextDecoder().decode(input.bytes);
  let weather: { file: string; text: string } | undefined;
  if (values.weather) {
    const w = await readInput(values.weather, 1024 ** 3);
    if (!w.ok) return printProblems(values.weather, [w.problem], 1), 2;
    weather = { file: values.weather, text: new TextDecoder().decode(w.bytes) };
  }
  const pick = (flag: keyof typeof values, key: string) => (values[flag] !== undefined ? { [key]: values[flag] as string } : {});
  const r = await engine().run<CsvBacktestOutcome>((api) => api.backtestCsv(text, {
    file: values.csv!, tz: values.tz!,
    ...pick('time', 'time'), ...pick('date', 'date'), ...pick('hour', 'hour'),
    ...pick('load', 'load'), ...pick('load-columns', 'loadColumns'),
    ...pick('temp', 'temp'), ...pick('temp-max', 'tempMax'), ...pick('temp-min', 'tempMin'), ...pick('temp-mean', 'tempMean'),
    hourEnding: values['hour-ending'] ?? false,
    ...(interval ? { interval } : {}),
    ...(values['load-unit'] ? { loadUnit: values['load-unit'] as HistoryUnit } : {}),
    ...(values['temp-unit'] ? { tempUnit: values['temp-unit'] as HistoryUnit } : {}),
    ...(values['temp-forecast'] ? { tempForecast: values['temp-forecast'] } : {}),
    ...(weather ? { weather: { ...weather, ...weatherTimes(values) } } : {}),
    trainFrom: values['train-from']!, trainUntil: values['train-until']!, testFrom: values['test-from']!, testUntil: values['test-until']!,
    model, holidays, ...(rolling ? { rolling } : {}),
  }));
  if (!r.ok) return printProblems(values.csv, r.problems, r.problems.length), 2;
  if (values.json) {
    out.log(JSON.stringify({
      ...r.result, ...(r.calibration ? { calibration: r.calibration } : {}), ...(r.shortChoice ? { shortChoice: r.shortChoice } : {}),
      ...(r.recency ? { recency: r.recency } : {}), ...(r.rolling ? { rolling: rollingJson(r.rolling) } : {}),
    }, null, 2));
    return 0;
  }
  out.log(`${values.csv}: train ${values['train-from']}..${values['train-until']} (${r.hours.train.toLocaleString('en-US')} h), ` +
    `test ${values['test-from']}..${values['test-until']} (${r.hours.test.toLocaleString('en-US')} h), ${r.exAnte ? 'ex ante (forecast temperature)' : 'ex post (actual temperature)'}`);
  for (const line of resultTable(r.result, modelName)) out.log(line);
  if (r.recency) out.log(`  recency terms chosen on the last training year: ${r.recency.lags} hourly temperature lags, ${r.recency.pastDays} past-day means`);
  if (r.shortChoice) {
    const cv = Object.entries(r.shortChoice.cvMape).map(([k, v]) => `${k} ${v.toFixed(2)} %`).join(', ');
    out.log(`  under two years of training: the ${r.shortChoice.chosen} model, chosen by cross-validated MAPE (${cv}); no trend (one year cannot tell growth from season)`);
  }
  if (r.calibration) out.log(`  80 % interval calibrated on: ${r.calibration}`);
  if (r.rolling) for (const line of rollingTable(r.rolling, values.csv)) out.log(line);
  for (const note of r.notes) out.log(`  note: ${note.length > 300 ? `${note.slice(0, 297)}…` : note}`);
  return 0;
}
