/**
 * The engine: one API over core/ that runs inside a worker (browser Worker or Node worker_threads)
 * and is the only way the page, the command line and the benchmarks reach compute. Inputs and
 * outputs are plain data; per-hour arrays and file bytes travel as transferable typed arrays.
 *
 * Each capability is its own module in worker/engine/ (scenario files, forecasting, warnings,
 * plans, what-if, play-out, diagnostics), with its pool helper beside it; this file only composes
 * them into the one object comlink exposes, and names the types its callers use.
 */
import { diagnosticsEngine } from './engine/diagnostics.ts';
import { executionEngine } from './engine/execution.ts';
import { forecastEngine } from './engine/forecast.ts';
import { planEngine } from './engine/plan.ts';
import { playoutEngine } from './engine/playout.ts';
import { replanEngine } from './engine/replan.ts';
import { scenarioEngine } from './engine/scenario.ts';
import { warnEngine } from './engine/warn.ts';
import { whatIfEngine } from './engine/what-if.ts';

export const engineApi = {
  ...scenarioEngine,
  ...forecastEngine,
  ...warnEngine,
  ...planEngine,
  ...whatIfEngine,
  ...playoutEngine,
  ...executionEngine,
  ...replanEngine,
  ...diagnosticsEngine,
};

export type EngineApi = typeof engineApi;

export type { ProgressCallback, Refusal } from './engine/calls.ts';
export type { ScenarioBytes } from './engine/kept-scenario.ts';
export type { ImportOutcome, ScenarioView, ValidationOutcome } from './engine/scenario.ts';
export type { AreaForecastPart, CsvBacktestOutcome, GefcomBacktestOutcome, PreparedForecast } from './engine/forecast.ts';
export type { AssessOutcome } from './engine/warn.ts';
export type { DetachedPlan, DetachedPlanOutcome, PlanOutcome, PlanTaskOptions, ReadBackRefusal } from './engine/plan.ts';
export type { WhatIfOptions, WhatIfOutcome, WhatIfOutlookOutcome, WhatIfPlan } from './engine/what-if.ts';
export type { PlayoutOutcome } from './engine/playout.ts';
export type { ExecutionOutcome, MeterImportOutcome, MeterStoryOutcome, NoticesOutcome } from './engine/execution.ts';
export type { ReplanOutcome } from './engine/replan.ts';
