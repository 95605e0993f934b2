/**
 * The situation bar's figures and words (ui/situation.ts) on the bundled stories' own warnings, in
 * plain Node: the badge, one row per warned area — the system, an area short of import capacity,
 * the energy-short days — and the issue and next bulletin times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastScenario } from '../../core/forecast/scenario-forecast.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';
import { buildBulletin } from '../../core/warning/bulletin.ts';
import { situationOf, whatIfText } from '../../ui/situation.ts';
import { bulletinArea } from '../../worker/engine/warn.ts';
import { repoRoot } from '../support/data-dir.ts';

const stories = new Map<string, { a: ReturnType<typeof assessScenario>; b: ReturnType<typeof buildBulletin> }>();
function warned(name: string) {
  if (!stories.has(name)) {
    const file = join(repoRoot, 'scenarios', `${name}.json`);
    const s = loadScenarioText(file, readFileSync(file, 'utf8')).scenario!;
    const a = assessScenario(s, forecastScenario(s), { samples: 300 });
    stories.set(name, { a, b: buildBulletin(a, bulletinArea(s)) });
  }
  return stories.get(name)!;
}

describe('the situation at a glance', () => {
  it('heat wave: a level II badge for the system with its evening period, gap, share and lead time, in both languages', () => {
    const { a, b } = warned('heat-wave');
    const zh = situationOf(a, b, 'zh'), en = situationOf(a, b, 'en');
    expect(zh.level).toBe('II');
    expect(zh.headline).toMatch(/^II级 橙色预警 · 全网 · \d\d-\d\d 15–22时 · 缺口 \d[\d,]* MW（\d+\.\d %） · 提前量 \d+ h$/);
    expect(en.headline).toMatch(/^Level II orange warning · system · [A-Z][a-z]{2} \d{1,2} 15:00–22:00 · gap \d[\d,]* MW \(\d+\.\d %\) · lead time \d+ h$/);
    expect(zh.rows[0].kind).toBe('system');
    // The lead time is the bulletin's own (both count to the first warned hour).
    expect(zh.rows[0].leadHours).toBe(b.leadTimeHours);
  }, 60_000);

  it('local limit: the level II of Linhu 110 kV is the badge although the system has no gap', () => {
    const { a, b } = warned('local-limit');
    const s = situationOf(a, b, 'en');
    expect(s.level).toBe('II');
    expect(s.rows.map((r) => r.kind)).toEqual(['local']);
    expect(s.rows[0].areaName).toBe('Linhu 110 kV');
    expect(s.headline).toMatch(/^Level II orange warning · Linhu 110 kV \(local\) · Jul \d+ 15:00–22:00 · gap \d+ MW/);
  }, 60_000);

  it('hydro drought: the level III energy shortage has its own row and is the badge, above the system\'s level IV', () => {
    const { a, b } = warned('hydro-drought');
    const s = situationOf(a, b, 'zh');
    expect(s.level).toBe('III');
    expect(s.rows[0].kind).toBe('energy');
    expect(s.rows[0].text).toMatch(/^III级 黄色预警 · 电量（日电量） · 08-\d\d–08-\d\d（\d 天） · 缺电量 [\d,]+ MWh（\d+\.\d %） · 提前量 \d+ h$/);
    expect(s.rows.some((r) => r.kind === 'system' && r.level === 'IV')).toBe(true);
  }, 60_000);

  it('says when the bulletin was issued and when the next is due, on the grid\'s clock', () => {
    const { a, b } = warned('local-limit');
    expect(situationOf(a, b, 'zh').issued).toBe('发布 07-28 10:00 · 下次发布 07-29 10:00');
    expect(situationOf(a, b, 'en').issued).toBe('issued Jul 28 10:00 · next bulletin Jul 29 10:00');
  }, 60_000);

  it('says there is no warning when no area is warned', () => {
    const { a, b } = warned('local-limit');
    const calm = { ...b, periods: [], energy: [], level: 'none' as const };
    const s = situationOf(a, calm, 'en');
    expect(s.level).toBe('none');
    expect(s.rows).toEqual([]);
    expect(s.headline).toBe('No warning · no supply gap expected over the horizon');
  }, 60_000);

  it('names what a what-if changed, with units', () => {
    expect(whatIfText({ lostMW: 150, tempOffsetC: 2, noticeHours: 4 }, 'en')).toBe('supply −150 MW · +2 °C · notice 4 h');
    expect(whatIfText({ lostMW: 0, tempOffsetC: -1.5, noticeHours: null }, 'zh')).toBe('−1.5 °C');
  });
});
