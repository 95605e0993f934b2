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

/** Names a scenario may hold (control characters are refused by validation: see the next block). */
const hostile = ['=HYPERLINK("http://x.invalid","click")', '+1+1', '-2+3', '@SUM(A1:A9)', 'Comma, Ltd', 'Quote "q" Co'];
/** Names no valid scenario holds, that a plan edited by hand could: the list is safe from them too. */
const controlled = ['\tTabbed', '\rCarriage', 'Line\nbreak'];

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

  it('keeps a row whole and a cell inert even for names with a tab, CR or line break (a plan edited by hand)', () => {
    const c = localLimitCase({
      hours: 2, systemGapMW: [30, 30],
      customers: controlled.map((_, i) => ({ id: `C${i}`, name: `Works ${i}`, class: 'industry' as const, peakMW: 5, measures: { limit: { capMW: 2 } } })),
    });
    const r = structuredClone(c.plan('cost').report);
    r.customers.forEach((row) => (row.name = controlled[Number(row.id.slice(1))]));
    const rows = parseCsv(planCsv(r));
    expect(rows.length).toBe(controlled.length + 1);
    for (const row of rows) expect(row.length).toBe(rows[0].length);
    const names = rows.slice(1).map((row) => row[rows[0].indexOf('name')]);
    for (const name of controlled) expect(names).toContain(/^[\t\r]/.test(name) ? `'${name}` : name);
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

describe('the dispatcher\'s customer list', () => {
  it('says per hour which measures are on, the load to stay under beside the MW released, return hours, control, tier, whitelist and a notice time per day', () => {
    const c = localLimitCase({
      hours: 48, systemGapMW: Array.from({ length: 48 }, (_, h) => (h === 19 ? 11 : h === 43 ? 2 : h >= 22 || (h >= 0 && h < 6) ? -20 : 0)),
      customers: [
        { id: 'stacked', class: 'industry', peakMW: 10, measures: { demandResponse: { maxMW: 2, pricePerMWh: 500 }, avoidPeak: { maxMW: 3, windows: ['18-22'] }, limit: { capMW: 3 } }, noticeHours: 12 },
        { id: 'shifter', class: 'phase-out', peakMW: 4, control: 'manual', responseMinutes: 30, measures: { shift: { maxMW: 2, returnWindows: ['22-06'], paybackShare: 1 } } },
        { id: 'key', class: 'industry', keyEnterprise: true, peakMW: 6, measures: { limit: { capMW: 2 } } },
      ],
    });
    const rows = parseCsv(c.plan('cost').csv());
    const head = rows[0];
    const get = (id: string, col: string) => { const r = rows.find((x) => x[0] === id)!; const i = head.indexOf(col); expect(i, col).toBeGreaterThanOrEqual(0); return r[i]; };
    const t19 = '2024-07-29T19:00+08:00';
    expect(head.slice(0, 13)).toEqual(['customer', 'name', 'class', 'feeder', 'substation', 'measures', 'notice_by', 'notice_hours', 'first_hour', 'hours', 'peak_MW', 'energy_MWh', 'MW 2024-07-29T00:00+08:00']);
    // The shifter first (restricted-first), then demand response, 避峰 and the cap on the stacked one.
    expect(get('shifter', `measure ${t19}`)).toBe('shift');
    expect(get('stacked', `measure ${t19}`)).toBe('demand-response+avoid-peak+limit');
    expect(get('stacked', `MW ${t19}`)).toBe('7.000');
    expect(get('stacked', `limit_to_MW ${t19}`)).toBe('3.000');
    expect(get('stacked', 'limit_cap_MW')).toBe('3');
    expect(get('shifter', 'shift_return_hours')).toBe('22-06');
    expect(get('shifter', 'control')).toBe('manual');
    expect(get('shifter', 'response_minutes')).toBe('30');
    expect(get('shifter', 'tier')).toBe('restricted-first');
    expect(get('key', 'key_enterprise')).toBe('yes');
    expect(get('stacked', 'key_enterprise')).toBe('no');
    expect(get('key', 'tier')).toBe('last');
    // A notice time for each day it is curtailed: 12 h before its first hour that day.
    expect(get('stacked', 'notice_by 2024-07-29')).toBe('2024-07-29T07:00+08:00');
    expect(get('stacked', 'notice_by 2024-07-30')).toBe('2024-07-30T07:00+08:00');
    expect(get('key', 'notice_by 2024-07-29')).toBe(t19);
    expect(get('key', 'notice_by 2024-07-30')).toBe('');
  });
});
