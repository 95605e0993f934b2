/**
 * Turns wall-clock times into instants for one zone, fast enough for a history of hundreds of
 * thousands of rows. `resolveLocal` asks the zone for three offsets per call, and an IANA zone
 * answers through Intl (microseconds each); here the answer is cached per local day: on a day with no
 * offset change nearby every wall time maps to one instant by one subtraction, and only the few
 * days around a DST change go through `resolveLocal`.
 */
import { DAY_MS, HOUR_MS } from '../time/timestamp.ts';
import { resolveLocal, type LocalResolution, type LocalTime, type Zone } from '../time/zone.ts';

export type WallClockResolver = (t: LocalTime) => LocalResolution;

export function wallClockResolver(zone: Zone): WallClockResolver {
  // Local day number → the offset in force all around that day, or null when it changes nearby.
  const steadyOffset = new Map<number, number | null>();
  return (t) => {
    const dayStart = Date.UTC(t.year, t.month - 1, t.day);
    const day = dayStart / DAY_MS;
    let offset = steadyOffset.get(day);
    if (offset === undefined) {
      // Every instant whose wall time falls on this day lies within a day either side of it
      // (offsets are at most ±14 h), the same window `resolveLocal` examines.
      const before = zone.offsetAt(dayStart - DAY_MS);
      const steady =
        zone.offsetAt(dayStart + DAY_MS / 2) === before && zone.offsetAt(dayStart + 2 * DAY_MS) === before;
      offset = steady ? before : null;
      steadyOffset.set(day, offset);
    }
    if (offset === null) return resolveLocal(t, zone);
    return { kind: 'unique', ms: dayStart + t.hour * HOUR_MS + t.minute * 60_000 - offset * 60_000 };
  };
}
