/**
 * A tiny, hand-written, valid scenario: one city, two substations, three feeders, a handful of
 * customers, two days of history and a 24-hour study. Tests copy it and break one thing at a time.
 */
import type { ScenarioFile } from '../../core/scenario/schema.ts';

const flat = (n: number, v: number) => Array.from({ length: n }, (_, i) => Math.round((v + 0.1 * Math.sin(i / 3)) * 1000) / 1000);
const shape = [0.5, 0.45, 0.42, 0.4, 0.42, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.9, 0.9, 0.92, 0.95, 0.97, 1, 0.98, 0.95, 0.9, 0.8, 0.7, 0.6];

export function tinyScenario(): ScenarioFile {
  return structuredClone(TINY);
}

const TINY: ScenarioFile = {
  format: 'orderly-scenario/1',
  id: 'tiny',
  name: 'Tiny test grid',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  study: { start: '2024-07-03T00:00+08:00', hours: 24, issuedAt: '2024-07-02T08:00+08:00' },
  areas: [
    { id: 'C', name: 'Test City', kind: 'city', parent: null, weatherStation: 'W1' },
    { id: 'S1', name: 'North substation', kind: 'substation', parent: 'C', importLimitMW: 40 },
    { id: 'S2', name: 'South substation', kind: 'substation', parent: 'C' },
  ],
  feeders: [
    { id: 'F1', substation: 'S1', ratingMW: 10, servesProtected: true, residentialShare: 0.8 },
    { id: 'F2', substation: 'S1', ratingMW: 8, servesProtected: false, residentialShare: 0 },
    { id: 'F3', substation: 'S2', ratingMW: 12, servesProtected: true, residentialShare: 0 },
  ],
  profiles: [
    { id: 'P-res', name: 'residential', weekday: shape, weekend: shape, cooling: { baseC: 24, perC: Array(24).fill(0.03) } },
    { id: 'P-ind', name: 'industry', weekday: Array(24).fill(0.9), weekend: Array(24).fill(0.6) },
  ],
  customers: [
    { id: 'R1', name: 'Residents of F1', feeder: 'F1', class: 'residential', accounts: 2400, peakMW: 6, profile: 'P-res', securityFloorMW: 0, control: 'manual', responseMinutes: 0, costPerMWh: 0 },
    { id: 'H1', name: 'City hospital', feeder: 'F3', class: 'hospital', peakMW: 3, profile: 'P-ind', securityFloorMW: 3, control: 'manual', responseMinutes: 0, costPerMWh: 0 },
    {
      id: 'I1', name: 'Steel works', feeder: 'F2', class: 'high-energy', peakMW: 5, profile: 'P-ind', securityFloorMW: 0.5,
      control: 'terminal', responseMinutes: 5, noticeHours: 24, maxHoursPerDay: 8, costPerMWh: 900,
      measures: { limit: { capMW: 2 }, avoidPeak: { maxMW: 3, windows: ['18-21'] } },
    },
    {
      id: 'I2', name: 'Textile mill', feeder: 'F2', class: 'industry', peakMW: 2, profile: 'P-ind', securityFloorMW: 0.2,
      control: 'manual', responseMinutes: 30, costPerMWh: 1500,
      measures: { shift: { maxMW: 1, returnWindows: ['22-06'], paybackShare: 0.9 }, demandResponse: { maxMW: 0.5, pricePerMWh: 2000 } },
    },
    { id: 'M1', name: 'Mall', feeder: 'F3', class: 'commerce', peakMW: 1.5, profile: 'P-res', securityFloorMW: 0.3, control: 'terminal', responseMinutes: 10, costPerMWh: 2500, measures: { limit: { capMW: 0.8 } } },
  ],
  weather: {
    stations: [
      {
        id: 'W1', name: 'City station',
        history: { start: '2024-07-01T00:00+08:00', unit: '°C', values: flat(48, 30) },
        forecast: { start: '2024-07-03T00:00+08:00', unit: '°C', values: flat(24, 33) },
        forecastSpreadC: 1.5,
      },
    ],
  },
  history: {
    load: [
      { of: 'area', id: 'S1', start: '2024-07-01T00:00+08:00', unit: 'MW', values: flat(48, 14) },
      { of: 'area', id: 'S2', start: '2024-07-01T00:00+08:00', unit: 'MW', values: flat(48, 4.5) },
      { of: 'customer', id: 'I1', start: '2024-07-01T00:00+08:00', unit: 'MW', values: flat(48, 4.5) },
    ],
  },
  supply: {
    units: [
      { id: 'G1', name: 'Coal 1', type: 'coal', area: 'C', capacityMW: 12, forcedOutageRate: 0.05, outages: [{ from: '2024-07-03T00:00+08:00', to: '2024-07-03T12:00+08:00', unavailableMW: 4 }] },
      { id: 'WF', name: 'Wind farm', type: 'wind', area: 'S2', capacityMW: 5, forcedOutageRate: 0.02, available: { start: '2024-07-03T00:00+08:00', unit: 'MW', values: flat(24, 1.5) } },
    ],
    imports: [{ id: 'IM1', name: 'Provincial tie', area: 'C', schedule: { start: '2024-07-03T00:00+08:00', unit: 'MW', values: flat(24, 5) }, lossProbability: 0.01 }],
    reserveMW: 1,
    energyBudgets: [{ id: 'EB1', name: 'Coal pile', units: ['G1'], daily: [{ date: '2024-07-03', energyMWh: 200 }] }],
  },
  policy: {
    warning: { thresholdsPct: [5, 10, 20], boundary: 'upper-inclusive' },
    ladder: ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'],
    planScaleShare: 0.3,
    defaultNoticeHours: 24,
    holidays: { calendar: 'CN', days: [{ date: '2024-10-01', name: 'National Day' }], workdays: ['2024-09-29'] },
  },
  events: [
    { id: 'E1', kind: 'unit-trip', unit: 'G1', at: '2024-07-03T19:00+08:00', durationHours: 5 },
    { id: 'E2', kind: 'heat-wave', from: '2024-07-03T12:00+08:00', to: '2024-07-03T22:00+08:00', deltaC: 2, stations: ['W1'] },
  ],
};
