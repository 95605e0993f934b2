/** The engine's warnings: the supply-gap assessment of a scenario and its forecast, and its bulletin. */
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { assessScenario, type AssessOptions, type Assessment } from '../../core/warning/assess.ts';
import { buildBulletin, type Bulletin } from '../../core/warning/bulletin.ts';
import { refusing, type Refusal } from './calls.ts';
import { loadCached, type ScenarioBytes } from './kept-scenario.ts';

export type AssessOutcome = { ok: true; assessment: Assessment; bulletin: Bulletin } | Refusal;

/** The root area as a bulletin names it. */
export function bulletinArea(s: Scenario): { id: string; name: string; nameZh?: string } {
  const root = s.areas.find((a) => a.parent === null)!;
  return { id: root.id, name: root.name, ...(root.nameZh ? { nameZh: root.nameZh } : {}) };
}

export const warnEngine = {
  /** The supply-gap assessment and its bulletin, from a scenario and its forecast. */
  assess(name: string, bytes: ScenarioBytes, forecast: ScenarioForecast, options: AssessOptions & { previous?: Bulletin | null } = {}): AssessOutcome {
    const loaded = loadCached(name, bytes);
    if (!loaded.ok || !loaded.scenario) return { ok: false, problems: loaded.problems, total: loaded.total };
    const s = loaded.scenario;
    return refusing(() => {
      const assessment = assessScenario(s, forecast, options);
      const bulletin = buildBulletin(assessment, bulletinArea(s), options.previous ?? null);
      return { ok: true as const, assessment, bulletin };
    });
  },
};
