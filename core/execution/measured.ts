/**
 * Measured compliance for the play-out: each customer's completion on the days its meters were
 * judged (`orderly report execution --measured-out`), as a file `orderly-compliance/1` tied to
 * the scenario's content hash. Read back, it is checked before the play-out believes it: the
 * scenario it was measured on, customers of that scenario who may be curtailed, shares from 0 to 1.
 */
import { isProtectedClass } from '../scenario/classes.ts';
import type { Scenario } from '../scenario/model.ts';
import { describeValue, type Problem } from '../problems.ts';
import type { ExecutionResult } from './execute.ts';

export const MEASURED_FORMAT = 'orderly-compliance/1';

export interface MeasuredFile {
  format: typeof MEASURED_FORMAT;
  scenario: { id: string; sha256: string };
  policy: string;
  customers: { customer: string; days: string[]; rates: number[] }[];
}

export function measuredCompliance(result: ExecutionResult, scenario: { id: string; sha256: string }): MeasuredFile {
  const by = new Map<string, { days: string[]; rates: number[] }>();
  for (const d of result.days) {
    for (const c of d.compliance.customers) {
      if (c.completion === null) continue;
      let e = by.get(c.customer);
      if (!e) by.set(c.customer, (e = { days: [], rates: [] }));
      e.days.push(d.compliance.date);
      e.rates.push(Math.round(c.completion * 1e4) / 1e4);
    }
  }
  return {
    format: MEASURED_FORMAT, scenario, policy: result.days[0]?.compliance.policy ?? '',
    customers: [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([customer, e]) => ({ customer, ...e })),
  };
}

/** A measured-compliance file read back against the scenario: the rates by customer, or every problem. */
export function readMeasured(file: string, value: unknown, s: Scenario, sha256: string): { ok: true; measured: Map<string, number[]> } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const v = value as Partial<MeasuredFile> | null;
  if (typeof v !== 'object' || v === null || v.format !== MEASURED_FORMAT) return { ok: false, problems: [{ path: `${file}: format`, message: `expected "${MEASURED_FORMAT}" (written by \`orderly report execution --measured-out\`), found ${describeValue(v?.format)}` }] };
  if (v.scenario?.sha256 !== sha256) return { ok: false, problems: [{ path: `${file}: scenario.sha256`, message: `expected the content hash of the scenario played (${sha256.slice(0, 16)}…), found ${describeValue(v.scenario?.sha256)}: measured on another file` }] };
  if (!Array.isArray(v.customers)) return { ok: false, problems: [{ path: `${file}: customers`, message: `expected a list of customers, found ${describeValue(v.customers)}` }] };
  const known = new Map(s.customers.map((c) => [c.id, c]));
  const measured = new Map<string, number[]>();
  v.customers.forEach((c, i) => {
    const at = `${file}: customers[${i}]`;
    const k = typeof c?.customer === 'string' ? known.get(c.customer) : undefined;
    if (!k || isProtectedClass(k.class) || !k.measures) { problems.push({ path: `${at}.customer`, message: `expected a curtailable customer of the scenario, found ${describeValue(c?.customer)}` }); return; }
    if (measured.has(k.id)) { problems.push({ path: `${at}.customer`, message: `expected each customer once, found ${k.id} again` }); return; }
    if (!Array.isArray(c.rates) || !c.rates.length || c.rates.some((r) => typeof r !== 'number' || !(r >= 0 && r <= 1))) {
      problems.push({ path: `${at}.rates`, message: `expected one or more completion shares from 0 to 1, found ${Array.isArray(c.rates) ? `[${c.rates.slice(0, 5).map(describeValue).join(', ')}]` : describeValue(c.rates)}` });
      return;
    }
    measured.set(k.id, c.rates);
  });
  return problems.length ? { ok: false, problems } : { ok: true, measured };
}
