/**
 * Units a history file may be written in, and their conversion to the two units Orderly computes
 * in: MW for load, °C for temperature (invariant 3: units are explicit and never guessed).
 */

export type LoadUnit = 'MW' | 'kW' | 'GW';
/** ℃ (U+2103, one character) is how Chinese files and headers write degrees Celsius. */
export type TemperatureUnit = '°C' | '℃' | '°F' | 'K';
export type HistoryUnit = LoadUnit | TemperatureUnit;

/** The unit a series is stored in after reading. */
export type StoredUnit = 'MW' | '°C';

export const HISTORY_UNITS: readonly HistoryUnit[] = ['MW', 'kW', 'GW', '°C', '℃', '°F', 'K'];

export function isHistoryUnit(unit: unknown): unit is HistoryUnit {
  return HISTORY_UNITS.includes(unit as HistoryUnit);
}

export function storedUnit(unit: HistoryUnit): StoredUnit {
  return unit === 'MW' || unit === 'kW' || unit === 'GW' ? 'MW' : '°C';
}

/** The lowest physically possible temperature; anything below it is a mistyped cell. */
export const ABSOLUTE_ZERO_C = -273.15;

/** Converts a value written in `unit` to MW or °C. */
export function toStoredUnit(value: number, unit: HistoryUnit): number {
  switch (unit) {
    case 'MW': return value;
    case 'kW': return value / 1000;
    case 'GW': return value * 1000;
    case '°C': return value;
    case '℃': return value;
    case '°F': return ((value - 32) * 5) / 9;
    case 'K': return value + ABSOLUTE_ZERO_C;
  }
}
