/**
 * A scenario from the GEFCom2012 load track: the utility's 20 zones as areas under one system,
 * zone histories filled from the official solution where the competition blanked them, the 11
 * weather stations, US federal holidays, and the competition's forecast week (2008-07-01..07) as
 * the study window, with the observed temperatures of that week as its ex post "forecast".
 * There is no network or supply in the data: the scenario serves forecasting and backtests.
 */
import type { Problem } from '../problems.ts';
import { SCENARIO_FORMAT, type ScenarioFile } from '../scenario/schema.ts';
import { HOUR_MS } from '../time/timestamp.ts';
import { formatTimestamp } from '../time/timestamp.ts';
import {
  GEFCOM_STATIONS, GEFCOM_ZONES, fillGefcomBlanks, parseGefcomHolidays, parseGefcomLoad, parseGefcomSolution,
  parseGefcomTemperature, parseGefcomTemperatureSolution, type GefcomSeriesTable,
} from './gefcom2012.ts';
import { GEFCOM_OFFSET_MINUTES } from './gefcom-axis.ts';

export interface GefcomFiles {
  loadHistory: string;
  temperatureHistory: string;
  loadSolution: string;
  temperatureSolution: string;
  holidays: string;
}

export const GEFCOM_FILE_NAMES: Record<keyof GefcomFiles, string> = {
  loadHistory: 'Load_history.csv',
  temperatureHistory: 'temperature_history.csv',
  loadSolution: 'Load_solution.csv',
  temperatureSolution: 'temperature_solution.csv',
  holidays: 'Holiday_List.csv',
};

const STUDY_START_MS = Date.UTC(2008, 6, 1) - GEFCOM_OFFSET_MINUTES * 60_000;
const STUDY_HOURS = 168;

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;

/** Hours from the start of a table to its first hour that is blank in any series. */
function completeHours(table: GefcomSeriesTable, limitMs: number): number {
  let hours = Math.min(table.hours, Math.round((limitMs - table.startMs) / HOUR_MS));
  for (const values of table.series.values()) {
    const firstBlank = values.findIndex((v, i) => i < hours && Number.isNaN(v));
    if (firstBlank >= 0) hours = firstBlank;
  }
  return hours;
}

export function gefcomScenario(files: GefcomFiles): { ok: true; scenario: ScenarioFile; notes: string[] } | { ok: false; problems: Problem[] } {
  const load = parseGefcomLoad(files.loadHistory);
  const temps = parseGefcomTemperature(files.temperatureHistory);
  const solution = parseGefcomSolution(files.loadSolution);
  const tempSolution = parseGefcomTemperatureSolution(files.temperatureSolution);
  const holidays = parseGefcomHolidays(files.holidays);
  const problems = [load, temps, solution, tempSolution, holidays].flatMap((r) => (r.ok ? [] : r.problems));
  if (!load.ok || !temps.ok || !solution.ok || !tempSolution.ok || !holidays.ok) return { ok: false, problems };

  // The backcast weeks are filled with the official actuals; the history then runs until its
  // first remaining blank (2008-06-30 06:00), just before the forecast week.
  const filled = fillGefcomBlanks(load.table, solution.solution);
  const loadHours = completeHours(filled, STUDY_START_MS);
  const tempHours = completeHours(temps.table, STUDY_START_MS);
  const ts = (ms: number) => formatTimestamp(ms, GEFCOM_OFFSET_MINUTES);
  const startMs = load.table.startMs;
  const studyIndex = Math.round((STUDY_START_MS - tempSolution.solution.startMs) / HOUR_MS);

  const scenario: ScenarioFile = {
    format: SCENARIO_FORMAT,
    id: 'gefcom2012',
    name: 'GEFCom2012 load track: a US utility, 20 zones',
    description:
      'Real hourly load of 20 zones and 11 weather stations, 2004–2008 (Hong, Pinson & Fan, IJF 2014). Backcast weeks filled from ' +
      'the official solution; the study is the competition forecast week with its observed temperatures. No network or supply data.',
    generatedBy: { tool: 'orderly import --gefcom2012' },
    timeZone: '-05:00',
    currency: 'USD',
    study: { start: ts(STUDY_START_MS), hours: STUDY_HOURS, issuedAt: ts(startMs + Math.min(loadHours, tempHours) * HOUR_MS) },
    areas: [
      { id: 'SYS', name: 'GEFCom2012 utility (sum of zones)', kind: 'province', parent: null },
      ...Array.from({ length: GEFCOM_ZONES }, (_, k) => ({
        id: `Z${String(k + 1).padStart(2, '0')}`, name: `Zone ${k + 1}`, kind: 'district' as const, parent: 'SYS',
      })),
    ],
    feeders: [],
    profiles: [],
    customers: [],
    weather: {
      stations: Array.from({ length: GEFCOM_STATIONS }, (_, k) => {
        const history = temps.table.series.get(k + 1)!;
        const observed = tempSolution.solution.series.get(k + 1)!;
        return {
          id: `T${String(k + 1).padStart(2, '0')}`,
          name: `Station ${k + 1} (forecast week: observed, ex post)`,
          history: { start: ts(startMs), unit: '°C' as const, values: Array.from(history.subarray(0, tempHours), (v) => round(v, 2)) },
          forecast: { start: ts(STUDY_START_MS), unit: '°C' as const, values: Array.from(observed.subarray(studyIndex, studyIndex + STUDY_HOURS), (v) => round(v, 2)) },
        };
      }),
    },
    history: {
      load: Array.from({ length: GEFCOM_ZONES }, (_, k) => ({
        of: 'area' as const,
        id: `Z${String(k + 1).padStart(2, '0')}`,
        start: ts(startMs),
        unit: 'MW' as const,
        values: Array.from(filled.series.get(k + 1)!.subarray(0, loadHours), (v) => round(v, 3)),
      })),
    },
    supply: { units: [], imports: [] },
    policy: {
      warning: { thresholdsPct: [5, 10, 20], boundary: 'upper-inclusive' },
      ladder: ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'],
      planScaleShare: 0.3,
      defaultNoticeHours: 24,
      holidays: { calendar: 'US-federal', days: holidays.holidays.map((h) => ({ date: h.date, name: h.name })), workdays: [] },
    },
    events: [],
  };
  return { ok: true, scenario, notes: [...filled.notes, `history through ${ts(startMs + (loadHours - 1) * HOUR_MS)}`] };
}
