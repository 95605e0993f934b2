/**
 * Numeric cells as history files write them. GEFCom2012 and many utility exports put thousands
 * separators inside quoted cells ("16,853"), so a comma is accepted — but only as a thousands
 * separator in well-formed groups of three. "1,5" is refused rather than guessed: it is 1.5 in half
 * the world and a typo for 15 or 1,500 in the other half, and a silent factor-of-1000 error in a load
 * history is worse than a clear complaint.
 */

const ZERO = 48, NINE = 57, COMMA = 44, DOT = 46, PLUS = 43, MINUS = 45, LOWER_E = 101, UPPER_E = 69;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** 10^0 … 10^15, built by exact multiplication (each is a double exactly). */
const POWERS_OF_TEN: number[] = [1];
for (let k = 1; k <= 15; k++) POWERS_OF_TEN.push(POWERS_OF_TEN[k - 1] * 10);

/**
 * Reads "16853", "16,853", "-3.5", "1.2e3", " 42 " as numbers; returns null for anything else
 * ("12..3", "1,5", "", "NaN", "n/a", "Infinity", "0x10", a value too large to be finite) so the
 * caller can name the cell. Scanned by hand: this runs once per cell of multi-megabyte files.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim();
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  const negative = c === MINUS;
  if (c === PLUS || c === MINUS) c = s.charCodeAt(++i);

  // Integer part, with optional thousands groups.
  let intDigits = 0, groupLength = 0, grouped = false, intValue = 0;
  for (; i < n; c = s.charCodeAt(++i)) {
    if (isDigit(c)) {
      intDigits++;
      groupLength++;
      intValue = intValue * 10 + (c - ZERO);
    } else if (c === COMMA) {
      // The first group has 1–3 digits, every later group exactly 3.
      if (grouped ? groupLength !== 3 : groupLength < 1 || groupLength > 3) return null;
      grouped = true;
      groupLength = 0;
    } else break;
  }
  if (grouped && groupLength !== 3) return null;
  // Fast path for the common case, a whole number (exact below 2^53, i.e. up to 15 digits).
  if (i === n && intDigits > 0 && intDigits <= 15) return negative ? -intValue : intValue;

  let fractionDigits = 0, mantissa = intValue;
  if (c === DOT) {
    for (c = s.charCodeAt(++i); i < n && isDigit(c); c = s.charCodeAt(++i)) {
      fractionDigits++;
      mantissa = mantissa * 10 + (c - ZERO);
    }
  }
  if (intDigits + fractionDigits === 0) return null;
  // Fast path for a plain decimal: both the digits and the power of ten are exact doubles, and one
  // IEEE division rounds correctly, so this equals Number(s) bit for bit.
  if (i === n && intDigits + fractionDigits <= 15) {
    const value = mantissa / POWERS_OF_TEN[fractionDigits];
    return negative ? -value : value;
  }

  if (c === LOWER_E || c === UPPER_E) {
    c = s.charCodeAt(++i);
    if (c === PLUS || c === MINUS) c = s.charCodeAt(++i);
    let exponentDigits = 0;
    for (; i < n && isDigit(c); c = s.charCodeAt(++i)) exponentDigits++;
    if (exponentDigits === 0) return null;
  }
  if (i !== n) return null;

  const value = Number(grouped ? s.replaceAll(',', '') : s);
  return Number.isFinite(value) ? value : null;
}

/**
 * Says what a refused cell held, for "expected a number, found …": an empty cell is named as such,
 * and a decimal comma gets a hint, because that is the one mistake a user cannot see by looking.
 */
export function describeNonNumber(text: string): string {
  if (text.trim() === '') return 'an empty cell';
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
  if (/^\s*[+-]?\d+,\d+\s*$/.test(text)) {
    return `${shown} (a comma is read only as a thousands separator; write 1.5 for a decimal, 1,500 for thousands)`;
  }
  return shown;
}
