/**
 * The supply side of a synthetic study: generating units by type with outages and derates, wind
 * and solar forecasts, import schedules, a reserve requirement and (for energy-limited stories)
 * daily energy budgets. The import schedule is calibrated day by day so that the gap at the day's
 * tightest hour is what the story calls for; the rest of the day follows from demand, sun and wind.
 */
import type { Rng } from '../../core/random/rng.ts';
import type { ImportFile, UnitFile } from '../../core/scenario/schema.ts';
import type { HourlyCalendar } from '../../core/time/hourly-calendar.ts';
import { formatDate, HOUR_MS } from '../../core/time/timestamp.ts';
import { formatInZone, type Zone } from '../../core/time/zone.ts';
import { ar1 } from './climate.ts';
import { pad } from './names.ts';

export interface SupplyStory {
  /** Nameplate capacity as a share of the system peak, by type. */
  mix: Partial<Record<'coal' | 'gas' | 'nuclear' | 'hydro' | 'wind' | 'solar', number>>;
  /** Gap at each study day's tightest hour, % of the day's maximum demand (negative: surplus). */
  targetGapPct: number[];
  /** Share of coal capacity unavailable each day (fuel shortage, maintenance). */
  coalDerate?: number[];
  /** Mean wind capacity factor each day. */
  windCF: number[];
  /** Clear-sky share of solar each day. */
  solarClearness?: number[];
  /** Share of hydro capacity available (water head, flow). */
  hydroAvailable?: number;
  /** Daily hydro energy budget as a share of capacity × 24 h (a reservoir or river short of water). */
  hydroEnergyShare?: number;
  /** Smallest import kept on the ties, as a share of peak. */
  minImportShare?: number;
  /** One import level for the whole study (the calibration's mean) instead of one per day. */
  flatImports?: boolean;
}

export interface SupplyResult {
  units: UnitFile[];
  imports: ImportFile[];
  reserveMW: number;
  energyBudgets: Array<{ id: string; name: string; units: string[]; daily: Array<{ date: string; energyMWh: number }> }>;
  /** Expected available supply per study hour, MW (forced outages at their rates), as built. */
  availableMW: Float64Array;
}

const FOR: Record<string, number> = { coal: 0.06, gas: 0.04, nuclear: 0.02, hydro: 0.02, wind: 0.03, solar: 0.01 };
const TYPE_NAME: Record<string, [string, number]> = {
  coal: ['Coal', 1], gas: ['Gas', 0.6], nuclear: ['Nuclear', 1.8], hydro: ['Hydro', 0.5], wind: ['Wind farm', 0.25], solar: ['Solar park', 0.2],
};

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Unit sizes grow with the system: 50–135 MW in a small city, up to 1,000 MW in a province. */
function unitSize(peakMW: number, type: string): number {
  const base = Math.min(1000, Math.max(50, peakMW * 0.05));
  const snapped = [50, 100, 135, 200, 300, 350, 600, 660, 1000].reduce((a, b) => (Math.abs(b - base) < Math.abs(a - base) ? b : a));
  return snapped * TYPE_NAME[type][1];
}

