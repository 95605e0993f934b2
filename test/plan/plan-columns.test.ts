/**
 * Plans as compact columns (orderly-plan/2): the lists written as columns read back as the very
 * rows the plan held, to the last digit; a /2 file is read back, checked and re-verified against
 * its scenario like a /1 file (which still reads); a column that is broken or edited gets an error
 * naming its place, never a plan that reads as something else.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/content-hash.ts';
import { forecastScenario, type ScenarioForecast } from '../../core/forecast/scenario-forecast.ts';
import { decodeLists, encodeLists, encodePlanFile } from '../../core/plan/plan-columns.ts';
import { readPlanFile } from '../../core/plan/plan-file.ts';
import { packRuns, unpackRuns, type RunColumns } from '../../core/plan/sparse-runs.ts';
import { ProblemList } from '../../core/problems.ts';
import { planScenario } from '../../core/plan/plan-scenario.ts';
import { readBackPlan, type ReadBack } from '../../core/plan/read-back.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { formatProblem } from '../../core/problems.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import { loadScenarioBytes } from '../../core/scenario/validate.ts';
import { assessScenario } from '../../core/warning/assess.ts';

interface Case { scenario: Scenario; forecast: ScenarioForecast; sha256: string; reports: PlanReport[] }
const cases = new Map<string, Case>();

beforeAll(() => {
  for (const name of ['heat-wave', 'hydro-drought']) {
    const bytes = new Uint8Array(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url)));
    const scenario = loadScenarioBytes(`${name}.json`, bytes).scenario!;
    const forecast = forecastScenario(scenario);
    const a = assessScenario(scenario, forecast, { samples: 200 });
    const sha256 = contentHash(bytes);
    const reports = (['cost', 'fair'] as const).map((strategy) => {
      const { report } = planScenario(scenario, a, { strategy });
      report.scenario.sha256 = sha256;
      return JSON.parse(JSON.stringify(report)) as PlanReport;
    });
    cases.set(name, { scenario, forecast, sha256, reports });
  }
}, 240_000);

const fileOf = (r: PlanReport) => JSON.parse(JSON.stringify(encodePlanFile(r)));
/* eslint-disable @typescript-eslint/no-explicit-any */
/** The runs of a packed column (orderly-lists/3) to edit as arrays (MW), packed again after `edit`. */
const editRuns = (f: any, group: 'orders' | 'customers', key: string, edit: (runs: RunColumns<number>) => void, rows = f.lists[group][group === 'orders' ? 'customer' : 'id'].length) => {
  const out = new ProblemList(5);
  const before = group === 'orders' ? f.lists.orders.customer.length : f.lists.customers.id.length;
  const runs = unpackRuns(key, f.lists[group][key], before, f.hours, (v): v is number => typeof v === 'number', 'a number', out)!;
  expect(out.items).toEqual([]);
  runs.at = runs.at.concat(Array(rows - before).fill(runs.at[before]));
  edit(runs);
  f.lists[group][key] = packRuns(runs, rows);
};
/** An order appended to a file's columns: customer row, measure, and its runs (hour, length, MW). */
const appendOrder = (f: any, row: number, measure: number, runs: [number, number, number][]) => {
  const o = f.lists.orders, rows = o.customer.length + 1;
  for (const key of ['payback', 'energy', 'held']) editRuns(f, 'orders', key, () => {}, rows);
  editRuns(f, 'orders', 'mw', (m) => { for (const [h, n, v] of runs) { m.hour.push(h); m.length.push(n); m.value.push(v); } m.at[rows] = m.hour.length; }, rows);
  o.customer.push(row); o.measure.push(measure); o.has.push(0);
};
/* eslint-enable @typescript-eslint/no-explicit-any */
/** A MW value as a /2 column writes it (whole kW where the column says so). */
const written = (runs: { kW?: true }, mw: number) => (runs.kW ? mw * 1000 : mw);
/** The plan file saved by the first columns' writer (orderly-lists/2, heat wave, least cost). */
const savedV2 = () => JSON.parse(readFileSync(new URL('./fixtures/heat-wave-cost.plan-2.json', import.meta.url), 'utf8'));
const lines = (r: { ok: boolean; problems?: unknown[] }) => (r.ok ? [] : (r as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem));
const readBack = (name: string, value: unknown): ReadBack => {
  const c = cases.get(name)!;
  return readBackPlan('plan.json', value, { scenario: c.scenario, sha256: c.sha256, name: `${name}.json` }, c.forecast);
};

