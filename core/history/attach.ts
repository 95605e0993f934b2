/**
 * Puts imported hourly history into a scenario: a load series for an area, feeder or customer, and
 * a temperature series for a weather station. The series brought replaces the entity's (or the
 * station's) whole history — a history must be whole, so a file of a few days is refused by the
 * validation that follows, naming the hours it lacks — and nothing is saved before it passes.
 */
import type { Problem } from '../problems.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { formatInZone, resolveZone } from '../time/zone.ts';

export interface AttachTarget {
  /** Load series: where it belongs. */
  load?: { of: 'area' | 'feeder' | 'customer'; id: string; values: Float64Array; /** Each hour's highest 15/30-minute reading (load read finer than hourly). */ maxValues?: Float64Array };
  /** Temperature series: the station it belongs to. */
  temperature?: { station: string; values: Float64Array };
  startMs: number;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;

export function attachHistory(scenario: ScenarioFile, target: AttachTarget): { ok: true; scenario: ScenarioFile } | { ok: false; problems: Problem[] } {
  const zone = resolveZone(scenario.timeZone);
  if (!zone) return { ok: false, problems: [{ path: 'timeZone', message: `unknown time zone "${scenario.timeZone}"` }] };
  const start = formatInZone(target.startMs, zone);
  const next: ScenarioFile = { ...scenario, history: { load: [...scenario.history.load] }, weather: { stations: [...scenario.weather.stations] } };
  const problems: Problem[] = [];
  if (target.load) {
    const { of, id, values, maxValues } = target.load;
    const table = of === 'area' ? scenario.areas : of === 'feeder' ? scenario.feeders : scenario.customers;
    if (!table.some((x) => x.id === id)) problems.push({ path: `--${of}`, message: `unknown ${of} "${id}" in the scenario` });
    // The new series replaces any earlier series of the same entity (one series per hour).
    next.history.load = next.history.load.filter((h) => !(h.of === of && h.id === id));
    next.history.load.push({
      of, id, start, unit: 'MW', values: Array.from(values, (v) => round(v, 3)),
      // Rounded up, so that a maximum never reads below its own rounded mean.
      ...(maxValues ? { maxValues: Array.from(maxValues, (v, i) => Math.max(round(v, 3), round(values[i], 3))) } : {}),
    });
  }
  if (target.temperature) {
    const { station, values } = target.temperature;
    const k = next.weather.stations.findIndex((s) => s.id === station);
    if (k < 0) problems.push({ path: '--station', message: `unknown weather station "${station}" in the scenario` });
    else next.weather.stations[k] = { ...next.weather.stations[k], history: { start, unit: '°C', values: Array.from(values, (v) => round(v, 2)) } };
  }
  return problems.length ? { ok: false, problems } : { ok: true, scenario: next };
}
