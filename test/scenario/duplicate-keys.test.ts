/**
 * A field given twice in one object: JSON.parse keeps the last value without a word, so a file can
 * show one peak load to a reader and give another to the planner. Refused, naming the place.
 */
import { describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { findDuplicateKeys, parseJsonBytes, parseJsonText } from '../../core/scenario/parse-json.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

/** The tiny scenario in the house layout (one record per line), as `orderly generate` writes it. */
function tinyText(): string {
  const loaded = loadScenarioText('tiny.json', JSON.stringify(tinyScenario()));
  return serializeScenario(loaded.scenario!);
}

const problemsOf = (text: string) => loadScenarioText('in.json', text).problems.map(formatProblem);
const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
const columnOf = (text: string, at: number) => at - text.lastIndexOf('\n', at - 1);

describe('a field given twice in one object', () => {
  it('customers[2].peakMW given twice is refused with its path, line and column', () => {
    const text = tinyText();
    const at = text.indexOf('"peakMW":5');
    const broken = `${text.slice(0, at)}"peakMW":50,${text.slice(at)}`;
    const repeat = at + '"peakMW":50,'.length;
    expect(problemsOf(broken)).toEqual([
      `customers[2].peakMW: expected each field once, found it twice (line ${lineOf(broken, repeat)}, column ${columnOf(broken, repeat)})`,
    ]);
  });

  it('a top-level field given twice is refused', () => {
    const text = JSON.stringify(tinyScenario()).replace('{"format"', '{"name":"A decoy","format"');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^name: expected each field once, found it twice \(line 1, column \d+\)$/)]);
  });

  it('a field written once plainly and once with \\u escapes is the same field', () => {
    const text = JSON.stringify(tinyScenario()).replace('"peakMW":5,', '"peakMW":5,"peak\\u004dW":50,');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^customers\[2\]\.peakMW: expected each field once, found it twice/)]);
  });

  it('a field given three times says so once', () => {
    const text = JSON.stringify(tinyScenario()).replace('"ratingMW":8,', '"ratingMW":8,"ratingMW":80,"ratingMW":800,');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^feeders\[1\]\.ratingMW: expected each field once, found it 3 times \(line 1, column \d+\)$/)]);
  });

  it('the path counts array elements of every kind, deep inside hourly series', () => {
    const text = JSON.stringify(tinyScenario()).replace('"unit":"MW","values":[4.5', '"unit":"MW","unit":"kW","values":[4.5');
    // history.load[1] is the first series whose values start at 4.5 (S2).
    expect(problemsOf(text)[0]).toMatch(/^history\.load\[1\]\.unit: expected each field once, found it twice/);
  });

  it('every repeated field is counted, the first few named', () => {
    let text = JSON.stringify(tinyScenario());
    text = text.replace('"ratingMW":8,', '"ratingMW":8,"ratingMW":80,');
    text = text.replace('"peakMW":5,', '"peakMW":5,"peakMW":50,');
    text = text.replace('"capacityMW":12,', '"capacityMW":12,"capacityMW":120,');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^feeders\[1\]\.ratingMW: expected each field once, found it twice \(line 1, column \d+\); 2 more fields are given more than once: customers\[2\]\.peakMW \(line 1, column \d+\), supply\.units\[0\]\.capacityMW \(line 1, column \d+\)$/);
  });

  it('the same key in different objects, in strings, or as a value is no repeat', () => {
    const s = tinyScenario();
    s.description = '"peakMW": 1, "peakMW": 2, {"id": "x", "id": "y"} \\" [ { ';
    s.customers[2].name = 'peakMW';
    expect(problemsOf(JSON.stringify(s, null, 2))).toEqual([]);
    expect(problemsOf(serializeScenario(loadScenarioText('x.json', JSON.stringify(s)).scenario!))).toEqual([]);
  });

  it('a key that ends in an escaped backslash or quote is read to its real end', () => {
    expect(findDuplicateKeys('{"a\\\\":1,"a\\"":2,"a\\\\":3}')).toEqual([{ at: 17, first: 1, count: 2 }]);
    expect(findDuplicateKeys('{"a\\\\":1,"a\\"":2}')).toEqual([]);
  });

  it('an array that turns from numbers to objects is still read, and nested arrays counted', () => {
    expect(findDuplicateKeys('{"v":[1,2,3,null],"w":[1,{"a":1,"a":2}],"x":[[1],[2,{"b":1,"b":1}]]}').map((d) => d.at)).toEqual([32, 59]);
  });

  it('an object with thousands of fields is checked without slowing to a crawl', () => {
    const members = Array.from({ length: 50_000 }, (_, i) => `"k${i}":${i}`);
    members.push('"k49999":0');
    const started = performance.now();
    expect(findDuplicateKeys(`{${members.join(',')}}`)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a valid file gives no problem and its value', () => {
    const r = parseJsonText('tiny.json', tinyText());
    expect(r.ok).toBe(true);
  });
});

describe('the scan stays linear on text made to slow it down', () => {
  it('a million nested arrays, a million short strings and a long run of small arrays are each scanned in linear time', () => {
    const cases = [
      `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
      `[${Array.from({ length: 1_000_000 }, () => '"a"').join(',')}]`,
      `[${'[1],'.repeat(500_000)}[{"a":1,"a":2}]]`,
    ];
    for (const text of cases) {
      JSON.parse(text);
      const started = performance.now();
      findDuplicateKeys(text);
      // Linear: a fraction of a second (a quadratic scan would take hours); generous for a busy machine.
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});

describe('a file too large to become one text', () => {
  it('is refused by its size, not called "not valid UTF-8" (V8 strings stop just short of 512 MB)', () => {
    // A 512 MB file passes the size limit, but V8 cannot hold it as a string: decoding throws a
    // RangeError. Simulated here rather than allocated.
    const decode = vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(() => { throw new RangeError('Invalid string length'); });
    try {
      const r = parseJsonBytes('big.json', new TextEncoder().encode('{"a": 1}'));
      expect(r.ok).toBe(false);
      expect(formatProblem((r as { problem: { path: string; message: string } }).problem)).toMatch(/^big\.json: expected a scenario file small enough to hold as text \(at most about 536 million characters\), found 8 bytes that do not fit; keep long histories in CSV files/);
    } finally {
      decode.mockRestore();
    }
  });
});
