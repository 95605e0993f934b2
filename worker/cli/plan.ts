/**
 * `orderly plan SCENARIO`: the orderly-power plan for the scenario's forecast gap (or a warning
 * level's), its verification, residual gap with causes, emergency order, plan-scale check and the
 * plans per level. --json prints the plan; --out saves it; --csv writes the customer list a
 * dispatcher sends out; --export-lp writes the optimisation model in CPLEX LP format.
 */
import { parseArgs } from 'node:util';
import type { Problem } from '../../core/problems.ts';
import { PLAN_LEVELS, type PlanLevel } from '../../core/plan/build-problem.ts';
import { planCsv } from '../../core/plan/csv.ts';
import { encodePlanFile } from '../../core/plan/plan-columns.ts';
import { STRATEGIES, type Strategy } from '../../core/plan/order.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { MEASURES } from '../../core/scenario/classes.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import type { EnginePool } from '../pool.ts';
import { planScenarioInPool } from '../engine/plan-pool.ts';
import { UsageError, type Out } from './backtest.ts';
import { checkOutputs, readInput, writeAtomically } from './files.ts';
import { noteBlock } from './format.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const mw = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export async function planCommand(argv: string[], engine: (size?: number) => EnginePool, out: Out, printProblems: (file: string, p: Problem[], total: number) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, strict: true, allowPositionals: true,
    options: {
      strategy: { type: 'string' }, level: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, csv: { type: 'string' },
      'export-lp': { type: 'string' }, 'snap-back': { type: 'string' }, notice: { type: 'string' }, at: { type: 'string' },
      samples: { type: 'string' }, seed: { type: 'string' }, confidence: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('plan needs one SCENARIO file');
  const file = positionals[0];
  const strategy = (values.strategy ?? 'cost') as Strategy;
  if (!STRATEGIES.includes(strategy)) throw new UsageError(`--strategy: expected cost, fair or fewest, found "${values.strategy}"`);
  const level = values.level as PlanLevel | undefined;
  if (level !== undefined && !PLAN_LEVELS.includes(level)) throw new UsageError(`--level: expected I, II, III or IV, found "${values.level}"`);
  const number = (name: string, text: string | undefined, ok: (v: number) => boolean, expected: string): number | undefined => {
    if (text === undefined) return undefined;
    const v = Number(text);
    if (!Number.isFinite(v) || !ok(v)) throw new UsageError(`--${name}: expected ${expected}, found "${text}"`);
    return v;
  };
  const snapBackShare = number('snap-back', values['snap-back'], (v) => v >= 0 && v <= 1, 'a share between 0 and 1');
  const noticeHours = number('notice', values.notice, (v) => v >= 0, 'hours ≥ 0');
  const samples = number('samples', values.samples, (v) => Number.isInteger(v) && v >= 10, 'a whole number ≥ 10') ?? 1000;
  const seed = number('seed', values.seed, Number.isInteger, 'a whole number') ?? 1;
  const confidence = number('confidence', values.confidence, (v) => v > 0.5 && v < 1, 'a number between 0.5 and 1') ?? 0.9;
  let issuedAtMs: number | undefined;
  if (values.at) {
    const t = parseTimestamp(values.at);
    if (!t) throw new UsageError(`--at: expected a time with its offset, e.g. 2024-07-21T10:00+08:00, found "${values.at}"`);
    issuedAtMs = t.ms;
  }

  // Before any compute: every output can be written, none is another or the scenario.
  const badOut = await checkOutputs([
    { flag: '--out', file: values.out }, { flag: '--csv', file: values.csv }, { flag: '--export-lp', file: values['export-lp'] },
  ], [{ flag: 'the scenario', file }]);
  if (badOut.length) return printProblems(badOut[0].path, badOut, badOut.length), 2;
  const input = await readInput(file);
  if (!input.ok) return printProblems(file, [input.problem], 1), 2;
  const result = await planScenarioInPool(engine(2), file, input.bytes, {
    strategy, samples, seed, confidence, levels: !values.json || Boolean(values.out), exportLp: Boolean(values['export-lp']),
    ...(level ? { level } : {}), ...(snapBackShare !== undefined ? { snapBackShare } : {}), ...(noticeHours !== undefined ? { noticeHours } : {}),
    ...(issuedAtMs !== undefined ? { issuedAtMs } : {}),
  });
  if (!result.ok) return printProblems(file, result.problems, result.total), 2;
  const r = result.report;
  const saved = { ...r, ...(result.levels ? { levelPlans: result.levels } : {}) };
  // The file holds the lists as columns (orderly-plan/2; a province week's rows were 285 MB).
  if (values.out) await writeAtomically(values.out, new TextEncoder().encode(`${JSON.stringify({ ...encodePlanFile(r), ...(result.levels ? { levelPlans: result.levels } : {}) })}\n`));
  if (values.csv) await writeAtomically(values.csv, new TextEncoder().encode(planCsv(r)));
  if (values['export-lp'] && result.lp !== undefined) await writeAtomically(values['export-lp'], new TextEncoder().encode(result.lp));
  if (values.json) {
    out.log(JSON.stringify(saved, null, 2));
    return r.verification.ok ? 0 : 3;
  }

  for (const line of summary(file, r, result.levels ?? [], result.forecastMs ?? 0, result.planMs ?? 0)) out.log(line);
  if (values.out) out.log(`plan written to ${values.out}`);
  if (values.csv) out.log(`customer list written to ${values.csv} (${r.customers.length} customers)`);
  if (values['export-lp']) out.log(`LP model written to ${values['export-lp']}`);
  return r.verification.ok ? 0 : 3;
}

