/**
 * The planner's speed, against HiGHS (WebAssembly, presolve off: its fastest setting on these
 * shapes, SOLVERS.md) solving the same model in the same run, on generated grids planned from
 * their own forecasts:
 *  - city: 6,000 curtailable customers, 24 h of the heat wave, full ladder, import limits on eight
 *    substations set below their load: solve + verify, target 0.03 s (issue 18), optimum within 1e-6 of HiGHS;
 *  - province: 200,000 curtailable customers, 24 h: solve + verify, target 0.3 s; HiGHS on the
 *    peak hour (the model separates by hour), and native CLP (dual simplex, presolve off, its own
 *    time) on the whole day's model: solve + verify at most a tenth of CLP's, same optimum;
 *  - city, 168 h of the dry-year hydro story (energy-limited), with the block rotation: target 0.5 s.
 */
import highsLoader from 'highs';
import { buildPlanProblem } from '../../core/plan/build-problem.ts';
import { planLp } from '../../core/plan/lp-format.ts';
import type { PlanProblem } from '../../core/plan/problem.ts';
import { lpObjective } from '../../core/plan/objective.ts';
import { solvePlan } from '../../core/plan/solve.ts';
import { verifyPlan } from '../../core/plan/verify.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import type { Scale } from '../../scenarios/generator/scales.ts';
import type { StoryId } from '../../scenarios/generator/stories.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import type { EnginePool } from '../../worker/pool.ts';
import type { BenchRow } from '../report.ts';
import { clpOnPlan } from './clp.ts';
import { measure, type Measured } from './measure.ts';

/** Import limits below the load of `count` substations (at 93 % of their last month's peak); the profile sets them so too. */
export function limitSubstations(file: ScenarioFile, count: number): void {
  const peaks = file.areas.filter((a) => a.kind === 'substation').map((a) => {
    const h = file.history.load.find((x) => x.of === 'area' && x.id === a.id);
    const recent = h ? (h.values.slice(-24 * 30).filter((v) => v !== null) as number[]) : [];
    return { a, peak: recent.length ? Math.max(...recent) : 0 };
  }).filter((x) => x.peak > 0).sort((x, y) => y.peak - x.peak);
  for (const { a, peak } of peaks.slice(0, count)) a.importLimitMW = Math.round(peak * 0.93 * 10) / 10;
}

interface Case {
  problem: PlanProblem;
  /** Solve + verify in an engine worker (where the CLI and the page run plans), `repeats` times after `warm` runs. */
  timed: (repeats: number, warm?: number) => Promise<Measured>;
}

async function caseFor(pool: EnginePool, scale: Scale, story: StoryId, days: number, tweak?: (f: ScenarioFile) => void): Promise<Case> {
  const file = generateScenarioFile({ scale, story, seed: 7 });
  tweak?.(file);
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  const name = `${scale}-${story}`;
  const forecast = await forecastScenarioInPool(pool, name, bytes);
  if (!forecast.ok) throw new Error(`forecast failed: ${forecast.problems[0]?.message}`);
  const loaded = loadScenarioValue(file);
  if (!loaded.ok) throw new Error(`generated scenario invalid: ${loaded.problems[0]?.message}`);
  const assessment = assessScenario(loaded.scenario!, forecast.forecast, { horizonDays: days, samples: 200 });
  const problem = buildPlanProblem(loaded.scenario!, assessment);
  const timed = async (repeats: number, warm = repeats >= 8 ? 3 : 1): Promise<Measured> => {
    // The first runs warm the compiler up (by default three for the short ones, one for the long
    // ones); they are printed, as a dispatcher's first plan in a fresh worker runs that cold.
    const r = await pool.run((api) => api.planTiming(name, bytes, forecast.forecast, { horizonDays: days, samples: 200, repeats: repeats + warm }));
    if (!r.ok) throw new Error(`plan failed verification in the worker: ${r.violations.join('; ')}`);
    console.log(`  ${name}, ${days} d: the ${warm} run${warm === 1 ? '' : 's'} warming up ${r.runsMs.slice(0, warm).map((v) => Math.round(v)).join(', ')} ms, then a median of ${repeats}`);
    return summary(r.runsMs.slice(warm));
  };
  return { problem, timed };
}

function summary(runsMs: number[]): Measured {
  const s = [...runsMs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, s.length - 1));
  return { medianS: s[Math.floor(s.length / 2)] / 1000, rme: (100 * 1.96 * sd) / Math.sqrt(s.length) / mean, samples: s.length };
}


/** Peak resident memory of the engine workers, MB. */
async function workerPeak(pool: EnginePool): Promise<number> {
  const m = await Promise.all([pool.run((api) => api.memory()), pool.run((api) => api.memory())]);
  return Math.max(...m.map((x) => x.peakRssMB));
}

