/**
 * Backtest of one hourly series read from any CSV: train on one window, forecast another ex post
 * (the actual temperature) or ex ante (a temperature forecast column), Orderly's model and the
 * vanilla reference side by side.
 */
import type { HolidayCalendar } from '../calendar/day-kind.ts';
import type { Zone } from '../time/zone.ts';
import { forecastSeries, type ModelName, type SeriesForecast, type Window } from './forecast.ts';
import { accuracy, type Accuracy } from './metrics.ts';

export interface BacktestInput {
  startMs: number;
  n: number;
  load: Float64Array;
  temperature: Float64Array;
  /** A temperature forecast for the test window (ex ante); the actual is used when absent. */
  temperatureForecast?: Float64Array;
  zone: Zone;
  holidays: HolidayCalendar | null;
  train: Window;
  test: Window;
  model?: ModelName;
}

export interface BacktestResult {
  mape: { model: number; vanilla: number };
  mae: { model: number; vanilla: number };
  rmse: { model: number; vanilla: number };
  pinball: { model: number; vanilla: number };
  coverage80: { model: number; vanilla: number };
}

export interface BacktestReport {
  result: BacktestResult;
  /** Hours with a known load in training; test hours scored (the same for both models). */
  hours: { train: number; test: number };
  /** What the scores rest on, when it is less than the test window (hours only one model could forecast). */
  notes: string[];
  exAnte: boolean;
  model: ModelName;
  forecasts: { model: SeriesForecast; vanilla: SeriesForecast };
}

function score(actual: Float64Array, f: SeriesForecast): Accuracy {
  return accuracy(actual, f.point, f.levels, f.quantiles);
}

/**
 * The test window's actual load, unknown (NaN) wherever either model has no point forecast: the
 * two are compared on the same hours, or the comparison says nothing (a model that cannot
 * forecast the hard hours would look better for it).
 */
function sharedActual(load: Float64Array, test: Window, a: SeriesForecast, b: SeriesForecast): { actual: Float64Array; onlyA: number; onlyB: number } {
  const actual = load.slice(test.from, test.to);
  let onlyA = 0, onlyB = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i])) continue;
    const hasA = Number.isFinite(a.point[i]), hasB = Number.isFinite(b.point[i]);
    if (hasA && hasB) continue;
    if (hasA) onlyA++;
    else if (hasB) onlyB++;
    actual[i] = Number.NaN;
  }
  return { actual, onlyA, onlyB };
}

export function backtestSeries(input: BacktestInput): BacktestReport {
  const model = input.model ?? 'best';
  // Ex ante: the test window sees the forecast temperature; training always sees the actual.
  const temperature = Float64Array.from(input.temperature);
  if (input.temperatureForecast) {
    for (let i = input.test.from; i < input.test.to; i++) temperature[i] = input.temperatureForecast[i];
  }
  const series = { startMs: input.startMs, n: input.n, load: input.load, stations: [temperature], zone: input.zone, holidays: input.holidays };
  const common = { train: input.train, target: input.test };
  const mine = forecastSeries(series, { model, ...common });
  const vanilla = forecastSeries(series, { model: 'vanilla', ...common });
  const shared = sharedActual(input.load, input.test, mine, vanilla);
  const a = score(shared.actual, mine), b = score(shared.actual, vanilla);
  const notes: string[] = [];
  if (shared.onlyA || shared.onlyB) {
    const n = (k: number) => k.toLocaleString('en-US');
    notes.push(`${n(shared.onlyA + shared.onlyB)} test hours with a known load had a forecast from one model only ` +
      `(the model only: ${n(shared.onlyA)}, vanilla only: ${n(shared.onlyB)}); both are scored on the ${n(a.hours)} hours they share`);
  }
  const pair = (k: keyof Accuracy) => ({ model: a[k], vanilla: b[k] });
  let trainHours = 0;
  for (let i = input.train.from; i < input.train.to; i++) if (Number.isFinite(input.load[i])) trainHours++;
  return {
    result: { mape: pair('mape'), mae: pair('mae'), rmse: pair('rmse'), pinball: pair('pinball'), coverage80: pair('coverage80') },
    hours: { train: trainHours, test: a.hours },
    notes,
    exAnte: !!input.temperatureForecast,
    model,
    forecasts: { model: mine, vanilla },
  };
}
