/**
 * Temperature inputs of load models: a station or an average of stations, lagged hours, and
 * moving averages of past days (the recency effect: buildings and people respond to the heat of
 * the last hours and days, not only of this hour — Wang, Liu & Hong, IJF 2016).
 */

/**
 * Hour-by-hour mean of some stations. An hour where some of them are unknown (a station's
 * missing row) is not lost: each known station stands for the mean by its own reading less its
 * usual offset from the mean (measured over the hours all of them are known), so a station that
 * runs 3 °C warm does not shift the hour it is left alone in. NaN only where none is known.
 */
export function averageStations(stations: Float64Array[], ids: number[]): Float64Array {
  const n = stations[0]?.length ?? 0;
  const out = new Float64Array(n);
  const offset = new Float64Array(ids.length);
  let complete = 0;
  for (let i = 0; i < n; i++) {
    let s = 0, known = 0;
    for (const k of ids) if (Number.isFinite(stations[k][i])) { s += stations[k][i]; known++; }
    if (known < ids.length) continue;
    const mean = s / ids.length;
    ids.forEach((k, j) => (offset[j] += stations[k][i] - mean));
    complete++;
  }
  if (complete) for (let j = 0; j < ids.length; j++) offset[j] /= complete;
  for (let i = 0; i < n; i++) {
    let plain = 0, corrected = 0, known = 0;
    ids.forEach((k, j) => {
      const v = stations[k][i];
      if (!Number.isFinite(v)) return;
      plain += v;
      corrected += v - offset[j];
      known++;
    });
    // All known: the plain mean (the offsets sum to zero, but need not to the last bit).
    out[i] = !known ? Number.NaN : known === ids.length ? plain / known : corrected / known;
  }
  return out;
}

/**
 * Unknown hours (missing rows, empty cells) blank only themselves: the lags and past-day means of
 * the hours around them are taken from the known hours, so that one missing temperature row
 * leaves the model without a forecast for that hour alone — as vanilla, which reads only the
 * hour's own temperature — instead of the 48 hours whose two-day windows reach it.
 *
 * The rules, for a lag that falls on an unknown hour:
 *  - inside a run of at most LAG_INTERPOLATE_HOURS unknown hours with known hours on both sides,
 *    the straight line between those two hours;
 *  - otherwise (a longer run, or the edge of what is known) the nearest known hour, if one lies
 *    within LAG_NEAREST_HOURS; else it stays unknown.
 * A past-day mean is the mean of the window's known hours when at least WINDOW_MIN_KNOWN of its 24
 * are known; else unknown. Hours before the axis are never made up: the first k hours have no
 * k-hour lag, and the first 24·d hours no d-day mean.
 */
export const LAG_INTERPOLATE_HOURS = 6;
export const LAG_NEAREST_HOURS = 3;
export const WINDOW_MIN_KNOWN = 18;

/** The series with its unknown hours filled for use as a lag (the rules above); known hours unchanged. */
export function filledForLags(t: Float64Array): Float64Array {
  const n = t.length;
  const out = Float64Array.from(t);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(t[i])) continue;
    let j = i;
    while (j + 1 < n && !Number.isFinite(t[j + 1])) j++;
    // Unknown run i..j; known neighbours at i − 1 and j + 1 where they exist.
    const before = i > 0 ? i - 1 : -1, after = j + 1 < n ? j + 1 : -1;
    const length = j - i + 1;
    for (let k = i; k <= j; k++) {
      if (before >= 0 && after >= 0 && length <= LAG_INTERPOLATE_HOURS) {
        out[k] = t[before] + ((t[after] - t[before]) * (k - before)) / (after - before);
        continue;
      }
      const toBefore = before >= 0 ? k - before : Infinity, toAfter = after >= 0 ? after - k : Infinity;
      const nearest = toBefore <= toAfter ? toBefore : toAfter;
      if (nearest <= LAG_NEAREST_HOURS) out[k] = toBefore <= toAfter ? t[before] : t[after];
    }
    i = j;
  }
  return out;
}

/** t[i − k], an unknown hour filled from the known ones around it (NaN for the first k hours). */
export function lagged(t: Float64Array, k: number): Float64Array {
  const out = new Float64Array(t.length).fill(Number.NaN);
  out.set(filledForLags(t).subarray(0, Math.max(0, t.length - k)), k);
  return out;
}

/**
 * Mean temperature of the 24 hours that ended (d − 1) days before hour i, i.e. of hours
 * i − 24d … i − 24d + 23 (d = 1: the last 24 hours), over the known hours of the window when at
 * least WINDOW_MIN_KNOWN of them are known.
 */
export function pastDayMean(t: Float64Array, d: number): Float64Array {
  const n = t.length;
  const out = new Float64Array(n).fill(Number.NaN);
  // A running sum and count of the known values of the window.
  let sum = 0, known = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(t[i])) (sum += t[i]), known++;
    if (i >= 24 && Number.isFinite(t[i - 24])) (sum -= t[i - 24]), known--;
    // The window now covers hours i − 23 … i; it is the one for hour i + 1 + 24(d − 1).
    const target = i + 1 + 24 * (d - 1);
    if (i >= 23 && target < n && known >= WINDOW_MIN_KNOWN) out[target] = sum / known;
  }
  return out;
}

/** Mean and standard deviation of the finite values, for standardising. */
export function centreAndScale(t: ArrayLike<number>): { centre: number; scale: number } {
  let s = 0, s2 = 0, c = 0;
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (!Number.isFinite(v)) continue;
    s += v;
    s2 += v * v;
    c++;
  }
  const centre = c ? s / c : 0;
  const sd = c > 1 ? Math.sqrt(Math.max(0, s2 / c - centre * centre)) : 1;
  return { centre, scale: sd > 1e-9 ? sd : 1 };
}
