/**
 * `npm run bench -- --profile [city|province] [--lp]`: every stage from a scenario file to a
 * verified plan, its lists and its file read back, timed one by one at city and province scale,
 * as one table — so each later change is measured against the same stages. The forecast runs on
 * the two-worker engine pool (as the page and the CLI run it); every other stage on this thread,
 * as the engine worker runs it. City stages are the median of several runs (after one to warm the
 * compiler up), province stages of one or two.
 *
 * Rows: load (bytes → checked scenario), hash (SHA-256), forecast, assess, build problem, solve,
 * verify (tables and scenario), optimum check (javascript-lp-solver, small models only),
 * emergency order, report, lists (the per-customer lists serialised as the page keeps them, with
 * their size), lists parse, transfer (the headline cloned as postMessage would), plan file
 * (serialised, as --out writes it), read back (the file parsed, checked, re-verified).
 * With --lp, the exported model is solved by native CLP (dual simplex, presolve off) and its own
 * reported time printed beside ours.
 */
import { buildPlanProblem } from '../core/plan/build-problem.ts';
import { checkOptimum } from '../core/plan/lp-check.ts';
import { emergencyOrder } from '../core/plan/emergency-order.ts';
import { planReport } from '../core/plan/report.ts';
import { splitReport } from '../core/plan/report-parts.ts';
import { solvePlan } from '../core/plan/solve.ts';
import { verifyPlan } from '../core/plan/verify.ts';
import { verifyAgainstScenario } from '../core/plan/plan-scenario.ts';
import { readPlanFile } from '../core/plan/plan-file.ts';
import { readBackPlan } from '../core/plan/read-back.ts';
import { encodePlanFile, decodeLists, encodeLists } from '../core/plan/plan-columns.ts';
import { contentHash } from '../core/content-hash.ts';
import { loadScenarioBytes } from '../core/scenario/validate.ts';
import type { ScenarioFile } from '../core/scenario/schema.ts';
import { assessScenario } from '../core/warning/assess.ts';
import { generateScenarioFile } from '../scenarios/generator/generate.ts';
import type { Scale } from '../scenarios/generator/scales.ts';
import type { StoryId } from '../scenarios/generator/stories.ts';
import { forecastScenarioInPool } from '../worker/engine/forecast-pool.ts';
import { nodeEnginePool } from '../worker/node/spawn.ts';
import { limitSubstations } from './suites/planning.ts';
import { clpOnPlan } from './suites/clp.ts';

interface Stage { stage: string; ms: number; note?: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), value };
}

interface ProfileCase { label: string; scale: Scale; story: StoryId; limits: number; days: number[] }

const CASES: ProfileCase[] = [
  { label: 'city heat wave', scale: 'city', story: 'heat-wave', limits: 8, days: [1] },
  { label: 'city hydro drought', scale: 'city', story: 'hydro-drought', limits: 0, days: [7] },
  { label: 'province heat wave', scale: 'province', story: 'heat-wave', limits: 30, days: [1, 7] },
];

