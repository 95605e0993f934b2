/**
 * The engine's scenario files: generate, hold (a file kept in this worker, read off the page's
 * thread), validate, the page's first view, and history imports (GEFCom2012, an hourly CSV put
 * into a scenario), each built file validated before it is handed back.
 */
import { stationOfArea } from '../../core/scenario/station-of-area.ts';
import { transfer } from 'comlink';
import { attachHistory } from '../../core/history/attach.ts';
import { gefcomScenario, type GefcomFiles } from '../../core/history/gefcom-scenario.ts';
import { readHistory, type DailyTemperatureColumns, type WeatherFileOptions } from '../../core/history/history.ts';
import type { HourlyCsvOptions } from '../../core/history/hourly-csv.ts';
import type { Problem } from '../../core/problems.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import { parseJsonBytes } from '../../core/scenario/parse-json.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { summarizeScenario, type ScenarioSummary } from '../../core/scenario/summary.ts';
import { systemLoadHistory } from '../../core/scenario/system-load.ts';
import { loadScenarioBytes } from '../../core/scenario/validate.ts';
import { HOUR_MS } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { generateScenarioFile, type GenerateOptions } from '../../scenarios/generator/generate.ts';
import { throttled, type ProgressCallback } from './calls.ts';
import { bytesOf, contentHashOf, loadCached, scenarioKey, type ScenarioBytes } from './kept-scenario.ts';

export interface ValidationOutcome {
  ok: boolean;
  problems: Problem[];
  total: number;
  summary?: ScenarioSummary;
}

/** What the page needs to draw a scenario's first view. */
export interface ScenarioView extends ValidationOutcome {
  /** The file's content hash (SHA-256, hex): the page keys what it keeps for a scenario by it. */
  sha256?: string;
  systemLoad?: { startMs: number; values: Float64Array };
  /** First weather station's history and forecast, °C. */
  temperature?: { history?: { startMs: number; values: Float64Array }; forecast?: { startMs: number; values: Float64Array } };
}

export interface ImportOutcome extends ValidationOutcome {
  notes: string[];
  /** The new scenario, as JSON bytes, when one was built and is valid. */
  bytes?: Uint8Array;
  /** What the CSV held. */
  table?: { hours: number; first: string; last: string; series: Array<{ key: string; unit: string; min: number; max: number; mean: number }> };
}

const encoder = new TextEncoder();

function validate(name: string, bytes: Uint8Array, options: { limit?: number } = {}): ValidationOutcome {
  const result = loadScenarioBytes(name, bytes, options);
  if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total };
  return { ok: true, problems: [], total: 0, summary: summarizeScenario(result.scenario, systemLoadHistory(result.scenario)) };
}

