/**
 * Hostile input (issue 12, "never silently wrong"): files made to look valid while they are not,
 * or to make the tools print something they did not mean. Each case is refused with a problem in
 * the house form `path: expected …, found …`.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { loadScenarioText, validateScenarioValue } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

/** The tiny scenario as JSON text, with `extra` (raw JSON members) added to customers[2]. */
function withCustomerMembers(extra: string): string {
  const text = JSON.stringify(tinyScenario());
  const at = text.indexOf('{"id":"I1"') + 1;
  return `${text.slice(0, at)}${extra},${text.slice(at)}`;
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
