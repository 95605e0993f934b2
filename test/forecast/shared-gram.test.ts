/**
 * Areas on one weather station share their design's X'X: the second area fitted on the same
 * temperature and training rows accumulates only X'y, and its forecast is the one it makes alone.
 */
import { describe, expect, it } from 'vitest';
import { forecastSeries, type SeriesInput, type SharedDesigns } from '../../core/forecast/forecast.ts';
import { fingerprint, GramCache } from '../../core/forecast/regression/shared-gram.ts';
import { createRng } from '../../core/random/rng.ts';
import { gefcomLike } from '../support/gefcom-like.ts';
import { resolveZone } from '../../core/time/zone.ts';

const g = gefcomLike('shared-gram', 3);
const zone = resolveZone('-05:00')!;
const rng = createRng('second area');
// A second area on the same station: another mix of the same weather-driven load, with its own noise.
const second = Float64Array.from(g.load, (v) => 0.6 * v + 40 + 5 * rng.normal());
const series = (load: Float64Array): SeriesInput => ({ startMs: g.startMs, n: g.hours, load, stations: [g.temperature], zone, holidays: null });
const train = { from: 0, to: 2 * 8760 }, target = { from: 2 * 8760, to: 2 * 8760 + 24 * 60 };
const options = { model: 'best' as const, train, target };

describe('a shared design', () => {
  it('gives the second area on a station the forecast and quantiles it makes alone, from the first area\'s X\'X', () => {
    const alone = forecastSeries(series(second), options);
    const shared: SharedDesigns = new GramCache();
    forecastSeries(series(g.load), { ...options, shared, recency: alone.recency! });
    const misses = shared.misses;
    const reused = forecastSeries(series(second), { ...options, shared, recency: alone.recency! });
    const plain = forecastSeries(series(second), { ...options, recency: alone.recency! });
    expect(shared.hits).toBeGreaterThan(0);
    expect(shared.misses).toBe(misses); // nothing accumulated again
    expect(Array.from(reused.point)).toEqual(Array.from(plain.point));
    reused.quantiles.forEach((q, k) => expect(Array.from(q)).toEqual(Array.from(plain.quantiles[k])));
  });

  it('is not reused by an area whose known hours differ (a missing hour changes the rows fitted)', () => {
    const shared: SharedDesigns = new GramCache();
    const recency = { lags: 2, pastDays: 2 };
    forecastSeries(series(g.load), { ...options, shared, recency });
    const gappy = second.slice();
    gappy[5000] = Number.NaN;
    const hits = shared.hits;
    const withGap = forecastSeries(series(gappy), { ...options, shared, recency });
    const plain = forecastSeries(series(gappy), { ...options, recency });
    expect(shared.hits).toBe(hits);
    expect(Array.from(withGap.point)).toEqual(Array.from(plain.point));
  });

  it('serves a history of one year too (the short-history model\'s candidates), with the same figures', () => {
    const oneYear = { model: 'best' as const, train: { from: 0, to: 8760 }, target: { from: 8760, to: 8760 + 24 * 30 } };
    const shared: SharedDesigns = new GramCache();
    forecastSeries(series(g.load), { ...oneYear, shared });
    const hits = shared.hits;
    const reused = forecastSeries(series(second), { ...oneYear, shared });
    const plain = forecastSeries(series(second), oneYear);
    expect(shared.hits).toBeGreaterThan(hits);
    expect(reused.shortChoice).toEqual(plain.shortChoice);
    expect(Array.from(reused.point)).toEqual(Array.from(plain.point));
    reused.quantiles.forEach((q, k) => expect(Array.from(q)).toEqual(Array.from(plain.quantiles[k])));
  });

  it('keeps at most its capacity of designs, the oldest leaving first', () => {
    const cache = new GramCache<string>(2);
    const gram = { design: 'd', xtx: [], n: new Int32Array(0), factors: new Map() };
    cache.set('a', gram); cache.set('b', gram); cache.set('c', gram);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(gram);
    expect(cache.get('c')).toBe(gram);
  });

  it('fingerprints arrays by content: equal contents agree, one changed value differs', () => {
    const a = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const b = a.slice();
    expect(fingerprint(a)).toBe(fingerprint(b));
    b[999] += 1e-12;
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    expect(fingerprint(new Int8Array([1, 2]), new Int8Array([3]))).not.toBe(fingerprint(new Int8Array([1]), new Int8Array([2, 3])));
  });
});
