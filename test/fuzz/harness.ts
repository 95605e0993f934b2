/**
 * The mutation harness: every broken or hostile file the generators make goes through the command
 * line as a dispatcher would run it (validate, warn, plan, simulate; import for CSVs) and every
 * answer is judged. An answer is one of:
 *  - refused: exit 2 or 3, every problem line `path: message` with the path naming a place;
 *  - answered: exit 0 with finite numbers throughout, the plan verified, no protected customer or
 *    feeder in any order or in the emergency order, and — where the mutation only changed data the
 *    forecast reads — a gap that did not vanish without a note;
 * anything else is a silent failure (a calm wrong answer) or a crash (an exception, another exit).
 * The counts are the point: inputs tried, refused with a message, answered and verified, and zero
 * silent failures and crashes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../core/random/rng.ts';
import { isProtectedClass } from '../../core/scenario/classes.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import { main } from '../../worker/cli/main.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import type { EnginePool } from '../../worker/pool.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';
import { csvMutants, historyCsv, planMutants, type PlanContext } from './file-mutations.ts';
import { scenarioMutants, type Mutant } from './scenario-mutations.ts';
import { planRows } from '../support/plan-rows.ts';

export type Verdict = 'refused' | 'answered' | 'silent' | 'crash';

export interface CaseResult {
  id: string;
  kind: 'scenario' | 'csv' | 'plan';
  what: string;
  verdict: Verdict;
  /** Per command: its exit code. */
  exits: Record<string, number>;
  /** Why a case is silent or a crash. */
  why?: string;
  /** What a refusal said first (its first problem line). */
  said?: string;
}

export interface HarnessCounts {
  tried: number;
  refused: number;
  answered: number;
  silent: number;
  crash: number;
  byKind: Record<string, { tried: number; refused: number; answered: number; silent: number; crash: number }>;
}

interface Run { code: number; stdout: string; stderr: string }

async function cli(pool: EnginePool, ...argv: string[]): Promise<Run> {
  const stdout: string[] = [], stderr: string[] = [];
  let code: number;
  try {
    code = await main(argv, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) }, { pool });
  } catch (error) {
    return { code: -1, stdout: stdout.join('\n'), stderr: `${stderr.join('\n')}\nTHROWN: ${(error as Error)?.stack ?? error}` };
  }
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/**
 * A refusal is precise when something is said and every line of it is `place: what` (the CLI's
 * header `FILE: N problems` included) — never a stack trace, an internal error, or a bare message.
 */
function preciseRefusal(r: Run): string | null {
  if (r.code !== 2 && r.code !== 3) return `exit ${r.code}`;
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('… and '));
  if (!lines.length) return `exit ${r.code} with nothing said`;
  const bad = lines.find((l) => !/^\S.*?: \S/.test(l) || /^orderly: (internal error|Cannot read|TypeError|RangeError)/.test(l) || /\bat \S+:\d+:\d+\)?$/.test(l));
  return bad ? `an imprecise refusal: ${JSON.stringify(bad.slice(0, 160))}` : null;
}

const NON_FINITE = /\bNaN\b|Infinity|-∞|∞/;

function checkPlanJson(plan: Record<string, any>, scenario: ScenarioFile | null): string | null { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!plan.verification?.ok) return 'exit 0 with a plan that failed its verification';
  const text = JSON.stringify(plan);
  if (/null/.test(JSON.stringify(plan.system?.requiredMW ?? [])) || NON_FINITE.test(text)) return 'a plan with a number that is not finite';
  if (!scenario) return null;
  const protectedIds = new Set(scenario.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.id));
  const protectedFeeders = new Set([
    ...scenario.feeders.filter((f) => f.servesProtected || f.residentialShare > 0).map((f) => f.id),
    ...scenario.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.feeder),
  ]);
  for (const o of plan.orders ?? []) if (protectedIds.has(o.customer) && o.mw.some((v: number) => v > 0)) return `a protected customer ordered: ${o.customer}`;
  for (const f of plan.feedersOpened ?? []) if (protectedFeeders.has(f.feeder)) return `a protected feeder opened: ${f.feeder}`;
  for (const s of plan.emergencyOrder?.steps ?? []) if (protectedFeeders.has(s.feeder)) return `a protected feeder in the emergency order: ${s.feeder}`;
  for (const o of plan.emergencyOrders ?? []) for (const s of o.steps ?? []) if (protectedFeeders.has(s.feeder)) return `a protected feeder in an emergency order: ${s.feeder}`;
  return null;
}

const parseJson = (text: string) => { try { return JSON.parse(text); } catch { return null; } };

export interface Bases {
  dir: string;
  /** name → file path of each valid base scenario, with its parsed file and largest gap (MW). */
  scenarios: Array<{ name: string; path: string; file: ScenarioFile; peakGapMW: number }>;
  plan: { path: string; scenarioPath: string; text: string; ctx: PlanContext };
  csv: { text: string; into: string; area: string };
}

