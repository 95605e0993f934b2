/**
 * Cells of the CSV files execution writes (notices, the list of customers short of their order,
 * the daily report). A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * first) gets a quote in front (OWASP, CSV injection); cells with commas, quotes or line breaks
 * are quoted (RFC 4180). Numbers we computed stay numbers.
 */
const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export const textCell = (v: string): string => quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** A figure to `digits` decimals; '' for a figure that does not exist (a meter that is absent). */
export const numberCell = (v: number | null, digits = 3): string => (v === null || !Number.isFinite(v) ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits));

export const csvLine = (cells: string[]): string => cells.join(',');
