/**
 * The system's hourly load history: the root area's own series when the file has one, otherwise
 * the sum of the highest-level area series that cover the tree (e.g. every substation), over the
 * hours all of them share. Feeder and customer series are parts of an area, never added on top.
 */
import { HOUR_MS } from '../time/timestamp.ts';
import type { HourlySeries, Scenario } from './model.ts';

export function systemLoadHistory(s: Scenario): HourlySeries | null {
  const areaSeries = s.history.load.filter((h) => h.of === 'area');
  if (!areaSeries.length) return null;
  const root = s.areas.find((a) => a.parent === null);
  const own = areaSeries.find((h) => h.id === root?.id);
  if (own) return { startMs: own.startMs, unit: 'MW', values: own.values };

  // Children of each area, to find a set of series that covers the tree without double counting.
  const children = new Map<string, string[]>();
  for (const a of s.areas) if (a.parent !== null) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const byArea = new Map<string, (typeof areaSeries)[number][]>();
  for (const h of areaSeries) byArea.set(h.id, [...(byArea.get(h.id) ?? []), h]);
  const cover: (typeof areaSeries)[number][] = [];
  const visit = (id: string): boolean => {
    const mine = byArea.get(id);
    if (mine) {
      cover.push(...mine);
      return true;
    }
    const kids = children.get(id) ?? [];
    if (!kids.length) return false;
    let all = true;
    for (const k of kids) all = visit(k) && all;
    return all;
  };
  if (!root || !visit(root.id) || !cover.length) return null;

  // Sum over the hours every covering area has (series of one area may be split in pieces).
  const areas = new Map<string, Array<{ startMs: number; values: Float64Array }>>();
  for (const h of cover) areas.set(h.id, [...(areas.get(h.id) ?? []), h]);
  let start = -Infinity, end = Infinity;
  for (const pieces of areas.values()) {
    const first = Math.min(...pieces.map((p) => p.startMs));
    const last = Math.max(...pieces.map((p) => p.startMs + p.values.length * HOUR_MS));
    start = Math.max(start, first);
    end = Math.min(end, last);
  }
  if (!(end > start)) return null;
  const hours = Math.round((end - start) / HOUR_MS);
  const values = new Float64Array(hours);
  const seen = new Uint16Array(hours);
  for (const pieces of areas.values()) {
    for (const p of pieces) {
      const offset = Math.round((p.startMs - start) / HOUR_MS);
      for (let i = 0; i < p.values.length; i++) {
        const k = offset + i;
        if (k < 0 || k >= hours) continue;
        values[k] += p.values[i];
        seen[k]++;
      }
    }
  }
  // An hour some area lacks is unknown for the system.
  for (let k = 0; k < hours; k++) if (seen[k] !== areas.size) values[k] = Number.NaN;
  return { startMs: start, unit: 'MW', values };
}