export async function planningSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const highs = await highsLoader();
  const pool = nodeEnginePool(2);
  const highsOn = (p: PlanProblem, hours?: number[]) => {
    const plan = solvePlan(p);
    const lp = planLp(p, plan, hours ? { hours } : {});
    const ours = lpObjective(p, plan, hours).value;
    return { lp, ours, plan };
  };
  const compare = async (label: string, p: PlanProblem, hours?: number[], samples = 3) => {
    const { lp, ours, plan } = highsOn(p, hours);
    let objective = Number.NaN, status = '';
    const timed = await measure(`HiGHS ${label}`, async () => {
      const r = highs.solve(lp.text, { presolve: 'off', output_flag: false, time_limit: 120 });
      objective = r.ObjectiveValue;
      status = r.Status;
    }, { minSamples: samples, maxTime: 1 });
    const gap = Math.abs(objective - ours) / Math.max(1, Math.abs(ours));
    console.log(`  ${label}: ${lp.variables.toLocaleString('en-US')} variables, ${lp.rows.toLocaleString('en-US')} rows; HiGHS ${status} ${objective.toPrecision(12)}, ours ${ours.toPrecision(12)}, relative difference ${gap.toExponential(1)}` +
      `${plan.feederOpen.some((v) => v) ? ' (feeders opened: held fixed in the model)' : ''}`);
    return { timed, gap, status };
  };

  try {
    await Promise.all([pool.run((api) => api.ping()), pool.run((api) => api.ping())]);
    const cityCase = await caseFor(pool, 'city', 'heat-wave', 1, (f) => limitSubstations(f, 8));
    const city = cityCase.problem;
    console.log(`  city: ${city.customers.id.length} customers in the plan, ${city.units.customer.length} units, ${city.hours} h, ${city.constraints.length - 1} import-limited areas`);
    const cityHighs = await compare('city model', city);
    // A city day takes about ten runs for the JIT to settle (scratch profiles: 145, 79, 35, 45 …
    // then 17–20 ms solves); the median is of the runs after, the first ones printed.
    const ours = await cityCase.timed(quick ? 20 : 30, 10);
    rows.push(
      { suite: 'planning', name: 'city 6,000 × 24 h: solve + verify', ...ours, reference: `HiGHS same model (${cityHighs.timed.medianS.toFixed(2)} s)`, ratio: ours.medianS / cityHighs.timed.medianS, peakMB: await workerPeak(pool), target: 0.03 },
      { suite: 'planning', name: `city: HiGHS ${cityHighs.status}, optimum Δ ${cityHighs.gap.toExponential(1)}`, ...cityHighs.timed },
    );

    const hydroCase = await caseFor(pool, 'city', 'hydro-drought', 7);
    const hydro = hydroCase.problem;
    console.log(`  hydro week: ${hydro.hours} h, ${hydro.energyDays.length} energy-short days`);
    const hydroRun = await hydroCase.timed(quick ? 3 : 8);
    rows.push({ suite: 'planning', name: 'city 168 h energy-limited, rotation: solve + verify', ...hydroRun, peakMB: await workerPeak(pool), target: 0.5 });

    if (!quick) {
      const provinceCase = await caseFor(pool, 'province', 'heat-wave', 1, (f) => limitSubstations(f, 30));
      const province = provinceCase.problem;
      console.log(`  province: ${province.customers.id.length} customers in the plan, ${province.units.customer.length} units, ${province.hours} h, ${province.constraints.length - 1} import-limited areas`);
      const run = await provinceCase.timed(5);
      // HiGHS on the peak hour (the day's model separates by hour; the whole day is ~24× this).
      let peak = 0;
      for (let h = 1; h < province.hours; h++) if (province.constraints[0].gapMW[h] > province.constraints[0].gapMW[peak]) peak = h;
      const provinceHighs = await compare('province peak hour', province, [peak], 1);
      // Native CLP on the whole day's model (issue 18's reference): its own solve time, same optimum.
      const clp = clpOnPlan(province, solvePlan(province));
      if (clp.ok) {
        console.log(`  province day: CLP dual simplex (presolve off) ${clp.solveMs.toFixed(0)} ms on ${clp.variables.toLocaleString('en-US')} variables, ${clp.rows.toLocaleString('en-US')} rows; optimum ${clp.objective.toPrecision(12)}, ours ${clp.ours.toPrecision(12)}, relative difference ${clp.gap.toExponential(1)}`);
        rows.push(
          { suite: 'planning', name: 'province day: solve + verify against native CLP', ...run, reference: `CLP dual, no presolve (${(clp.solveMs / 1000).toFixed(2)} s)`, ratio: run.medianS / (clp.solveMs / 1000), ratioTarget: 0.1 },
          { suite: 'planning', name: `province day: CLP optimum Δ ${clp.gap.toExponential(1)}${clp.gap <= 1e-6 ? '' : ' (NOT the same optimum)'}`, medianS: clp.solveMs / 1000, rme: 0, samples: 1 },
        );
      } else console.log(`  province day: native CLP skipped (${clp.why})`);
      rows.push(
        { suite: 'planning', name: 'province 200,000 × 24 h: solve + verify', ...run, reference: `HiGHS peak hour only (${provinceHighs.timed.medianS.toFixed(1)} s)`, ratio: run.medianS / provinceHighs.timed.medianS, peakMB: await workerPeak(pool), target: 0.3 },
        { suite: 'planning', name: `province peak hour: HiGHS ${provinceHighs.status}, optimum Δ ${provinceHighs.gap.toExponential(1)}`, ...provinceHighs.timed },
      );
    }
  } finally {
    await pool.close();
  }
  return rows;
}
