/**
 * Temperature inputs of load models: a station or an average of stations, lagged hours, and
 * moving averages of past days (the recency effect: buildings and people respond to the heat of
 * the last hours and days, not only of this hour — Wang, Liu & Hong, IJF 2016).
 */

/** Hour-by-hour mean of some stations (NaN where any of them is unknown). */
export function averageStations(stations: Float64Array[], ids: number[]): Float64Array {
  const n = stations[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const k of ids) s += stations[k][i];
    out[i] = s / ids.length;
  }
  return out;
}

/** t[i − k] (NaN for the first k hours). */
export function lagged(t: Float64Array, k: number): Float64Array {
  const out = new Float64Array(t.length).fill(Number.NaN);
  out.set(t.subarray(0, Math.max(0, t.length - k)), k);
  return out;
}

/**
 * Mean temperature of the 24 hours that ended (d − 1) days before hour i, i.e. of hours
 * i − 24d … i − 24d + 23 (d = 1: the last 24 hours).
 */
export function pastDayMean(t: Float64Array, d: number): Float64Array {
  const n = t.length;
  const out = new Float64Array(n).fill(Number.NaN);
  // A running sum of the finite values and a count of unknown ones: one unknown hour makes its
  // windows unknown, without poisoning every window after it.
  let sum = 0, unknown = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(t[i])) sum += t[i];
    else unknown++;
    if (i >= 24) {
      if (Number.isFinite(t[i - 24])) sum -= t[i - 24];
      else unknown--;
    }
    // The window now covers hours i − 23 … i; it is the one for hour i + 1 + 24(d − 1).
    const target = i + 1 + 24 * (d - 1);
    if (i >= 23 && target < n && unknown === 0) out[target] = sum / 24;
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
