/**
 * The optional contact of a customer (联系人, for notices): a name and a phone number, each
 * optional; a phone that is not a phone number, a name with control characters or a field the
 * schema does not know is refused with its path.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import { tinyScenario } from '../support/tiny-scenario.ts';

const withContact = (contact: unknown) => {
  const s = tinyScenario() as unknown as { customers: Record<string, unknown>[] };
  s.customers[2].contact = contact;
  return loadScenarioValue(s);
};

describe('a customer contact in the scenario', () => {
  it('is read when given, with a name and a phone, or either alone', () => {
    for (const contact of [{ name: '王工', phone: '+86 (25) 8888-0001' }, { name: 'Li Ming' }, { phone: '13900000001' }, {}]) {
      const r = withContact(contact);
      expect(r.problems.map(formatProblem)).toEqual([]);
      expect(r.scenario!.customers[2].contact).toEqual(contact);
    }
  });

  it('refuses a phone that is not a number, a name with control characters and an unknown field, by path', () => {
    const lines = (c: unknown) => withContact(c).problems.map(formatProblem).join('\n');
    expect(lines({ phone: 'call the gate' })).toMatch(/^customers\[2\]\.contact\.phone: /);
    expect(lines({ name: 'Zhang\u001b[2J' })).toMatch(/^customers\[2\]\.contact\.name: /);
    expect(lines({ name: 'Zhang', email: 'z@example.com' })).toMatch(/customers\[2\]\.contact\.email/);
  });
});
