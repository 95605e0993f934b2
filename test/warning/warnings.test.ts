/**
 * Supply-gap assessment and warnings: levels at their exact boundaries, zero and negative gaps, a
 * local gap, an energy gap, probabilities that sum to one, the same figures from the same seed,
 * and the pictures the bundled stories call for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastScenario, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { QUANTILE_LEVELS } from '../../core/forecast/quantiles.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { parseTimestamp } from '../../core/time/timestamp.ts';
import { assessScenario, type Assessment } from '../../core/warning/assess.ts';
import { buildBulletin } from '../../core/warning/bulletin.ts';
import { levelIndex, levelOf } from '../../core/warning/levels.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const upper = { thresholdsPct: [5, 10, 20], boundary: 'upper-inclusive' as const };
const lower = { thresholdsPct: [5, 10, 20], boundary: 'lower-inclusive' as const };

describe('warning levels', () => {
  it('put a gap exactly on a threshold in the lower level when the boundary is upper-inclusive', () => {
    expect([5, 10, 20].map((g) => levelOf(g, upper))).toEqual(['IV', 'III', 'II']);
  });
  it('put it in the higher level when the boundary is lower-inclusive', () => {
    expect([5, 10, 20].map((g) => levelOf(g, lower))).toEqual(['III', 'II', 'I']);
  });
  it('give no warning for a zero gap or a surplus, and level IV for the smallest gap', () => {
    expect(levelOf(0, upper)).toBe('none');
    expect(levelOf(-12, upper)).toBe('none');
    expect(levelOf(1e-9, upper)).toBe('IV');
    expect(levelOf(20.000001, upper)).toBe('I');
  });
  it('follow thresholds set by policy', () => {
    expect(levelIndex(6, { thresholdsPct: [3, 6, 12], boundary: 'upper-inclusive' })).toBe(2);
  });
});

/** The tiny scenario with certain supply (no forced outages, no wind, no import loss). */
function certainTiny(): Scenario {
  const s = tinyScenario();
  s.supply.units = s.supply.units.filter((u) => u.type !== 'wind').map((u) => ({ ...u, forcedOutageRate: 0 }));
  s.supply.imports = s.supply.imports.map((i) => ({ ...i, lossProbability: 0, schedule: { ...i.schedule, values: i.schedule.values.map(() => 5) } }));
  s.supply.energyBudgets = [];
  s.events = s.events.filter((e) => e.kind !== 'unit-trip');
  return hydrate(s);
}

/** A certain forecast: every quantile equals the demand. */
function flatForecast(s: Scenario, systemMW: number): ScenarioForecast {
  const hours = s.study.hours;
  const flat = () => QUANTILE_LEVELS.map(() => new Float64Array(hours).fill(systemMW));
  const area = { area: 'C', source: 'sum' as const, point: new Float64Array(hours).fill(systemMW), quantiles: flat(), stations: [] };
  return { startMs: parseTimestamp(s.study.start)!.ms, hours, levels: QUANTILE_LEVELS, areas: [area], system: area };
}

describe('the gap assessment on a case computed by hand', () => {
  // Supply: coal 12 MW (4 MW out until noon) + import 5 MW = 13 MW before noon, 17 MW after;
  // reserve 1 MW. Demand 16 MW: gap 4 MW (25 %, level I) before noon, exactly 0 after.
  const s = certainTiny();
  const a = assessScenario(s, flatForecast(s, 16), { samples: 50, issuedAtMs: parseTimestamp(s.study.issuedAt)!.ms });

  it('finds a 4 MW gap (level I) before noon and a zero gap (no warning) after', () => {
    expect(a.system.gapMean[3]).toBeCloseTo(4, 9);
    expect(a.system.expectedLevel[3]).toBe(4);
    expect(a.system.gapMean[15]).toBeCloseTo(0, 9);
    expect(a.system.expectedLevel[15]).toBe(0);
    expect(a.system.probabilities[0][15]).toBeCloseTo(1, 9);
  });

  it('reports a surplus as a negative gap with no warning', () => {
    // Demand 10 MW: 10 + 1 − 13 = −2 MW before noon, 10 + 1 − 17 = −6 MW after.
    const surplus = assessScenario(s, flatForecast(s, 10), { samples: 20 });
    expect(surplus.system.gapMean[3]).toBeCloseTo(-2, 9);
    expect(surplus.system.gapMean[15]).toBeCloseTo(-6, 9);
    expect(Array.from(surplus.system.expectedLevel)).toEqual(Array(24).fill(0));
    expect(Array.from(surplus.system.probabilities[0])).toEqual(Array(24).fill(1));
  });

  it('groups hours into the announced periods with their worst gap and MWh', () => {
    const morning = a.system.periods.find((p) => p.fromHour === 5)!; // 05–09 h: 4 h of a 4 MW gap
    expect(morning.peakGapMW).toBeCloseTo(4, 9);
    expect(morning.gapMWh).toBeCloseTo(16, 9);
    expect(a.system.periods.map((p) => `${p.fromHour}-${p.toHour}`)).toEqual(['0-5', '5-9', '9-15', '15-22', '22-24']);
  });
});

