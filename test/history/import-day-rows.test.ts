/**
 * The page's CSV form, as the engine reads it: a day-row export of 96 quarter-hours (kW, ending
 * at 24:00) with the day's max/min temperature, attached to an area, gives hourly means with the
 * hour's highest point kept beside them, and the temperature on the station the area reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingOptions, type CsvChoice } from '../../ui/controllers/csv.ts';
import { scenarioEngine } from '../../worker/engine/scenario.ts';
import { repoRoot } from '../support/data-dir.ts';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;

describe('a day-row CSV attached through the page\'s form', () => {
  const scenarioBytes = readFileSync(join(repoRoot, 'scenarios', 'local-limit.json'));
  const file = JSON.parse(scenarioBytes.toString('utf8'));
  const start = file.history.load.find((h: { of: string; id: string }) => h.of === 'area' && h.id === 'S03').start as string;
  // The whole history as day rows: each hour's four points v, v, v and 1.2 v (kW); each day's max and min of the station's hours.
  const series = file.history.load.find((h: { of: string; id: string }) => h.of === 'area' && h.id === 'S03').values as number[];
  const temps = file.weather.stations[0].history.values as number[];
  const lines = [['数据日期', ...Array.from({ length: 96 }, (_, i) => `T${hhmm(15 * (i + 1))}`), '最高气温', '最低气温'].join(',')];
  for (let d = 0; d < series.length / 24; d++) {
    const date = new Date(Date.UTC(2022, 6, 30 + d)).toISOString().slice(0, 10);
    const points = series.slice(d * 24, d * 24 + 24).flatMap((v) => [v, v, v, 1.2 * v].map((x) => Math.round(x * 1000)));
    const day = temps.slice(d * 24, d * 24 + 24);
    lines.push([date, ...points, Math.max(...day), Math.min(...day)].join(','));
  }
  const choice: CsvChoice = {
    layout: 'day-rows', time: '', date: '数据日期', hour: '', pattern: 'T{HH}{MM}', load: '', unit: 'kW', interval: '', hourEnding: true,
    temperature: { kind: 'daily', max: '最高气温', min: '最低气温', mean: '', unit: '°C' }, area: 'S03',
  };

  it('keeps the hour\'s mean and its highest point, and the day\'s temperature made hourly on the station the area reads', async () => {
    expect(start).toBe('2022-07-30T00:00+08:00');
    const { options, temperatureKey } = readingOptions(choice, 'Asia/Shanghai');
    const r = await scenarioEngine.importCsv({
      csv: { name: 'S03-96.csv', bytes: new TextEncoder().encode(lines.join('\n')) }, options,
      scenario: { name: 'local-limit.json', bytes: new Uint8Array(scenarioBytes) }, target: { of: 'area', id: 'S03', loadKey: 'load', ...(temperatureKey ? { temperatureKey } : {}) },
    });
    expect(r.problems).toEqual([]);
    const out = JSON.parse(new TextDecoder().decode(r.bytes!));
    const h = out.history.load.find((x: { of: string; id: string }) => x.of === 'area' && x.id === 'S03');
    const kw = (v: number) => Math.round(v * 1000);
    for (let i = 0; i < 48; i++) {
      expect(h.values[i]).toBeCloseTo((3 * kw(series[i]) + kw(1.2 * series[i])) / 4000, 2);
      expect(h.maxValues[i]).toBeCloseTo(kw(1.2 * series[i]) / 1000, 2);
    }
    const t = out.weather.stations.find((s: { id: string }) => s.id === 'W01').history.values as number[];
    // The two-part cosine: the day's minimum at 05:00 and maximum at 15:00.
    expect(t[5]).toBeCloseTo(Math.min(...temps.slice(0, 24)), 2);
    expect(t[15]).toBeCloseTo(Math.max(...temps.slice(0, 24)), 2);
  });
});
