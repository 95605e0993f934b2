/**
 * Charts show times in the scenario's zone, not the browser's: instants are shifted by the zone's
 * offset and drawn on a UTC scale, so a dispatcher in any room reads the grid's own clock.
 */
import * as d3 from 'd3';
import { resolveZone } from '../../core/time/zone.ts';

export function wallClock(timeZone: string): (ms: number) => Date {
  const zone = resolveZone(timeZone);
  return (ms) => new Date(ms + (zone ? zone.offsetAt(ms) : 0) * 60_000);
}

/**
 * An hourly series' time axis: `at(i)` is hour i's wall-clock time, and `x` spans the `hours`
 * from the start to the end of the last over `range` (pixels).
 */
export function hourAxis(startMs: number, hours: number, timeZone: string, range: [number, number]): { at: (i: number) => Date; x: d3.ScaleTime<number, number> } {
  const clock = wallClock(timeZone);
  const at = (i: number) => clock(startMs + i * 3_600_000);
  return { at, x: d3.scaleUtc().domain([at(0), at(hours)]).range(range) };
}
