/**
 * Load profiles of the synthetic grids: a day's shape per kind of day, as a share of the customer's
 * peak, plus how much load each degree of heat or cold adds at each hour. Shapes are drawn to match
 * what utilities publish for each class (residential evening peak that grows with air conditioning,
 * offices by day, malls into the evening, factories by shift, flat smelters, lighting after dusk).
 * A profile's `peakMW` meaning: the load at the design temperature on a working day's peak hour.
 */
import type { ProfileFile } from '../../core/scenario/schema.ts';

type Hours = number[];

/** Smooth 24-hour shape from (hour, value) knots, linear between knots, wrapping at midnight. */
export function shape(knots: Array<[number, number]>): Hours {
  const out: number[] = [];
  const k = [...knots].sort((a, b) => a[0] - b[0]);
  for (let h = 0; h < 24; h++) {
    const i = k.findIndex(([kh]) => kh > h);
    const last = k[k.length - 1], first = k[0];
    const [h0, v0] = i === 0 ? [last[0] - 24, last[1]] : i < 0 ? last : k[i - 1];
    const [h1, v1] = i < 0 ? [first[0] + 24, first[1]] : k[i];
    const t = h1 === h0 ? 0 : (h - h0) / (h1 - h0);
    out.push(Math.round((v0 + (v1 - v0) * t) * 1000) / 1000);
  }
  return out;
}

const flatHours = (v: number): Hours => Array(24).fill(v);

/** Cooling adds most in the afternoon and evening, when people are home and buildings are hot. */
// Air conditioners run through hot nights in Chinese cities, not only in the evening.
const residentialCooling = shape([[0, 0.03], [5, 0.022], [8, 0.014], [13, 0.022], [17, 0.028], [20, 0.034], [22, 0.034]]);
const daytimeCooling = (peak: number) => shape([[0, peak * 0.15], [7, peak * 0.3], [10, peak], [16, peak], [19, peak * 0.5], [22, peak * 0.2]]);

