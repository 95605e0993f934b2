/**
 * Small planning cases whose right plan is worked out by hand, built from the bundled
 * `local-limit.json` (its town, five substations with their import limits, its 101 feeders, time
 * zone, policy and weather) through the real path: the scenario file is edited, loaded and
 * validated, and the plan tables come from the problem builder. Only the gaps are set by hand
 * (an assessment with the given MW per hour), so that the right answer is known exactly.
 *
 * By default the town's own customers are replaced by the case's; with `keepCustomers` they stay
 * and the case's are added. Customers get a flat profile (baseline = peak MW, every hour) unless
 * they name another. Hours start at 2024-07-29 00:00 +08:00; the plan is issued two days before
 * unless `issuedAt` says otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCsv } from '../../core/plan/csv.ts';
import type { Strategy } from '../../core/plan/order.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import type { Assessment } from '../../core/warning/assess.ts';
import { repoRoot } from './data-dir.ts';

export type FileCustomer = ScenarioFile['customers'][number];
export type FileFeeder = ScenarioFile['feeders'][number];

/** A customer of a case: the file's fields, with defaults for the ones a case rarely cares about. */
export type CaseCustomer = Partial<FileCustomer> & Pick<FileCustomer, 'id' | 'class' | 'peakMW'>;

export interface LocalLimitCase {
  customers: CaseCustomer[];
  /** Profiles added to the town's ('flat' is always there: 1 every hour). */
  profiles?: ScenarioFile['profiles'];
  /** Feeders added to the town's (or replacing one with the same id). */
  feeders?: FileFeeder[];
  keepCustomers?: boolean;
  hours: number;
  /** System gap per hour, MW (default 0). */
  systemGapMW?: number[];
  /** Gaps of import-limited areas (S01 … S05), MW per hour. */
  local?: { area: string; gapMW: number[] }[];
  energy?: { date: string; gapMWh: number }[];
  issuedAt?: string;
  snapBackShare?: number;
  defaultNoticeHours?: number;
}

const START = '2024-07-29T00:00+08:00';
const START_MS = Date.parse('2024-07-28T16:00:00Z');
let base: ScenarioFile | null = null;

function townFile(): ScenarioFile {
  base ??= JSON.parse(readFileSync(join(repoRoot, 'scenarios', 'local-limit.json'), 'utf8')) as ScenarioFile;
  return structuredClone(base);
}

export function localLimitCase(d: LocalLimitCase) {
  const file = townFile();
  const flat = Array(24).fill(1);
  file.profiles.push({ id: 'flat', name: 'flat (test)', weekday: flat, weekend: flat, holiday: flat }, ...(d.profiles ?? []));
  for (const f of d.feeders ?? []) {
    const i = file.feeders.findIndex((x) => x.id === f.id);
    if (i >= 0) file.feeders[i] = f; else file.feeders.push(f);
  }
  const own: FileCustomer[] = d.customers.map((c, i) => ({
    name: `Customer ${c.id}`, feeder: 'F0001', profile: 'flat', securityFloorMW: 0, control: 'terminal', responseMinutes: 5,
    noticeHours: 0, costPerMWh: 1000 + i, ...c,
  }) as FileCustomer);
  file.customers = d.keepCustomers ? [...file.customers, ...own] : own;
  const ids = new Set(file.customers.map((c) => c.id));
  file.history.load = file.history.load.filter((h) => h.of !== 'customer' || ids.has(h.id));
  if (d.hours > 72) throw new Error('a local-limit case has at most the town\'s 72 hours');
  file.study = { start: START, hours: 72, issuedAt: d.issuedAt ?? '2024-07-27T00:00+08:00' };
  file.events = [];
  if (d.defaultNoticeHours !== undefined) file.policy.defaultNoticeHours = d.defaultNoticeHours;
  const loaded = loadScenarioValue(structuredClone(file)); // the loader converts in place
  if (!loaded.ok) throw new Error(`case is not a valid scenario: ${loaded.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const scenario = loaded.scenario!;
  const H = d.hours;
  const series = (v: number[] | undefined) => Float64Array.from({ length: H }, (_, h) => v?.[h] ?? 0);
  const assessment = {
    issuedAtMs: Date.parse((d.issuedAt ?? '2024-07-27T00:00+08:00').replace(/(T\d\d:\d\d)/, '$1:00')), startMs: START_MS, hours: H,
    timeZone: scenario.timeZone, confidence: 0.9, samples: 1, seed: 1, policy: scenario.policy.warning, periods: [0, 24],
    system: { area: 'T', name: 'Qingshui Town', scope: 'system', gapAtConfidence: series(d.systemGapMW), demandMW: Float64Array.from({ length: H }, () => 300) },
    local: (d.local ?? []).map((l) => ({ area: l.area, name: scenario.areas.find((a) => a.id === l.area)!.name, gapAtConfidence: series(l.gapMW) })),
    energy: (d.energy ?? []).map((e) => ({ date: e.date, gapAtConfidenceMWh: e.gapMWh })),
  } as unknown as Assessment;
  const plan = (strategy: Strategy = 'cost') => {
    const out = planScenario(scenario, assessment, { strategy, snapBackShare: d.snapBackShare ?? 0 });
    return { ...out, csv: () => planCsv(out.report) };
  };
  return { file, scenario, assessment, plan };
}

/** Hours from 0 to n with `v` at the hours listed and 0 elsewhere. */
export function at(n: number, values: Record<number, number>): number[] {
  return Array.from({ length: n }, (_, h) => values[h] ?? 0);
}
