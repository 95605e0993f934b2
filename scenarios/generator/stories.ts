/**
 * The stories a synthetic scenario can tell. Each sets the season, the climate, the weather in the
 * forecast and the state of supply day by day, modelled on a real shortage (DOMAIN-NOTES §2), and
 * the events the play-out will meet. Gap targets are the gap at each day's tightest hour as a share
 * of that day's maximum demand: IV ≤ 5 %, III 5–10 %, II 10–20 %, I > 20 %.
 */
import type { ClimateName } from './climate.ts';
import type { Scale } from './scales.ts';
import type { SupplyStory } from './supply.ts';

export interface StoryEventDraft {
  kind: 'unit-trip' | 'renewable-drop' | 'heat-wave' | 'import-loss';
  /** Study hour the event starts and how long it lasts. */
  atHour: number;
  hours: number;
  /** Which unit trips: the largest coal unit, or the n-th. */
  unit?: 'largest-coal';
  importId?: string;
  lostShare?: number;
  type?: 'wind' | 'solar';
  remainingShare?: number;
  deltaC?: number;
}

export interface Story {
  id: string;
  name: string;
  nameZh: string;
  description: string;
  defaultScale: Scale;
  climate: ClimateName;
  /** Local start of the study, in the scenario zone (Asia/Shanghai). */
  start: string;
  hours: number;
  /** Hours between issuing the study and its start. */
  leadHours: number;
  /** Forecast temperature above the synthesized weather, °C, per study day. */
  forecastDeltaC: number[];
  /** Design temperature for the peak (°C): what "peak MW" means in this climate. */
  designC: number;
  supply: (scale: Scale) => SupplyStory;
  events: StoryEventDraft[];
  /** A substation whose import limit is set below its own expected peak (share of that peak). */
  localLimit?: { substationIndex: number; share: number };
}

const GENERIC_MIX = (scale: Scale): SupplyStory['mix'] =>
  scale === 'town'
    ? { solar: 0.12, gas: 0.1 }
    : scale === 'province'
      ? { coal: 0.6, gas: 0.1, nuclear: 0.06, hydro: 0.12, wind: 0.15, solar: 0.25 }
      : { coal: 0.55, gas: 0.1, hydro: 0.08, wind: 0.1, solar: 0.18 };

