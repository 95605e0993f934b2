/**
 * `orderly`: the command line. Every command does its compute through the engine (worker threads),
 * the same API the page uses; this file only reads arguments and files and prints results.
 *
 * Exit codes: 0 success, 1 wrong usage, 2 invalid input (the problems are printed).
 */
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeValue, escapeControls, escapeForTerminal, expected, formatProblem, type Problem } from '../../core/problems.ts';
import { readCsv } from '../../core/history/csv.ts';
import { findColumns } from '../../core/history/header.ts';
import { GEFCOM_FILE_NAMES, type GefcomFiles } from '../../core/history/gefcom-scenario.ts';
import type { HistoryUnit } from '../../core/history/units.ts';
import { mixesFromTable, type FeederMix } from '../../scenarios/generator/feeder-mix.ts';
import { SCALE_NAMES, type Scale } from '../../scenarios/generator/scales.ts';
import { STORY_IDS, type StoryId } from '../../scenarios/generator/stories.ts';
import type { ImportOutcome, ValidationOutcome } from '../api.ts';
import { nodeEnginePool } from '../node/spawn.ts';
import type { EnginePool } from '../pool.ts';
import { checkOutputs, readInput, writeAtomically, WriteError, type Output } from './files.ts';
import { isDataError } from '../../core/data-error.ts';
import { EngineFailedError } from '../pool.ts';

/** Exit code of an error that is not the input's (EX_SOFTWARE): a bug, or a worker that died. */
export const INTERNAL_ERROR = 70;
import { formatBytes, summaryLines } from './format.ts';
import { backtestCommand, UsageError } from './backtest.ts';
import { HISTORY_FLAGS, HISTORY_HELP, intervalOf, missingReadingOptions, weatherTimes } from './history-options.ts';
import { warnCommand } from './warn.ts';
import { planCommand } from './plan.ts';
import { simulateCommand } from './simulate.ts';
import { executionCommand, noticesCommand, reportCommand } from './execution.ts';
import { replanCommand } from './replan.ts';

const USAGE = `orderly — orderly-power (有序用电) scheduler

Usage:
  orderly validate FILE... [--max-problems N] [--json]
  orderly summary FILE [--json]
  orderly generate --scale town|small-city|city|province [--story STORY] --seed N --out FILE
                   [--history-days N] [--customer-history-days N] [--feeder-mix CSV]
  orderly import --csv FILE --time COL | --date COL --hour COL | --date COL --load-columns PATTERN  --tz ZONE
                 [--load COL [--load-unit MW|kW|GW]] [--temp COL | --temp-max COL --temp-min COL [--temp-mean COL]]
                 [--temp-unit °C|℃|°F|K] [--interval 15|30|60] [--hour-ending] [--weather FILE [--weather-time COL ...]]
                 [--into SCENARIO (--area ID | --feeder ID | --customer ID) [--station ID] --out FILE]   (--help: all options)
  orderly import --gefcom2012 DIR --out FILE
  orderly backtest --csv FILE (the reading options of import) --load COL --temp COL (or daily: --temp-max/--temp-min/--temp-mean)
                   --train-from DATE --train-until DATE --test-from DATE --test-until DATE
                   [--model best|vanilla] [--temp-forecast COL] [--holidays CN|US|none]
                   [--rolling [--issue-hour H] [--horizon DAYS]] [--json]   (--help: all options)
  orderly backtest --gefcom2012 DIR [--task 2007|2007-one-year|backcast|…,…] [--rolling [--issue-hour H] [--horizon DAYS]] [--json]
  orderly warn SCENARIO [--at TIME] [--previous BULLETIN.json] [--out BULLETIN.json]
                [--samples N] [--seed N] [--confidence 0.9] [--lang en|zh|both] [--json]
  orderly plan SCENARIO [--strategy cost|fair|fewest] [--level I|II|III|IV] [--json] [--out PLAN.json]
                [--csv CUSTOMERS.csv] [--export-lp MODEL.lp] [--notice H] [--snap-back 0.2] [--at TIME]
                [--samples N] [--seed N] [--confidence 0.9]
  orderly simulate SCENARIO --plan PLAN.json [--plan OTHER.json ...] [--futures 1000] [--seed N]
                [--replay K] [--workers 2] [--measured COMPLIANCE.json] [--json]
  orderly notices PLAN.json [--scenario SCENARIO] [--log LOG.json] [--at TIME] [--csv FILE] [--lang zh|en] [--json]
  orderly execution import SCENARIO --plan PLAN.json --meters METERS.csv [--unit MW|kW|GW] [--json]
  orderly execution meters SCENARIO --plan PLAN.json --out METERS.csv [--day DATE] [--seed N] [--interval 15|60]
  orderly report execution SCENARIO --plan PLAN.json --meters METERS.csv [--day DATE ...] [--baseline jiangsu|beijing|hour-before|day-adjusted|similar-days]
                [--threshold 0.8] [--deviation 0.2] [--unit MW|kW|GW] [--lang zh|en|both] [--csv DAILY.csv]
                [--evaluation-csv FILE] [--shortfall-csv FILE] [--measured-out COMPLIANCE.json] [--json]
  orderly replan SCENARIO --plan PLAN.json --actuals METERS.csv --at TIME [--out REVISED.json] [--unit MW|kW|GW]
                [--log LOG.json] [--lang zh|en|both] [--json]

Stories: ${STORY_IDS.join(', ')}.
Exit codes: 0 success, 1 wrong usage, 2 invalid input, 3 a plan failed its verification, 70 an internal error.`;


