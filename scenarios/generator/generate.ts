/**
 * `orderly generate`: a complete, valid scenario at any scale, reproducible from its seed.
 * Pure (no I/O): options in, scenario file object out, with progress reported as it goes.
 */
import { addContacts } from './contacts.ts';
import { chinaCalendar, dayKindIndex } from '../../core/calendar/day-kind.ts';
import { createRng } from '../../core/random/rng.ts';
import { SCENARIO_FORMAT, type CustomerFile, type EventFile, type ScenarioFile } from '../../core/scenario/schema.ts';
import { hourlyCalendar, type HourlyCalendar } from '../../core/time/hourly-calendar.ts';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone, type Zone } from '../../core/time/zone.ts';
import { CLIMATES, synthesizeWeather } from './climate.ts';
import type { FeederMix } from './feeder-mix.ts';
import { buildGrid, rescaleCustomers, type Grid } from './grid.ts';
import { aggregateLoad, effectiveTemperature, industrialDayFactor, mwByProfile, profileSeries } from './load.ts';
import { pad } from './names.ts';
import { PROFILES, profileShare } from './profiles.ts';
import { SCALES, type Scale, type ScaleSpec } from './scales.ts';
import { STORIES, type Story, type StoryId } from './stories.ts';
import { buildSupply } from './supply.ts';

export const GENERATOR_VERSION = 'orderly-generator/1';
export const TIME_ZONE = 'Asia/Shanghai';

export interface GenerateOptions {
  scale?: Scale;
  story?: StoryId;
  seed: number;
  /** Days of substation history (default: the scale's). */
  historyDays?: number;
  /** Days of per-customer history (default: the scale's). */
  customerHistoryDays?: number;
  /** Feeder mixes to sample instead of the built-in archetypes (e.g. the PNNL table). */
  feederMix?: FeederMix[];
}

export type Progress = (fraction: number, phase: string) => void;

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals + 0; // no -0

/** What the generator itself expects of the study it built, for checking the stories. */
export interface GeneratorDiagnostics {
  /** Expected (noise-free) system demand on the forecast weather, MW per study hour. */
  demandMW: Float64Array;
  /** Available supply as built, MW per study hour (units less outages, wind and solar, imports). */
  availableMW: Float64Array;
  reserveMW: number;
  /** Expected peak and import limit of each substation over the study, MW. */
  substations: Array<{ id: string; peakMW: number; importLimitMW: number }>;
}

export function generateScenarioFile(options: GenerateOptions, onProgress: Progress = () => {}): ScenarioFile {
  return generateWithDiagnostics(options, onProgress).file;
}

