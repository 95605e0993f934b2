/**
 * The command line: `orderly validate` exits 0 for a valid scenario and 2 for an invalid one,
 * printing each problem as `path: expected …, found …`; `generate` writes a valid file; `import`
 * brings CSV history into a scenario without losing what was there when it fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';
import { repoRoot } from '../support/data-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-cli-'));
const path = (name: string) => join(dir, name);

const run = runCli;

describe('orderly validate', () => {
  it('exits 0 and prints a summary for a valid scenario', async () => {
    writeFileSync(path('tiny.json'), JSON.stringify(tinyScenario()));
    const r = await run('validate', path('tiny.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tiny\.json: valid/);
    expect(r.stdout).toMatch(/customers\s+5: 3 curtailable, 2 protected/);
  });

  it('exits 2 and prints every problem as path: expected, found', async () => {
    const s = tinyScenario() as any;
    s.feeders[1].substation = 'S-99';
    s.history.load[0].values[2] = null;
    writeFileSync(path('broken.json'), JSON.stringify(s));
    const r = await run('validate', path('broken.json'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `${path('broken.json')}: 2 problems`,
      'feeders[1].substation: unknown area "S-99"',
      'history.load[0]: hour 2024-07-01T02:00+08:00 missing',
    ]);
  });

  it('refuses a 2 GB file without reading it', async () => {
    writeFileSync(path('huge.json'), '');
    truncateSync(path('huge.json'), 2 * 1024 ** 3); // sparse: no disk used
    const started = Date.now();
    const r = await run('validate', path('huge.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a scenario file of at most 512\.0 MB, found 2\.0 GB/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says so when the file does not exist', async () => {
    const r = await run('validate', path('missing.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: expected a file, found nothing at this path/);
  });

  it('gives JSON with --json', async () => {
    const r = await run('validate', path('broken.json'), '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, total: 2 });
  });

  it('exits 1 with the usage on a wrong command', async () => {
    const r = await run('validat', 'x.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command "validat"/);
  });
});

describe('orderly generate', () => {
  it('writes a valid scenario that validates from the command line', async () => {
    const g = await run('generate', '--scale', 'town', '--seed', '4', '--out', path('town.json'));
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(/wrote .*town\.json/);
    const v = await run('validate', path('town.json'));
    expect(v.code).toBe(0);
  });

  it('refuses an unknown scale with the list of scales', async () => {
    const g = await run('generate', '--scale', 'village', '--seed', '1', '--out', path('v.json'));
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/--scale: expected one of town, small-city, city, province, found "village"/);
    expect(existsSync(path('v.json'))).toBe(false);
  });
});

describe('orderly import', () => {
  const csv = ['time,load_kw,temp_f', ...Array.from({ length: 48 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 6, 1, i));
    const stamp = `${d.toISOString().slice(0, 10)} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
    return `${stamp},"1${String(2000 + i * 10).padStart(4, '0')}",${86 + (i % 24) / 4}`;
  })].join('\n');

  it('reads a CSV and reports what it holds', async () => {
    writeFileSync(path('load.csv'), csv);
    const r = await run('import', '--csv', path('load.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--temp', 'temp_f', '--temp-unit', '°F', '--tz', 'Asia/Shanghai');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/48 hours, 2024-07-01T00:00\+08:00 to 2024-07-02T23:00\+08:00/);
    expect(r.stdout).toMatch(/load\s+MW\s+min 12\.00/);
  });

  it('puts CSV history into a scenario and the result is valid', async () => {
    const r = await run('import', '--csv', path('load.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--temp', 'temp_f', '--temp-unit', '°F',
      '--tz', 'Asia/Shanghai', '--into', path('tiny.json'), '--area', 'S2', '--station', 'W1', '--out', path('tiny-imported.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(path('tiny-imported.json'), 'utf8'));
    const series = s.history.load.find((h: any) => h.id === 'S2');
    expect(series.values[0]).toBe(12);
    expect(s.weather.stations[0].history.values[0]).toBe(30);
  });

  it('leaves the scenario file untouched when the CSV has a gap', async () => {
    writeFileSync(path('gap.csv'), csv.split('\n').filter((_, i) => i !== 10).join('\n'));
    writeFileSync(path('keep.json'), JSON.stringify(tinyScenario()));
    const before = readFileSync(path('keep.json'), 'utf8');
    const r = await run('import', '--csv', path('gap.csv'), '--time', 'time', '--load', 'load_kw', '--load-unit', 'kW', '--tz', 'Asia/Shanghai',
      '--into', path('keep.json'), '--area', 'S2', '--out', path('keep.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing/);
    expect(r.stderr).toMatch(/nothing written/);
    expect(readFileSync(path('keep.json'), 'utf8')).toBe(before);
  });
});

describe('the installed command', () => {
  it('runs as `npx orderly` from another directory', async () => {
    const bin = join(repoRoot, 'worker/cli/orderly.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'validate', path('tiny.json')], { cwd: tmpdir() });
    expect(stdout).toMatch(/valid/);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  }, 60_000);
});

const gefcom = (await import('../support/data-dir.ts')).dataFolder('gefcom2012_load');
describe.skipIf(!gefcom)('orderly import --gefcom2012 (real data in the shared folder)', () => {
  it('builds a valid scenario of the 20 zones with their history filled from the official solution', async () => {
    const r = await run('import', '--gefcom2012', gefcom!, '--out', path('gefcom.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/history through 2008-06-30T05:00-05:00/);
    expect(r.stdout).toMatch(/history\s+peak 3,280 MW/);
    const v = await run('validate', path('gefcom.json'));
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/1 province, 20 districts/);
  }, 60_000);
});

describe('orderly warn', () => {
  const scenario = join(repoRoot, 'scenarios/local-limit.json');
  it('prints the period tables and the bulletin, and exits 0', async () => {
    const r = await run('warn', scenario, '--samples', '200', '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^System — expected level/m);
    expect(r.stdout).toMatch(/^Local: .* \(S03\), import limit binds/m);
    expect(r.stdout).toMatch(/POWER SUPPLY WARNING — Qingshui Town/);
    expect(r.stdout).not.toMatch(/【电力供需预警】/);
  }, 60_000);

  it('gives JSON, saves the bulletin, and says what changed when issued again later', async () => {
    const first = await run('warn', scenario, '--samples', '200', '--json', '--out', path('bulletin-1.json'));
    const json = JSON.parse(first.stdout);
    expect(json.bulletin.format).toBe('orderly-bulletin/1');
    expect(json.local[0].area).toBe('S03');
    expect(Object.values(json.system.periods[0].probabilities as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Issued a day later, the first day's periods are gone from the horizon: they have ended.
    const later = await run('warn', scenario, '--samples', '200', '--at', '2024-07-30T00:00+08:00', '--previous', path('bulletin-1.json'), '--json');
    const b = JSON.parse(later.stdout).bulletin;
    expect(b.issuedAt).toBe('2024-07-30T00:00+08:00');
    expect(b.changes.some((c: { kind: string; date: string }) => c.kind === 'ended' && c.date === '2024-07-29')).toBe(true);
  }, 90_000);

  it('refuses a previous bulletin that is not one', async () => {
    writeFileSync(path('not-bulletin.json'), '{"hello": 1}');
    const r = await run('warn', scenario, '--previous', path('not-bulletin.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a bulletin saved by `orderly warn --out`/);
  });
});
