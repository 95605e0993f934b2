/**
 * Which weather stations speak for a series (Hong, Wang & White, IJF 2015): rank the stations by
 * how well a light model forecasts a held-out stretch with each one alone, then take the average
 * of the best k stations for the k that forecasts it best.
 */
import type { CalendarFeatures } from './calendar-features.ts';
import { pointAccuracy } from './metrics.ts';
import { powers, temperatureTerms } from './models/vanilla.ts';
import { fitGrouped, predictGrouped } from './regression/grouped.ts';
import { design, factor, intercept, numeric } from './regression/terms.ts';
import { averageStations, centreAndScale } from './temperature.ts';

export interface StationChoice {
  stations: number[];
  /** Held-out MAPE of the light model with the chosen average, %. */
  validationMape: number;
  ranking: Array<{ station: number; mape: number }>;
}

/** A light model per hour of day: calendar and the cubic in temperature by month. */
function lightMape(cal: CalendarFeatures, load: Float64Array, t: Float64Array, train: (i: number) => boolean, validate: (i: number) => boolean): number {
  const s = centreAndScale(t);
  const d = design([
    intercept(),
    numeric('trend', cal.trend),
    factor('month', cal.month, 12),
    factor('day kind', cal.effectiveWeekday, 7),
    ...temperatureTerms('T', powers(t, s.centre, s.scale), cal, { byHour: false }),
  ]);
  const fit = fitGrouped(d, load, cal.n, cal.hour, 24, train);
  const pred = predictGrouped(d, fit, cal.n, cal.hour);
  const a = new Float64Array(cal.n).fill(Number.NaN);
  for (let i = 0; i < cal.n; i++) if (validate(i)) a[i] = load[i];
  return pointAccuracy(a, pred).mape;
}

export function chooseStations(
  cal: CalendarFeatures,
  load: Float64Array,
  stations: Float64Array[],
  train: (i: number) => boolean,
  validate: (i: number) => boolean,
  maxAveraged = 6,
): StationChoice {
  if (stations.length === 1) return { stations: [0], validationMape: Number.NaN, ranking: [{ station: 0, mape: Number.NaN }] };
  const ranking = stations
    .map((t, station) => ({ station, mape: lightMape(cal, load, t, train, validate) }))
    .sort((a, b) => a.mape - b.mape);
  let best = { stations: [ranking[0].station], validationMape: ranking[0].mape };
  for (let k = 2; k <= Math.min(maxAveraged, stations.length); k++) {
    const ids = ranking.slice(0, k).map((r) => r.station);
    const m = lightMape(cal, load, averageStations(stations, ids), train, validate);
    if (m < best.validationMape) best = { stations: ids, validationMape: m };
  }
  return { ...best, ranking };
}
