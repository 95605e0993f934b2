/**
 * The bundled stories offered in the page (scenarios/bundled.ts), each opened from its built file:
 * a dispatcher can try every one without finding the files.
 */
import coalWind from '../scenarios/coal-wind.json?url';
import heatWave from '../scenarios/heat-wave.json?url';
import hydroDrought from '../scenarios/hydro-drought.json?url';
import localLimit from '../scenarios/local-limit.json?url';
import unitTrip from '../scenarios/unit-trip.json?url';

export const STORIES: { file: string; url: string; en: string; zh: string }[] = [
  { file: 'heat-wave.json', url: heatWave, en: 'Heat wave (level II, system)', zh: '高温（II级，全网）' },
  { file: 'coal-wind.json', url: coalWind, en: 'Coal short, wind collapses (level II)', zh: '缺煤与风电骤降（II级）' },
  { file: 'hydro-drought.json', url: hydroDrought, en: 'Hydro drought (energy short, level III)', zh: '枯水缺电（电量不足，III级）' },
  { file: 'unit-trip.json', url: unitTrip, en: 'Unit trip before the peak (no warning)', zh: '晚峰前机组跳闸（无预警）' },
  { file: 'local-limit.json', url: localLimit, en: 'Local import limit (Linhu 110 kV, level II)', zh: '局部受电受限（临湖 110 kV，II级）' },
];
