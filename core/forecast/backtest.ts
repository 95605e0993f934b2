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
  hours: { train: number; test: number };
  exAnte: boolean;
  model: ModelName;
  forecasts: { model: SeriesForecast; vanilla: SeriesForecast };
}

function score(actual: Float64Array, f: SeriesForecast): Accuracy {
  const a = actual.subarray(f.target.from, f.target.to);
  return accuracy(a, f.point, f.levels, f.quantiles);
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
  const a = score(input.load, mine), b = score(input.load, vanilla);
  const pair = (k: keyof Accuracy) => ({ model: a[k], vanilla: b[k] });
  let trainHours = 0;
  for (let i = input.train.from; i < input.train.to; i++) if (Number.isFinite(input.load[i])) trainHours++;
  return {
    result: { mape: pair('mape'), mae: pair('mae'), rmse: pair('rmse'), pinball: pair('pinball'), coverage80: pair('coverage80') },
    hours: { train: trainHours, test: a.hours },
    exAnte: !!input.temperatureForecast,
    model,
    forecasts: { model: mine, vanilla },
  };
}