export function generateWithDiagnostics(options: GenerateOptions, onProgress: Progress = () => {}): { file: ScenarioFile; diagnostics: GeneratorDiagnostics } {
  const story: Story = STORIES[options.story ?? 'summer-peak'];
  const scale: Scale = options.scale ?? (options.story ? story.defaultScale : 'city');
  const spec: ScaleSpec = { ...SCALES[scale] };
  if (options.historyDays !== undefined) spec.historyDays = options.historyDays;
  if (options.customerHistoryDays !== undefined) spec.customerHistoryDays = options.customerHistoryDays;
  const rng = createRng(`orderly:${options.seed}`);
  const zone = resolveZone(TIME_ZONE) as Zone;
  const studyStart = parseTimestamp(story.start)!.ms;
  const studyHours = story.hours;
  const historyHours = spec.historyDays * 24;
  const historyStart = studyStart - historyHours * HOUR_MS;
  const allHours = historyHours + studyHours;
  const cal = hourlyCalendar(historyStart, allHours, zone);
  const studyCal = hourlyCalendar(studyStart, studyHours, zone);
  const ts = (ms: number) => formatInZone(ms, zone);
  onProgress(0.02, 'calendar');

  const holidays = chinaCalendar(cal.day[0], cal.day[allHours - 1] + 1);
  if (!holidays.ok) throw new Error(`the generated history's holidays: ${holidays.message}`);
  const days = dayKindIndex(holidays.calendar);

  // Weather: one continuous series per station through the history. The forecast for the study
  // is what a met office would issue for the story: the season's normal, the anomaly of the last
  // day fading over the first days, and the story's heat (or cold) on top.
  const climate = CLIMATES[story.climate];
  const weather = synthesizeWeather(cal, climate, spec.weatherStations, rng.fork('weather'));
  const temps = weather.map((w) => w.actual);
  weather.forEach(({ actual: t, normal }) => {
    let lastAnomaly = 0;
    for (let i = historyHours - 24; i < historyHours; i++) lastAnomaly += (t[i] - normal[i]) / 24;
    for (let i = historyHours; i < allHours; i++) {
      const d = Math.floor((i - historyHours) / 24);
      const h = cal.hourOfDay[i];
      // Heat builds through the afternoon more than at night.
      const shape = 0.6 + 0.4 * Math.max(0, Math.sin((Math.PI * (h - 6)) / 16));
      const fading = lastAnomaly * 0.5 ** ((i - historyHours + 1) / 24);
      t[i] = round(normal[i] + fading + (story.forecastDeltaC[d] ?? 0) * shape, 1);
    }
  });
  onProgress(0.08, 'weather');

  // The network, then its calibration to the target peak on a design-hot working day.
  const mwPerUnit = spec.peakMW / (spec.feeders * 1.12 * 0.8);
  const grid = buildGrid(spec, rng.fork('grid'), options.feederMix ?? null, spec.weatherStations, mwPerUnit);
  const designPeak = designDayPeak(grid.customers, story.designC);
  rescaleCustomers(grid.customers, spec.peakMW / designPeak);
  setFeederRatings(grid, rng.fork('ratings'));
  addContacts(grid.customers, rng.fork('contacts'));
  onProgress(0.25, 'grid');

  // Share-of-peak series per station and profile, over history and study.
  const profileIndex = new Map(PROFILES.map((p, i) => [p.id, i]));
  const industrial = industrialDayFactor(cal, days);
  const series: Float64Array[][] = temps.map((t) => {
    const eff = effectiveTemperature(t);
    return PROFILES.map((p) => profileSeries(p, cal, days, eff, studyStart, industrial));
  });
  onProgress(0.35, 'profiles');

  // Substation history (metered) and expected study demand (noise-free, on the forecast).
  const bySubstation: CustomerFile[][] = grid.substations.map(() => []);
  grid.customers.forEach((c, i) => bySubstation[grid.feederSubstation[grid.customerFeeder[i]]].push(c));
  const historyCal = sliceCalendar(cal, 0, historyHours);
  const studyPart = sliceCalendar(cal, historyHours, studyHours);
  const history: ScenarioFile['history']['load'] = [];
  const expectedBySubstation: Float64Array[] = [];
  const demand = new Float64Array(studyHours);
  const loadRng = rng.fork('load');
  for (let s = 0; s < grid.substations.length; s++) {
    const mw = mwByProfile(bySubstation[s], profileIndex, PROFILES.length);
    const station = series[grid.substationStation[s]];
    const hist = aggregateLoad(mw, station.map((x) => x.subarray(0, historyHours)), historyCal, { daySd: 0.02, hourSd: 0.012 }, loadRng.fork(s), 2);
    history.push({ of: 'area', id: grid.substations[s], start: ts(historyStart), unit: 'MW', values: Array.from(hist) });
    const expected = aggregateLoad(mw, station.map((x) => x.subarray(historyHours)), studyPart, null, loadRng, 2);
    expectedBySubstation.push(expected);
    for (let i = 0; i < studyHours; i++) demand[i] += expected[i];
    if (s % 16 === 0) onProgress(0.35 + (0.4 * s) / grid.substations.length, 'history');
  }
  if (spec.customerHistoryDays > 0) {
    addCustomerHistory(history, grid, series, profileIndex, cal, historyHours, spec.customerHistoryDays, rng.fork('customer-load'), ts);
  }
  onProgress(0.75, 'history');

  // Supply for the story, and area import limits.
  const root = grid.areas[0];
  const middle = grid.areas.filter((a) => a.kind !== 'substation' && a.parent !== null).map((a) => a.id);
  const supply = buildSupply({
    story: story.supply(scale), peakMW: spec.peakMW, demandMW: demand, cal: studyCal, zone, rootArea: root.id,
    unitAreas: middle.length ? middle : [root.id], rng: rng.fork('supply'),
  });
  const limitRng = rng.fork('limits');
  grid.substations.forEach((id, s) => {
    const area = grid.areas.find((a) => a.id === id)!;
    const peak = Math.max(...expectedBySubstation[s]);
    const share = story.localLimit?.substationIndex === s ? story.localLimit.share : limitRng.uniform(1.35, 1.7);
    area.importLimitMW = round(peak * share, 1);
  });
  onProgress(0.85, 'supply');

  const events = buildEvents(story, supply.units, supply.imports, studyStart, ts);
  const scenario: ScenarioFile = {
    format: SCENARIO_FORMAT,
    id: `${options.story ?? 'generated'}-${scale}-${options.seed}`,
    name: options.story ? story.name : `Synthetic ${scale}: ${story.name.toLowerCase()}`,
    nameZh: story.nameZh,
    description: story.description,
    generatedBy: { tool: GENERATOR_VERSION, scale, story: story.id, seed: options.seed },
    timeZone: TIME_ZONE,
    currency: 'CNY',
    study: { start: ts(studyStart), hours: studyHours, issuedAt: ts(studyStart - story.leadHours * HOUR_MS) },
    areas: grid.areas,
    feeders: grid.feeders,
    profiles: PROFILES,
    customers: grid.customers,
    weather: {
      stations: temps.map((t, k) => ({
        id: `W${pad(k + 1, 2)}`,
        name: `${k === 0 ? root.name : grid.areas.find((a) => a.weatherStation === `W${pad(k + 1, 2)}` && a.id !== root.id)?.name ?? root.name} weather station`,
        history: { start: ts(historyStart), unit: '°C', values: Array.from(t.subarray(0, historyHours)) },
        forecast: { start: ts(studyStart), unit: '°C', values: Array.from(t.subarray(historyHours)) },
        forecastSpreadC: 1.5,
      })),
    },
    history: { load: history },
    supply: {
      units: supply.units,
      imports: supply.imports,
      reserveMW: supply.reserveMW,
      ...(supply.energyBudgets.length ? { energyBudgets: supply.energyBudgets } : {}),
    },
    policy: {
      warning: { thresholdsPct: [5, 10, 20], boundary: 'upper-inclusive' },
      ladder: ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'],
      planScaleShare: 0.3,
      defaultNoticeHours: 24,
      holidays: holidays.calendar,
    },
    events,
  };
  onProgress(1, 'done');
  const diagnostics: GeneratorDiagnostics = {
    demandMW: demand,
    availableMW: supply.availableMW,
    reserveMW: supply.reserveMW,
    substations: grid.substations.map((id, s) => ({
      id, peakMW: Math.max(...expectedBySubstation[s]), importLimitMW: grid.areas.find((a) => a.id === id)!.importLimitMW!,
    })),
  };
  return { file: scenario, diagnostics };
}