/** The valid files the mutants are made from: a tiny hand-made grid and a generated town with 90 days of history. */
export async function makeBases(pool: EnginePool): Promise<Bases> {
  const dir = mkdtempSync(join(tmpdir(), 'orderly-fuzz-'));
  const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const town = JSON.parse(serializeScenario(hydrate(generateScenarioFile({ scale: 'town', seed: 5, historyDays: 90, customerHistoryDays: 0 })))) as ScenarioFile;
  const bases = [
    { name: 'tiny', file: tinyScenario() },
    { name: 'town', file: town },
  ];
  const scenarios = [];
  for (const b of bases) {
    const path = write(`${b.name}.json`, JSON.stringify(b.file));
    const w = await cli(pool, 'warn', path, '--samples', '50', '--json');
    if (w.code !== 0) throw new Error(`base ${b.name} does not warn: ${w.stderr}`);
    const out = JSON.parse(w.stdout);
    const peakGapMW = Math.max(0, ...out.system.periods.map((p: { peakGapMW: number }) => p.peakGapMW));
    scenarios.push({ name: b.name, path, file: b.file, peakGapMW });
  }
  // The plan the plan mutants come from: the town's least-cost plan; and one of another town whose ids match.
  const planPath = join(dir, 'town-plan.json');
  const p = await cli(pool, 'plan', scenarios[1].path, '--samples', '50', '--out', planPath);
  if (p.code !== 0) throw new Error(`base plan failed: ${p.stderr}`);
  const other = JSON.parse(serializeScenario(hydrate(generateScenarioFile({ scale: 'town', seed: 6, historyDays: 90, customerHistoryDays: 0 }))));
  const otherPath = write('other-town.json', JSON.stringify(other));
  const otherPlanPath = join(dir, 'other-plan.json');
  await cli(pool, 'plan', otherPath, '--samples', '50', '--out', otherPlanPath);
  const protectedCustomers = town.customers.filter((c) => isProtectedClass(c.class)).map((c) => c.id);
  const protectedFeeders = town.feeders.filter((f) => f.servesProtected || f.residentialShare > 0).map((f) => ({ id: f.id, area: f.substation }));
  const small = town.customers.filter((c) => c.measures?.limit).sort((a, b) => a.peakMW - b.peakMW)[0];
  const ctx: PlanContext = {
    protectedCustomers, protectedFeeders, smallCustomer: small ? { id: small.id, measure: 'limit' } : null,
    otherScenarioPlan: readFileSync(otherPlanPath, 'utf8'),
  };
  const h = town.history.load.find((x) => x.of === 'area')!;
  const keep = 24 * 40;
  const csvStart = new Date(Date.parse(h.start) + (h.values.length - keep) * 3_600_000).toISOString();
  const csv = historyCsv(csvStart, (h.values.slice(-keep) as number[]));
  return { dir, scenarios, plan: { path: planPath, scenarioPath: scenarios[1].path, text: JSON.stringify(planRows(readFileSync(planPath, 'utf8'))), ctx }, csv: { text: csv, into: scenarios[1].path, area: h.id } };
}

export interface Case { id: string; kind: 'scenario' | 'csv' | 'plan'; base: string; mutant: Mutant }

/** The cases of a run: `perBase` scenario mutants of each base, and CSV and plan mutants. */
export function makeCases(bases: Bases, seed: number, sizes: { scenario: number; csv: number; plan: number }): Case[] {
  const rng = createRng(`fuzz:${seed}`);
  const cases: Case[] = [];
  for (const b of bases.scenarios) {
    scenarioMutants(b.file, rng.fork(`scenario:${b.name}`), sizes.scenario).forEach((m, i) => cases.push({ id: `scenario/${b.name}/${i}`, kind: 'scenario', base: b.name, mutant: m }));
  }
  csvMutants(bases.csv.text, rng.fork('csv'), sizes.csv).forEach((m, i) => cases.push({ id: `csv/${i}`, kind: 'csv', base: 'town', mutant: m }));
  planMutants(bases.plan.text, rng.fork('plan'), sizes.plan, bases.plan.ctx).forEach((m, i) => cases.push({ id: `plan/${i}`, kind: 'plan', base: 'town', mutant: m }));
  return cases;
}