export function buildSupply(args: {
  story: SupplyStory;
  peakMW: number;
  demandMW: Float64Array; // expected system demand per study hour
  cal: HourlyCalendar; // study hours
  zone: Zone;
  rootArea: string;
  unitAreas: string[]; // areas units may sit in
  rng: Rng;
}): SupplyResult {
  const { story, peakMW, demandMW, cal, zone, rng } = args;
  const hours = cal.hours;
  const studyDays = Math.ceil(hours / 24);
  const units: UnitFile[] = [];
  const available = new Float64Array(hours);
  const nonImport = new Float64Array(hours);
  const coalUnits: UnitFile[] = [];
  const hydroUnits: UnitFile[] = [];
  let serial = 0;
  const dayOf = (i: number) => Math.min(studyDays - 1, Math.floor(i / 24));
  const ts = (i: number) => formatInZone(cal.startMs + i * HOUR_MS, zone);

  for (const type of ['nuclear', 'coal', 'gas', 'hydro', 'wind', 'solar'] as const) {
    const share = story.mix[type] ?? 0;
    if (share <= 0) continue;
    const total = share * peakMW;
    const size = unitSize(peakMW, type);
    const count = Math.max(1, Math.round(total / size));
    for (let u = 0; u < count; u++) {
      const capacity = r1(total / count);
      const id = `G${pad(++serial, 3)}`;
      const unit: UnitFile = {
        id, name: `${TYPE_NAME[type][0]} ${pad(u + 1, 2)}`, type, area: args.unitAreas[rng.int(args.unitAreas.length)],
        capacityMW: capacity, forcedOutageRate: FOR[type],
      };
      const series = new Float64Array(hours);
      if (type === 'wind') {
        const noise = ar1(hours, 0.25, 0.9, rng.fork(`wind-${id}`));
        for (let i = 0; i < hours; i++) {
          const diurnal = 1 + 0.25 * Math.cos((2 * Math.PI * (cal.hourOfDay[i] - 3)) / 24);
          series[i] = r1(capacity * Math.min(1, Math.max(0, story.windCF[dayOf(i)] * diurnal * (1 + noise[i]))));
        }
      } else if (type === 'solar') {
        const clearness = story.solarClearness ?? Array(studyDays).fill(0.75);
        for (let i = 0; i < hours; i++) {
          const h = cal.hourOfDay[i] + 0.5;
          const sun = h > 6 && h < 19 ? Math.sin((Math.PI * (h - 6)) / 13) ** 1.3 : 0;
          series[i] = r1(capacity * 0.85 * sun * clearness[dayOf(i)]);
        }
      } else if (type === 'hydro') {
        series.fill(r1(capacity * (story.hydroAvailable ?? 0.8)));
      } else {
        series.fill(capacity);
      }
      if (type === 'wind' || type === 'solar' || type === 'hydro') {
        unit.available = { start: ts(0), unit: 'MW', values: Array.from(series) };
      }
      if (type === 'coal') coalUnits.push(unit);
      if (type === 'hydro') hydroUnits.push(unit);
      units.push(unit);
      // Calibrate on what the warnings will expect: a unit is out with its forced-outage rate.
      for (let i = 0; i < hours; i++) nonImport[i] += series[i] * (1 - FOR[type]);
    }
  }

  // Coal derates by day (fuel shortage, maintenance), spread over the coal units as outages.
  const coalCapacity = coalUnits.reduce((a, u) => a + u.capacityMW, 0);
  const derateMW = new Float64Array(studyDays);
  for (let d = 0; d < studyDays; d++) derateMW[d] = (story.coalDerate?.[d] ?? 0) * coalCapacity * (1 - FOR.coal);

  const reserveMW = Math.round(peakMW * 0.03);
  const minImport = (story.minImportShare ?? 0.05) * peakMW;
  const importByDay = new Float64Array(studyDays);
  for (let d = 0; d < studyDays; d++) {
    const from = d * 24, to = Math.min(hours, from + 24);
    let maxDemand = 0, worst = from, worstNeed = -Infinity;
    for (let i = from; i < to; i++) {
      maxDemand = Math.max(maxDemand, demandMW[i]);
      const need = demandMW[i] + reserveMW - (nonImport[i] - derateMW[d]);
      if (need > worstNeed) {
        worstNeed = need;
        worst = i;
      }
    }
    void worst;
    let imp = worstNeed - (story.targetGapPct[d] / 100) * maxDemand;
    if (imp < minImport) {
      // Too much local supply for the story: more coal is unavailable (held back for fuel).
      derateMW[d] = Math.min(coalCapacity, derateMW[d] + (minImport - imp));
      imp = minImport;
    }
    importByDay[d] = imp;
  }
  if (story.flatImports) importByDay.fill(importByDay.reduce((a, b) => a + b, 0) / studyDays);
  // Derates were sized on expected (forced-outage-weighted) output; apply them at face value.
  for (let d = 0; d < studyDays; d++) derateMW[d] /= 1 - FOR.coal;
  applyDerates(coalUnits, derateMW, cal, zone);

  const imports: ImportFile[] = [];
  const ties: Array<[string, string, number]> = [['I01', 'UHV DC infeed', 0.6], ['I02', 'AC ties to the regional grid', 0.4]];
  for (const [id, name, share] of ties) {
    const values = new Array<number>(hours);
    for (let i = 0; i < hours; i++) values[i] = r1(importByDay[dayOf(i)] * share);
    imports.push({ id, name, area: args.rootArea, schedule: { start: ts(0), unit: 'MW', values }, lossProbability: id === 'I01' ? 0.01 : 0.005 });
  }

  for (let i = 0; i < hours; i++) {
    available[i] = nonImport[i] - derateMW[dayOf(i)] * (1 - FOR.coal) + imports.reduce((a, imp) => a + imp.schedule.values[i]!, 0);
  }

  const energyBudgets: SupplyResult['energyBudgets'] = [];
  if (story.hydroEnergyShare !== undefined && hydroUnits.length) {
    const capacity = hydroUnits.reduce((a, u) => a + u.capacityMW, 0);
    const daily: Array<{ date: string; energyMWh: number }> = [];
    for (let d = 0; d < studyDays; d++) {
      daily.push({ date: formatDate(cal.day[d * 24]), energyMWh: Math.round(capacity * 24 * story.hydroEnergyShare) });
    }
    energyBudgets.push({ id: 'EB-hydro', name: 'Reservoir and river inflow', units: hydroUnits.map((u) => u.id), daily });
  }
  return { units, imports, reserveMW, energyBudgets, availableMW: available };
}

/** Spreads each day's coal derate over the units as whole-day outages, largest units first. */
function applyDerates(coalUnits: UnitFile[], derateMW: Float64Array, cal: HourlyCalendar, zone: Zone): void {
  for (let d = 0; d < derateMW.length; d++) {
    let left = derateMW[d];
    if (left <= 0) continue;
    const from = formatInZone(cal.startMs + d * 24 * HOUR_MS, zone);
    const to = formatInZone(cal.startMs + Math.min(cal.hours, (d + 1) * 24) * HOUR_MS, zone);
    for (const unit of coalUnits) {
      if (left <= 0) break;
      const mw = r1(Math.min(unit.capacityMW, left));
      if (mw <= 0) break;
      (unit.outages ??= []).push({ from, to, unavailableMW: mw, reason: 'fuel shortage and maintenance' });
      left -= mw;
    }
  }
}
