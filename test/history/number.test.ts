import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeNonNumber, parseNumber } from '../../core/history/number.ts';

describe('parseNumber', () => {
  it('reads plain integers, decimals, signs and exponents', () => {
    expect(parseNumber('16853')).toBe(16853);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(parseNumber('+2')).toBe(2);
    expect(parseNumber('1.2e3')).toBe(1200);
    expect(parseNumber('5E-1')).toBe(0.5);
    expect(parseNumber('.25')).toBe(0.25);
    expect(parseNumber('0')).toBe(0);
  });

  it('reads a quoted thousands separator as one number', () => {
    expect(parseNumber('16,853')).toBe(16853);
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('-2,000')).toBe(-2000);
  });

  it('ignores spaces around the number', () => {
    expect(parseNumber('  42 ')).toBe(42);
  });

  it('refuses a doubled decimal point', () => {
    expect(parseNumber('12..3')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
  });

  it('refuses a decimal comma as ambiguous', () => {
    expect(parseNumber('1,5')).toBeNull();
    expect(parseNumber('12,34')).toBeNull();
    expect(parseNumber('1,2345')).toBeNull();
  });

  it('refuses thousands groups that are not groups of three', () => {
    expect(parseNumber('1,23,456')).toBeNull(); // Indian grouping: not what GEFCom writes
    expect(parseNumber('1234,567')).toBeNull();
    expect(parseNumber(',123')).toBeNull();
    expect(parseNumber('123,')).toBeNull();
  });

  it('refuses empty cells, words and non-finite values', () => {
    for (const text of ['', '   ', 'NaN', 'n/a', 'Infinity', '-', '.', 'e5', '1e', '0x10', '1e999', '12abc', '1 000']) {
      expect(parseNumber(text), text).toBeNull();
    }
  });

  it('reads every plain decimal to the same double as Number does', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.stringMatching(/^\d{0,9}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
    fc.assert(fc.property(decimal, (text) => Object.is(parseNumber(text), Number(text))), { numRuns: 5000 });
  });

  it('reads very long whole numbers exactly as Number does', () => {
    expect(parseNumber('12345678901234567890')).toBe(12345678901234567890);
  });
});

describe('describeNonNumber', () => {
  it('names an empty cell in words', () => {
    expect(describeNonNumber('')).toBe('an empty cell');
  });

  it('quotes the text and adds a hint for a decimal comma', () => {
    expect(describeNonNumber('12..3')).toBe('"12..3"');
    expect(describeNonNumber('1,5')).toMatch(/^"1,5" \(a comma is read only as a thousands separator/);
  });
});
