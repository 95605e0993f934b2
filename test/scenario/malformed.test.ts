/**
 * Every way a scenario can be wrong gets its own clear message: `path: what was expected, what was
 * found`. Each case breaks one thing in a valid tiny scenario (or in the bytes of a file).
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { checkSize, parseJsonBytes } from '../../core/scenario/parse-json.ts';
import { loadScenarioBytes, validateScenarioValue } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function problemsAfter(mutate: (s: Any) => void): string[] {
  const s: Any = tinyScenario();
  mutate(s);
  return validateScenarioValue(s).problems.map(formatProblem);
}

function bytesProblems(bytes: Uint8Array | string): string[] {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return loadScenarioBytes('in.json', b).problems.map(formatProblem);
}

describe('the tiny scenario', () => {
  it('is valid to begin with', () => {
    expect(validateScenarioValue(tinyScenario()).problems).toEqual([]);
  });
});

describe('a file that is not a scenario', () => {
  it('reports a JSON syntax error with its line and column', () => {
    expect(bytesProblems('{\n  "format": "orderly-scenario/1",\n  "id": "x",,\n}')).toEqual([
      expect.stringMatching(/^in\.json:line 3, column 13: expected valid JSON, found /),
    ]);
  });
  it('reports an empty file', () => {
    expect(bytesProblems('')).toEqual(['in.json: expected a JSON scenario, found an empty file']);
  });
  it('refuses a field nested 20,000 lists deep, where it begins, instead of running out of stack (found by the mutation harness)', () => {
    const text = JSON.stringify(tinyScenario()).replace(/^\{/, `{"deep": ${'['.repeat(20_000)}${']'.repeat(20_000)}, `);
    expect(bytesProblems(text)).toEqual(['in.json:line 1, column 73: expected at most 64 levels of objects and lists inside each other (a scenario or a plan needs fewer than ten), found more']);
  });
  it('reports a file cut short', () => {
    const text = JSON.stringify(tinyScenario());
    expect(bytesProblems(text.slice(0, text.length / 2))[0]).toMatch(/found the text ends in the middle/);
  });
  it('reports NaN, which JSON does not have, and says what to write instead', () => {
    expect(bytesProblems('{"values": [1, NaN]}')[0]).toMatch(/NaN is not JSON: write null for a missing hour/);
  });
  it('reports a gzip archive as binary', () => {
    expect(bytesProblems(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toEqual([
      'in.json: expected a JSON scenario (text), found binary data (a gzip archive: unpack it first)',
    ]);
  });
  it('reports bytes that are not UTF-8', () => {
    expect(bytesProblems(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))[0]).toMatch(/expected UTF-8 text/);
  });
  it('reports CSV handed over as a scenario', () => {
    expect(bytesProblems('time,load\n2024-01-01 00:00,12\n')[0]).toMatch(/found what looks like CSV/);
  });
  it('reports a JSON array instead of an object', () => {
    expect(bytesProblems('[1, 2, 3]')[0]).toMatch(/expected a JSON object starting with "\{"/);
  });
  it('refuses a 2 GB file by its size, before reading it', () => {
    const p = checkSize('huge.json', 2 * 1024 ** 3)!;
    expect(formatProblem(p)).toMatch(/^huge\.json: expected a scenario file of at most 512\.0 MB, found 2\.0 GB/);
    // The byte-level reader applies the same limit (checked with a small limit here).
    const r = parseJsonBytes('big.json', new Uint8Array(2048), 1024);
    expect(r.ok).toBe(false);
  });
  it('reports the wrong format tag', () => {
    expect(problemsAfter((s) => (s.format = 'orderly-scenario/9'))).toEqual(['format: expected "orderly-scenario/1", found "orderly-scenario/9"']);
  });
});

describe('structure', () => {
  it('reports a missing required field', () => {
    expect(problemsAfter((s) => delete s.customers[2].feeder)).toEqual([
      'customers[2].feeder: expected a feeder id (text) (required), found nothing',
    ]);
  });
  it('reports an unknown field and suggests the known one', () => {
    expect(problemsAfter((s) => (s.feeders[0].ratingKW = 10))[0]).toMatch(/^feeders\[0\]\.ratingKW: .*found unknown field "ratingKW" \(did you mean "ratingMW"\?\)$/);
  });
  it('reports an unknown customer class and suggests the nearest', () => {
    expect(problemsAfter((s) => (s.customers[4].class = 'comerce'))[0]).toMatch(/^customers\[4\]\.class: expected a customer class: one of residential, .*found "comerce" \(did you mean "commerce"\?\)$/);
  });
  it('reports a text where a number belongs', () => {
    expect(problemsAfter((s) => (s.customers[2].peakMW = '5'))).toEqual(['customers[2].peakMW: expected a number > 0 (peak load (MW)), found "5"']);
  });
  it('reports a load written as the text "NaN"', () => {
    expect(problemsAfter((s) => (s.history.load[0].values[4] = 'NaN'))).toEqual([
      'history.load[0].values[4]: expected a number or null (a missing hour), found "NaN"',
    ]);
  });
  it('reports a fraction where a whole number belongs', () => {
    expect(problemsAfter((s) => (s.study.hours = 24.5))).toEqual(['study.hours: expected a whole number ≥ 1 and ≤ 2208 (study length (h)), found 24.5, which is not whole']);
  });
  it('reports an id with spaces', () => {
    expect(problemsAfter((s) => (s.feeders[2].id = 'F 3'))[0]).toMatch(/^feeders\[2\]\.id: expected a feeder id: letters, digits/);
  });
  it('reports an unknown event kind', () => {
    expect(problemsAfter((s) => (s.events[0].kind = 'unit-tripp'))).toEqual([
      'events[0].kind: expected one of unit-trip, renewable-drop, heat-wave, import-loss, found "unit-tripp" (did you mean "unit-trip"?)',
    ]);
  });
  it('reports a window that is not "HH-HH"', () => {
    expect(problemsAfter((s) => (s.customers[2].measures.avoidPeak.windows = ['25-03']))[0]).toMatch(
      /^customers\[2\]\.measures\.avoidPeak\.windows\[0\]: expected a window of local hours "HH-HH"/,
    );
  });
});

describe('references and the area tree', () => {
  it('reports a feeder under an unknown substation', () => {
    expect(problemsAfter((s) => (s.feeders[1].substation = 'S-99'))).toEqual(['feeders[1].substation: unknown area "S-99"']);
  });
  it('reports a feeder under an area that is not a substation', () => {
    expect(problemsAfter((s) => (s.feeders[1].substation = 'C'))).toEqual(['feeders[1].substation: expected an area of kind substation, found "C", a city']);
  });
  it('reports a customer on an unknown feeder, with the nearest id', () => {
    expect(problemsAfter((s) => (s.customers[3].feeder = 'F22'))).toEqual(['customers[3].feeder: unknown feeder "F22" (did you mean "F2"?)']);
  });
  it('reports a duplicate customer id', () => {
    expect(problemsAfter((s) => (s.customers[4].id = 'I1'))).toEqual(['customers[4].id: expected a unique id among customers, found "I1", already used by customers[2]']);
  });
  it('reports a loop in the area tree', () => {
    expect(problemsAfter((s) => { s.areas[0].parent = 'S1'; s.areas[1].kind = 'county'; }).join('\n')).toMatch(/a loop through/);
  });
  it('reports two roots', () => {
    expect(problemsAfter((s) => (s.areas[2].parent = null))).toContain('areas: expected exactly one root area (parent null), found 2: C, S2');
  });
  it('reports an event on an unknown unit', () => {
    expect(problemsAfter((s) => (s.events[0].unit = 'G9'))).toEqual(['events[0].unit: unknown unit "G9" (did you mean "G1"?)']);
  });
  it('reports an energy budget over an unknown unit', () => {
    expect(problemsAfter((s) => (s.supply.energyBudgets[0].units = ['G1', 'H7']))).toEqual(['supply.energyBudgets[0].units[1]: unknown unit "H7"']);
  });
});

describe('the protected set', () => {
  it('refuses a protected customer marked curtailable', () => {
    expect(problemsAfter((s) => (s.customers[1].measures = { limit: { capMW: 1 } }))).toEqual([
      'customers[1].measures: expected no curtailment measures: class "hospital" is protected and is never curtailed, found limit',
    ]);
  });
  it('refuses a feeder with residents that says it serves no protected customer', () => {
    expect(problemsAfter((s) => (s.feeders[0].servesProtected = false))).toEqual([
      'feeders[0].servesProtected: expected true: the feeder has a residential share of 0.8, found false',
    ]);
  });
  it('refuses a feeder carrying a hospital that says it serves no protected customer', () => {
    expect(problemsAfter((s) => (s.feeders[2].servesProtected = false))).toEqual([
      'feeders[2].servesProtected: expected true: it serves protected customer customers[1] ("H1", hospital), found false',
    ]);
  });
  it('refuses a security floor above the peak', () => {
    expect(problemsAfter((s) => (s.customers[4].securityFloorMW = 2))).toContain('customers[4].securityFloorMW: expected a floor no larger than the peak (1.5 MW), found 2 MW');
  });
  it('refuses a measure that would cut into the security floor', () => {
    expect(problemsAfter((s) => (s.customers[2].measures.avoidPeak.maxMW = 4.8))).toEqual([
      'customers[2].measures.avoidPeak.maxMW: expected at most 4.5 MW (peak 5 MW less the 0.5 MW security floor), found 4.8 MW',
    ]);
  });
  it('refuses a load cap below the security floor', () => {
    expect(problemsAfter((s) => (s.customers[2].measures.limit.capMW = 0.1))).toEqual([
      'customers[2].measures.limit.capMW: expected a cap at or above the security floor (0.5 MW), found 0.1 MW',
    ]);
  });
  it('refuses a security-load holder without a floor', () => {
    expect(problemsAfter((s) => { s.customers[2].class = 'security-critical'; s.customers[2].securityFloorMW = 0; s.customers[2].measures.limit.capMW = 0; })).toContain(
      'customers[2].securityFloorMW: expected a security load floor above 0 MW for a security-load holder (hazardous process, mine), found 0',
    );
  });
});

describe('windows', () => {
  it('reports overlapping windows', () => {
    expect(problemsAfter((s) => (s.customers[2].measures.avoidPeak.windows = ['18-21', '20-23']))).toEqual([
      'customers[2].measures.avoidPeak.windows[1]: expected a window apart from customers[2].measures.avoidPeak.windows[0] ("18-21"), found "20-23", which overlaps it',
    ]);
  });
  it('reports overlapping windows across midnight', () => {
    expect(problemsAfter((s) => (s.customers[3].measures.shift.returnWindows = ['22-06', '05-07']))[0]).toMatch(/which overlaps it$/);
  });
  it('reports an empty window', () => {
    expect(problemsAfter((s) => (s.customers[2].measures.avoidPeak.windows = ['18-18']))).toEqual([
      'customers[2].measures.avoidPeak.windows[0]: expected a window with different start and end hours, found "18-18", which is empty or the whole day',
    ]);
  });
});

describe('hourly series and units', () => {
  it('reports a missing hour with its timestamp', () => {
    expect(problemsAfter((s) => (s.history.load[1].values[2] = null))).toEqual(['history.load[1]: hour 2024-07-01T02:00+08:00 missing']);
  });
  it('reports a run of missing hours once', () => {
    expect(problemsAfter((s) => { for (let i = 5; i < 9; i++) s.history.load[0].values[i] = null; })).toEqual([
      'history.load[0]: hours 2024-07-01T05:00+08:00 to 2024-07-01T08:00+08:00 missing (4 hours)',
    ]);
  });
  it('reports a negative load', () => {
    expect(problemsAfter((s) => (s.history.load[0].values[7] = -4.2))).toEqual([
      'history.load[0].values[7]: expected values ≥ 0 MW, found -4.2 at 2024-07-01T07:00+08:00: loads cannot be negative',
    ]);
  });
  it('reports a load series in kW', () => {
    expect(problemsAfter((s) => (s.history.load[2].unit = 'kW'))).toEqual(['history.load[2].unit: expected "MW", found "kW"']);
  });
  it('reports temperatures that look like °F in a °C series', () => {
    expect(problemsAfter((s) => (s.weather.stations[0].history.values = s.weather.stations[0].history.values.map((v: number) => v * 1.8 + 32))))
      .toEqual([expect.stringMatching(/^weather\.stations\[0\]\.history\.values\[0\]: expected values between -70 and 60 °C, found 86 at .*\(and 47 more hours out of range\): temperatures must be in °C \(is this °F\?\)$/)]);
  });
  it('reports a profile written in MW instead of shares of peak', () => {
    expect(problemsAfter((s) => (s.profiles[1].weekday = s.profiles[1].weekday.map(() => 4.5)))).toEqual([
      'profiles[1].weekday: expected shares of the customer peak (0 to about 1), found a maximum of 4.5: are these MW rather than shares?',
    ]);
  });
  it('reports a forecast that does not cover the study', () => {
    expect(problemsAfter((s) => (s.weather.stations[0].forecast.values = s.weather.stations[0].forecast.values.slice(0, 20)))).toEqual([
      'weather.stations[0].forecast: expected hours covering the study window 2024-07-03T00:00+08:00 to 2024-07-03T23:00+08:00, found hours 2024-07-03T00:00+08:00 to 2024-07-03T19:00+08:00',
    ]);
  });
  it('reports two series for the same hours of one area', () => {
    expect(problemsAfter((s) => s.history.load.push({ ...s.history.load[0], start: '2024-07-02T00:00+08:00' }))).toEqual([
      'history.load[3]: expected one series per hour of area S1, found hours that history.load[0] already gives',
    ]);
  });
  it('reports a series that does not start on the hour', () => {
    expect(problemsAfter((s) => (s.history.load[1].start = '2024-07-01T00:30+08:00'))).toEqual(['history.load[1].start: expected a start on the hour (hourly series), found "2024-07-01T00:30+08:00"']);
  });
});

describe('time', () => {
  it('reports a timestamp whose offset disagrees with the scenario time zone', () => {
    expect(problemsAfter((s) => (s.study.start = '2024-07-03T00:00+09:00'))).toEqual([
      'study.start: expected the offset of the scenario\'s time zone Asia/Shanghai at that time (2024-07-02T23:00+08:00), found "2024-07-03T00:00+09:00"',
    ]);
  });
  it('reports a timestamp without an offset', () => {
    expect(problemsAfter((s) => (s.study.issuedAt = '2024-07-02T08:00'))[0]).toMatch(/^study\.issuedAt: expected ISO 8601 local time with its UTC offset/);
  });
  it('reports a date that does not exist', () => {
    expect(problemsAfter((s) => (s.events[1].from = '2024-02-30T12:00+08:00'))).toEqual([
      'events[1].from: expected a real date and time with its offset, e.g. 2024-07-01T02:00+08:00, found "2024-02-30T12:00+08:00"',
    ]);
  });
  it('reports an unknown time zone', () => {
    expect(problemsAfter((s) => (s.timeZone = 'Mars/Olympus')) [0]).toBe('timeZone: expected an IANA time zone such as Asia/Shanghai, or a fixed offset such as +08:00, found "Mars/Olympus"');
  });
  it('reports an event outside the study window', () => {
    expect(problemsAfter((s) => (s.events[0].at = '2024-07-05T19:00+08:00'))).toEqual([
      'events[0]: expected an event inside the study window (2024-07-03T00:00+08:00 to 2024-07-04T00:00+08:00), found 2024-07-05T19:00+08:00 to 2024-07-06T00:00+08:00',
    ]);
  });
  it('reports an outage that ends before it starts', () => {
    expect(problemsAfter((s) => (s.supply.units[0].outages[0].to = '2024-07-02T12:00+08:00'))).toEqual([
      'supply.units[0].outages[0].to: expected a time after 2024-07-03T00:00+08:00, found 2024-07-02T12:00+08:00',
    ]);
  });
});

describe('policy', () => {
  it('reports warning thresholds that do not increase', () => {
    expect(problemsAfter((s) => (s.policy.warning.thresholdsPct = [5, 20, 10]))).toEqual([
      'policy.warning.thresholdsPct: expected three increasing thresholds (IV|III < III|II < II|I), e.g. [5, 10, 20], found [5,20,10]',
    ]);
  });
  it('reports a ladder that does not end with feeder opening', () => {
    expect(problemsAfter((s) => (s.policy.ladder = ['demand-response', 'shift', 'avoid-peak', 'feeder-open', 'limit']))).toEqual([
      'policy.ladder: expected feeder-open as the last rung (拉路 only when everything else is exhausted), found "limit" last',
    ]);
  });
  it('reports a date that is both a holiday and a working day', () => {
    expect(problemsAfter((s) => s.policy.holidays.workdays.push('2024-10-01'))).toEqual([
      'policy.holidays.workdays[1]: expected a date that is not also a holiday, found 2024-10-01, a holiday in days[0]',
    ]);
  });
  it('reports both a constant and an hourly import limit', () => {
    expect(problemsAfter((s) => (s.areas[1].importLimit = { start: '2024-07-03T00:00+08:00', unit: 'MW', values: Array(24).fill(30) }))).toEqual([
      'areas[1]: expected either importLimitMW (constant) or importLimit (hourly), not both, found both',
    ]);
  });
});

describe('many problems at once', () => {
  it('reports every problem, not just the first, and counts those beyond the limit', () => {
    const s: Any = tinyScenario();
    s.feeders[1].substation = 'S-99';
    s.customers[4].class = 'comerce';
    s.history.load[0].values[3] = null;
    const r = validateScenarioValue(s);
    expect(r.total).toBe(3);
    const limited = validateScenarioValue(s, { limit: 1 });
    expect(limited.problems).toHaveLength(1);
    expect(limited.total).toBe(3);
  });
});

describe('an area\'s schematic position', () => {
  it('is accepted in km east and north', () => {
    expect(problemsAfter((s) => { s.areas[0].position = { xKm: 12.5, yKm: -3 }; })).toEqual([]);
  });
  it('is refused with its place when a coordinate is missing, not a number, or beyond the earth', () => {
    expect(problemsAfter((s) => { s.areas[0].position = { xKm: 1 }; }).join(' ')).toMatch(/areas\[0\]\.position/);
    expect(problemsAfter((s) => { s.areas[0].position = { xKm: '1', yKm: 2 }; }).join(' ')).toMatch(/areas\[0\]\.position\.xKm/);
    expect(problemsAfter((s) => { s.areas[0].position = { xKm: 1e9, yKm: 2 }; }).join(' ')).toMatch(/areas\[0\]\.position\.xKm/);
  });
});