const bundled = (f: string) => loadScenarioText(f, readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8')).scenario!;
const assessed = new Map<string, Assessment>();
function assess(f: string, options = {}): Assessment {
  const key = `${f}${JSON.stringify(options)}`;
  if (!assessed.has(key)) {
    const s = bundled(f);
    assessed.set(key, assessScenario(s, forecastScenario(s), { samples: 400, ...options }));
  }
  return assessed.get(key)!;
}

describe('the bundled stories', () => {
  it('heat wave: level II in the 15–22 h period on the hottest days', () => {
    const a = assess('heat-wave.json');
    const evening = a.system.periods.filter((p) => p.fromHour === 15);
    expect(Math.max(...evening.map((p) => p.level))).toBe(3); // II
    expect(evening.filter((p) => p.level === 3).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...a.system.periods.filter((p) => p.fromHour !== 15).map((p) => p.level))).toBeLessThan(3);
  }, 60_000);

  it('hydro week: an energy gap on working days while the hourly power gap stays at level IV or below', () => {
    const a = assess('hydro-drought.json');
    expect(a.energy.filter((e) => e.level >= 2).length).toBeGreaterThanOrEqual(5); // level III or worse
    expect(Math.max(...a.system.expectedLevel)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('local import limit: a local gap with no system gap', () => {
    const a = assess('local-limit.json');
    expect(Math.max(...a.system.expectedLevel)).toBe(0);
    expect(a.local.map((l) => l.area)).toEqual(['S03']);
    expect(Math.max(...a.local[0].expectedLevel)).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('coal shortage and wind collapse: level II on the three days after the wind drops', () => {
    const a = assess('coal-wind.json');
    const dayLevel = (d: number) => Math.max(...a.system.periods.filter((p) => p.day === d).map((p) => p.level));
    expect([1, 2, 3].map(dayLevel)).toEqual([3, 3, 3]);
  }, 60_000);
});

describe('probabilities and seeds', () => {
  it('give level probabilities that sum to one in every hour', () => {
    const a = assess('heat-wave.json');
    for (const g of [a.system, ...a.local]) {
      for (let h = 0; h < a.hours; h++) expect(g.probabilities.reduce((s, p) => s + p[h], 0)).toBeCloseTo(1, 9);
    }
  });

  it('reproduce the same figures from the same seed, and others from another', () => {
    const s = bundled('unit-trip.json');
    const f = forecastScenario(s);
    const one = assessScenario(s, f, { samples: 200, seed: 7 });
    const again = assessScenario(s, f, { samples: 200, seed: 7 });
    const other = assessScenario(s, f, { samples: 200, seed: 8 });
    expect(Array.from(again.system.gapAtConfidence)).toEqual(Array.from(one.system.gapAtConfidence));
    expect(Array.from(other.system.gapAtConfidence)).not.toEqual(Array.from(one.system.gapAtConfidence));
  }, 60_000);
});

describe('bulletins', () => {
  it('name the area, the periods, the level and the lead time in Chinese and English', () => {
    const a = assess('heat-wave.json');
    const s = bundled('heat-wave.json');
    const b = buildBulletin(a, { id: 'C', name: s.areas[0].name, nameZh: s.areas[0].nameZh });
    expect(b.level).toBe('II');
    expect(b.text.en).toMatch(/^POWER SUPPLY WARNING — Jiangcheng/);
    expect(b.text.en).toMatch(/2024-07-2\d 15:00–22:00 {2}level II \(orange\)/);
    expect(b.text.zh).toMatch(/^【电力供需预警】江城市/);
    expect(b.text.zh).toMatch(/II级（橙色）/);
    expect(b.leadTimeHours).toBeGreaterThan(24);
    expect(b.prepare.en.at(-1)).toMatch(/level II plan/);
  });

  it('write Chinese as a Chinese notice is written: full-width punctuation, times in 年月日 and 时, no ISO stamp', () => {
    for (const story of ['heat-wave.json', 'hydro-drought.json', 'local-limit.json']) {
      const a = assess(story);
      const s = bundled(story);
      const zh = buildBulletin(a, { id: 'C', name: s.areas[0].name, nameZh: s.areas[0].nameZh }).text.zh;
      // A clock time's colon (15:00) and a decimal point aside, none of ( ) , : ; in Chinese text.
      const halfWidth = zh.split('\n').filter((line) => /[();]|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)/.test(line));
      expect(halfWidth, story).toEqual([]);
      expect(zh, story).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(zh, story).toMatch(/^发布时间：20\d\d年\d{1,2}月\d{1,2}日\d\d:00；有效期：20\d\d年\d{1,2}月\d{1,2}日\d\d:00 至 20\d\d年\d{1,2}月\d{1,2}日\d\d:00。$/m);
    }
  });

  it('say which periods escalated or eased against the last bulletin', () => {
    const s = bundled('heat-wave.json');
    const a = assess('heat-wave.json');
    const first = buildBulletin(a, { id: 'C', name: 'Jiangcheng' });
    // A later issue, after the forecast dropped by 6 %: the evening periods ease.
    const f = forecastScenario(s);
    const cooler: ScenarioForecast = { ...f, system: { ...f.system, quantiles: f.system.quantiles.map((q) => q.map((v) => v * 0.94)) } };
    const later = buildBulletin(assessScenario(s, cooler, { samples: 400 }), { id: 'C', name: 'Jiangcheng' }, first);
    expect(later.changes.some((c) => c.kind === 'eased' || c.kind === 'ended')).toBe(true);
    expect(later.changes.every((c) => c.kind !== 'escalated')).toBe(true);
    expect(later.text.en).toMatch(/Change: C 2024-07-2\d 15:00–22:00 (eased|ended)/);
  }, 60_000);
});