/** Runs one case through the commands that read its file, and judges every answer. */
export async function runCase(pool: EnginePool, bases: Bases, c: Case): Promise<CaseResult> {
  const file = join(bases.dir, `${c.id.replace(/\//g, '-')}.${c.kind === 'csv' ? 'csv' : 'json'}`);
  writeFileSync(file, c.mutant.text);
  const exits: Record<string, number> = {};
  let said: string | undefined;
  const result = (verdict: Verdict, why?: string): CaseResult => ({ id: c.id, kind: c.kind, what: c.mutant.what, verdict, exits, ...(why ? { why } : {}), ...(verdict === 'refused' && said ? { said } : {}) });
  const judge = (command: string, r: Run): { refused: boolean; problem: string | null } => {
    exits[command] = r.code;
    if (r.code !== 0) said ??= r.stderr.split('\n').find((l) => l.trim() && !/: \d+ problems?$/.test(l))?.slice(0, 240);
    if (r.code === 0) return { refused: false, problem: NON_FINITE.test(r.stdout) ? `${command}: exit 0 with a number that is not finite` : null };
    const why = preciseRefusal(r);
    return { refused: why === null, problem: why ? `${command}: ${why}${r.code === -1 ? ` — ${r.stderr.slice(-300)}` : ''}` : null };
  };

  if (c.kind === 'plan') {
    const r = await cli(pool, 'simulate', bases.plan.scenarioPath, '--plan', file, '--futures', '20', '--json');
    const j = judge('simulate', r);
    if (j.problem) return result(r.code === -1 || (r.code !== 0 && r.code !== 2 && r.code !== 3) ? 'crash' : 'silent', j.problem);
    return result(j.refused ? 'refused' : 'answered');
  }

  if (c.kind === 'csv') {
    const out = join(bases.dir, `${c.id.replace(/\//g, '-')}-into.json`);
    const r = await cli(pool, 'import', '--csv', file, '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai', '--into', bases.csv.into, '--area', bases.csv.area, '--out', out);
    const j = judge('import', r);
    if (j.problem) return result(r.code === -1 ? 'crash' : 'silent', j.problem);
    if (j.refused) return result('refused');
    const v = await cli(pool, 'warn', out, '--samples', '30', '--json');
    const w = judge('warn', v);
    if (w.problem) return result(v.code === -1 ? 'crash' : 'silent', w.problem);
    return result(w.refused ? 'refused' : 'answered');
  }

  const base = bases.scenarios.find((b) => b.name === c.base)!;
  const v = await cli(pool, 'validate', file);
  const jv = judge('validate', v);
  if (jv.problem) return result(v.code === -1 ? 'crash' : 'silent', jv.problem);
  const w = await cli(pool, 'warn', file, '--samples', '30', '--json');
  const jw = judge('warn', w);
  if (jw.problem) return result(w.code === -1 ? 'crash' : 'silent', jw.problem);
  if (jv.refused !== jw.refused && jv.refused) return result('silent', 'validate refused a file warn answered for');
  if (jw.refused) return result('refused');
  const warned = parseJson(w.stdout);
  if (!warned) return result('silent', 'warn --json printed something that is not JSON');
  const peak = Math.max(0, ...warned.system.periods.map((p: { peakGapMW: number }) => p.peakGapMW));
  if (c.mutant.keepsGap && base.peakGapMW > 5 && peak < 0.2 * base.peakGapMW && !(warned.notes?.length)) {
    return result('silent', `the gap fell from ${base.peakGapMW} to ${peak} MW with no note`);
  }
  const planPath = `${file}.plan.json`;
  const p = await cli(pool, 'plan', file, '--samples', '30', '--json', '--out', planPath);
  const jp = judge('plan', p);
  if (jp.problem) return result(p.code === -1 ? 'crash' : 'silent', jp.problem);
  if (jp.refused) return result(p.code === 3 ? 'refused' : 'refused');
  const plan = parseJson(p.stdout);
  if (!plan) return result('silent', 'plan --json printed something that is not JSON');
  const bad = checkPlanJson(plan, parseJson(c.mutant.text.replace(/^\ufeff/, '')));
  if (bad) return result('silent', `plan: ${bad}`);
  const s = await cli(pool, 'simulate', file, '--plan', planPath, '--futures', '20', '--json');
  const js = judge('simulate', s);
  if (js.problem) return result(s.code === -1 ? 'crash' : 'silent', js.problem);
  return result(js.refused ? 'refused' : 'answered');
}

export function countResults(results: CaseResult[]): HarnessCounts {
  const empty = () => ({ tried: 0, refused: 0, answered: 0, silent: 0, crash: 0 });
  const counts: HarnessCounts = { ...empty(), byKind: {} };
  for (const r of results) {
    const k = (counts.byKind[r.kind] ??= empty());
    for (const c of [counts, k]) { c.tried++; c[r.verdict]++; }
  }
  return counts;
}

/** The whole run: bases, cases, each case judged; with a pool of its own unless one is given. */
export async function runHarness(options: { seed: number; sizes: { scenario: number; csv: number; plan: number }; pool?: EnginePool; onCase?: (r: CaseResult, done: number, total: number) => void }): Promise<{ counts: HarnessCounts; results: CaseResult[] }> {
  const pool = options.pool ?? nodeEnginePool(2);
  try {
    const bases = await makeBases(pool);
    const cases = makeCases(bases, options.seed, options.sizes);
    const results: CaseResult[] = [];
    for (const c of cases) {
      const r = await runCase(pool, bases, c);
      results.push(r);
      options.onCase?.(r, results.length, cases.length);
    }
    return { counts: countResults(results), results };
  } finally {
    if (!options.pool) await pool.close();
  }
}
