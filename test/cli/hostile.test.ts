/**
 * The command line against hostile files (issue 12): nothing it prints from a file can drive the
 * terminal (escape sequences, C1 controls, bidirectional overrides are shown as \uXXXX), and what
 * it reads back (plans, bulletins) is checked before it is believed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/data-dir.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';
import { planRowsOf } from '../support/plan-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'orderly-hostile-'));
const path = (name: string) => join(dir, name);
const run = runCli;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Any control character a terminal acts on (C0 but newline and tab, DEL, C1, bidi controls). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FAKE = '\u001b[2J\u001b[H\u001b[32m ALL CLEAR: no supply gap \u001b[0m';

describe('terminal escapes from a file are printed escaped', () => {
  it('a scenario name with an ANSI escape is refused, and the escape is shown as \\u001b, not sent to the terminal', async () => {
    const s = tinyScenario();
    s.name = FAKE;
    writeFileSync(path('fake.json'), JSON.stringify(s));
    const r = await run('validate', path('fake.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name: expected text without control characters, found "\\u001b[2J\\u001b[H\\u001b[32m ALL CLEAR: no supply gap \\u001b[0m"');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('an unknown field named with an escape, a C1 CSI and a right-to-left override is printed escaped', async () => {
    const text = JSON.stringify(tinyScenario()).replace('"id":"I1"', '"\\u009b2J\\u202eWMkaep":1,"id":"I1"');
    writeFileSync(path('field.json'), text);
    const r = await run('validate', path('field.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/customers\[2\]\.\\u009b2J\\u202eWMkaep: expected only the known fields/);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('--json stays JSON with the same values, its control characters written as JSON escapes', async () => {
    const s = tinyScenario();
    s.customers[2].name = 'Steel\u009bworks\u202e';
    writeFileSync(path('c1.json'), JSON.stringify(s));
    const r = await run('validate', path('c1.json'), '--json');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(r.stdout).problems[0].message).toBe('expected text without control characters, found "Steel\\u009bworks\\u202e"');
  });

  it('a CSV header with an escape sequence is printed escaped in the problem that lists the columns', async () => {
    writeFileSync(path('header.csv'), `time,\u001b[2J\u001b[Hload\n2024-07-01 00:00,1\n`);
    const r = await run('import', '--csv', path('header.csv'), '--time', 'time', '--load', 'load', '--tz', 'Asia/Shanghai');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no column "load" in the header (columns: time, \\u001b[2J\\u001b[Hload)');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('plans and bulletins read back', () => {
  const scenario = join(repoRoot, 'scenarios/local-limit.json');
  beforeAll(async () => {
    const p = await run('plan', scenario, '--samples', '100', '--out', path('plan.json'));
    expect(p.code).toBe(0);
    const w = await run('warn', scenario, '--samples', '100', '--out', path('bulletin.json'), '--json');
    expect(w.code).toBe(0);
  }, 120_000);

  it('a plan whose strategy holds escapes and a newline is refused, the strategy shown escaped on one line', async () => {
    const plan = JSON.parse(readFileSync(path('plan.json'), 'utf8'));
    plan.strategy = `cost\n${FAKE}\u009b\u202e`;
    writeFileSync(path('plan-fake.json'), JSON.stringify(plan));
    const r = await run('simulate', scenario, '--plan', path('plan-fake.json'), '--futures', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('plan-fake.json')}: strategy: expected a strategy: one of cost, fair, fewest, found "cost\\n\\u001b[2J`);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).not.toMatch(/^\s*ALL CLEAR/m);
  }, 60_000);

  const editedPlan = (name: string, edit: (plan: Any) => void) => {
    const plan = planRowsOf(path('plan.json'));
    edit(plan);
    writeFileSync(path(name), JSON.stringify(plan));
    return path(name);
  };

  it('a plan whose hourly MW holds a text is refused, naming the order and the hour (it was played out as if nothing were wrong)', async () => {
    const file = editedPlan('plan-text.json', (p) => (p.orders[0].mw[5] = 'lots'));
    const r = await run('simulate', scenario, '--plan', file, '--futures', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: orders[0].mw[5]: expected a number ≥ 0 (MW released per hour), found "lots"`);
  }, 60_000);

  it('a plan with a negative order is refused', async () => {
    const file = editedPlan('plan-negative.json', (p) => (p.orders[1].paybackMW = p.orders[1].mw.map((_: number, h: number) => (h === 3 ? -500 : 0))));
    const r = await run('simulate', scenario, '--plan', file, '--futures', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: orders[1].paybackMW[3]: expected a number ≥ 0 (MW coming back per hour), found -500`);
  }, 60_000);

  it('a plan without its list of feeders opened is refused, not a crash', async () => {
    const file = editedPlan('plan-nofeeders.json', (p) => delete p.feedersOpened);
    const r = await run('simulate', scenario, '--plan', file, '--futures', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: feedersOpened: expected a list (the feeders the plan opens) (required), found nothing`);
  }, 60_000);

  it('a plan with an unknown strategy or measure is refused', async () => {
    const file = editedPlan('plan-measure.json', (p) => (p.orders[0].measure = 'blackout'));
    const r = await run('simulate', scenario, '--plan', file, '--futures', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: orders[0].measure: expected a measure: one of demand-response, shift, avoid-peak, limit, feeder-open, found "blackout"`);
  }, 60_000);

  it('a previous bulletin whose period area holds an escape sequence is refused, naming the field', async () => {
    const b = JSON.parse(readFileSync(path('bulletin.json'), 'utf8'));
    b.periods.push({ ...b.periods[0], area: `S03\n${FAKE}`, date: '2024-07-29', fromHour: 15, toHour: 22, level: 'II' });
    writeFileSync(path('bulletin-fake.json'), JSON.stringify(b));
    const r = await run('warn', scenario, '--samples', '100', '--previous', path('bulletin-fake.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`periods[${b.periods.length - 1}].area: expected an area id`);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  }, 60_000);

  it('a previous bulletin whose periods are not a list is refused, not a crash', async () => {
    const b = JSON.parse(readFileSync(path('bulletin.json'), 'utf8'));
    b.periods = { length: 3 };
    writeFileSync(path('bulletin-object.json'), JSON.stringify(b));
    const r = await run('warn', scenario, '--samples', '100', '--previous', path('bulletin-object.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('periods: expected a list of periods');
  }, 60_000);

  it('a previous bulletin of another grid is refused instead of calling every period new or ended', async () => {
    const b = JSON.parse(readFileSync(path('bulletin.json'), 'utf8'));
    b.area = { id: 'ELSEWHERE', name: 'Another grid' };
    writeFileSync(path('bulletin-other.json'), JSON.stringify(b));
    const r = await run('warn', scenario, '--samples', '100', '--previous', path('bulletin-other.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bulletin-other\.json: area\.id: expected a bulletin for .* \(\S+\), the area of .*local-limit\.json, found "ELSEWHERE"/);
    expect(r.stdout).not.toMatch(/Change:/);
  }, 60_000);
});

describe('the feeder-mix table of generate', () => {
  it('a column given twice is refused (the last one was used, turning a 90 % residential feeder into 0 %)', async () => {
    writeFileSync(path('mix-twice.csv'), 'feeder,pct_R,pct_C,pct_I,pct_A,pct_R\nA,90,10,0,0,0\n');
    const r = await run('generate', '--scale', 'town', '--seed', '1', '--feeder-mix', path('mix-twice.csv'), '--out', path('mix-twice.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path('mix-twice.csv')}: column "pct_R" appears 2 times in the header (fields 2, 6); which one is meant is unclear`);
    expect(existsSync(path('mix-twice.json'))).toBe(false);
  });

  it('a share that is not a percentage is refused, naming row and column (an invalid scenario was written and called done)', async () => {
    writeFileSync(path('mix-bad.csv'), 'feeder,pct_R,pct_C,pct_I,pct_A\nA,abc,20,30,0\nB,50,20,130,0\nC,0,0,0,0\n');
    const r = await run('generate', '--scale', 'town', '--seed', '1', '--feeder-mix', path('mix-bad.csv'), '--out', path('mix-bad.json'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(1)).toEqual([
      `${path('mix-bad.csv')}:row 2, column pct_R: expected a percentage from 0 to 100, found "abc"`,
      `${path('mix-bad.csv')}:row 3, column pct_I: expected a percentage from 0 to 100, found "130"`,
      `${path('mix-bad.csv')}:row 4: expected shares that add up to more than 0, found 0 in all four`,
    ]);
    expect(existsSync(path('mix-bad.json'))).toBe(false);
  });
});