/** Largest hourly sum of all customers on a working day at the design temperature. */
function designDayPeak(customers: CustomerFile[], designC: number): number {
  const byProfile = new Map<string, number>();
  for (const c of customers) byProfile.set(c.profile, (byProfile.get(c.profile) ?? 0) + c.peakMW);
  let best = 0;
  for (let h = 0; h < 24; h++) {
    let total = 0;
    for (const p of PROFILES) total += (byProfile.get(p.id) ?? 0) * profileShare(p, 'working', h, designC);
    best = Math.max(best, total);
  }
  return best;
}

function setFeederRatings(grid: Grid, rng: ReturnType<typeof createRng>): void {
  const load = new Float64Array(grid.feeders.length);
  grid.customers.forEach((c, i) => (load[grid.customerFeeder[i]] += c.peakMW));
  grid.feeders.forEach((f, i) => {
    const dedicated = f.name?.endsWith('(dedicated)');
    f.ratingMW = round(Math.max(0.5, load[i] * (dedicated ? 1.2 : rng.uniform(1.25, 1.6))), 1);
  });
}

function sliceCalendar(cal: HourlyCalendar, from: number, hours: number): HourlyCalendar {
  return {
    startMs: cal.startMs + from * HOUR_MS,
    hours,
    hourOfDay: cal.hourOfDay.subarray(from, from + hours),
    weekday: cal.weekday.subarray(from, from + hours),
    month: cal.month.subarray(from, from + hours),
    day: cal.day.subarray(from, from + hours),
    dayOfYear: cal.dayOfYear.subarray(from, from + hours),
    offsetMinutes: cal.offsetMinutes.subarray(from, from + hours),
  };
}

