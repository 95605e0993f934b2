/** A plan file of a format Orderly does not write is refused as such, both readable formats named. */
import { describe, expect, it } from 'vitest';
import { checkPlanFile } from '../../core/plan/plan-file.ts';
import { formatProblem } from '../../core/problems.ts';

describe('a plan file of another format', () => {
  for (const [what, value] of [['a newer version', { format: 'orderly-plan/3', orders: [] }], ['no format at all', { orders: [] }], ['not an object', [1, 2]]] as const) {
    it(`is refused for ${what}, naming orderly-plan/1 and /2`, () => {
      const r = checkPlanFile('p.json', value);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map(formatProblem).join('\n')).toMatch(/p\.json: format: expected orderly-plan\/1 or orderly-plan\/2 \(a plan saved by `orderly plan --out`\), found /);
    });
  }
});