describe('plan lists as columns', () => {
  it('read back as the very rows the plan held, for plans with shifts, 限电, feeders opened and the energy rotation', () => {
    let shifts = 0, limits = 0, energy = 0, feederRows = 0;
    for (const c of cases.values()) {
      for (const r of c.reports) {
        const lists = { customers: r.customers, orders: r.orders };
        const decoded = decodeLists('plan', JSON.parse(JSON.stringify(encodeLists(lists, r))), r);
        expect(lines(decoded)).toEqual([]);
        expect(decoded.ok && decoded.lists).toEqual(lists);
        shifts += r.orders.filter((o) => o.paybackMW).length;
        energy += r.orders.filter((o) => o.energyMW).length;
        limits += r.customers.filter((x) => x.limitToMW).length;
        feederRows += r.customers.filter((x) => x.measureByHour.includes('feeder-open')).length;
      }
    }
    // The cases exercise what the columns derive or store apart (else the equality proves little).
    expect(shifts).toBeGreaterThan(0);
    expect(energy).toBeGreaterThan(0);
    expect(limits + feederRows).toBeGreaterThan(0);
  });

  it('give back a row\'s first hour, hours, peak and MWh as it states them where they do not follow from its MW', () => {
    const r = cases.get('heat-wave')!.reports[0];
    const customers = r.customers.map((c, i) => (i === 1 ? { ...c, peakMW: c.peakMW + 0.5, hours: c.hours + 1 } : i === 2 ? { ...c, energyMWh: 0 } : c));
    const columns = JSON.parse(JSON.stringify(encodeLists({ customers, orders: r.orders }, r)));
    expect(columns.lists?.customers ?? columns.customers.stated.row).toEqual([1, 2]);
    const decoded = decodeLists('plan', columns, r);
    expect(lines(decoded)).toEqual([]);
    expect(decoded.ok && decoded.lists.customers).toEqual(customers);
  });

  it('are never packed from runs that overlap: the writer refuses instead of writing a wrong hour', () => {
    const runs = { at: [0, 2], hour: [3, 4], length: [5, 1], value: [1, 2] };
    expect(() => packRuns(runs, 1)).toThrow(/runs to pack: expected a whole number ≥ 0 .*, found -4/);
  });

  it('take a week of lists in a small part of the rows\' JSON', () => {
    const r = cases.get('hydro-drought')!.reports[0];
    expect(r.hours).toBe(168);
    const rows = JSON.stringify({ customers: r.customers, orders: r.orders }).length;
    const columns = JSON.stringify(encodeLists({ customers: r.customers, orders: r.orders }, r)).length;
    expect(columns).toBeLessThan(rows / 5);
  });
});

