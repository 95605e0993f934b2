/**
 * The key cells GEFCom2012 files share: an id (zone or station) and a date written as three
 * integer columns year, month, day. Each bad cell becomes a problem naming its column.
 */
import type { Problem } from '../problems.ts';
import { DAY_MS, daysInMonth } from '../time/timestamp.ts';
import { GEFCOM_FIRST_YEAR, GEFCOM_LAST_YEAR } from './gefcom-axis.ts';

const WHOLE = /^\s*\d{1,9}\s*$/;

export interface KeyColumns {
  id: number;
  year: number;
  month: number;
  day: number;
}

export interface KeySpec {
  file: string;
  idColumn: string;
  /** "zone" or "station", for messages. */
  idWord: string;
  /** Ids must be 1..idCount. */
  idCount: number;
}

/** Reads id and date; returns the id and the day number, or pushes problems and returns null. */
export function readKey(
  fields: readonly string[],
  line: number,
  columns: KeyColumns,
  spec: KeySpec,
  problems: Problem[],
): { id: number; day: number } | null {
  const at = (column: string) => `${spec.file}:row ${line}, column ${column}`;
  let ok = true;

  const idText = fields[columns.id];
  const id = WHOLE.test(idText) ? +idText : Number.NaN;
  if (!(id >= 1 && id <= spec.idCount)) {
    problems.push({ path: at(spec.idColumn), message: `expected a ${spec.idWord} number from 1 to ${spec.idCount}, found ${JSON.stringify(idText)}` });
    ok = false;
  }

  const yearText = fields[columns.year], monthText = fields[columns.month], dayText = fields[columns.day];
  const year = WHOLE.test(yearText) ? +yearText : Number.NaN;
  const month = WHOLE.test(monthText) ? +monthText : Number.NaN;
  const day = WHOLE.test(dayText) ? +dayText : Number.NaN;
  if (!(year >= GEFCOM_FIRST_YEAR && year <= GEFCOM_LAST_YEAR)) {
    problems.push({
      path: at('year'),
      message: `expected a year from ${GEFCOM_FIRST_YEAR} to ${GEFCOM_LAST_YEAR} (the GEFCom2012 span), found ${JSON.stringify(yearText)}`,
    });
    ok = false;
  }
  if (!(month >= 1 && month <= 12)) {
    problems.push({ path: at('month'), message: `expected a month from 1 to 12, found ${JSON.stringify(monthText)}` });
    ok = false;
  } else {
    // With a bad year the month's length is unknown; 31 still catches most bad days.
    const last = ok ? daysInMonth(year, month) : 31;
    if (!(day >= 1 && day <= last)) {
      const of = ok ? ` of ${year}-${String(month).padStart(2, '0')}` : '';
      problems.push({ path: at('day'), message: `expected a day${of} from 1 to ${last}, found ${JSON.stringify(dayText)}` });
      ok = false;
    }
  }
  if (!ok) return null;
  return { id, day: Date.UTC(year, month - 1, day) / DAY_MS };
}