export const PROFILES: ProfileFile[] = [
  {
    id: 'residential',
    name: 'Residential (evening peak, air-conditioned)',
    weekday: shape([[0, 0.36], [4, 0.29], [7, 0.45], [9, 0.4], [12, 0.44], [14, 0.4], [17, 0.48], [20, 0.62], [21, 0.62], [23, 0.45]]),
    weekend: shape([[0, 0.38], [5, 0.3], [9, 0.47], [12, 0.5], [15, 0.46], [18, 0.53], [20, 0.63], [21, 0.62], [23, 0.47]]),
    holiday: shape([[0, 0.4], [5, 0.31], [9, 0.48], [12, 0.52], [15, 0.48], [18, 0.55], [20, 0.64], [21, 0.63], [23, 0.49]]),
    cooling: { baseC: 24, perC: residentialCooling },
    heating: { baseC: 8, perC: shape([[0, 0.012], [6, 0.016], [9, 0.01], [14, 0.006], [18, 0.014], [21, 0.016]]) },
  },
  {
    id: 'commerce-office',
    name: 'Offices (working hours)',
    weekday: shape([[0, 0.14], [6, 0.15], [8, 0.42], [9, 0.58], [12, 0.55], [13, 0.56], [17, 0.55], [18, 0.38], [20, 0.22], [23, 0.15]]),
    weekend: shape([[0, 0.13], [8, 0.16], [10, 0.22], [16, 0.21], [19, 0.15], [23, 0.13]]),
    cooling: { baseC: 22, perC: daytimeCooling(0.03) },
    heating: { baseC: 10, perC: daytimeCooling(0.012) },
  },
  {
    id: 'commerce-retail',
    name: 'Malls and shops (into the evening)',
    weekday: shape([[0, 0.12], [7, 0.14], [9, 0.32], [10, 0.5], [13, 0.55], [19, 0.6], [21, 0.55], [22, 0.3], [23, 0.15]]),
    weekend: shape([[0, 0.13], [7, 0.15], [9, 0.36], [10, 0.58], [14, 0.65], [19, 0.68], [21, 0.6], [22, 0.33], [23, 0.16]]),
    holiday: shape([[0, 0.13], [7, 0.15], [9, 0.38], [10, 0.6], [14, 0.68], [19, 0.7], [21, 0.62], [22, 0.34], [23, 0.16]]),
    cooling: { baseC: 22, perC: shape([[0, 0.004], [8, 0.008], [11, 0.026], [20, 0.028], [22, 0.01]]) },
  },
  {
    id: 'industry-1shift',
    name: 'Industry, one day shift',
    weekday: shape([[0, 0.16], [6, 0.18], [7, 0.55], [8, 0.9], [11, 0.92], [12, 0.72], [13, 0.9], [16, 0.9], [17, 0.6], [18, 0.28], [22, 0.17]]),
    weekend: shape([[0, 0.15], [8, 0.3], [16, 0.3], [18, 0.16]]),
    holiday: flatHours(0.14),
    cooling: { baseC: 26, perC: daytimeCooling(0.012) },
  },
  {
    id: 'industry-2shift',
    name: 'Industry, two shifts',
    weekday: shape([[0, 0.3], [5, 0.3], [6, 0.7], [8, 0.92], [12, 0.85], [14, 0.92], [21, 0.88], [22, 0.55], [23, 0.32]]),
    weekend: shape([[0, 0.28], [6, 0.5], [8, 0.62], [21, 0.6], [23, 0.3]]),
    holiday: flatHours(0.2),
    cooling: { baseC: 26, perC: daytimeCooling(0.01) },
  },
  {
    id: 'industry-3shift',
    name: 'Industry, continuous three shifts',
    weekday: shape([[0, 0.86], [7, 0.88], [8, 0.93], [12, 0.9], [16, 0.93], [23, 0.87]]),
    weekend: shape([[0, 0.82], [8, 0.86], [16, 0.86], [23, 0.82]]),
    holiday: flatHours(0.6),
    cooling: { baseC: 26, perC: flatHours(0.007) },
  },
  {
    id: 'high-energy-flat',
    name: 'Smelters and other flat high-energy plants',
    weekday: flatHours(0.95),
    weekend: flatHours(0.95),
    holiday: flatHours(0.93),
  },
  {
    id: 'landscape-lighting',
    name: 'Landscape and decorative lighting (dusk to late evening)',
    weekday: shape([[0, 0.05], [1, 0], [17, 0], [18, 0.4], [19, 1], [22, 1], [23, 0.4]]),
    weekend: shape([[0, 0.1], [1, 0], [17, 0], [18, 0.45], [19, 1], [23, 0.8]]),
    holiday: shape([[0, 0.2], [1, 0], [17, 0], [18, 0.5], [19, 1], [23, 1]]),
  },
  {
    id: 'agriculture',
    name: 'Irrigation and agricultural processing',
    weekday: shape([[0, 0.18], [5, 0.2], [7, 0.45], [11, 0.55], [17, 0.5], [20, 0.25], [23, 0.18]]),
    weekend: shape([[0, 0.18], [5, 0.2], [7, 0.45], [11, 0.55], [17, 0.5], [20, 0.25], [23, 0.18]]),
    cooling: { baseC: 25, perC: daytimeCooling(0.03) },
  },
  {
    id: 'public-service',
    name: 'Hospitals, government, emergency services (day-heavy, never off)',
    weekday: shape([[0, 0.45], [6, 0.47], [8, 0.72], [11, 0.78], [17, 0.72], [19, 0.58], [23, 0.47]]),
    weekend: shape([[0, 0.45], [8, 0.55], [17, 0.55], [23, 0.45]]),
    cooling: { baseC: 23, perC: daytimeCooling(0.018) },
    heating: { baseC: 10, perC: flatHours(0.008) },
  },
  {
    id: 'school',
    name: 'Schools',
    weekday: shape([[0, 0.12], [6, 0.15], [7, 0.55], [8, 0.78], [11, 0.8], [12, 0.6], [14, 0.78], [17, 0.5], [19, 0.3], [22, 0.13]]),
    weekend: shape([[0, 0.12], [8, 0.2], [17, 0.2], [22, 0.12]]),
    holiday: flatHours(0.12),
    cooling: { baseC: 24, perC: daytimeCooling(0.02) },
  },
  {
    id: 'infrastructure',
    name: 'Water, gas, heat and telecom infrastructure (round the clock)',
    weekday: shape([[0, 0.62], [4, 0.58], [6, 0.8], [8, 0.85], [12, 0.78], [18, 0.84], [21, 0.8], [23, 0.66]]),
    weekend: shape([[0, 0.62], [4, 0.58], [7, 0.78], [9, 0.84], [12, 0.8], [18, 0.84], [21, 0.8], [23, 0.66]]),
    cooling: { baseC: 25, perC: flatHours(0.006) },
  },
];

export const PROFILE_BY_ID = new Map(PROFILES.map((p) => [p.id, p]));

export { profileShare } from '../../core/scenario/profile-share.ts';
