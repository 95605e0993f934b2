/**
 * The three scales of the foundation issue, plus the small city the bundled stories use (a story
 * file should be small enough to read in a browser and keep in git).
 */
import type { AreaKind } from '../../core/scenario/classes.ts';

export interface ScaleSpec {
  name: Scale;
  rootKind: AreaKind;
  rootName: [string, string];
  /** Areas between the root and the substations. */
  middle: { kind: AreaKind; count: number } | null;
  substations: number;
  feeders: number;
  /** Curtailable customers (not counting residential aggregates and protected users). */
  curtailable: number;
  /** System peak on a design-hot working day, MW. */
  peakMW: number;
  weatherStations: number;
  /** Days of hourly substation history before the study. */
  historyDays: number;
  /** Days of hourly history per curtailable customer (0: none; baselines then come from profiles). */
  customerHistoryDays: number;
}

export const SCALES = {
  town: {
    name: 'town', rootKind: 'county', rootName: ['Qingshui Town', '清水镇'], middle: null,
    substations: 5, feeders: 100, curtailable: 400, peakMW: 260, weatherStations: 1, historyDays: 730, customerHistoryDays: 35,
  },
  'small-city': {
    name: 'small-city', rootKind: 'city', rootName: ['Jiangcheng', '江城市'], middle: { kind: 'district', count: 3 },
    substations: 12, feeders: 360, curtailable: 1500, peakMW: 1800, weatherStations: 2, historyDays: 730, customerHistoryDays: 0,
  },
  city: {
    name: 'city', rootKind: 'city', rootName: ['Hucheng', '湖城市'], middle: { kind: 'district', count: 5 },
    substations: 40, feeders: 1200, curtailable: 6000, peakMW: 6000, weatherStations: 3, historyDays: 730, customerHistoryDays: 0,
  },
  province: {
    name: 'province', rootKind: 'province', rootName: ['Hexi Province', '河西省'], middle: { kind: 'city', count: 14 },
    substations: 400, feeders: 40000, curtailable: 200000, peakMW: 150000, weatherStations: 14, historyDays: 365, customerHistoryDays: 0,
  },
} as const satisfies Record<string, Omit<ScaleSpec, 'name'> & { name: string }>;

export type Scale = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as Scale[];
