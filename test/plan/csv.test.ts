/**
 * The customer list a dispatcher opens in a spreadsheet: no cell may be read as a formula (OWASP,
 * CSV injection), and no cell may break the row it is in.
 */
import { describe, expect, it } from 'vitest';
import { planCsv } from '../../core/plan/csv.ts';
import { localLimitCase } from '../support/local-limit-case.ts';

/** A small CSV reader (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const hostile = ['=HYPERLINK("http://x.invalid","click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tTabbed', '\rCarriage', 'Line\nbreak', 'Comma, Ltd', 'Quote "q" Co'];

describe('the customer CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas and quotes cells that would break a row', () => {
    const c = localLimitCase({
      hours: 2, systemGapMW: [30, 30],
      customers: hostile.map((name, i) => ({ id: `C${i}`, name, class: 'industry' as const, peakMW: 5, measures: { limit: { capMW: 2 } } })),
    });
    const { report } = c.plan('cost');
    expect(report.customers.length).toBe(hostile.length);
    const text = planCsv(report);
    const rows = parseCsv(text);
    const head = rows[0];
    expect(rows.length).toBe(hostile.length + 1);
    for (const row of rows) expect(row.length).toBe(head.length);
    const names = rows.slice(1).map((r) => r[head.indexOf('name')]);
    for (const name of hostile) {
      const dangerous = /^[=+\-@\t\r]/.test(name);
      expect(names).toContain(dangerous ? `'${name}` : name);
    }
    // No cell starts with a formula character once read back, except numbers we wrote ourselves.
    for (const row of rows.slice(1)) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
  });

  it('keeps negative numbers numbers', () => {
    const c = localLimitCase({ hours: 2, systemGapMW: [3, 3], customers: [{ id: 'A', class: 'industry', peakMW: 5, measures: { limit: { capMW: 1 } } }] });
    const { report } = c.plan('cost');
    const r = structuredClone(report);
    r.customers[0].mw[1] = -1.5;
    const rows = parseCsv(planCsv(r));
    expect(rows[1]).toContain('-1.500');
  });
});