export const STORIES = {
  'summer-peak': {
    id: 'summer-peak',
    name: 'Summer peak week',
    nameZh: '夏季高峰周',
    description: 'A hot late-July week: supply is tight at the evening peaks, with level IV and III gaps mid-week, a unit trip and a cloudy afternoon in the play-out.',
    defaultScale: 'city',
    climate: 'yangtze',
    start: '2024-07-22T00:00+08:00',
    hours: 168,
    leadHours: 14,
    forecastDeltaC: [0.5, 1, 1.5, 2, 2, 1, 0.5],
    designC: 36,
    supply: (scale) => ({ mix: GENERIC_MIX(scale), targetGapPct: [-6, -2, 2, 4, 6, 3, -1], windCF: [0.2, 0.18, 0.15, 0.12, 0.15, 0.2, 0.22] }),
    events: [
      { kind: 'unit-trip', unit: 'largest-coal', atHour: 3 * 24 + 14, hours: 24 },
      { kind: 'renewable-drop', type: 'solar', atHour: 4 * 24 + 12, hours: 4, remainingShare: 0.4 },
      { kind: 'heat-wave', atHour: 4 * 24 + 10, hours: 12, deltaC: 1.5 },
    ],
  },
  'heat-wave': {
    id: 'heat-wave',
    name: 'City heat wave',
    nameZh: '城市高温热浪',
    description: 'A Yangtze city in a late-July heat wave (39–40 °C): air conditioning drives the 15–22 h peak into a level II (orange) gap mid-week while a coal unit is down and imports are capped.',
    defaultScale: 'small-city',
    climate: 'yangtze',
    start: '2024-07-22T00:00+08:00',
    hours: 168,
    leadHours: 14,
    forecastDeltaC: [1, 3, 5, 6, 5.5, 3, 1.5],
    designC: 36,
    supply: (scale) => ({
      mix: GENERIC_MIX(scale), targetGapPct: [1, 6, 13, 15, 14, 8, 3], coalDerate: [0.08, 0.08, 0.1, 0.1, 0.1, 0.08, 0.08],
      windCF: [0.15, 0.12, 0.08, 0.07, 0.09, 0.12, 0.15], solarClearness: [0.8, 0.85, 0.9, 0.9, 0.85, 0.8, 0.75],
    }),
    events: [
      { kind: 'heat-wave', atHour: 3 * 24 + 12, hours: 10, deltaC: 1.5 },
      { kind: 'unit-trip', unit: 'largest-coal', atHour: 3 * 24 + 18, hours: 20 },
    ],
  },
  'coal-wind': {
    id: 'coal-wind',
    name: 'Coal shortage and wind collapse',
    nameZh: '燃煤短缺与风电骤降',
    description: 'After Liaoning, September 2021: a third of coal capacity is short of fuel and imports fall; on the second day the wind collapses and the gap reaches level II for three days, more than the orderly plan alone can close.',
    defaultScale: 'small-city',
    climate: 'northeast',
    start: '2021-09-22T00:00+08:00',
    hours: 168,
    leadHours: 14,
    forecastDeltaC: [0, 0, -1, -1, 0, 0, 0],
    designC: 31,
    supply: () => ({
      mix: { coal: 0.8, nuclear: 0.1, hydro: 0.03, wind: 0.35, solar: 0.1 },
      targetGapPct: [6, 14, 17, 12, 8, 4, 3],
      coalDerate: [0.32, 0.35, 0.35, 0.33, 0.3, 0.28, 0.28],
      windCF: [0.26, 0.04, 0.03, 0.05, 0.14, 0.24, 0.3],
      solarClearness: [0.7, 0.6, 0.55, 0.6, 0.7, 0.75, 0.75],
    }),
    events: [
      { kind: 'import-loss', importId: 'I01', atHour: 24 + 16, hours: 6, lostShare: 0.15 },
      { kind: 'renewable-drop', type: 'wind', atHour: 2 * 24, hours: 24, remainingShare: 0.5 },
    ],
  },
  'hydro-drought': {
    id: 'hydro-drought',
    name: 'Dry-year hydro week',
    nameZh: '枯水年水电缺电周',
    description: 'After Sichuan, August 2022: heat and drought halve hydro output in a hydro-dominated grid; reservoirs cannot supply the day\'s energy, so the week is short of MWh even in hours with enough MW.',
    defaultScale: 'small-city',
    climate: 'sichuan',
    start: '2022-08-15T00:00+08:00',
    hours: 168,
    leadHours: 14,
    forecastDeltaC: [4, 5, 5.5, 6, 5.5, 5, 4],
    designC: 35,
    supply: () => ({
      mix: { hydro: 0.95, coal: 0.2, gas: 0.05, wind: 0.05, solar: 0.06 },
      targetGapPct: [-3, -3, -3, -3, -3, -3, -3],
      windCF: [0.12, 0.1, 0.1, 0.08, 0.1, 0.12, 0.12],
      hydroAvailable: 0.55,
      hydroEnergyShare: 0.22,
      minImportShare: 0.08,
      flatImports: true,
    }),
    events: [{ kind: 'heat-wave', atHour: 3 * 24 + 11, hours: 9, deltaC: 2 }],
  },
  'unit-trip': {
    id: 'unit-trip',
    name: 'Sudden unit trip',
    nameZh: '机组突然跳闸',
    description: 'A tight but balanced August pair of days; at 17:00 on the first day the largest coal unit trips, and the evening peak has to be met without it.',
    defaultScale: 'small-city',
    climate: 'yangtze',
    start: '2024-08-05T00:00+08:00',
    hours: 48,
    leadHours: 14,
    forecastDeltaC: [1, 1],
    designC: 36,
    supply: (scale) => ({ mix: GENERIC_MIX(scale), targetGapPct: [-4, -3], windCF: [0.15, 0.15] }),
    events: [{ kind: 'unit-trip', unit: 'largest-coal', atHour: 17, hours: 30 }],
  },
  'local-limit': {
    id: 'local-limit',
    name: 'Local import limit',
    nameZh: '局部受电能力受限',
    description: 'The system has spare supply, but one substation has a transformer out: its import limit is below its own evening load, a local gap that only curtailment inside that area can close.',
    defaultScale: 'town',
    climate: 'yangtze',
    start: '2024-07-29T00:00+08:00',
    hours: 72,
    leadHours: 14,
    forecastDeltaC: [1.5, 2, 1.5],
    designC: 36,
    supply: (scale) => ({ mix: GENERIC_MIX(scale), targetGapPct: [-15, -15, -15], windCF: [0.15, 0.15, 0.15] }),
    events: [{ kind: 'heat-wave', atHour: 24 + 12, hours: 9, deltaC: 1.5 }],
    localLimit: { substationIndex: 2, share: 0.86 },
  },
} satisfies Record<string, Omit<Story, 'id'> & { id: string }>;

export type StoryId = keyof typeof STORIES;
export const STORY_IDS = Object.keys(STORIES) as StoryId[];