/** Metered history of each curtailable customer: its profile with its own noise and idle days. */
function addCustomerHistory(
  history: ScenarioFile['history']['load'],
  grid: Grid,
  series: Float64Array[][],
  profileIndex: Map<string, number>,
  cal: HourlyCalendar,
  historyHours: number,
  days: number,
  rng: ReturnType<typeof createRng>,
  ts: (ms: number) => string,
): void {
  const hours = Math.min(historyHours, days * 24);
  const from = historyHours - hours;
  grid.customers.forEach((c, k) => {
    if (!c.measures) return;
    const r = rng.fork(c.id);
    const station = series[grid.substationStation[grid.feederSubstation[grid.customerFeeder[k]]]];
    const shape = station[profileIndex.get(c.profile)!];
    const values = new Array<number>(hours);
    let dayShock = 0, lastDay = -1, idle = false, hourNoise = 0;
    for (let i = 0; i < hours; i++) {
      const d = cal.day[from + i];
      if (d !== lastDay) {
        lastDay = d;
        dayShock = 0.08 * r.normal();
        idle = c.profile.startsWith('industry') && r.chance(0.015); // maintenance day
      }
      hourNoise = 0.5 * hourNoise + 0.05 * r.normal();
      const v = idle ? c.securityFloorMW : c.peakMW * shape[from + i] * (1 + dayShock + hourNoise);
      values[i] = round(Math.max(0, v), 3);
    }
    history.push({ of: 'customer', id: c.id, start: ts(cal.startMs + from * HOUR_MS), unit: 'MW', values });
  });
}

function buildEvents(
  story: Story,
  units: ScenarioFile['supply']['units'],
  imports: ScenarioFile['supply']['imports'],
  studyStart: number,
  ts: (ms: number) => string,
): EventFile[] {
  const events: EventFile[] = [];
  const coal = units.filter((u) => u.type === 'coal').sort((a, b) => b.capacityMW - a.capacityMW);
  story.events.forEach((e, k) => {
    const id = `E${pad(k + 1, 2)}`;
    const from = studyStart + e.atHour * HOUR_MS;
    const to = from + e.hours * HOUR_MS;
    switch (e.kind) {
      case 'unit-trip':
        if (coal.length) events.push({ id, kind: 'unit-trip', unit: coal[0].id, at: ts(from), durationHours: e.hours });
        else if (imports.length) {
          events.push({ id, kind: 'import-loss', import: imports[0].id, from: ts(from), to: ts(to), lostMW: round(imports[0].schedule.values[e.atHour]! * 0.3, 1) || 1 });
        }
        break;
      case 'import-loss': {
        const imp = imports.find((i) => i.id === e.importId) ?? imports[0];
        const lost = round((imp.schedule.values[e.atHour] ?? 0) * (e.lostShare ?? 0.2), 1);
        if (lost > 0) events.push({ id, kind: 'import-loss', import: imp.id, from: ts(from), to: ts(to), lostMW: lost });
        break;
      }
      case 'renewable-drop':
        if (units.some((u) => u.type === e.type)) {
          events.push({ id, kind: 'renewable-drop', type: e.type!, from: ts(from), to: ts(to), remainingShare: e.remainingShare ?? 0.5 });
        }
        break;
      case 'heat-wave':
        events.push({ id, kind: 'heat-wave', from: ts(from), to: ts(to), deltaC: e.deltaC ?? 1 });
        break;
    }
  });
  return events;
}
