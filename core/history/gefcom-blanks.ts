/**
 * Blank spans of GEFCom2012 series, and filling them from the published solution.
 *
 * The blanks are the competition's design, not faults: eight backcast weeks in 2005–2006 and the
 * forecast week 2008-07-01..07 (preceded by the rest of 2008-06-30 after h6, which no file gives),
 * plus the end of the temperature history. They are kept as NaN and listed, so a forecast
 * evaluation can use exactly those hours and a model fit can skip them.
 */
import { HOUR_MS } from '../time/timestamp.ts';
import { GEFCOM_START_MS, gefcomSpanLabel } from './gefcom-axis.ts';

export interface BlankSpan {
  /** Start of the first blank hour (ms since the epoch). */
  startMs: number;
  hours: number;
  /** The zones or stations blank over exactly this span. */
  ids: number[];
  /** "2005-03-06..2005-03-12", or with hour numbers when it does not cover whole days. */
  label: string;
}

/** Series on the GEFCom axis, as the history and solution readers give them. */
export interface GefcomSeries {
  startMs: number;
  hours: number;
  series: ReadonlyMap<number, Float64Array>;
}

/** Maximal runs of NaN per series; runs shared by several series are listed once with all ids. */
export function findBlankSpans(series: ReadonlyMap<number, Float64Array>): BlankSpan[] {
  const byRun = new Map<string, BlankSpan>();
  for (const [id, values] of series) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isNaN(values[i])) continue;
      let j = i;
      while (j + 1 < values.length && Number.isNaN(values[j + 1])) j++;
      const key = `${i}:${j}`;
      let span = byRun.get(key);
      if (!span) {
        span = { startMs: GEFCOM_START_MS + i * HOUR_MS, hours: j - i + 1, ids: [], label: gefcomSpanLabel(i, j - i + 1) };
        byRun.set(key, span);
      }
      span.ids.push(id);
      i = j;
    }
  }
  return [...byRun.values()].sort((a, b) => a.startMs - b.startMs || a.hours - b.hours);
}

/**
 * Copies values from `source` into the blank (NaN) hours of `target`, id by id, without touching
 * hours that already have a value. The result covers both (the temperature solution runs a week past
 * the temperature history). Returns new arrays; the inputs are not changed.
 */
export function fillBlanks(target: GefcomSeries, source: GefcomSeries): { series: Map<number, Float64Array>; hours: number; filled: number } {
  if (target.startMs !== GEFCOM_START_MS || source.startMs !== GEFCOM_START_MS) {
    // Both come from this module's readers, which always use the one axis: a mismatch is a bug.
    throw new RangeError('fillBlanks: both series must be on the GEFCom2012 axis');
  }
  const hours = Math.max(target.hours, source.hours);
  const series = new Map<number, Float64Array>();
  let filled = 0;
  for (const [id, values] of target.series) {
    const out = new Float64Array(hours).fill(Number.NaN);
    out.set(values);
    const from = source.series.get(id);
    if (from) {
      for (let i = 0; i < from.length; i++) {
        if (Number.isNaN(out[i]) && !Number.isNaN(from[i])) {
          out[i] = from[i];
          filled++;
        }
      }
    }
    series.set(id, out);
  }
  return { series, hours, filled };
}