function summary(file: string, r: PlanReport, levels: { level: string; share: number; targetMW: number; coveredMW: number; residualMW: number; customers: number; economicLoss: number; verified: boolean }[], forecastMs: number, planMs: number): string[] {
  const L: string[] = [];
  const o = r.objective;
  L.push(`${file}: orderly-power plan, strategy "${r.strategy}"${r.level ? `, warning level ${r.level}` : ''}`);
  L.push(`  issued ${r.issuedAt}; ${r.hours} h from ${r.start}; ${r.level ? `level ${r.level} gap` : 'forecast gap at the assessment\'s confidence'}, largest ${mw(r.targetMW)} MW`);
  L.push(`  objective: ${o.declared}`);
  if (r.notes?.length) L.push(...noteBlock(r.notes).map((l) => `  ${l}`));
  if (r.fellBackToLeastCost) L.push(`  NOTE: the "${r.fellBackToLeastCost.strategy}" plan of its own left ${mw(r.fellBackToLeastCost.residualAboveMWh)} MWh more residual than the least-cost plan; the least-cost plan is used (the residual comes first)`);
  if (r.dailyHours?.days.length) {
    const d = r.dailyHours;
    const solved = d.days.filter((x) => x.status === 'solved').length, large = d.days.filter((x) => x.status === 'too large').length, unproven = d.days.filter((x) => x.status === 'not proven').length;
    L.push(`  daily hours: ${d.days.length} day(s) where a daily limit left a residual, assigned exactly (${d.method}): ${solved} solved${large ? `, ${large} too large for it (planned greedily)` : ''}${unproven ? `, ${unproven} not proven (planned greedily)` : ''}; ${d.kept ? 'the plan uses the assignment' : 'it did not lower the residual, the greedy plan is kept'}`);
  }
  L.push(`  economic loss ${int(o.economicLoss)} ${r.currency}; ${int(o.customersAffected)} customers${o.customersLowerBound !== undefined ? ` (no plan can use fewer than ${o.customersLowerBound})` : ''}, ${int(o.userTimes)} user-times (户次); peak ${mw(o.peakCurtailedMW)} MW; ${int(o.curtailedMWh)} MWh`);
  L.push(`  forecast ${(forecastMs / 1000).toFixed(1)} s, assessment and plan ${(planMs / 1000).toFixed(1)} s (solve ${r.timings.solveMs} ms, verify ${r.timings.verifyMs} ms)`);
  const v = r.verification;
  L.push(v.ok
    ? `  VERIFIED: ${v.checked.join(', ')} — all hold`
    : `  VERIFICATION FAILED: ${Object.entries(v.counts).map(([k, n]) => `${k} ×${n}`).join(', ')}\n${v.violations.slice(0, 10).map((x) => `    ${x.check}: ${x.message}`).join('\n')}`);
  const oc = r.optimumCheck;
  if (oc) {
    L.push(oc.checkedHours
      ? `  optimum: javascript-lp-solver ${oc.agrees ? 'agrees' : 'DISAGREES'} on ${oc.checkedHours} hour(s) (largest relative difference ${oc.maxRelativeDifference.toExponential(1)})` +
        `${oc.skippedHours ? `; ${oc.skippedHours} hour(s) too large for it or beyond the first 24` : ''}${oc.rejectedHours ? `; its answer failed our check in ${oc.rejectedHours} hour(s)` : ''}`
      : `  optimum: the hours' models are too large for javascript-lp-solver; --export-lp writes the model for HiGHS or any LP solver`);
  }
  L.push('');

  // Per local day: the largest need, what is covered, what is left, and by which rung.
  L.push('System, per day (MW at the hour of largest need)');
  L.push(`  ${pad('day', 12)}${lpad('need', 9)}${lpad('covered', 9)}${lpad('residual', 10)}${MEASURES.map((m) => lpad(short(m), 9)).join('')}${lpad('snap-back', 11)}`);
  const days = new Map<string, number>();
  r.times.forEach((t, h) => {
    const d = t.slice(0, 10);
    const best = days.get(d);
    if (best === undefined || r.system.requiredMW[h] > r.system.requiredMW[best]) days.set(d, h);
  });
  for (const [d, h] of days) {
    L.push(`  ${pad(d, 12)}${lpad(mw(r.system.requiredMW[h]), 9)}${lpad(mw(r.system.coveredMW[h]), 9)}${lpad(mw(r.system.residualMW[h]), 10)}` +
      `${MEASURES.map((m) => lpad(mw(r.system.byMeasureMW[m][h]), 9)).join('')}${lpad(mw(r.system.snapBackMW[h]), 11)}`);
  }
  L.push('');

  const shortAreas = [r.system, ...r.local].filter((a) => a.residualMWh > 0 || Object.keys(a.causesMWh).length);
  if (!shortAreas.length) L.push('Residual gap: none — the plan covers every hour and every area.');
  else {
    L.push('RESIDUAL GAP — what the plan cannot cover without touching protected customers');
    L.push(`  ${pad('area', 28)}${lpad('peak MW', 10)}${lpad('MWh', 10)}  cause (MWh by cause)`);
    for (const a of shortAreas) {
      L.push(`  ${pad(`${a.name} (${a.area})`, 28)}${lpad(mw(a.peakResidualMW), 10)}${lpad(int(a.residualMWh), 10)}  ${a.cause ?? ''}  ${Object.entries(a.causesMWh).map(([k, x]) => `${k} ${int(x)}`).join(', ')}`);
    }
  }
  L.push('');
  if (r.feedersOpened.length) {
    L.push(`Feeders opened by the plan (last rung, with notice): ${r.feedersOpened.length}`);
    for (const f of r.feedersOpened.slice(0, 10)) L.push(`  ${pad(f.feeder, 10)}${pad(f.area, 10)}${lpad(`${f.hours} h`, 6)}${lpad(`${mw(f.peakMW)} MW`, 11)}`);
    L.push('');
  }
  const e = r.emergencyOrder;
  const localShort = (e.areas ?? []).filter((a) => a.scope === 'local');
  L.push(`Emergency order (事故拉闸序位表) at ${r.times[e.referenceHour]}: ${e.steps.length} feeders, ${mw(e.totalMW)} MW; ` +
    `${e.residualMW > 0 ? `residual ${mw(e.residualMW)} MW ${e.coversResidual ? 'is covered by it' : 'is NOT covered by it'}` : localShort.length ? 'no residual in the system as a whole — but see the areas below' : 'no residual to cover'}`);
  L.push(`  feeders that may never be opened: ${Object.entries(e.excluded).filter(([, n]) => n > 0).map(([k, n]) => `${n} (${k})`).join(', ') || 'none'}`);
  for (const s of e.steps.slice(0, 8)) L.push(`  ${lpad(String(s.rank), 3)}. ${pad(s.feeder, 10)}${pad(s.area, 10)}${lpad(mw(s.releasesMW), 8)} MW  cumulative ${mw(s.cumulativeMW)} MW`);
  if (e.steps.length > 8) L.push(`  … ${e.steps.length - 8} more`);
  // Where an area is short behind its import limit, the order that can relieve it is its own.
  for (const a of localShort) {
    L.push(`  ${a.coversResidual ? '' : 'NOT COVERED — '}${a.statement}`);
    for (const s of a.steps.slice(0, 5)) L.push(`    ${lpad(String(s.rank), 3)}. ${pad(s.feeder, 10)}${lpad(mw(s.releasesMW), 8)} MW`);
    if (a.steps.length > 5) L.push(`    … ${a.steps.length - 5} more`);
  }
  L.push('');
  const ps = r.planScale;
  L.push(`Plan scale: ${mw(ps.capacityMW)} MW of curtailable load = ${(ps.share * 100).toFixed(1)} % of the historical maximum ${mw(ps.historicalMaxMW)} MW; ` +
    `required ${(ps.requiredShare * 100).toFixed(0)} % (${mw(ps.requiredMW)} MW): ${ps.ok ? 'met' : 'SHORT'}`);
  if (levels.length) {
    L.push('Plans per warning level (supply falling to 1 − share of each day\'s maximum demand)');
    L.push(`  ${pad('level', 7)}${lpad('share', 7)}${lpad('target MW', 11)}${lpad('covered', 10)}${lpad('residual', 10)}${lpad('customers', 11)}${lpad('loss', 16)}  verified`);
    for (const l of levels) {
      L.push(`  ${pad(l.level, 7)}${lpad(`${Math.round(l.share * 100)} %`, 7)}${lpad(mw(l.targetMW), 11)}${lpad(mw(l.coveredMW), 10)}${lpad(mw(l.residualMW), 10)}${lpad(int(l.customers), 11)}${lpad(int(l.economicLoss), 16)}  ${l.verified ? 'yes' : 'NO'}`);
    }
  }
  if (r.rotation) {
    L.push('');
    L.push(`Energy rotation: ${r.rotation.blocks.length} blocks by feeder; need reaches ${(r.rotation.peakPoolShare * 100).toFixed(0)} % of the pool${r.rotation.collapsed ? ' — ROTATION COLLAPSES into sustained curtailment' : ''}`);
    L.push(`  ${pad('date', 12)}${lpad('gap MWh', 10)}${lpad('saved', 10)}${lpad('rotation', 10)}${lpad('left', 9)}  blocks on duty`);
    for (const d of r.rotation.days) L.push(`  ${pad(d.date, 12)}${lpad(int(d.gapMWh), 10)}${lpad(int(d.savedMWh), 10)}${lpad(int(d.rotationMWh), 10)}${lpad(int(d.residualMWh), 9)}  ${d.blocks.join(' ')}`);
  }
  L.push('');
  L.push(`Largest orders (of ${r.customers.length})`);
  L.push(`  ${pad('customer', 10)}${pad('class', 20)}${pad('feeder', 8)}${pad('measures', 24)}${pad('notice by', 24)}${lpad('peak MW', 9)}${lpad('MWh', 8)}`);
  for (const c of r.customers.slice(0, 10)) {
    L.push(`  ${pad(c.id, 10)}${pad(c.class, 20)}${pad(c.feeder, 8)}${pad(c.measures.map(short).join(', '), 24)}${pad(c.noticeBy, 24)}${lpad(mw(c.peakMW), 9)}${lpad(int(c.energyMWh), 8)}`);
  }
  return L;
}

function short(m: string): string {
  return ({ 'demand-response': 'DR', shift: 'shift', 'avoid-peak': 'avoid', limit: 'limit', 'feeder-open': 'feeder' } as Record<string, string>)[m] ?? m;
}

