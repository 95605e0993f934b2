/**
 * The day of execution on the command line, on the local-limit town: a saved plan's notices, the
 * meters of its story, the meter file checked, the execution report with its CSV files — and a
 * plan edited by hand or made for another file refused before anything is made from it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { planRowsOf } from '../support/plan-rows.ts';
import { repoRoot } from '../support/data-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-execution-'));
const scenario = join(repoRoot, 'scenarios/local-limit.json');
const plan = join(dir, 'plan.json'), meters = join(dir, 'meters.csv');

beforeAll(async () => {
  const r = await runCli('plan', scenario, '--samples', '200', '--out', plan);
  expect(r.code).toBe(0);
}, 120_000);

describe('orderly notices', () => {
  it('lists one notice per customer and day, earliest deadline first, and writes them as CSV', async () => {
    const csv = join(dir, 'notices.csv');
    const r = await runCli('notices', plan, '--scenario', scenario, '--csv', csv, '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const saved = planRowsOf(plan); // the saved plan (orderly-plan/2) as rows
    const perDay = saved.customers.reduce((a: number, c: { mw: number[] }) => a + new Set(c.mw.map((v, h) => (v > 1e-6 ? saved.times[h].slice(0, 10) : '')).filter(Boolean)).size, 0);
    expect(r.stdout.split('\n')[0]).toBe(`Notices: ${perDay} (one per customer and day), by the time each must go out`);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(perDay + 1);
    const deadlines = rows.slice(1).map((l) => l.split(',')[10]);
    expect([...deadlines].sort()).toEqual(deadlines);
  }, 120_000);

  it('finds the scenario by the content hash the plan names when --scenario is not given, and says which', async () => {
    const r = await runCli('notices', plan, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('scenario: scenarios/local-limit.json (the file whose content hash the plan names)');
    const saved = JSON.parse(readFileSync(plan, 'utf8'));
    const orphan = join(dir, 'orphan.json');
    writeFileSync(orphan, JSON.stringify({ ...saved, scenario: { ...saved.scenario, sha256: 'f'.repeat(64) } }));
    const o = await runCli('notices', orphan);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/notices needs --scenario SCENARIO: .* no file beside .*orphan\.json or in \.\/scenarios has the content hash it names \(ffffffffffffffff…/);
  }, 120_000);

  it('applies a status log and raises an alarm for a notice past its deadline unacknowledged; refuses an illegal step', async () => {
    const first = readFileSync(join(dir, 'notices.csv'), 'utf8').split('\n')[1].split(',');
    const [id, deadline] = [first[0], first[10]];
    const log = join(dir, 'log.json');
    writeFileSync(log, JSON.stringify({ steps: [{ notice: id, to: 'notified', at: deadline, by: 'duty dispatcher' }] }));
    const r = await runCli('notices', plan, '--scenario', scenario, '--log', log, '--at', '2024-07-29T23:00+08:00', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${id}: notified, not acknowledged — deadline ${deadline.replace('+', '\\+')}`));
    writeFileSync(log, JSON.stringify({ steps: [{ notice: id, to: 'executed', at: deadline, by: 'duty dispatcher' }] }));
    const bad = await runCli('notices', plan, '--scenario', scenario, '--log', log);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${log}: steps[0].to: expected a step from 待通知 to notify to 已通知 notified, found 已执行 executed`);
  }, 120_000);

  it('refuses (3) a plan edited to curtail a resident, and (2) a plan made for another file', async () => {
    const saved = planRowsOf(plan); // edited as rows, written as orderly-plan/1
    const town = JSON.parse(readFileSync(scenario, 'utf8'));
    const resident = town.customers.find((c: { class: string }) => c.class === 'residential');
    saved.orders.push({ customer: resident.id, measure: 'limit', mw: Array(saved.hours).fill(0.5) });
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(saved));
    const r = await runCli('notices', edited, '--scenario', scenario);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${resident.id} (residential), a protected customer that no plan may touch`);
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...town, name: 'Another town' }));
    const o = await runCli('notices', plan, '--scenario', other);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/scenario\.sha256: expected the content hash of .*the plan was made for another file/);
  }, 120_000);
});

describe('orderly execution and orderly report execution', () => {
  it('makes the meters of the story, checks them, and reports the day in both languages with its CSV files', async () => {
    const m = await runCli('execution', 'meters', scenario, '--plan', plan, '--out', meters, '--seed', '1');
    expect(m.stderr).toBe('');
    expect(m.stdout).toMatch(/^wrote .*meters\.csv: \d+ meters, the day of execution 2024-07-29/);
    const story = /the story: (\d+) customers short of their order \(([^)]*)\), (C\d+) an hour late, feeder (F\d+) \(residents\) down 35 % at ([\d:, ]+) for a fault/.exec(m.stdout)!;
    expect(story).not.toBeNull();
    const i = await runCli('execution', 'import', scenario, '--plan', plan, '--meters', meters, '--unit', 'kW');
    expect(i.code).toBe(0);
    expect(i.stdout).toMatch(/readings every 15 min \(a day per row\), hours 2024-07-09T00:00\+08:00 to 2024-07-29T23:00\+08:00: valid against/);
    const daily = join(dir, 'daily.csv'), short = join(dir, 'short.csv'), evaluation = join(dir, 'evaluation.csv');
    const r = await runCli('report', 'execution', scenario, '--plan', plan, '--meters', meters, '--unit', 'kW', '--day', '2024-07-29', '--baseline', 'day-adjusted',
      '--csv', daily, '--shortfall-csv', short, '--evaluation-csv', evaluation);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('有序用电执行情况报告');
    expect(r.stdout).toContain('Orderly-power execution report');
    expect(r.stdout).toContain(`迟滞执行：`);
    expect(r.stdout).toMatch(new RegExp(`线路 ${story[4]} .*方案与事故拉闸序位均未安排`));
    expect(r.stdout).toMatch(new RegExp(`feeder ${story[4]} .*ordered neither by the plan nor by the emergency order`));
    expect(readFileSync(daily, 'utf8').split('\n')[0]).toBe('日期,实际发生最大负荷(MW),调度下达缺口指标(MW),执行时段,错避峰户数,错避峰负荷(MW),需求响应户数,需求响应负荷(MW),高耗能压限负荷(MW),高耗能压限负荷占比(%),影响电量(MWh),用户执行率(%)');
    const shortRows = readFileSync(short, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    for (const id of story[2].split(', ')) expect(shortRows).toContain(id);
    expect(readFileSync(evaluation, 'utf8').split('\n')[1]).toMatch(/^2024-07-29,2024-07-29,1,\d+,\d+,[\d.]+,2024-07-29,[\d.]+$/);
  }, 240_000);

  it('refuses a meter file with an unknown customer and a reading twice, by row, and exits 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'time,customer,load_MW\n2024-07-29T10:00+08:00,NOPE,1\n2024-07-29T10:00+08:00,C000233,1\n2024-07-29T10:00+08:00,C000233,1\n');
    const r = await runCli('execution', 'import', scenario, '--plan', plan, '--meters', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:row 2, column customer: expected a customer of the scenario, found "NOPE"`);
    // A GBK export (户号 in GBK is not UTF-8): refused, not read with replacement characters.
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.concat([Buffer.from('time,'), Buffer.from([0xbb, 0xa7, 0xba, 0xc5]), Buffer.from(',load_MW\n')]));
    const g = await runCli('execution', 'import', scenario, '--plan', plan, '--meters', gbk);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain(`${gbk}: expected UTF-8 text, found bytes that are not UTF-8 (an export in GBK or another code page? save it as UTF-8)`);
  }, 120_000);
});
