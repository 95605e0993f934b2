/**
 * `orderly warn SCENARIO`: the supply-gap picture per period and the warning bulletin, in Chinese
 * and English (--json: the bulletin and the period tables as JSON; --out FILE saves the bulletin
 * so the next one can say what changed with --previous FILE).
 */
import { parseArgs } from 'node:util';
import { describeValue, expected, type Problem } from '../../core/problems.ts';
import { ID_PATTERN } from '../../core/scenario/schema.ts';
import type { Assessment, GapAssessment } from '../../core/warning/assess.ts';
import type { Bulletin } from '../../core/warning/bulletin.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import type { EnginePool } from '../pool.ts';
import { warnScenarioInPool } from '../engine/warn-pool.ts';
import { UsageError, type Out } from './backtest.ts';
import { checkOutputs, readInput, writeAtomically } from './files.ts';
import { noteBlock } from './format.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

function periodTable(a: Assessment, g: GapAssessment): string[] {
  const zone = resolveZone(a.timeZone)!;
  const lines = [`${g.scope === 'system' ? 'System' : `Local: ${g.name} (${g.area}), import limit binds`} — expected level / at ${Math.round(a.confidence * 100)} % confidence`];
  lines.push(`  ${pad('period', 24)}${lpad('level', 8)}${lpad('at conf.', 10)}${lpad('gap MW', 10)}${lpad('% of max', 10)}${lpad('conf. MW', 10)}${lpad('gap MWh', 10)}${lpad('P(≥III)', 9)}`);
  for (const p of g.periods) {
    const start = formatInZone(p.startMs, zone).slice(0, 10);
    const label = `${start} ${String(p.fromHour).padStart(2, '0')}–${String(p.toHour).padStart(2, '0')} h`;
    const pIII = p.probabilities.slice(2).reduce((x, y) => x + y, 0);
    lines.push(`  ${pad(label, 24)}${lpad(LEVELS[p.level], 8)}${lpad(LEVELS[p.levelAtConfidence], 10)}${lpad(int(p.peakGapMW), 10)}${lpad(`${p.peakGapPct.toFixed(1)}`, 10)}` +
      `${lpad(int(p.peakGapAtConfidenceMW), 10)}${lpad(int(p.gapMWh), 10)}${lpad(`${Math.round(pIII * 100)} %`, 9)}`);
  }
  return lines;
}

/**
 * The fields of a previous bulletin that the new one compares with and quotes (area, date, hours,
 * level): a file edited by hand or by an attacker must not print what it likes or crash the
 * comparison.
 */
function previousPeriodsProblem(file: string, periods: unknown): Problem | null {
  if (!Array.isArray(periods)) return expected(`${file}: periods`, 'a list of periods (a bulletin saved by `orderly warn --out`)', describeValue(periods));
  const id = new RegExp(ID_PATTERN);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] as Record<string, unknown> | null;
    const at = `${file}: periods[${i}]`;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return expected(at, 'a period', describeValue(p));
    if (typeof p.area !== 'string' || !id.test(p.area)) return expected(`${at}.area`, 'an area id: letters, digits and _ . : -', describeValue(p.area));
    if (typeof p.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.date)) return expected(`${at}.date`, 'a local date YYYY-MM-DD', describeValue(p.date));
    for (const k of ['fromHour', 'toHour'] as const) {
      const h = p[k];
      if (typeof h !== 'number' || !Number.isInteger(h) || h < 0 || h > 24) return expected(`${at}.${k}`, 'a whole hour from 0 to 24', describeValue(h));
    }
    if (!(LEVELS as readonly unknown[]).includes(p.level)) return expected(`${at}.level`, `one of ${LEVELS.join(', ')}`, describeValue(p.level));
  }
  return null;
}

