/**
 * A bundled story's least-cost plan as `orderly plan` saves it (its scenario's SHA-256 stamped,
 * as JSON), with the scenario and the forecast it was made on: what the read-back tests edit and
 * read back.
 */
import { readFileSync } from 'node:fs';
import { contentHash } from '../../core/content-hash.ts';
import { forecastScenario, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioBytes } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';

export interface SavedStoryPlan { sha256: string; scenario: Scenario; forecast: ScenarioForecast; saved: string }

export function savedStoryPlan(file: string): SavedStoryPlan {
  const bytes = new Uint8Array(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url)));
  const sha256 = contentHash(bytes);
  const scenario = loadScenarioBytes(file, bytes).scenario!;
  const forecast = forecastScenario(scenario);
  const { report } = planScenario(scenario, assessScenario(scenario, forecast, { samples: 200 }));
  report.scenario.sha256 = sha256;
  return { sha256, scenario, forecast, saved: JSON.stringify(report) };
}
