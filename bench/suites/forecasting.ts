/**
 * Forecasting speed through the engine:
 *  - GEFCom2012 (real data, from ../shared/data or ORDERLY_DATA): fit and forecast the 20 zones
 *    over three years of hourly history (train 2004–2006, forecast 2007 with quantiles), the
 *    system being their sum; on one worker and split over two. Reference: the vanilla model on
 *    the same series in the same run. Target: under 3 s.
 *  - Province (400 substations, a year of history): every area through the pool, summed up the
 *    tree, with memory. Target: under 30 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseGefcomHolidays, parseGefcomLoad, parseGefcomTemperature } from '../../core/history/gefcom2012.ts';
import { GEFCOM_OFFSET_MINUTES } from '../../core/history/gefcom-axis.ts';
import { nodeEnginePool } from '../../worker/node/spawn.ts';
import { forecastScenarioInPool } from '../../worker/engine/forecast-pool.ts';
import type { EnginePool } from '../../worker/pool.ts';
import type { AssessOutcome } from '../../worker/api.ts';
import type { ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import type { BenchRow } from '../report.ts';
import { measure } from './measure.ts';

function gefcomInputs() {
  const dir = resolve(process.env.ORDERLY_DATA ?? new URL('../../../shared/data', import.meta.url).pathname, 'gefcom2012_load');
  if (!existsSync(dir)) return null;
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const load = parseGefcomLoad(read('Load_history.csv'));
  const temps = parseGefcomTemperature(read('temperature_history.csv'));
  const holidays = parseGefcomHolidays(read('Holiday_List.csv'));
  if (!load.ok || !temps.ok || !holidays.ok) throw new Error('GEFCom2012 files unreadable');
  const n = load.table.hours;
  const stations = [...temps.table.series.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => {
    const a = new Float64Array(n).fill(Number.NaN);
    a.set(t.subarray(0, Math.min(n, t.length)));
    return a;
  });
  const index = (y: number) => Math.round((Date.UTC(y, 0, 1) - GEFCOM_OFFSET_MINUTES * 60_000 - load.table.startMs) / 3_600_000);
  return {
    startMs: load.table.startMs, n, stations, timeZone: '-05:00',
    holidays: { calendar: 'US-federal', days: holidays.holidays.map((h) => ({ date: h.date, name: h.name })), workdays: [] },
    train: { from: index(2004), to: index(2007) }, target: { from: index(2007), to: index(2008) },
    zones: Array.from({ length: 20 }, (_, z) => load.table.series.get(z + 1)!),
  };
}

async function forecastZones(
  pool: EnginePool, data: NonNullable<ReturnType<typeof gefcomInputs>>, model: 'best' | 'vanilla', split: number, chosen?: number[][],
): Promise<number[][]> {
  const { zones, ...common } = data;
  const share = Math.ceil(zones.length / split);
  const parts = await Promise.all(Array.from({ length: split }, (_, k) =>
    pool.run((api) => api.forecastHourlySeries({
      ...common, loads: zones.slice(k * share, (k + 1) * share), model, ...(chosen ? { chosen: chosen.slice(k * share, (k + 1) * share) } : {}),
    }))));
  // The system: the sum of the zone forecasts.
  const system = new Float64Array(data.target.to - data.target.from);
  for (const part of parts) for (const f of part) f.point.forEach((v, i) => (system[i] += v));
  return parts.flat().map((f) => f.stations);
}

export async function forecastingSuite({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const data = gefcomInputs();
  const pool = nodeEnginePool(2);
  try {
    await Promise.all([pool.run((api) => api.ping()), pool.run((api) => api.ping())]);
    if (!data) console.log('  forecasting: GEFCom2012 data absent (set ORDERLY_DATA); its rows are skipped');
    else {
      const samples = quick ? 2 : 4;
      // Choosing each zone's stations is a calibration kept with the series; timed on its own.
      let chosen: number[][] = [];
      const choose = await measure('choose stations, 20 zones', async () => { chosen = await forecastZones(pool, data, 'best', 2); }, { minSamples: samples, maxTime: 1 });
      const vanilla = await measure('vanilla 20 zones', () => forecastZones(pool, data, 'vanilla', 1), { minSamples: samples, maxTime: 1 });
      const one = await measure('Orderly 20 zones, 1 worker', () => forecastZones(pool, data, 'best', 1, chosen), { minSamples: samples, maxTime: 1 });
      const two = await measure('Orderly 20 zones, 2 workers', () => forecastZones(pool, data, 'best', 2, chosen), { minSamples: samples, maxTime: 1 });
      const peakMB = Math.max(...(await Promise.all([pool.run((api) => api.memory()), pool.run((api) => api.memory())])).map((m) => m.peakRssMB));
      const reference = `vanilla, same series (${vanilla.medianS.toFixed(2)} s)`;
      rows.push(
        { suite: 'forecasting', name: 'GEFCom 20 zones + system, 1 worker', ...one, reference, ratio: one.medianS / vanilla.medianS, peakMB, target: 3 },
        { suite: 'forecasting', name: 'GEFCom 20 zones + system, 2 workers', ...two, reference, ratio: two.medianS / vanilla.medianS, peakMB, target: 3 },
        { suite: 'forecasting', name: 'GEFCom choosing stations + the above, 2 workers', ...choose, reference, ratio: choose.medianS / vanilla.medianS, peakMB },
      );
      console.log(`  GEFCom: vanilla ${vanilla.medianS.toFixed(2)} s; Orderly ${one.medianS.toFixed(2)} s on one worker, ${two.medianS.toFixed(2)} s on two; with the choice of stations ${choose.medianS.toFixed(2)} s`);
    }
    if (!quick) {
      const generated = await pool.run((api) => api.generate({ scale: 'province', seed: 1 }));
      const bytes = generated.bytes;
      let areas = 0;
      let forecast: ScenarioForecast | null = null;
      const province = await measure('province forecast', async () => {
        const r = await forecastScenarioInPool(pool, 'province.json', bytes.slice());
        if (!r.ok) throw new Error('province scenario invalid');
        areas = r.forecast.areas.length;
        forecast = r.forecast;
      }, { minSamples: 2, maxTime: 1 });
      const load = await measure('province load', async () => {
        const r = await pool.run((api) => api.validate('province.json', bytes.slice()));
        if (!r.ok) throw new Error('province scenario invalid');
      }, { minSamples: 2, maxTime: 1 });
      const peakMB = Math.max(...(await Promise.all([pool.run((api) => api.memory()), pool.run((api) => api.memory())])).map((m) => m.peakRssMB));
      rows.push({
        suite: 'forecasting', name: `province ${areas} areas, 2 workers`, ...province,
        reference: `loading the scenario (${load.medianS.toFixed(2)} s)`, ratio: province.medianS / load.medianS, peakMB, target: 30,
      });
      console.log(`  province: ${areas} areas forecast in ${province.medianS.toFixed(1)} s (loading alone ${load.medianS.toFixed(1)} s), worker peak ${peakMB.toFixed(0)} MB`);
      // The 7-day assessment with 1,000 sampled futures, given the loaded scenario and its forecast.
      const computed: number[] = [];
      let local = 0;
      await measure('province assessment', async () => {
        const r = await pool.run<AssessOutcome>((api) => api.assess('province.json', bytes.slice(), forecast!, { samples: 1000 }));
        if (!r.ok) throw new Error('province scenario invalid');
        computed.push(r.assessment.computeMs / 1000);
        local = r.assessment.local.length;
      }, { minSamples: 2, maxTime: 1 });
      const sorted = computed.sort((a, b) => a - b);
      const assessS = sorted[Math.floor(sorted.length / 2)];
      rows.push({
        suite: 'warnings', name: `province 7-day gap assessment (${local} local)`, medianS: assessS, rme: 0, samples: sorted.length,
        reference: `loading the scenario (${load.medianS.toFixed(2)} s)`, ratio: assessS / load.medianS, target: 2,
      });
      console.log(`  province: 7-day assessment of 1,000 futures in ${assessS.toFixed(2)} s (system and ${local} areas whose import limit can bind)`);
    }
  } finally {
    await pool.close();
  }
  return rows;
}
