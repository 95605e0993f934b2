/**
 * `orderly replan` end to end on the bundled heat wave (the default scenario): its plan saved,
 * the meters of its story (what the meters saw on its busiest day, 2024-07-25), the plan revised
 * at 13:00 that day, the revision saved, read back and checked again — and a revision edited to
 * claim fewer notices issued refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/data-dir.ts';
import { planRowsOf } from '../support/plan-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-replan-'));
const scenario = join(repoRoot, 'scenarios/heat-wave.json');
const plan = join(dir, 'plan.json'), meters = join(dir, 'meters.csv'), revised = join(dir, 'revised.json');
const AT = '2024-07-25T13:00+08:00';

beforeAll(async () => {
  const p = await runCli('plan', scenario, '--samples', '200', '--out', plan);
  expect(p.code).toBe(0);
  const m = await runCli('execution', 'meters', scenario, '--plan', plan, '--out', meters, '--seed', '1');
  expect(m.code).toBe(0);
  expect(m.stdout).toContain('the day of execution 2024-07-25');
}, 240_000);

describe('orderly replan', () => {
  it('names an empty or broken --log as the status log it should be, not as a scenario; notices and simulate --measured likewise', async () => {
    const empty = join(dir, 'empty.json'), broken = join(dir, 'broken.json');
    writeFileSync(empty, '');
    writeFileSync(broken, '{"steps": [');
    const r = await runCli('replan', scenario, '--plan', plan, '--actuals', meters, '--unit', 'kW', '--at', AT, '--log', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${empty}: expected a JSON status log, found an empty file`);
    expect(r.stderr).not.toMatch(/scenario/);
    const b = await runCli('replan', scenario, '--plan', plan, '--actuals', meters, '--unit', 'kW', '--at', AT, '--log', broken);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/broken\.json.*expected valid JSON/);
    const n = await runCli('notices', plan, '--scenario', scenario, '--log', empty);
    expect(n.stderr).toContain(`${empty}: expected a JSON status log, found an empty file`);
    const m = await runCli('simulate', scenario, '--plan', plan, '--measured', empty, '--futures', '10');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(`${empty}: expected a JSON measured compliance, found an empty file`);
  }, 120_000);

  it('says when the meters stop hours before T: the level is measured on older hours and the output says how old, in both languages', async () => {
    // The story's day taken out: the last reading is the evening before, 13 h before 13:00.
    const early = join(dir, 'meters-stop-early.csv');
    writeFileSync(early, readFileSync(meters, 'utf8').split('\n').filter((l) => !l.startsWith('2024-07-25,')).join('\n'));
    const r = await runCli('replan', scenario, '--plan', plan, '--actuals', early, '--unit', 'kW', '--at', AT, '--lang', 'both');
    expect(r.stdout).toContain('WARNING: the meters stop 13 h before T (last reading for the hour from 2024-07-24T23:00+08:00), so the level is 13 h old');
    expect(r.stdout).toContain('注意：电表数据止于调整时刻前 13 小时');
    // Meters that reach T say nothing of the kind.
    const fine = await runCli('replan', scenario, '--plan', plan, '--actuals', meters, '--unit', 'kW', '--at', AT, '--lang', 'both');
    expect(fine.stdout).not.toMatch(/WARNING: the meters stop|电表数据止于/);
  }, 120_000);

  it('revises the plan in force at 13:00 from the meters, verified relative to T, and prints the changes in both languages', async () => {
    const r = await runCli('replan', scenario, '--plan', plan, '--actuals', meters, '--unit', 'kW', '--at', AT, '--out', revised);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`日内滚动调整：${plan}，调整时刻 ${AT}`);
    expect(r.stdout).toContain(`Re-plan during the day: ${plan} at ${AT}`);
    // The level: the system's meter over the last three hours before 13:00, with what the plan
    // ordered released then added back (the forecast is of the load without the orders).
    const level = /forecast level: measured \/ forecast = ([\d.]+) — the remaining forecast of every area, from 2024-07-25T13:00\+08:00 to the end of the day \(2024-07-26T00:00\+08:00\), scaled by the system's demand over the forecast in the last 3 measured hours before T \(metered ([\d.]+) \+ ordered by the plan in force (-?[\d.]+) MWh, over ([\d.]+) MWh forecast\)/.exec(r.stdout)!;
    expect(level).not.toBeNull();
    expect(Number(level[1])).toBeCloseTo((Number(level[2]) + Number(level[3])) / Number(level[4]), 4);
    for (const h of ['10:00', '11:00', '12:00']) expect(r.stdout).toMatch(new RegExp(`2024-07-25T${h}\\+08:00  metered [\\d.]+ MW \\+ ordered -?[\\d.]+ MW, forecast [\\d.]+ MW`));
    expect(r.stdout).toContain('VERIFIED (notice counted from T): finite, protected, feeder, bounds, floor, notice, daily-hours, shift, coverage, residual, ladder, revision — all hold');
    const counts = /changes against the plan in force: (\d+) added, (\d+) cancelled, (\d+) increased, (\d+) reduced/.exec(r.stdout)!;
    expect(counts).not.toBeNull();
    expect(r.stdout).toContain(`与在执行方案相比：新增 ${counts[1]} 户，取消 ${counts[2]} 户，增加 ${counts[3]} 户，减少 ${counts[4]} 户`);
    expect(r.stdout).toMatch(/ {2}customer +name +change +notified +hours +MWh before→after +largest MW +hours changed/);
    expect(r.stdout).toMatch(/ {2}户号 +户名 +调整 +已通知/);
    expect(r.stdout).toContain(`revised plan written to ${revised}`.replace('revised plan written to', '调整后的方案已写入'));

    // The revision against the plan in force, checked here from the files themselves.
    const before = planRowsOf(plan), after = planRowsOf(revised);
    expect(JSON.parse(readFileSync(revised, 'utf8')).format).toBe('orderly-plan/2');
    expect(after.revision?.at).toBe(AT);
    const t = after.times.indexOf(AT);
    expect(t).toBeGreaterThan(0);
    const s = JSON.parse(readFileSync(scenario, 'utf8'));
    const notice = new Map<string, number>(s.customers.map((c: { id: string; noticeHours?: number }) => [c.id, c.noticeHours ?? s.policy.defaultNoticeHours]));
    const mwOf = (p: typeof before, id: string, m: string) => p.orders.find((o: { customer: string; measure: string }) => o.customer === id && o.measure === m)?.mw ?? Array(p.hours).fill(0);
    const keys = new Set([...before.orders, ...after.orders].map((o: { customer: string; measure: string }) => `${o.customer}|${o.measure}`));
    let changedAfterT = 0;
    for (const key of keys) {
      const [id, m] = key.split('|');
      const a = mwOf(before, id, m), b = mwOf(after, id, m);
      // The past as it was; from T on, nothing above the plan in force inside the customer's lead time.
      for (let h = 0; h < t; h++) expect(b[h]).toBeCloseTo(a[h], 6);
      for (let h = t; h < after.hours; h++) {
        if (Math.abs(b[h] - a[h]) > 1e-6) changedAfterT++;
        if (h - t < notice.get(id)!) expect(b[h]).toBeLessThanOrEqual(a[h] + 1e-6);
      }
    }
    expect(changedAfterT).toBeGreaterThan(0);
    // The gap grew (the meters read above the forecast): the residual is reported, not hidden.
    if (Number(level[1]) > 1) expect(r.stdout).toMatch(/RESIDUAL GAP: [\d.]+ MWh, peak [\d.]+ MW \([\d.]+ MWh of it for want of notice\)|residual gap: none/);
  }, 240_000);

  it('saves a revision that reads back verified, and refuses it once edited to claim a notice was never issued', async () => {
    const n = await runCli('notices', revised, '--scenario', scenario, '--lang', 'en');
    expect(n.stderr).toBe('');
    expect(n.code).toBe(0);
    // Claim none of 2024-07-25's notices went out: the orders kept inside their lead times are then orders without notice.
    const edited = join(dir, 'edited.json');
    const saved = JSON.parse(readFileSync(revised, 'utf8'));
    saved.revision.notified = saved.revision.notified.filter((id: string) => !id.endsWith('@2024-07-25'));
    writeFileSync(edited, JSON.stringify(saved));
    const r = await runCli('notices', edited, '--scenario', scenario);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/notice: C\d+ hour \d+ \(day 3, \d\d:00\): ordered [\d.]+ h ahead of the revision, needs \d+ h \(and was not notified for the day\)/);
  }, 240_000);

  it('re-plans the revision again at 17:00 (the level measured again, the earlier one kept for the hours before), verified, and reads it back', async () => {
    const again = join(dir, 'again.json');
    const r = await runCli('replan', scenario, '--plan', revised, '--actuals', meters, '--unit', 'kW', '--at', '2024-07-25T17:00+08:00', '--out', again, '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('VERIFIED (notice counted from T)');
    const saved = planRowsOf(again);
    expect(saved.revision?.at).toBe('2024-07-25T17:00+08:00');
    expect(saved.revision?.forecast.earlier?.map((l) => l.from)).toEqual([AT]);
    // The 13:00 level as that revision had it (to the end of the day; it governs the hours up to 17:00).
    expect(saved.revision?.forecast.earlier?.[0]).toEqual({ ratio: planRowsOf(revised).revision?.forecast.ratio, from: AT, until: '2024-07-26T00:00+08:00' });
    const n = await runCli('notices', again, '--scenario', scenario, '--lang', 'en');
    expect(n.code).toBe(0);
    const early = await runCli('replan', scenario, '--plan', again, '--actuals', meters, '--unit', 'kW', '--at', '2024-07-25T16:00+08:00');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--at: expected a time after the revision in force was made (2024-07-25T17:00+08:00), found 2024-07-25T16:00+08:00');
  }, 240_000);

  it('refuses a time outside the plan, and meters without the system\'s meter, naming what is expected', async () => {
    const early = await runCli('replan', scenario, '--plan', plan, '--actuals', meters, '--unit', 'kW', '--at', '2024-07-01T13:00+08:00');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--at: expected a time inside the plan after its first hour (2024-07-22T00:00+08:00 to 2024-07-28T23:00+08:00), found 2024-07-01T13:00+08:00');
    const noSystem = join(dir, 'no-system.csv');
    writeFileSync(noSystem, readFileSync(meters, 'utf8').split('\n').filter((l) => !l.includes(',area,')).join('\n'));
    const r = await runCli('replan', scenario, '--plan', plan, '--actuals', noSystem, '--unit', 'kW', '--at', AT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected the system's meter \(area C, Jiangcheng\) with readings in the hours before 2024-07-25T13:00\+08:00/);
  }, 240_000);
});
