/**
 * The weather station an area reads: its own `weatherStation`, else the nearest ancestor's, else
 * the scenario's only station. With several stations and none named up the tree, which station a
 * temperature belongs to is unclear, and that is said rather than guessed.
 */
import type { Problem } from '../problems.ts';
import type { ScenarioFile } from './schema.ts';

export function stationOfArea(file: Pick<ScenarioFile, 'areas' | 'weather'>, areaId: string): { ok: true; station: string } | { ok: false; problem: Problem } {
  const byId = new Map(file.areas.map((a) => [a.id, a]));
  if (!byId.has(areaId)) return { ok: false, problem: { path: 'area', message: `unknown area "${areaId}" in the scenario` } };
  for (let a = byId.get(areaId), steps = 0; a && steps <= file.areas.length; a = a.parent === null ? undefined : byId.get(a.parent), steps++) {
    if (a.weatherStation !== undefined) return { ok: true, station: a.weatherStation };
  }
  const stations = file.weather.stations.map((s) => s.id);
  if (stations.length === 1) return { ok: true, station: stations[0] };
  return {
    ok: false,
    problem: {
      path: 'station',
      message: stations.length
        ? `area "${areaId}" names no weather station (nor does any area above it) and the scenario has ${stations.length} (${stations.join(', ')}): which one the temperature belongs to is unclear; attach it with orderly import --station ID`
        : 'the scenario has no weather station to attach a temperature to',
    },
  };
}