export async function profile(argv: string[]): Promise<number> {
  const only = argv.find((a) => a === 'city' || a === 'province');
  const withLp = argv.includes('--lp');
  const pool = nodeEnginePool(2);
  const columns: { label: string; stages: Stage[] }[] = [];
  try {
    for (const c of CASES) {
      if (only && c.scale !== only) continue;
      const runs = c.scale === 'city' ? 5 : 1;
      const file = generateScenarioFile({ scale: c.scale, story: c.story, seed: 7 });
      if (c.limits) limitSubstations(file, c.limits);
      const bytes = new TextEncoder().encode(JSON.stringify(file));
      const name = `${c.scale}-${c.story}`;
      const load = timed(1, () => loadScenarioBytes(name, bytes));
      if (!load.value.ok || !load.value.scenario) throw new Error(`generated scenario invalid: ${load.value.problems[0]?.message}`);
      const s = load.value.scenario;
      const hash = timed(1, () => contentHash(bytes));
      const t0 = performance.now();
      const fc = await forecastScenarioInPool(pool, name, bytes);
      const forecastMs = performance.now() - t0;
      if (!fc.ok) throw new Error(`forecast failed: ${fc.problems[0]?.message}`);
      for (const days of c.days) {
        const label = `${c.label}, ${days === 1 ? 'day' : `${days} days`}`;
        console.log(`profiling ${label} …`);
        const stages: Stage[] = [
          { stage: 'load (bytes → checked scenario)', ms: load.ms, note: `${(bytes.length / 1e6).toFixed(0)} MB` },
          { stage: 'hash (SHA-256)', ms: hash.ms },
          { stage: 'forecast (2 workers)', ms: forecastMs },
        ];
        const assess = timed(1, () => assessScenario(s, fc.forecast, { horizonDays: days, samples: 200 }));
        stages.push({ stage: 'assess', ms: assess.ms });
        const build = timed(runs, () => buildPlanProblem(s, assess.value));
        const p = build.value;
        stages.push({ stage: 'build problem', ms: build.ms, note: `${p.customers.id.length} customers, ${p.units.customer.length} units, ${p.hours} h` });
        // Warm the compiler on the city (a province run is long enough to warm itself).
        if (runs > 1) verifyPlan(p, solvePlan(p));
        const solve = timed(runs, () => solvePlan(p));
        stages.push({ stage: 'solve', ms: solve.ms });
        const verify = timed(runs, () => verifyAgainstScenario(s, p, solve.value, verifyPlan(p, solve.value)));
        if (!verify.value.ok) throw new Error(`plan failed verification: ${verify.value.violations[0]?.message}`);
        stages.push({ stage: 'verify (tables + scenario)', ms: verify.ms });
        const optimum = timed(1, () => checkOptimum(p, solve.value));
        stages.push({ stage: 'optimum check (small models)', ms: optimum.ms, note: `${optimum.value.checkedHours} h checked` });
        const emergency = timed(runs, () => emergencyOrder(p, solve.value));
        stages.push({ stage: 'emergency order', ms: emergency.ms });
        const report = timed(runs, () => planReport(p, solve.value, verify.value, emergency.value, { scenario: { id: s.id, name: s.name }, level: null }));
        stages.push({ stage: 'report', ms: report.ms, note: `${report.value.customers.length} customers listed, ${report.value.orders.length} orders` });
        // The report as a plan file carries it (the settings it was made with, the content hash).
        const whole = report.value;
        whole.settings = { snapBackShare: p.snapBackShare, confidence: assess.value.confidence, samples: assess.value.samples, seed: assess.value.seed };
        whole.scenario.sha256 = hash.value;
        const { headline, lists } = splitReport(whole);
        {
          // The lists as rows (orderly-plan/1, how the page kept them before): the reference.
          const dense = timed(1, () => JSON.stringify(lists));
          stages.push({ stage: 'lists, /1 JSON (before)', ms: dense.ms, note: `${(dense.value.length / 1e6).toFixed(1)} MB` });
          stages.push({ stage: 'lists, /1 JSON parse', ms: timed(1, () => { JSON.parse(dense.value); }).ms });
        }
        const compact = timed(runs, () => JSON.stringify(encodeLists(lists, whole)));
        stages.push({ stage: 'lists, /2 columns', ms: compact.ms, note: `${(compact.value.length / 1e6).toFixed(1)} MB` });
        const parsed = timed(runs, () => JSON.parse(compact.value));
        stages.push({ stage: 'lists, /2 parse', ms: parsed.ms });
        const expanded = timed(runs, () => decodeLists('lists', parsed.value, whole));
        if (!expanded.value.ok) throw new Error(`lists did not decode: ${expanded.value.problems[0]?.message}`);
        stages.push({ stage: 'lists, /2 → rows in memory', ms: expanded.ms });
        stages.push({ stage: 'transfer (headline, structured clone)', ms: timed(runs, () => structuredClone(headline)).ms });
        const fileText = timed(1, () => JSON.stringify(encodePlanFile(whole)));
        stages.push({ stage: 'plan file /2 (--out)', ms: fileText.ms, note: `${(fileText.value.length / 1e6).toFixed(1)} MB` });
        const fileBytes = new TextEncoder().encode(fileText.value);
        const read = timed(1, () => readPlanFile('plan', fileBytes));
        if (!read.value.ok) throw new Error(`plan file did not read back: ${read.value.problems[0]?.message}`);
        stages.push({ stage: 'plan file read (parse + form)', ms: read.ms });
        const back = timed(1, () => readBackPlan('plan', read.value.ok ? read.value.plan : null, { scenario: s, sha256: hash.value, name }, fc.forecast));
        if (!back.value.ok) throw new Error(`plan did not verify when read back: ${back.value.problems[0]?.message}`);
        stages.push({ stage: 'read back (rebuild + re-verify)', ms: back.ms });
        stages.push({ stage: '= solve + verify', ms: solve.ms + verify.ms });
        stages.push({ stage: '= file to verified plan and lists', ms: stages.filter((x) => !x.stage.startsWith('=') && !x.stage.includes('/1') && !x.stage.startsWith('plan file') && !x.stage.startsWith('read back') && !x.stage.startsWith('hash')).reduce((t, x) => t + x.ms, 0) });
        if (withLp && days === 1) {
          const clp = clpOnPlan(p, solve.value);
          stages.push(clp.ok
            ? { stage: 'native CLP, same model (its own time)', ms: clp.solveMs, note: `optimum Δ ${clp.gap.toExponential(1)}, ${clp.variables} variables` }
            : { stage: 'native CLP, same model', ms: Number.NaN, note: clp.why });
        }
        columns.push({ label, stages });
        printProfile([{ label, stages }]);
      }
    }
  } finally {
    await pool.close();
  }
  if (columns.length > 1) printProfile(columns);
  return 0;
}

function printProfile(columns: { label: string; stages: Stage[] }[]): void {
  const names: string[] = [];
  for (const c of columns) for (const s of c.stages) if (!names.includes(s.stage)) names.push(s.stage);
  const w = 30;
  const fmt = (ms: number) => (!Number.isFinite(ms) ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
  console.log(`\n${'stage'.padEnd(40)}${columns.map((c) => c.label.padStart(w)).join('')}`);
  for (const n of names) {
    const cells = columns.map((c) => { const s = c.stages.find((x) => x.stage === n); return (s ? fmt(s.ms) : '').padStart(w); });
    console.log(`${n.padEnd(40)}${cells.join('')}`);
  }
  console.log('\nnotes:');
  for (const c of columns) for (const s of c.stages) if (s.note) console.log(`  ${c.label}, ${s.stage}: ${s.note}`);
}