describe('a plan file in columns (orderly-plan/2)', () => {
  it('reads back from its bytes checked and re-verified against its scenario, as the plan it was', () => {
    for (const name of cases.keys()) {
      const r = cases.get(name)!.reports[0];
      const text = JSON.stringify(encodePlanFile(r));
      expect(JSON.parse(text).format).toBe('orderly-plan/2');
      const read = readPlanFile('plan.json', new TextEncoder().encode(text));
      expect(lines(read)).toEqual([]);
      expect(read.ok && read.plan.orders).toEqual(r.orders);
      const back = readBack(name, read.ok ? read.plan : null);
      expect(lines(back)).toEqual([]);
      expect(back.ok && back.verification.ok).toBe(true);
    }
  });

  it('is re-verified when given as it is parsed (the page hands over what it read)', () => {
    const back = readBack('heat-wave', fileOf(cases.get('heat-wave')!.reports[1]));
    expect(lines(back)).toEqual([]);
  });

  it('still reads in rows (orderly-plan/1), as older versions wrote it', () => {
    const r = cases.get('heat-wave')!.reports[0];
    const read = readPlanFile('old.json', new TextEncoder().encode(JSON.stringify(r)));
    expect(lines(read)).toEqual([]);
    expect(lines(readBack('heat-wave', read.ok ? read.plan : null))).toEqual([]);
  });

  it('is refused (3) when an order\'s MW in a run was raised by hand: the verifier sees the edited decision', () => {
    const f = fileOf(cases.get('heat-wave')!.reports[0]);
    editRuns(f, 'orders', 'mw', (m) => { m.value[0] += 50; });
    const back = readBack('heat-wave', f);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.code).toBe(3);
  });

  it('is refused (3) when a customer\'s MW override was edited away from its orders', () => {
    const f = fileOf(cases.get('heat-wave')!.reports[0]);
    // An extra MW in an hour where the first listed customer has an order of its own.
    let first = -1;
    editRuns(f, 'orders', 'mw', (m) => { first = m.hour[m.at[f.lists.orders.customer.indexOf(0)]]; });
    editRuns(f, 'customers', 'mw', (runs) => {
      runs.at = runs.at.map((a: number, i: number) => (i === 0 ? 0 : a + 1));
      runs.hour.unshift(first); runs.length.unshift(1); runs.value.unshift(999);
    });
    const back = readBack('heat-wave', f);
    expect(!back.ok && back.code).toBe(3);
    expect(lines(back).join('\n')).toMatch(/customers\[0\]\.mw\[\d+\]: expected the .* MW its orders release, found 999/);
  });

  const hostile: [string, (f: any) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['lists missing', (f) => delete f.lists, /plan\.json: lists: expected the plan's lists \(an object\), found nothing/],
    ['lists of another format', (f) => (f.lists.format = 'orderly-lists/9'), /lists\.format: expected "orderly-lists\/3" \(or "orderly-lists\/2", as earlier versions wrote it\), found "orderly-lists\/9"/],
    ['a run past the plan\'s hours', (f) => editRuns(f, 'orders', 'mw', (m) => (m.length[m.at[1] - 1] = 500)), /lists\.orders\.mw\.runs: expected a run inside the plan's \d+ hours \(row 0, run \d+\), found 500 hours from hour \d+/],
    ['a negative MW', (f) => editRuns(f, 'orders', 'mw', (m) => (m.value[2] = -0.003)), /lists\.orders\.mw\.runs: expected MW ≥ 0 \(row \d+, run \d+\), found -0\.003/],
    ['a MW that is not a number (NaN written as null, in values given apart)', (f) => { editRuns(f, 'orders', 'mw', (m) => (m.value[0] = 0.1234567)); f.lists.orders.mw.value[1] = null; }, /lists\.orders\.mw\.runs: expected MW ≥ 0 \(row \d+, run \d+\), found null/],
    ['values given apart one short', (f) => { editRuns(f, 'orders', 'mw', (m) => (m.value[0] = 0.1234567)); f.lists.orders.mw.value.pop(); }, /lists\.orders\.mw\.value: expected a value for each run/],
    ['runs cut short (a truncated file)', (f) => { const m = f.lists.orders.mw; m.runs = m.runs.slice(0, m.runs.length >> 1); }, /lists\.orders\.mw\.runs: expected .* \(row \d+(, run \d+)?\), found the runs cut short \(at character \d+\)/],
    ['runs with more than their rows', (f) => (f.lists.orders.mw.runs += 'AAA'), /lists\.orders\.mw\.runs: expected the end of the runs \(after row \d+, the last\), found 3 characters more/],
    ['a character outside the runs\' alphabet', (f) => { const m = f.lists.orders.mw; m.runs = `${m.runs.slice(0, 5)}!${m.runs.slice(6)}`; }, /lists\.orders\.mw\.runs: expected .*, found "!" \(character 5\), not of the alphabet A–Z a–z 0–9 - _/],
    ['a number longer than any safe integer', (f) => { const m = f.lists.orders.mw; m.runs = `${'_'.repeat(12)}${m.runs}`; }, /lists\.orders\.mw\.runs: expected the number of runs \(row 0\), found a number longer than 11 characters/],
    ['runs in a scale that is not known', (f) => (f.lists.orders.mw.scale = 'GW'), /lists\.orders\.mw\.scale: expected 1, 1000 \(kW\) or 1000000 \(W\), found "GW"/],
    ['runs not in a string', (f) => (f.lists.orders.mw.runs = [1, 2]), /lists\.orders\.mw\.runs: expected runs packed in a string, found/],
    ['an order of a customer not on the list', (f) => (f.lists.orders.customer[0] = 1e6), /lists\.orders\.customer\[0\]: expected a row of the customer list \(0 to \d+\), found 1000000/],
    ['an unknown measure', (f) => (f.lists.orders.measure[0] = 9), /lists\.orders\.measure\[0\]: expected a measure \(0 to 4\), found 9/],
    ['a column one short', (f) => f.lists.customers.name.pop(), /lists\.customers\.name: expected \d+ entries \(one per row\), found \d+/],
    ['a class index outside the classes', (f) => (f.lists.customers.class[0] = 99), /lists\.customers\.class\[0\]: expected an index into classes/],
    ['a first hour outside the plan', (f) => (f.lists.customers.stated = { row: [0], first: [-1], hours: [1], peakMW: [1], energyMWh: [1] }), /lists\.customers\.stated\.first\[0\]: expected an hour of the plan \(0 to \d+\), found -1/],
    ['stated figures one short', (f) => (f.lists.customers.stated = { row: [0, 1], first: [0, 0], hours: [1], peakMW: [1, 1], energyMWh: [1, 1] }), /lists\.customers\.stated\.hours: expected 2 entries \(one per row\), found 1/],
    ['stated figures given twice for a row', (f) => (f.lists.customers.stated = { row: [3, 3], first: [0, 0], hours: [1, 1], peakMW: [1, 1], energyMWh: [1, 1] }), /lists\.customers\.stated\.row\[1\]: expected a row after 3 \(rows in order, each once\), found 3/],
    ['a shift return outside the windows written', (f) => (f.lists.customers.shiftReturn[0] = f.lists.customers.returns.length), /lists\.customers\.shiftReturn\[0\]: expected an index into returns/],
    ['a headline broken as well (its hours)', (f) => (f.hours = 'many'), /plan\.json: hours: /],
    ['a customer listed twice', (f) => (f.lists.customers.id[1] = f.lists.customers.id[0]), /plan\.json: customers\[1\]: expected each customer once, found .* again \(also customers\[0\]\)/],
    ['an order given twice (its copy appended to the columns)', (f) => appendOrder(f, f.lists.orders.customer[0], f.lists.orders.measure[0], [[3, 1, 0.5]]), /plan\.json: orders\[\d+\]: expected one order per customer and measure, found .* again \(also orders\[0\]\)/],
    ['orders that sum past the largest number', (f) => { appendOrder(f, 0, (f.lists.orders.measure[0] + 1) % 4, [[0, 1, 1e308]]); appendOrder(f, 0, (f.lists.orders.measure[0] + 2) % 4, [[0, 1, 1e308]]); }, /lists\.customers\.mw: expected a finite MW for .* at hour 0 \(the sum of its orders\), found Infinity/],
    ['an order by opening a feeder (feeders opened have their own list)', (f) => (f.lists.orders.measure[0] = 4), /orders\[0\]\.measure: expected a measure \(feeders opened are listed in feedersOpened\), found "feeder-open"/],
  ];
  // The first columns' form (orderly-lists/2), as a file saved by an earlier version holds it.
  const hostileV2: [string, (f: any) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a run past the plan\'s hours', (f) => (f.lists.orders.mw.length[0] = 500), /lists\.orders\.mw\.length\[0\]: expected a whole number from 1 to \d+ \(inside the plan's \d+ hours\), found 500/],
    ['runs out of order', (f) => { const m = f.lists.orders.mw; const r = m.at.findIndex((a: number, i: number) => m.at[i + 1] - a >= 2); m.hour[m.at[r] + 1] = m.hour[m.at[r]]; }, /lists\.orders\.mw\.hour\[\d+\]: expected an hour from \d+ to \d+ \(after the row's previous run\)/],
    ['a negative MW', (f) => (f.lists.orders.mw.value[2] = written(f.lists.orders.mw, -3)), /lists\.orders\.mw\.value\[2\]: expected a whole number of kW|lists\.orders\.mw\.value\[2\]: expected MW ≥ 0, found -3/],
    ['a MW that is not a number (NaN written as null)', (f) => (f.lists.orders.mw.value[1] = null), /lists\.orders\.mw\.value\[1\]: expected (MW ≥ 0|a whole number of kW), found null/],
    ['a MW in kW that is not whole', (f) => { f.lists.orders.mw.kW = true; f.lists.orders.mw.value[1] = 0.5; }, /lists\.orders\.mw\.value\[1\]: expected a whole number of kW, found 0\.5/],
    ['runs in a unit that is not known', (f) => (f.lists.orders.mw.kW = 'GW'), /lists\.orders\.mw\.kW: expected true \(values in whole kW\) or nothing, found "GW"/],
    ['row starts cut short', (f) => f.lists.orders.mw.at.pop(), /lists\.orders\.mw\.at: expected \d+ entries \(one per row, and the end\), found \d+/],
    ['row starts that run backwards', (f) => { const a = f.lists.orders.mw.at; a[3] = a[1]; a[2] = a[1] + 1; }, /lists\.orders\.mw\.at\[3\]: expected a whole number from \d+ to \d+ \(runs in order\)/],
    ['a customer listed twice', (f) => (f.lists.customers.id[1] = f.lists.customers.id[0]), /plan\.json: customers\[1\]: expected each customer once, found .* again \(also customers\[0\]\)/],
  ];
  /** The file, edited, is refused by the reader with `message`, and on reading back against its scenario with code 2. */
  function refusedNamingThePlace(f: ReturnType<typeof savedV2>, message: RegExp): void {
    const read = readPlanFile('plan.json', new TextEncoder().encode(JSON.stringify(f)));
    expect(read.ok).toBe(false);
    expect(lines(read).join('\n')).toMatch(message);
    const back = readBack('heat-wave', f);
    expect(!back.ok && back.code).toBe(2);
  }
  for (const [what, change, message] of hostileV2) {
    it(`is refused (2) with the place named when, in a file saved as orderly-lists/2, ${what}`, () => {
      const f = savedV2();
      change(f);
      refusedNamingThePlace(f, message);
    });
  }
  for (const [what, change, message] of hostile) {
    it(`is refused (2) with the place named when ${what}`, () => {
      const f = fileOf(cases.get('heat-wave')!.reports[0]);
      change(f);
      refusedNamingThePlace(f, message);
    });
  }
});