type Out = { log: (line: string) => void; error: (line: string) => void };

/**
 * Runs one command. `options.pool` lends a pool of engine workers kept by the caller (the mutation
 * harness runs thousands of commands; each would otherwise start its own workers);
 * `options.poolOfSize` lends one of the size the command asks for (the in-process test helper:
 * each command still runs on as many workers as it would alone).
 */
export async function main(argv: string[], sink: Out = { log: (l) => console.log(l), error: (l) => console.error(l) }, options: { pool?: EnginePool; poolOfSize?: (size: number) => EnginePool } = {}): Promise<number> {
  // Whatever a command prints may quote a file (names, CSV headers, the values problems quote):
  // no control character reaches the terminal as itself, only the program's own newlines and tabs.
  const out: Out = { log: (l) => sink.log(escapeForTerminal(l)), error: (l) => sink.error(escapeForTerminal(l)) };
  const [command, ...rest] = argv;
  let pool: EnginePool | undefined;
  const engine = (size = 1) => options.pool ?? options.poolOfSize?.(size) ?? (pool ??= nodeEnginePool(size));
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, engine, out);
      case 'summary':
        return await summary(rest, engine, out);
      case 'generate':
        return await generate(rest, engine, out);
      case 'import':
        return await importHistory(rest, engine, out);
      case 'warn':
        return await warnCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'plan':
        return await planCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'simulate':
        return await simulateCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'notices':
        return await noticesCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'execution':
        return await executionCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'report':
        return await reportCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'replan':
        return await replanCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case 'backtest':
        return await backtestCommand(rest, engine, out, (file, problems, total) => printProblems(file, problems, total, out));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.error(`orderly: ${(error as Error).message}\n\n${USAGE}`);
      return 1;
    }
    // Data that cannot carry a result, found past validation: its problems, as validation prints them.
    if (isDataError(error)) {
      for (const p of error.problems) out.error(escapeControls(formatProblem(p)));
      return 2;
    }
    if (error instanceof WriteError) {
      out.error(`orderly: ${error.message}`);
      return 2;
    }
    // Anything else is not the input's fault: a worker that died, or a bug. Said as such, with its
    // own exit code, so that no one takes it for a refusal of the file.
    const message = (error as Error)?.message ?? String(error);
    out.error(error instanceof EngineFailedError
      ? `orderly: ${message}`
      : `orderly: internal error — this is a bug in Orderly, not a problem of your files; please report it with the command: ${message}`);
    return INTERNAL_ERROR;
  } finally {
    await pool?.close();
  }
}

function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals = false) {
  return parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
}

function printProblems(file: string, problems: Problem[], total: number, out: Out): void {
  out.error(`${file}: ${total} problem${total === 1 ? '' : 's'}`);
  // A problem is one line: a newline in a quoted value is escaped too.
  for (const p of problems) out.error(escapeControls(formatProblem(p)));
  if (total > problems.length) out.error(`… and ${total - problems.length} more (see them all with --max-problems ${total})`);
}

/** Checks the outputs before any compute; prints the problems and says false when there are some. */
export async function outputsOk(outputs: Output[], inputs: Output[], out: Out): Promise<boolean> {
  const problems = await checkOutputs(outputs, inputs);
  for (const p of problems) printProblems(p.path, [p], 1, out);
  return problems.length === 0;
}

