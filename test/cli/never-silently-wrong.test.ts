/**
 * The command line on files a dispatcher actually has — a temperature feed that stops early, a new
 * substation with an hour of history, loads in the wrong unit — refuses them with the place and the
 * expectation, or answers and says what the answer rests on; never a calm NaN, "no warning" or
 * "VERIFIED" from data that cannot carry it. (Issue "Never silently wrong", cases 1–3.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hydrate } from '../../core/scenario/hydrate.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';
import { runCli } from '../support/cli.ts';
import { planRowsOf } from '../support/plan-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-silent-'));
const path = (name: string) => join(dir, name);
const heatWave = (): ScenarioFile => JSON.parse(readFileSync(new URL('../../scenarios/heat-wave.json', import.meta.url), 'utf8'));
const save = (name: string, s: ScenarioFile) => (writeFileSync(path(name), JSON.stringify(s)), path(name));

describe('weather that does not reach the study start', () => {
  const file = (() => {
    const s = heatWave();
    for (const st of s.weather.stations) st.history!.values = st.history!.values.slice(0, -72);
    return save('weather-cut.json', s);
  })();
  const expected = /weather\.stations\[0\]\.history: expected temperatures in every hour from 2024-07-20T00:00\+08:00 .* found none from 2024-07-19T00:00\+08:00 to 2024-07-21T23:00\+08:00 \(72 h\)/;

  it('is refused by validate with each station and the hours', async () => {
    const r = await runCli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).toMatch(/weather\.stations\[1\]\.history/);
  });

  it('is refused by warn instead of printing periods of −∞ and NaN', async () => {
    const r = await runCli('warn', file, '--samples', '50');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stdout).not.toMatch(/NaN|Infinity|-∞/);
  }, 60_000);

  it('is refused by plan instead of a need of NaN that passes the verifier', async () => {
    const r = await runCli('plan', file, '--samples', '50');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stdout).not.toMatch(/VERIFIED|NaN/);
  }, 60_000);
});

describe('a substation with one hour of history', () => {
  const town = generateScenarioFile({ scale: 'town', seed: 3 });
  const fullFile = (() => {
    writeFileSync(path('town.json'), serializeScenario(hydrate(structuredClone(town))));
    return path('town.json');
  })();
  const cutFile = (() => {
    const s: ScenarioFile = JSON.parse(serializeScenario(hydrate(structuredClone(town))));
    const h = s.history.load.find((x) => x.of === 'area' && x.id === 'S01')!;
    h.values = h.values.slice(-1);
    h.start = formatInZone(parseTimestamp(s.study.start)!.ms - HOUR_MS, resolveZone(s.timeZone)!);
    return save('town-s01-1h.json', s);
  })();

  it('is warned about with a note in the output and in the bulletin, in both languages', async () => {
    const r = await runCli('warn', cutFile, '--samples', '100');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DATA NOTES — these figures rest on data that could carry them only in part:\n {2}• .*\(S01\): forecast from its customers' load profiles only — 1 h of usable history/);
    expect(r.stdout).toMatch(/Data notes \(this bulletin rests on them\):\n {2}.*\(S01\): forecast from its customers' load profiles only/);
    expect(r.stdout).toMatch(/数据说明（本预警据此作出）：\n {2}.*S01.*可用负荷历史仅 1 小时/);
    const json = await runCli('warn', cutFile, '--samples', '100', '--json');
    const out = JSON.parse(json.stdout);
    expect(out.notes.map((n: { code: string; subject: string }) => `${n.code} ${n.subject}`)).toEqual(['profile-forecast S01']);
    expect(out.bulletin.notes.en).toHaveLength(1);
  }, 60_000);

  it('is planned for a gap of the size the full history gives, with the note on the plan', async () => {
    const largest = (stdout: string) => Number(/largest ([\d,.]+) MW/.exec(stdout)![1].replace(/,/g, ''));
    const full = await runCli('plan', fullFile, '--samples', '200');
    const cut = await runCli('plan', cutFile, '--samples', '200', '--out', path('cut-plan.json'));
    expect(full.code).toBe(0);
    expect(cut.code).toBe(0);
    expect(largest(full.stdout)).toBeGreaterThan(5);
    expect(largest(cut.stdout)).toBeGreaterThan(0.5 * largest(full.stdout));
    expect(largest(cut.stdout)).toBeLessThan(2 * largest(full.stdout));
    expect(cut.stdout).toMatch(/DATA NOTES[^\n]*\n {4}• .*\(S01\): forecast from its customers' load profiles only/);
    const saved = JSON.parse(readFileSync(path('cut-plan.json'), 'utf8'));
    expect(saved.notes.map((n: { code: string }) => n.code)).toEqual(['profile-forecast']);
  }, 120_000);
});

describe('implausible loads', () => {
  it('refuses a history of 1e300 MW in validate and plan', async () => {
    const s = heatWave();
    s.history.load[0].values[100] = 1e300;
    const file = save('huge-load.json', s);
    for (const command of ['validate', 'plan']) {
      const r = await runCli(command, file, ...(command === 'plan' ? ['--samples', '50'] : []));
      expect(r.code, command).toBe(2);
      expect(r.stderr).toMatch(/history\.load\[0\]\.values\[100\]: expected a value of at most 10,000,000 MW .*found 1\.000e\+300 MW/);
      expect(r.stdout).not.toMatch(/VERIFIED/);
    }
  }, 60_000);

  it('refuses a history of zeros instead of a plan scale of NaN %', async () => {
    const s = heatWave();
    for (const h of s.history.load) if (h.of === 'area') h.values = h.values.map(() => 0);
    const r = await runCli('plan', save('zero-load.json', s), '--samples', '50');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/history\.load\[0\]: expected a load history of area S01 with load in it, found 0 MW in all 17520 hours/);
    expect(r.stdout).not.toMatch(/NaN/);
  }, 60_000);

  it('refuses an hourly CSV of 1e300 kW on import', async () => {
    writeFileSync(path('big.csv'), 'time,load_kw\n2024-07-01T00:00+08:00,1e300\n2024-07-01T01:00+08:00,5\n');
    const r = await runCli('import', '--csv', path('big.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--tz', 'Asia/Shanghai');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.csv:row 2, column load_kw: expected a load of at most 10,000,000 MW \(10 TW, larger than any grid\), found 1e300 kW: is the unit right\?/);
  });
});

describe('plans read back', () => {
  const scenario = join(dir, 'unit-trip.json');
  writeFileSync(scenario, readFileSync(new URL('../../scenarios/unit-trip.json', import.meta.url)));
  const planFile = path('unit-trip-plan.json');
  const edit = (name: string, change: (p: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const p = planRowsOf(planFile);
    change(p);
    writeFileSync(path(name), JSON.stringify(p));
    return path(name);
  };

  it('play out as written, and are refused (exit 3) once edited to open every feeder carrying residents', async () => {
    expect((await runCli('plan', scenario, '--samples', '100', '--out', planFile)).code).toBe(0);
    const fine = await runCli('simulate', scenario, '--plan', planFile, '--futures', '20');
    expect(fine.code).toBe(0);
    // The risk beyond the band: how likely any load goes unserved, and the worst hour's P95 and worst future.
    expect(fine.stdout).toMatch(/P\(any load unserved\) +\d+\.\d %/);
    expect(fine.stdout).toMatch(/worst hour: P\(unserved\) · P95\/max +(none|h\d+ \d+\.\d % · [\d,.]+\/[\d,.]+ MW)/);
    const s = JSON.parse(readFileSync(scenario, 'utf8')) as ScenarioFile;
    const residential = s.feeders.filter((f) => f.residentialShare > 0);
    const edited = edit('opened-residents.json', (p) => {
      p.feedersOpened = residential.map((f) => ({ feeder: f.id, area: f.substation, hours: p.hours, peakMW: 1, energyMWh: 1, open: Array.from({ length: p.hours }, (_, h) => h) }));
    });
    const r = await runCli('simulate', scenario, '--plan', edited, '--futures', '20');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/: feeder: feeder F\d+ is opened but serves (a protected customer|residents)/);
    expect(r.stdout).not.toMatch(/P\(protected cut\)|0\.0 %/);
  }, 120_000);

  it('are refused (exit 2) with the place when an order is null or the plan names another file', async () => {
    const nulled = await runCli('simulate', scenario, '--plan', edit('null-order.json', (p) => p.orders.push(null)), '--futures', '20');
    expect(nulled.code).toBe(2);
    expect(nulled.stderr).toMatch(/orders\[\d+\]: expected an order, found null/);
    expect(nulled.stderr).not.toMatch(/Cannot read properties/);
    const other = await runCli('simulate', scenario, '--plan', edit('other.json', (p) => { p.scenario.sha256 = '0'.repeat(64); }), '--futures', '20');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/scenario\.sha256: expected the content hash of .*unit-trip\.json .*the plan was made for another file/);
  }, 120_000);
});
