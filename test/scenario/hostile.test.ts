/**
 * Hostile input (issue 12, "never silently wrong"): files made to look valid while they are not,
 * or to make the tools print something they did not mean. Each case is refused with a problem in
 * the house form `path: expected …, found …`.
 */
import { describe, expect, it } from 'vitest';
import { describeValue, formatProblem } from '../../core/problems.ts';
import { loadScenarioText, validateScenarioValue } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

/** The tiny scenario as JSON text, with `extra` (raw JSON members) added to customers[2]. */
function withCustomerMembers(extra: string): string {
  const text = JSON.stringify(tinyScenario());
  const at = text.indexOf('{"id":"I1"') + 1;
  return `${text.slice(0, at)}${extra},${text.slice(at)}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function problemsAfter(mutate: (s: Any) => void): string[] {
  const s: Any = tinyScenario();
  mutate(s);
  return validateScenarioValue(s).problems.map(formatProblem);
}

const problemsOf = (text: string) => loadScenarioText('in.json', text).problems.map(formatProblem);

describe('keys that are names of Object.prototype', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`a customer field named "${key}" is refused as unknown`, () => {
      const problems = problemsOf(withCustomerMembers(`"${key}": {"a": 1}`));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^customers\\[2\\]\\.${key}: expected only the known fields of a customer \\(.*\\), found unknown field "${key}"`));
    });
  }
  it('a required field is not found on the prototype of the value', () => {
    const s = tinyScenario() as unknown as { customers: Array<Record<string, unknown>> };
    delete s.customers[2].name;
    Object.setPrototypeOf(s.customers[2], { name: 'inherited' });
    expect(validateScenarioValue(s).problems.map(formatProblem)).toEqual(['customers[2].name: expected a name (text) (required), found nothing']);
  });
});

describe('control characters in names and texts', () => {
  const CLEAR = '\u001b[2J\u001b[H ALL CLEAR';
  const fields: Array<[string, (s: Any, v: string) => void]> = [
    ['name', (s, v) => (s.name = v)],
    ['nameZh', (s, v) => (s.nameZh = v)],
    ['description', (s, v) => (s.description = v)],
    ['areas[1].name', (s, v) => (s.areas[1].name = v)],
    ['areas[1].nameZh', (s, v) => (s.areas[1].nameZh = v)],
    ['feeders[0].name', (s, v) => (s.feeders[0].name = v)],
    ['profiles[0].name', (s, v) => (s.profiles[0].name = v)],
    ['customers[2].name', (s, v) => (s.customers[2].name = v)],
    ['weather.stations[0].name', (s, v) => (s.weather.stations[0].name = v)],
    ['supply.units[0].name', (s, v) => (s.supply.units[0].name = v)],
    ['supply.units[0].outages[0].reason', (s, v) => (s.supply.units[0].outages[0].reason = v)],
    ['supply.imports[0].name', (s, v) => (s.supply.imports[0].name = v)],
    ['supply.energyBudgets[0].name', (s, v) => (s.supply.energyBudgets[0].name = v)],
    ['policy.holidays.calendar', (s, v) => (s.policy.holidays.calendar = v)],
    ['policy.holidays.days[0].name', (s, v) => (s.policy.holidays.days[0].name = v)],
    ['generatedBy.tool', (s, v) => (s.generatedBy = { tool: v })],
  ];
  for (const [path, set] of fields) {
    it(`${path} with an ANSI escape is refused`, () => {
      expect(problemsAfter((s) => set(s, `North ${CLEAR}`))).toEqual([`${path}: expected text without control characters, found "North \\u001b[2J\\u001b[H ALL CLEAR"`]);
    });
  }
  it('a scenario name with an ANSI escape is refused', () => {
    expect(problemsAfter((s) => (s.name = CLEAR))).toEqual(['name: expected text without control characters, found "\\u001b[2J\\u001b[H ALL CLEAR"']);
  });
  const characters: Array<[string, string]> = [
    ['a newline (C0)', '\n'], ['a tab (C0)', '\t'], ['NUL', '\u0000'], ['DEL', '\u007f'], ['a C1 control (CSI)', '\u009b'], ['NEL (C1)', '\u0085'],
    ['a right-to-left override', '\u202e'], ['a left-to-right embedding', '\u202a'], ['a first-strong isolate', '\u2068'], ['a pop directional isolate', '\u2069'],
    ['a line separator', '\u2028'],
  ];
  for (const [what, ch] of characters) {
    it(`a customer name with ${what} is refused, the character shown escaped`, () => {
      const code = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
      const problems = problemsAfter((s) => (s.customers[2].name = `Steel${ch}works`));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^customers\[2\]\.name: expected text without control characters, found "Steel/);
      // JSON's own escapes (\n, \t) or \uXXXX: never the character itself.
      expect(problems[0].includes(ch)).toBe(false);
      expect(problems[0].includes(code) || problems[0].includes(JSON.stringify(ch).slice(1, -1))).toBe(true);
    });
  }
  it('names in other scripts, emoji and the Chinese names of the bundled stories still pass', () => {
    expect(problemsAfter((s) => { s.name = 'Qingshui 清水镇 ⚡ Ünïcödé'; s.nameZh = '夏季高峰周(测试)'; s.areas[1].name = 'مدينة'; })).toEqual([]);
  });
  it('an unknown field whose name holds an escape is reported with the name escaped', () => {
    const problems = problemsOf(withCustomerMembers('"peak\\u001b[2JMW": 1'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^customers\[2\]\.peak\\u001b\[2JMW: expected only the known fields of a customer .*found unknown field "peak\\u001b\[2JMW"/);
    expect(problems[0].includes('\u001b')).toBe(false);
  });
});

describe('describeValue', () => {
  it('shows every control character of a found text escaped, not only those JSON escapes', () => {
    expect(describeValue('a\u001bb\u007fc\u009bd\u202ee\u2066f\u2028g')).toBe('"a\\u001bb\\u007fc\\u009bd\\u202ee\\u2066f\\u2028g"');
  });
});
