/**
 * What a load profile says about one hour: the day's shape for the kind of day, plus the load that
 * heat or cold adds. Shared by the synthetic grids (which draw load from profiles) and the customer
 * baselines (which fall back on the profile when a customer has no metered history).
 */
import type { ProfileFile } from './schema.ts';

export type ProfileDay = 'working' | 'weekend' | 'holiday';

/** Load as a share of the customer's peak for one hour. */
export function profileShare(profile: ProfileFile, kind: ProfileDay, hour: number, temperatureC: number): number {
  const base = kind === 'working' ? profile.weekday : kind === 'weekend' ? profile.weekend : (profile.holiday ?? profile.weekend);
  let v = base[hour];
  if (profile.cooling && temperatureC > profile.cooling.baseC) v += profile.cooling.perC[hour] * (temperatureC - profile.cooling.baseC);
  if (profile.heating && temperatureC < profile.heating.baseC) v += profile.heating.perC[hour] * (profile.heating.baseC - temperatureC);
  return v;
}

/**
 * Temperature as buildings feel it: 55 % the hour itself, 30 % the mean of the three hours before,
 * 15 % the mean of the day before (the recency effect). Unknown hours are skipped in the means.
 */
export function effectiveTemperature(t: ArrayLike<number>): Float64Array {
  const out = new Float64Array(t.length);
  let sum3 = 0, n3 = 0, sum24 = 0, n24 = 0;
  for (let i = 0; i < t.length; i++) {
    const lag3 = n3 ? sum3 / n3 : t[i];
    const lag24 = n24 ? sum24 / n24 : t[i];
    out[i] = 0.55 * t[i] + 0.3 * lag3 + 0.15 * lag24;
    if (Number.isFinite(t[i])) {
      sum3 += t[i]; n3++;
      sum24 += t[i]; n24++;
    }
    if (i >= 3 && Number.isFinite(t[i - 3])) { sum3 -= t[i - 3]; n3--; }
    if (i >= 24 && Number.isFinite(t[i - 24])) { sum24 -= t[i - 24]; n24--; }
  }
  return out;
}
