/**
 * Expected available supply, hour by hour, and where it sits in the area tree: each unit's
 * capacity (or its wind, solar or water forecast) less its planned outages, and each import's
 * schedule. Random forced outages, renewable spreads and import losses are drawn in sample.ts.
 */
import type { Scenario } from '../scenario/model.ts';
import { HOUR_MS, parseTimestamp } from '../time/timestamp.ts';

export interface SupplyTable {
  startMs: number;
  hours: number;
  /** Expected available MW per unit per hour (unit-major: units[u][h]). */
  units: Float64Array[];
  unitIds: string[];
  unitTypes: string[];
  unitAreas: string[];
  forcedOutageRates: Float64Array;
  /** Scheduled import MW per import per hour. */
  imports: Float64Array[];
  importIds: string[];
  importAreas: string[];
  lossProbabilities: Float64Array;
  /** Reserve requirement, MW per hour. */
  reserveMW: Float64Array;
}

function seriesAt(series: { startMs: number; values: Float64Array } | undefined, ms: number): number | undefined {
  if (!series) return undefined;
  const i = Math.round((ms - series.startMs) / HOUR_MS);
  return i >= 0 && i < series.values.length ? series.values[i] : undefined;
}

export function supplyTable(s: Scenario, startMs: number, hours: number): SupplyTable {
  const units = s.supply.units.map((u) => {
    const out = new Float64Array(hours);
    const outages = (u.outages ?? []).map((o) => ({ from: parseTimestamp(o.from)!.ms, to: parseTimestamp(o.to)!.ms, mw: o.unavailableMW }));
    for (let h = 0; h < hours; h++) {
      const ms = startMs + h * HOUR_MS;
      let mw = seriesAt(u.available, ms) ?? u.capacityMW;
      for (const o of outages) if (ms >= o.from && ms < o.to) mw -= o.mw;
      out[h] = Math.max(0, Math.min(u.capacityMW, mw));
    }
    return out;
  });
  const imports = s.supply.imports.map((imp) => Float64Array.from({ length: hours }, (_, h) => seriesAt(imp.schedule, startMs + h * HOUR_MS) ?? 0));
  const reserveMW = Float64Array.from({ length: hours }, (_, h) => seriesAt(s.supply.reserve, startMs + h * HOUR_MS) ?? s.supply.reserveMW ?? 0);
  return {
    startMs, hours, units,
    unitIds: s.supply.units.map((u) => u.id),
    unitTypes: s.supply.units.map((u) => u.type),
    unitAreas: s.supply.units.map((u) => u.area),
    forcedOutageRates: Float64Array.from(s.supply.units, (u) => u.forcedOutageRate),
    imports,
    importIds: s.supply.imports.map((i) => i.id),
    importAreas: s.supply.imports.map((i) => i.area),
    lossProbabilities: Float64Array.from(s.supply.imports, (i) => i.lossProbability ?? 0),
    reserveMW,
  };
}

/** Every area's set of descendants (itself included), for "supply inside this area". */
export function subtrees(areas: ReadonlyArray<{ id: string; parent: string | null }>): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const a of areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const out = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const cached = out.get(id);
    if (cached) return cached;
    const set = new Set<string>([id]);
    for (const c of children.get(id) ?? []) for (const d of visit(c)) set.add(d);
    out.set(id, set);
    return set;
  };
  for (const a of areas) visit(a.id);
  return out;
}