export const scenarioEngine = {
  ping(): string {
    return 'orderly-engine';
  },

  /** Generates a scenario and returns it as JSON bytes (UTF-8), with its summary. */
  async generate(options: GenerateOptions, onProgress?: ProgressCallback): Promise<{ bytes: Uint8Array; summary: ScenarioSummary }> {
    const progress = throttled(onProgress);
    const file = generateScenarioFile(options, (f, phase) => void progress(f * 0.9, phase));
    void progress(0.9, 'writing');
    const scenario = hydrate(file);
    const bytes = encoder.encode(serializeScenario(scenario));
    const summary = summarizeScenario(scenario, systemLoadHistory(scenario));
    await progress(1, 'done');
    return transfer({ bytes, summary }, [bytes.buffer]);
  },

  /**
   * Keeps a scenario file in this worker (read here, off the page's thread) and returns the key
   * later calls give instead of its bytes; an invalid file is kept with its problems.
   */
  async hold(name: string, data: Blob | Uint8Array): Promise<{ key: string; ok: boolean; sha256: string }> {
    const bytes = await bytesOf(data);
    const result = loadCached(name, bytes);
    return { key: scenarioKey(name, bytes), ok: result.ok, sha256: contentHashOf(name, bytes) };
  },

  /** Validates scenario bytes; the summary comes with a valid scenario. */
  validate,

  /** Validates and prepares the page's first view of a scenario. */
  view(name: string, bytes: ScenarioBytes): ScenarioView {
    const result = loadCached(name, bytes);
    if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total };
    const s = result.scenario;
    const system = systemLoadHistory(s);
    const station = s.weather.stations[0];
    const view: ScenarioView = {
      ok: true, problems: [], total: 0, sha256: contentHashOf(name, bytes),
      summary: summarizeScenario(s, system),
      ...(system ? { systemLoad: { startMs: system.startMs, values: system.values } } : {}),
      ...(station ? {
        temperature: {
          // Copies: the scenario stays in this worker (loadCached), and a transferred buffer is gone.
          ...(station.history ? { history: { startMs: station.history.startMs, values: station.history.values.slice() } } : {}),
          ...(station.forecast ? { forecast: { startMs: station.forecast.startMs, values: station.forecast.values.slice() } } : {}),
        },
      } : {}),
    };
    const buffers = [view.systemLoad?.values.buffer, view.temperature?.history?.values.buffer, view.temperature?.forecast?.values.buffer]
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    return transfer(view, [...new Set(buffers)]);
  },

  /** Builds a scenario from the GEFCom2012 files (texts), validated, as JSON bytes. */
  importGefcom(files: GefcomFiles): ImportOutcome {
    const built = gefcomScenario(files);
    if (!built.ok) return { ok: false, problems: built.problems, total: built.problems.length, notes: [] };
    return finishScenario('gefcom2012.json', built.scenario, built.notes);
  },

  /**
   * Reads a history CSV (hourly, 15- or 30-minute rows, or day rows; daily or hourly weather in it
   * or in a second file); with a scenario and a target, puts the series into the scenario and
   * returns the new scenario, validated, as JSON bytes. Missing values are refused, by hour: a
   * scenario's history must be whole.
   */
  async importCsv(args: {
    csv: { name: string; bytes: Uint8Array };
    options: Omit<HourlyCsvOptions, 'file' | 'missing'> & { dailyTemperature?: DailyTemperatureColumns };
    /** The temperature's own file, with its time columns (default: the main file's). */
    weather?: Omit<WeatherFileOptions, 'file'> & { csv: { name: string; bytes: Uint8Array } };
    /** The scenario's file: its bytes, or the Blob the page holds it as. */
    scenario?: { name: string; bytes: Uint8Array | Blob };
    target?: { of: 'area' | 'feeder' | 'customer'; id: string; loadKey?: string; station?: string; temperatureKey?: string };
  }): Promise<ImportOutcome> {
    const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
    const { csv: weatherCsv, ...weatherOptions } = args.weather ?? { csv: undefined };
    const read = readHistory({ name: args.csv.name, text: decode(args.csv.bytes) }, {
      ...args.options, missing: 'error',
      ...(weatherCsv ? { weather: { ...(weatherOptions as Omit<WeatherFileOptions, 'file'>), file: { name: weatherCsv.name, text: decode(weatherCsv.bytes) } } } : {}),
    });
    if (!read.ok) return { ok: false, problems: read.problems, total: read.problems.length, notes: [] };
    const table = read.table;
    const zone = resolveZone(table.zone)!;
    const series = Object.entries(table.series).map(([key, values]) => {
      let min = Infinity, max = -Infinity, sum = 0;
      for (const v of values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      return { key, unit: table.units[key], min, max, mean: values.length ? sum / values.length : NaN };
    });
    const report = {
      hours: table.hours,
      first: formatInZone(table.startMs, zone),
      last: formatInZone(table.startMs + (table.hours - 1) * HOUR_MS, zone),
      series,
    };
    if (!args.scenario || !args.target) return { ok: true, problems: [], total: 0, notes: table.notes, table: report };
    const scenarioBytes = await bytesOf(args.scenario.bytes);
    const json = parseJsonBytes(args.scenario.name, scenarioBytes);
    if (!json.ok) return { ok: false, problems: [json.problem], total: 1, notes: table.notes, table: report };
    const base = validate(args.scenario.name, scenarioBytes);
    if (!base.ok) return { ...base, notes: table.notes, table: report };
    const t = args.target;
    // A temperature without a station (the page's form) goes to the station the area reads.
    let station = t.station;
    if (t.temperatureKey && !station && t.of === 'area') {
      const found = stationOfArea(json.value as ScenarioFile, t.id);
      if (!found.ok) return { ok: false, problems: [found.problem], total: 1, notes: table.notes, table: report };
      station = found.station;
    }
    const attached = attachHistory(json.value as ScenarioFile, {
      startMs: table.startMs,
      // The hour's highest reading (load read finer than hourly) is kept beside the means: warnings are measured against it.
      ...(t.loadKey ? { load: { of: t.of, id: t.id, values: table.series[t.loadKey], ...(t.loadKey === 'load' && table.series.loadMax ? { maxValues: table.series.loadMax } : {}) } } : {}),
      ...(station && t.temperatureKey ? { temperature: { station, values: table.series[t.temperatureKey] } } : {}),
    });
    if (!attached.ok) return { ok: false, problems: attached.problems, total: attached.problems.length, notes: table.notes, table: report };
    return { ...finishScenario(args.scenario.name, attached.scenario, table.notes), table: report };
  },
};

/** Validates a built scenario file and returns it as bytes with its summary, or its problems. */
function finishScenario(name: string, file: ScenarioFile, notes: string[]): ImportOutcome {
  const bytes = encoder.encode(JSON.stringify(file));
  const result = loadScenarioBytes(name, bytes);
  if (!result.ok || !result.scenario) return { ok: false, problems: result.problems, total: result.total, notes };
  const out = encoder.encode(serializeScenario(result.scenario));
  const summary = summarizeScenario(result.scenario, systemLoadHistory(result.scenario));
  return transfer({ ok: true, problems: [], total: 0, notes, bytes: out, summary }, [out.buffer]);
}