export async function warnCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, printProblems: (file: string, p: Problem[], total: number) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: {
      json: { type: 'boolean' }, at: { type: 'string' }, previous: { type: 'string' }, out: { type: 'string' },
      samples: { type: 'string' }, seed: { type: 'string' }, confidence: { type: 'string' }, lang: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('warn needs one SCENARIO file');
  const file = positionals[0];
  const lang = values.lang ?? 'both';
  if (!['en', 'zh', 'both'].includes(lang)) throw new UsageError(`--lang: expected en, zh or both, found "${lang}"`);
  const samples = values.samples === undefined ? 1000 : Number(values.samples);
  if (!Number.isInteger(samples) || samples < 10) throw new UsageError(`--samples: expected a whole number ≥ 10, found "${values.samples}"`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected a whole number, found "${values.seed}"`);
  const confidence = values.confidence === undefined ? 0.9 : Number(values.confidence);
  if (!(confidence > 0.5 && confidence < 1)) throw new UsageError(`--confidence: expected a number between 0.5 and 1, found "${values.confidence}"`);
  let issuedAtMs: number | undefined;
  if (values.at) {
    const t = parseTimestamp(values.at);
    if (!t) throw new UsageError(`--at: expected a time with its offset, e.g. 2024-07-21T10:00+08:00, found "${values.at}"`);
    issuedAtMs = t.ms;
  }
  // Before any compute. --out may be --previous: the new bulletin replaces the old one once complete.
  const badOut = await checkOutputs([{ flag: '--out', file: values.out }], [{ flag: 'the scenario', file }]);
  if (badOut.length) return printProblems(badOut[0].path, badOut, badOut.length), 2;
  let previous: Bulletin | null = null;
  if (values.previous) {
    const input = await readInput(values.previous);
    if (!input.ok) return printProblems(values.previous, [input.problem], 1), 2;
    try {
      previous = JSON.parse(new TextDecoder().decode(input.bytes)) as Bulletin;
      if (previous.format !== 'orderly-bulletin/1') throw new Error('format');
    } catch {
      return printProblems(values.previous, [{ path: values.previous, message: 'expected a bulletin saved by `orderly warn --out`, found something else' }], 1), 2;
    }
    const bad = previousPeriodsProblem(values.previous, previous.periods);
    if (bad) return printProblems(values.previous, [bad], 1), 2;
  }
  const input = await readInput(file);
  if (!input.ok) return printProblems(file, [input.problem], 1), 2;
  const result = await warnScenarioInPool(engine(2), file, input.bytes, {
    samples, seed, confidence, previous, ...(issuedAtMs !== undefined ? { issuedAtMs } : {}),
  });
  if (!result.ok) return printProblems(file, result.problems, result.total), 2;
  const { assessment: a, bulletin } = result;
  // A previous bulletin is compared with only if it is one of this grid's: another area's would
  // make every period "new" or "ended" and say so calmly.
  if (previous && (typeof previous.area?.id !== 'string' || previous.area.id !== bulletin.area.id)) {
    return printProblems(values.previous!, [expected(`${values.previous}: area.id`, `a bulletin for ${bulletin.area.name} (${bulletin.area.id}), the area of ${file}`, describeValue(previous.area?.id))], 1), 2;
  }
  if (values.out) await writeAtomically(values.out, new TextEncoder().encode(`${JSON.stringify(bulletin, null, 2)}\n`));
  if (values.json) {
    const periods = (g: GapAssessment) => g.periods.map((p) => ({
      start: formatInZone(p.startMs, resolveZone(a.timeZone)!), fromHour: p.fromHour, toHour: p.toHour,
      level: LEVELS[p.level], levelAtConfidence: LEVELS[p.levelAtConfidence], peakGapMW: p.peakGapMW, peakGapPct: p.peakGapPct,
      peakGapAtConfidenceMW: p.peakGapAtConfidenceMW, gapMWh: p.gapMWh, probabilities: Object.fromEntries(LEVELS.map((l, k) => [l, p.probabilities[k]])),
    }));
    out.log(JSON.stringify({
      bulletin,
      system: { area: a.system.area, periods: periods(a.system) },
      local: a.local.map((g) => ({ area: g.area, name: g.name, periods: periods(g) })),
      energy: a.energy.map((e) => ({ ...e, level: LEVELS[e.level], levelAtConfidence: LEVELS[e.levelAtConfidence] })),
      samples: a.samples, seed: a.seed, notes: a.notes,
    }, null, 2));
    return 0;
  }
  out.log(`${file}: issued ${bulletin.issuedAt}, ${a.hours} h to ${bulletin.validUntil}; ${a.samples} sampled futures (seed ${a.seed}); ` +
    `forecast ${((result.forecastMs ?? 0) / 1000).toFixed(1)} s, assessment ${((result.assessMs ?? 0) / 1000).toFixed(1)} s\n`);
  if (a.notes.length) out.log(`${noteBlock(a.notes).join('\n')}\n`);
  for (const g of [a.system, ...a.local]) out.log(`${periodTable(a, g).join('\n')}\n`);
  if (a.energy.length) {
    out.log('Energy (MWh per day, against the energy budgets)');
    out.log(`  ${pad('date', 12)}${lpad('demand', 12)}${lpad('supply', 12)}${lpad('gap', 10)}${lpad('%', 7)}${lpad('level', 8)}${lpad('at conf.', 10)}`);
    for (const e of a.energy) {
      out.log(`  ${pad(e.date, 12)}${lpad(int(e.demandMWh), 12)}${lpad(int(e.supplyMWh), 12)}${lpad(int(e.gapMeanMWh), 10)}${lpad(e.gapPct.toFixed(1), 7)}${lpad(LEVELS[e.level], 8)}${lpad(LEVELS[e.levelAtConfidence], 10)}`);
    }
    out.log('');
  }
  if (lang !== 'zh') out.log(`${bulletin.text.en}\n`);
  if (lang !== 'en') out.log(bulletin.text.zh);
  return 0;
}
