/**
 * Charts show times in the scenario's zone, not the browser's: instants are shifted by the zone's
 * offset and drawn on a UTC scale, so a dispatcher in any room reads the grid's own clock.
 */
import { resolveZone } from '../../core/time/zone.ts';

export function wallClock(timeZone: string): (ms: number) => Date {
  const zone = resolveZone(timeZone);
  return (ms) => new Date(ms + (zone ? zone.offsetAt(ms) : 0) * 60_000);
}