function positiveInt(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: expected a whole number ≥ 0, found "${text}"`);
  return n;
}

async function validate(argv: string[], engine: () => EnginePool, out: Out): Promise<number> {
  const { values, positionals } = args(argv, { 'max-problems': { type: 'string' }, json: { type: 'boolean' } }, true);
  if (!positionals.length) throw new UsageError('validate needs at least one FILE');
  const limit = positiveInt('max-problems', values['max-problems'], 1000);
  let code = 0;
  const results: Array<{ file: string } & ValidationOutcome> = [];
  for (const file of positionals) {
    const input = await readInput(file);
    const result: ValidationOutcome = input.ok
      ? await engine().run((api) => api.validate(file, input.bytes, { limit }))
      : { ok: false, problems: [input.problem], total: 1 };
    results.push({ file, ...result });
    if (!result.ok) code = 2;
    if (values.json) continue;
    if (result.ok) out.log(`${file}: valid\n${summaryLines(result.summary!).join('\n')}`);
    else printProblems(file, result.problems, result.total, out);
  }
  if (values.json) out.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  return code;
}

async function summary(argv: string[], engine: () => EnginePool, out: Out): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('summary needs one FILE');
  const file = positionals[0];
  const input = await readInput(file);
  if (!input.ok) {
    printProblems(file, [input.problem], 1, out);
    return 2;
  }
  const result = await engine().run((api) => api.validate(file, input.bytes));
  if (!result.ok) {
    printProblems(file, result.problems, result.total, out);
    return 2;
  }
  out.log(values.json ? JSON.stringify(result.summary, null, 2) : summaryLines(result.summary!).join('\n'));
  return 0;
}

async function generate(argv: string[], engine: () => EnginePool, out: Out): Promise<number> {
  const { values } = args(argv, {
    scale: { type: 'string' }, story: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
    'history-days': { type: 'string' }, 'customer-history-days': { type: 'string' }, 'feeder-mix': { type: 'string' },
  });
  const scale = values.scale as Scale | undefined;
  if (scale !== undefined && !SCALE_NAMES.includes(scale)) throw new UsageError(`--scale: expected one of ${SCALE_NAMES.join(', ')}, found "${scale}"`);
  const story = values.story as StoryId | undefined;
  if (story !== undefined && !STORY_IDS.includes(story)) throw new UsageError(`--story: expected one of ${STORY_IDS.join(', ')}, found "${story}"`);
  if (!scale && !story) throw new UsageError('generate needs --scale or --story');
  if (!values.out) throw new UsageError('generate needs --out FILE');
  const seed = positiveInt('seed', values.seed);
  if (!(await outputsOk([{ flag: '--out', file: values.out }], [{ flag: '--feeder-mix', file: values['feeder-mix'] }], out))) return 2;
  let feederMix: FeederMix[] | undefined;
  if (values['feeder-mix']) {
    const input = await readInput(values['feeder-mix']);
    if (!input.ok) return printProblems(values['feeder-mix'], [input.problem], 1, out), 2;
    const table = feederMixTable(values['feeder-mix'], new TextDecoder().decode(input.bytes));
    if (!table.ok) return printProblems(values['feeder-mix'], table.problems, table.problems.length, out), 2;
    feederMix = mixesFromTable(table.rows);
  }
  const started = performance.now();
  const showProgress = process.stderr.isTTY;
  const result = await engine().run(
    (api, progress) => api.generate({
      scale, story, seed,
      ...(values['history-days'] !== undefined ? { historyDays: positiveInt('history-days', values['history-days']) } : {}),
      ...(values['customer-history-days'] !== undefined ? { customerHistoryDays: positiveInt('customer-history-days', values['customer-history-days']) } : {}),
      ...(feederMix ? { feederMix } : {}),
    }, progress),
    showProgress ? { onProgress: (f, phase) => void process.stderr.write(`\r  ${Math.round(f * 100)} % ${phase.padEnd(12)}`) } : {},
  );
  if (showProgress) process.stderr.write('\r'.padEnd(30) + '\r');
  await writeAtomically(values.out, result.bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  out.log(`wrote ${values.out} (${formatBytes(result.bytes.byteLength)}) in ${seconds} s\n${summaryLines(result.summary).join('\n')}`);
  return 0;
}

const MIX_COLUMNS = ['pct_R', 'pct_C', 'pct_I', 'pct_A'] as const;

/**
 * The feeder-mix table (`--feeder-mix`): each of the four share columns once, and in every row a
 * percentage from 0 to 100 with some share in all. (A column given twice was read as its last
 * copy, and a share that is not a number made the generator write an invalid scenario.)
 */
function feederMixTable(file: string, text: string): { ok: true; rows: Array<Record<string, string>> } | { ok: false; problems: Problem[] } {
  const csv = readCsv(text, file);
  if (csv.problems.length || !csv.header) return { ok: false, problems: csv.problems };
  const names = csv.header.map((h) => h.trim()).includes('feeder') ? [...MIX_COLUMNS, 'feeder'] : [...MIX_COLUMNS];
  const lookup = findColumns(csv.header, names, file);
  if (lookup.problems.length) return { ok: false, problems: lookup.problems };
  const problems: Problem[] = [];
  const rows = csv.rows.map(({ fields, line }) => {
    let total = 0;
    for (const column of MIX_COLUMNS) {
      const cell = fields[lookup.index.get(column)!] ?? '';
      const share = cell.trim() === '' ? Number.NaN : Number(cell);
      if (!(share >= 0 && share <= 100)) problems.push(expected(`${file}:row ${line}, column ${column}`, 'a percentage from 0 to 100', describeValue(cell)));
      else total += share;
    }
    if (total === 0 && !problems.some((p) => p.path.startsWith(`${file}:row ${line},`))) {
      problems.push(expected(`${file}:row ${line}`, 'shares that add up to more than 0', '0 in all four'));
    }
    return Object.fromEntries(names.map((n) => [n, fields[lookup.index.get(n)!] ?? '']));
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

const IMPORT_HELP = `orderly import: history into a scenario, or a look at what a history file holds.

Usage:
  orderly import --csv FILE (reading options below)                     reads the file and reports what it holds
  orderly import --csv FILE (reading options) --into SCENARIO (--area ID | --feeder ID | --customer ID) [--station ID] --out FILE
  orderly import --gefcom2012 DIR --out FILE

--load goes to the area, feeder or customer named, --temp (or the daily columns) to the weather station
--station. A scenario's history must be whole: an hour the file does not give, or an empty cell, is
refused with the hours it would leave missing (a backtest, by contrast, leaves such hours out). An
hour made of 15- or 30-minute points needs at least half of them; its mean is kept (the scenario
holds hourly values: the hour's highest point is reported, not stored). --out may be the --into file:
it is replaced only once the new scenario is complete and valid.

${HISTORY_HELP}`;

async function importHistory(argv: string[], engine: () => EnginePool, out: Out): Promise<number> {
  const { values } = args(argv, {
    ...HISTORY_FLAGS, gefcom2012: { type: 'string' },
    into: { type: 'string' }, area: { type: 'string' }, feeder: { type: 'string' }, customer: { type: 'string' },
    station: { type: 'string' }, out: { type: 'string' },
  });
  if (values.help) {
    out.log(IMPORT_HELP);
    return 0;
  }
  if (values.gefcom2012) {
    if (!values.out) throw new UsageError('import --gefcom2012 needs --out FILE');
    const sources = Object.values(GEFCOM_FILE_NAMES).map((name) => ({ flag: `the GEFCom2012 file ${name}`, file: join(values.gefcom2012!, name) }));
    if (!(await outputsOk([{ flag: '--out', file: values.out }], sources, out))) return 2;
    const files = {} as GefcomFiles;
    for (const [key, name] of Object.entries(GEFCOM_FILE_NAMES) as Array<[keyof GefcomFiles, string]>) {
      const input = await readInput(join(values.gefcom2012, name));
      if (!input.ok) return printProblems(values.gefcom2012, [input.problem], 1, out), 2;
      files[key] = new TextDecoder().decode(input.bytes);
    }
    const result = await engine().run((api) => api.importGefcom(files));
    return finishImport(values.gefcom2012, values.out, result, out);
  }
  if (!values.csv) throw new UsageError('import needs --csv FILE or --gefcom2012 DIR (see orderly import --help)');
  if (!values.tz) throw new UsageError('import --csv needs --tz ZONE (the zone of times written without an offset)');
  const daily = Boolean(values['temp-max'] || values['temp-min'] || values['temp-mean']);
  const hasLoad = Boolean(values.load || values['load-columns']), hasTemp = Boolean(values.temp || daily);
  if (!hasLoad && !hasTemp) throw new UsageError('import --csv needs --load COL (or --load-columns PATTERN) and/or --temp COL (or --temp-max, --temp-min, --temp-mean)');
  const missing = missingReadingOptions(values, { load: false, temp: false });
  if (missing.length) throw new UsageError(`import --csv needs --${missing.join(', --')} (see orderly import --help)`);
  const interval = intervalOf(values.interval);
  const loadUnit = (values['load-unit'] ?? 'MW') as HistoryUnit, tempUnit = (values['temp-unit'] ?? '°C') as HistoryUnit;
  const hourlyTemp = values.temp ? [{ name: values.temp, as: 'temp', unit: tempUnit }] : [];
  const columns = [
    ...(values.load ? [{ name: values.load, as: 'load', unit: loadUnit }] : []),
    ...(values.weather ? [] : hourlyTemp),
  ];
  const targets = (['area', 'feeder', 'customer'] as const).filter((k) => values[k]);
  if (values.into && (!values.out || (targets.length !== 1 && !values.station))) {
    throw new UsageError('import --into SCENARIO needs --out FILE and one of --area, --feeder, --customer (and/or --station)');
  }
  if (values.out && !values.into) throw new UsageError('--out needs --into SCENARIO (import --csv alone reads the file and reports what it holds; it writes nothing)');
  // --out may be the --into scenario itself (it is replaced only once the new one is complete).
  const inputs = [{ flag: '--csv', file: values.csv }, ...(values.weather ? [{ flag: '--weather', file: values.weather }] : [])];
  if (values.out && !(await outputsOk([{ flag: '--out', file: values.out }], inputs, out))) return 2;
  const csv = await readInput(values.csv);
  if (!csv.ok) return printProblems(values.csv, [csv.problem], 1, out), 2;
  const weather = values.weather ? await readInput(values.weather) : undefined;
  if (weather && !weather.ok) return printProblems(values.weather!, [weather.problem], 1, out), 2;
  const scenario = values.into ? await readInput(values.into) : undefined;
  if (scenario && !scenario.ok) return printProblems(values.into!, [scenario.problem], 1, out), 2;
  const result = await engine().run((api) => api.importCsv({
    csv: { name: values.csv!, bytes: csv.bytes },
    options: {
      tz: values.tz!, columns, hourEnding: values['hour-ending'] ?? false,
      ...(values.time ? { time: values.time } : {}), ...(values.date ? { date: values.date } : {}), ...(values.hour ? { hour: values.hour } : {}),
      ...(interval ? { interval } : {}),
      ...(values['load-columns'] ? { dayColumns: { pattern: values['load-columns'], as: 'load', unit: loadUnit } } : {}),
      ...(daily ? {
        dailyTemperature: {
          as: 'temp', unit: tempUnit,
          ...(values['temp-max'] ? { max: values['temp-max'] } : {}), ...(values['temp-min'] ? { min: values['temp-min'] } : {}), ...(values['temp-mean'] ? { mean: values['temp-mean'] } : {}),
          ...(values['weather-date'] ? { date: values['weather-date'] } : {}),
        },
      } : {}),
    },
    ...(weather?.ok ? { weather: { csv: { name: values.weather!, bytes: weather.bytes }, columns: hourlyTemp, ...weatherTimes(values) } } : {}),
    ...(scenario?.ok ? {
      scenario: { name: values.into!, bytes: scenario.bytes },
      target: {
        of: targets[0] ?? 'area', id: targets[0] ? values[targets[0]]! : '',
        ...(hasLoad && targets.length ? { loadKey: 'load' } : {}),
        ...(values.station && hasTemp ? { station: values.station, temperatureKey: 'temp' } : {}),
      },
    } : {}),
  }));
  if (result.table) {
    const t = result.table;
    out.log(`${values.csv}: ${t.hours.toLocaleString('en-US')} hours, ${t.first} to ${t.last}`);
    for (const s of t.series) out.log(`  ${s.key.padEnd(5)} ${s.unit.padEnd(3)} min ${s.min.toFixed(2)}  mean ${s.mean.toFixed(2)}  max ${s.max.toFixed(2)}`);
  }
  if (!values.into) {
    for (const n of result.notes) out.log(`  note: ${n}`);
    if (!result.ok) printProblems(values.csv, result.problems, result.total, out);
    return result.ok ? 0 : 2;
  }
  return finishImport(values.csv, values.out!, result, out);
}

async function finishImport(source: string, file: string, result: ImportOutcome, out: Out): Promise<number> {
  for (const n of result.notes) out.log(`  note: ${n}`);
  if (!result.ok || !result.bytes) {
    printProblems(source, result.problems, result.total, out);
    out.error(`nothing written: ${file} is unchanged`);
    return 2;
  }
  await writeAtomically(file, result.bytes);
  out.log(`wrote ${file} (${formatBytes(result.bytes.byteLength)})\n${summaryLines(result.summary!).join('\n')}`);
  return 0;
}
