/** The GEFCom2012 competition files (shared data folder) read for the backtests; null when absent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GefcomData } from '../../core/forecast/gefcom-backtest.ts';
import { parseGefcomHolidays, parseGefcomLoad, parseGefcomSolution, parseGefcomTemperature } from '../../core/history/gefcom2012.ts';
import { dataFolder } from './data-dir.ts';

export const gefcomDir = dataFolder('gefcom2012_load');

export function readGefcomData(dir: string): GefcomData {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const ok = <T>(r: { ok: true } & T | { ok: false }): T => { if (!r.ok) throw new Error('unreadable GEFCom file'); return r as T; };
  return {
    load: ok(parseGefcomLoad(read('Load_history.csv'))).table,
    temperature: ok(parseGefcomTemperature(read('temperature_history.csv'))).table,
    solution: ok(parseGefcomSolution(read('Load_solution.csv'))).solution,
    holidays: { calendar: 'US-federal', days: ok(parseGefcomHolidays(read('Holiday_List.csv'))).holidays.map((h) => ({ date: h.date, name: h.name })), workdays: [] },
  };
}
