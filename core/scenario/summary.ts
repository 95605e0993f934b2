/**
 * What a dispatcher wants to know first about a scenario: how big the grid is, how much of its
 * load is protected, how much can be curtailed, how many feeders could ever be opened, the peak,
 * and what supply looks like over the study.
 */
import { CUSTOMER_CLASSES, classInfo, isProtectedClass } from './classes.ts';
import type { Scenario } from './model.ts';

export interface ScenarioSummary {
  id: string;
  name: string;
  nameZh?: string;
  description?: string;
  timeZone: string;
  study: { start: string; hours: number; issuedAt: string };
  areas: { total: number; byKind: Record<string, number> };
  feeders: { total: number; servingProtected: number; openable: number; uflsArmed: number };
  customers: {
    total: number;
    curtailable: number;
    protected: number;
    /** Customer count and peak MW per class, in taxonomy order. */
    byClass: Array<{ class: string; tier: string; count: number; peakMW: number }>;
  };
  /** Share of the summed customer peaks that is protected (never curtailed). */
  protectedPeakShare: number;
  /** Largest hourly system load in the history, MW, and when. */
  historyPeak: { mw: number; at: number } | null;
  supply: { units: number; capacityMW: number; byType: Record<string, number>; imports: number; reserveMW: number | null; energyBudgets: number };
  events: Array<{ id: string; kind: string }>;
}

export function summarizeScenario(s: Scenario, systemLoad: { startMs: number; values: Float64Array } | null): ScenarioSummary {
  const byKind: Record<string, number> = {};
  for (const a of s.areas) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  const counts = new Map<string, { count: number; peakMW: number }>();
  let protectedPeak = 0, totalPeak = 0, curtailable = 0, protectedCount = 0;
  for (const c of s.customers) {
    const entry = counts.get(c.class) ?? { count: 0, peakMW: 0 };
    entry.count++;
    entry.peakMW += c.peakMW;
    counts.set(c.class, entry);
    totalPeak += c.peakMW;
    if (isProtectedClass(c.class)) {
      protectedPeak += c.peakMW;
      protectedCount++;
    } else curtailable++;
  }
  const byClass = CUSTOMER_CLASSES.filter((k) => counts.has(k.id)).map((k) => ({
    class: k.id,
    tier: classInfo(k.id)!.tier,
    count: counts.get(k.id)!.count,
    peakMW: Math.round(counts.get(k.id)!.peakMW * 10) / 10,
  }));
  const byType: Record<string, number> = {};
  let capacity = 0;
  for (const u of s.supply.units) {
    byType[u.type] = Math.round(((byType[u.type] ?? 0) + u.capacityMW) * 10) / 10;
    capacity += u.capacityMW;
  }
  let historyPeak: ScenarioSummary['historyPeak'] = null;
  if (systemLoad && systemLoad.values.length) {
    let best = -Infinity, at = 0;
    systemLoad.values.forEach((v, i) => {
      if (v > best) {
        best = v;
        at = i;
      }
    });
    historyPeak = { mw: Math.round(best * 10) / 10, at: systemLoad.startMs + at * 3_600_000 };
  }
  const servingProtected = s.feeders.filter((f) => f.servesProtected).length;
  return {
    id: s.id,
    name: s.name,
    ...(s.nameZh ? { nameZh: s.nameZh } : {}),
    ...(s.description ? { description: s.description } : {}),
    timeZone: s.timeZone,
    study: { ...s.study },
    areas: { total: s.areas.length, byKind },
    feeders: {
      total: s.feeders.length,
      servingProtected,
      openable: s.feeders.length - servingProtected,
      uflsArmed: s.feeders.filter((f) => (f.uflsRound ?? 0) > 0).length,
    },
    customers: { total: s.customers.length, curtailable, protected: protectedCount, byClass },
    protectedPeakShare: totalPeak ? Math.round((protectedPeak / totalPeak) * 1000) / 1000 : 0,
    historyPeak,
    supply: {
      units: s.supply.units.length,
      capacityMW: Math.round(capacity * 10) / 10,
      byType,
      imports: s.supply.imports.length,
      reserveMW: s.supply.reserveMW ?? null,
      energyBudgets: s.supply.energyBudgets?.length ?? 0,
    },
    events: s.events.map((e) => ({ id: e.id, kind: e.kind })),
  };
}
