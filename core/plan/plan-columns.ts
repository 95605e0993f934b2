/**
 * A plan's lists as compact columns (`orderly-plan/2`): the customer list and the orders, one
 * array per field, their hourly rows as runs where they are not zero, each run column packed in
 * one string (sparse-runs.ts; `orderly-lists/3`). In rows (`orderly-plan/1`) a province week's
 * lists were 285 MB of JSON, nearly all zeros and '' over 168 hours; as the first columns
 * (`orderly-lists/2`, runs as JSON arrays, still read) 48 MB; packed, ~26 MB.
 *
 * What the reader can work out again from the rest is not written unless it differs: a customer's
 * MW per hour is the sum of its orders (written only where an opened feeder adds to it), its main
 * measure per hour the largest order's, its first hour, hours, peak and MWh follow from its MW per
 * hour, its notice times from its first hours and its notice. Every such field is compared with
 * the real one when written, and where they differ the real one is written out, so a plan read back
 * is the plan as it was made, to the last digit.
 *
 * The plan in memory keeps its rows (PlanReport, format orderly-plan/1): the page, the digest, the
 * CSV and the play-out read those. Columns are only the form in files and in the Blob the page keeps. */
import { MEASURES, type Measure } from '../scenario/classes.ts';
import { describeValue as describe, ProblemList, type Problem } from '../problems.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import { formatInZone, resolveZone, type Zone } from '../time/zone.ts';
import type { PlanLists, PlanHeadline } from './report-parts.ts';
import type { CustomerOrder, PlanReport } from './report.ts';
import { applyRuns, checkRuns, encodeRuns, packRuns, unpackRuns, type PackedRuns, type RunColumns } from './sparse-runs.ts';

/** The lists' form as this version writes them: runs packed in strings (sparse-runs.ts, packRuns). */
export const LISTS_FORMAT = 'orderly-lists/3';
/** The first columns' form (runs as four JSON arrays), as the releases before wrote it: still read. */
export const LISTS_FORMAT_2 = 'orderly-lists/2';
export const PLAN_FORMAT_2 = 'orderly-plan/2';

/** What the lists are read against: the plan's hours and times. */
export type ListsFrame = Pick<PlanReport, 'hours' | 'times' | 'issuedAt' | 'timeZone'>;

const TIERS = ['restricted-first', 'ordinary', 'last'] as const;
const HAS_PAYBACK = 1, HAS_ENERGY = 2, HAS_HELD = 4;

export interface ListColumns<R = PackedRuns> {
  format: typeof LISTS_FORMAT;
  customers: {
    id: string[]; name: string[];
    /** Indices into `classes` and `areas`. */
    classes: string[]; class: number[];
    areas: string[]; area: number[];
    feeder: string[];
    /** Bit i set for MEASURES[i]. */
    measures: number[];
    noticeHours: number[];
    /**
     * Rows whose first hour curtailed, hours, peak MW and MWh are not the ones worked out from their
     * MW per hour (the first hour above 0, the hours above 0, the largest, the sum; to 1 kW and
     * 1 kWh), with theirs (orderly-lists/2 gave the four for every row: first, hours, peakMW, energyMWh).
     */
    stated: { row: number[]; first: number[]; hours: number[]; peakMW: number[]; energyMWh: number[] };
    /** Index into the tiers, or −1 where the row has none. */
    tier: number[];
    /** 1, 0, or −1 where the row has none. */
    keyEnterprise: number[];
    /** 1 manual, 0 terminal, −1 none. */
    manual: number[];
    responseMinutes: (number | null)[];
    limitCapMW: (number | null)[];
    /** The shift return windows written, and each row's index into them (−1 for none; orderly-lists/2 wrote the text in each row). */
    returns: string[]; shiftReturn: number[];
    /** MW per hour where it differs from the sum of the customer's orders (rounded to 1 kW). */
    mw: R;
    /** Main measure per hour (index into MEASURES, −1 for none) where it differs from the largest order's. */
    measure: R;
    /** Where a 限电 order is in force: the MW the load must stay under. */
    limitTo: R;
    /** Rows whose notice time is not the one that follows from the first hour and the notice, and theirs. */
    noticeBy: { row: number[]; value: string[] };
    noticeByDay: { row: number[]; value: NonNullable<CustomerOrder['noticeByDay']>[] };
  };
  orders: {
    /** Row in customers. */
    customer: number[];
    measure: number[];
    /** Bits: 1 paybackMW, 2 energyMW, 4 heldMW given. */
    has: number[];
    mw: R;
    payback: R;
    /** The energy rotation's part where it differs from the order's MW (where given, see `has`). */
    energy: R;
    held: R;
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The plan's times as the reader derives notice times from them. */
function frameOf(f: ListsFrame): { zone: Zone; startMs: number; issuedMs: number; seen: Map<number, string> } {
  const zone = resolveZone(f.timeZone);
  const start = parseTimestamp(f.times[0] ?? ''), issued = parseTimestamp(f.issuedAt);
  if (!zone || !start || !issued) throw new Error('lists framed by a plan without a time zone, first hour or issue time');
  return { zone, startMs: start.ms, issuedMs: issued.ms, seen: new Map() };
}
/** The latest time a notice for hour h must go out (formatted once per instant: customers share notices). */
function noticeAt(fr: ReturnType<typeof frameOf>, h: number, notice: number): string {
  const ms = Math.max(fr.issuedMs, fr.startMs + (h - notice) * 3_600_000);
  let text = fr.seen.get(ms);
  if (text === undefined) fr.seen.set(ms, (text = formatInZone(ms, fr.zone)));
  return text;
}

/**
 * What the reader derives for each customer row from its orders: MW per hour (their sum, to 1 kW)
 * and the main measure (the largest order's, the first of equals).
 */
function derivedRows(rows: number, H: number, orderRow: ArrayLike<number>, orderMeasure: ArrayLike<number>, orderMW: (o: number, h: number) => number): { mw: Float64Array; main: Int8Array } {
  const sum = new Float64Array(rows * H), main = new Int8Array(rows * H).fill(-1), top = new Float64Array(rows * H);
  for (let o = 0; o < orderRow.length; o++) {
    const at = orderRow[o] * H;
    for (let h = 0; h < H; h++) {
      const v = orderMW(o, h);
      if (v === 0) continue;
      sum[at + h] += v;
      if (v > top[at + h]) { top[at + h] = v; main[at + h] = orderMeasure[o]; }
    }
  }
  for (let i = 0; i < sum.length; i++) sum[i] = round(sum[i]);
  return { mw: sum, main };
}

/** The notice times per day that follow from a row's curtailed hours. */
function derivedDays(fr: ReturnType<typeof frameOf>, times: string[], mw: ArrayLike<number>, notice: number): NonNullable<CustomerOrder['noticeByDay']> {
  const out: NonNullable<CustomerOrder['noticeByDay']> = [];
  let last = '';
  for (let h = 0; h < mw.length; h++) {
    if (!(mw[h] > 0)) continue;
    const date = times[h].slice(0, 10);
    if (date === last) continue;
    last = date;
    out.push({ date, noticeBy: noticeAt(fr, h, notice), firstHour: times[h] });
  }
  return out;
}

/** A row's first hour curtailed, hours, peak and energy as its MW per hour give them. */
function summaryOf(mw: ArrayLike<number>): { first: number; hours: number; peakMW: number; energyMWh: number } {
  let first = -1, hours = 0, peak = 0, sum = 0;
  for (let h = 0; h < mw.length; h++) {
    const v = mw[h];
    if (!(v > 0)) continue;
    if (first < 0) first = h;
    hours++; sum += v;
    if (v > peak) peak = v;
  }
  return { first: first < 0 ? 0 : first, hours, peakMW: round(peak), energyMWh: round(sum) };
}

const sameDays = (a: CustomerOrder['noticeByDay'], b: CustomerOrder['noticeByDay']) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((d, i) => d.date === b![i].date && d.noticeBy === b![i].noticeBy && d.firstHour === b![i].firstHour);

/** The lists (rows, as a plan holds them in memory) as columns. */
export function encodeLists(lists: PlanLists, frame: ListsFrame): ListColumns {
  const H = frame.hours, fr = frameOf(frame);
  const cs = lists.customers, os = lists.orders, n = cs.length;
  const rowOf = new Map(cs.map((c, r) => [c.id, r]));
  const hourOf = new Map(frame.times.map((t, h) => [t, h]));
  const classes: string[] = [], areas: string[] = [];
  const code = (list: string[], index: Map<string, number>, v: string) => { let i = index.get(v); if (i === undefined) { i = list.length; list.push(v); index.set(v, i); } return i; };
  const classIx = new Map<string, number>(), areaIx = new Map<string, number>();
  const orderRow = os.map((o, i) => {
    const r = rowOf.get(o.customer);
    if (r === undefined) throw new Error(`orders[${i}]: customer ${o.customer} is not on the customer list`);
    return r;
  });
  const orderMeasure = os.map((o) => MEASURES.indexOf(o.measure));
  const derived = derivedRows(n, H, orderRow, orderMeasure, (o, h) => os[o].mw[h]);
  const mainCode = (c: CustomerOrder, h: number) => (c.measureByHour[h] === '' ? -1 : MEASURES.indexOf(c.measureByHour[h] as Measure));
  const noticeBy: ListColumns['customers']['noticeBy'] = { row: [], value: [] };
  const noticeByDay: ListColumns['customers']['noticeByDay'] = { row: [], value: [] };
  const stated: ListColumns['customers']['stated'] = { row: [], first: [], hours: [], peakMW: [], energyMWh: [] };
  cs.forEach((c, r) => {
    const h = hourOf.get(c.firstHour);
    if (h === undefined) throw new Error(`customers[${r}].firstHour ${c.firstHour} is not an hour of the plan`);
    const s = summaryOf(c.mw);
    if (s.first !== h || s.hours !== c.hours || s.peakMW !== c.peakMW || s.energyMWh !== c.energyMWh) {
      stated.row.push(r); stated.first.push(h); stated.hours.push(c.hours); stated.peakMW.push(c.peakMW); stated.energyMWh.push(c.energyMWh);
    }
    if (noticeAt(fr, h, c.noticeHours) !== c.noticeBy) { noticeBy.row.push(r); noticeBy.value.push(c.noticeBy); }
    if (!sameDays(derivedDays(fr, frame.times, c.mw, c.noticeHours), c.noticeByDay)) { noticeByDay.row.push(r); noticeByDay.value.push(c.noticeByDay ?? []); }
  });
  const returns: string[] = [], returnIx = new Map<string, number>();
  const optional = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  // The energy rotation's part is most often the whole order: written where it differs from it.
  const rowsOf = (key: 'paybackMW' | 'energyMW' | 'heldMW') =>
    packRuns(encodeRuns(os.length, H, (o, h) => os[o][key]?.[h] ?? 0, key === 'energyMW' ? (o, h) => (os[o].energyMW ? os[o].mw[h] : 0) : () => 0), os.length);
  return {
    format: LISTS_FORMAT,
    customers: {
      id: cs.map((c) => c.id), name: cs.map((c) => c.name),
      classes, class: cs.map((c) => code(classes, classIx, c.class)),
      areas, area: cs.map((c) => code(areas, areaIx, c.area)),
      feeder: cs.map((c) => c.feeder),
      measures: cs.map((c) => c.measures.reduce((m, x) => m | (1 << MEASURES.indexOf(x)), 0)),
      noticeHours: cs.map((c) => c.noticeHours), stated,
      tier: cs.map((c) => (c.tier === undefined ? -1 : TIERS.indexOf(c.tier))),
      keyEnterprise: cs.map((c) => (c.keyEnterprise === undefined ? -1 : c.keyEnterprise ? 1 : 0)),
      manual: cs.map((c) => (c.control === undefined ? -1 : c.control === 'manual' ? 1 : 0)),
      responseMinutes: cs.map((c) => optional(c.responseMinutes)), limitCapMW: cs.map((c) => optional(c.limitCapMW)),
      returns, shiftReturn: cs.map((c) => (c.shiftReturn === undefined ? -1 : code(returns, returnIx, c.shiftReturn))),
      mw: packRuns(encodeRuns(n, H, (r, h) => cs[r].mw[h], (r, h) => derived.mw[r * H + h]), n),
      measure: packRuns(encodeRuns(n, H, (r, h) => mainCode(cs[r], h), (r, h) => derived.main[r * H + h]), n),
      limitTo: packRuns(encodeRuns(n, H, (r, h) => { const v = cs[r].limitToMW?.[h]; return v === null || v === undefined ? -1 : v; }, () => -1), n),
      noticeBy, noticeByDay,
    },
    orders: {
      customer: orderRow, measure: orderMeasure,
      has: os.map((o) => (o.paybackMW ? HAS_PAYBACK : 0) | (o.energyMW ? HAS_ENERGY : 0) | (o.heldMW ? HAS_HELD : 0)),
      mw: packRuns(encodeRuns(os.length, H, (o, h) => os[o].mw[h], () => 0), os.length),
      payback: rowsOf('paybackMW'), energy: rowsOf('energyMW'), held: rowsOf('heldMW'),
    },
  };
}

const finiteAtLeast0 = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const measureCode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < MEASURES.length;

/**
 * Columns back to rows, every column checked first (its type, its length, each index in range);
 * a problem names the column and the place. Rows written by an older page (`customers` and
 * `orders` as rows) are taken as they are: the plan's own checks follow either way.
 */
export function decodeLists(file: string, value: unknown, frame: ListsFrame, limit = 50): { ok: true; lists: PlanLists } | { ok: false; problems: Problem[]; total: number } {
  const out = new ProblemList(limit);
  const at = (path: string) => `${file}: lists.${path}`;
  const fail = () => ({ ok: false as const, problems: out.items, total: out.total });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { out.addExpected(`${file}: lists`, 'the plan\'s lists (an object)', describe(value)); return fail(); }
  const v = value as Record<string, unknown>;
  if (v.format === undefined && Array.isArray(v.customers) && Array.isArray(v.orders)) return { ok: true, lists: v as unknown as PlanLists };
  if (v.format !== LISTS_FORMAT && v.format !== LISTS_FORMAT_2) { out.addExpected(`${file}: lists.format`, `"${LISTS_FORMAT}" (or "${LISTS_FORMAT_2}", as earlier versions wrote it)`, describe(v.format)); return fail(); }
  const packed = v.format === LISTS_FORMAT;
  const H = frame.hours;
  let fr: ReturnType<typeof frameOf>;
  try { fr = frameOf(frame); } catch { out.addExpected(`${file}: times`, 'the plan\'s hours with their time zone and issue time', 'none that can be read'); return fail(); }
  const group = (key: string): Record<string, unknown> | null => {
    const g = v[key];
    if (typeof g !== 'object' || g === null || Array.isArray(g)) { out.addExpected(at(key), 'columns (an object)', describe(g)); return null; }
    return g as Record<string, unknown>;
  };
  const c = group('customers'), o = group('orders');
  if (!c || !o) return fail();
  const ids = c.id;
  if (!Array.isArray(ids)) { out.addExpected(at('customers.id'), 'an array of customer ids', describe(ids)); return fail(); }
  const n = ids.length;
  const column = <T>(g: Record<string, unknown>, path: string, key: string, length: number, ok: (x: unknown) => x is T, expected: string): T[] | null => {
    const col = g[key];
    if (!Array.isArray(col)) { out.addExpected(at(`${path}.${key}`), `an array of ${length} (${expected})`, describe(col)); return null; }
    if (col.length !== length) { out.addExpected(at(`${path}.${key}`), `${length} entries (one per row)`, `${col.length}`); return null; }
    for (let i = 0; i < length; i++) if (!ok(col[i])) { out.addExpected(at(`${path}.${key}[${i}]`), expected, describe(col[i])); return null; }
    return col as T[];
  };
  const text = (x: unknown): x is string => typeof x === 'string' && x.length <= 400;
  const textOrNull = (x: unknown): x is string | null => x === null || text(x);
  const numOrNull = (x: unknown): x is number | null => x === null || finiteAtLeast0(x);
  const index = (max: number) => (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < max;
  const among = (...vals: number[]) => (x: unknown): x is number => typeof x === 'number' && vals.includes(x);
  const classes = column(c, 'customers', 'classes', Array.isArray(c.classes) ? c.classes.length : 0, text, 'a class name');
  const returns = packed ? column(c, 'customers', 'returns', Array.isArray(c.returns) ? c.returns.length : 0, text, 'return windows') : [];
  const areas = column(c, 'customers', 'areas', Array.isArray(c.areas) ? c.areas.length : 0, text, 'an area id');
  const cols = {
    id: column(c, 'customers', 'id', n, text, 'a customer id'), name: column(c, 'customers', 'name', n, text, 'a customer name'),
    class: column(c, 'customers', 'class', n, index(classes?.length ?? 0), `an index into classes (0 to ${(classes?.length ?? 0) - 1})`),
    area: column(c, 'customers', 'area', n, index(areas?.length ?? 0), `an index into areas (0 to ${(areas?.length ?? 0) - 1})`),
    feeder: column(c, 'customers', 'feeder', n, text, 'a feeder id'),
    measures: column(c, 'customers', 'measures', n, index(1 << MEASURES.length), `a set of measures (bits, 0 to ${(1 << MEASURES.length) - 1})`),
    noticeHours: column(c, 'customers', 'noticeHours', n, finiteAtLeast0, 'hours ≥ 0'),
    // Given for every row in orderly-lists/2; in /3 only where they are not worked out from the MW (stated).
    first: packed ? [] : column(c, 'customers', 'first', n, index(H), `an hour of the plan (0 to ${H - 1})`),
    hours: packed ? [] : column(c, 'customers', 'hours', n, index(H + 1), `a number of hours (0 to ${H})`),
    peakMW: packed ? [] : column(c, 'customers', 'peakMW', n, finiteAtLeast0, 'MW ≥ 0'), energyMWh: packed ? [] : column(c, 'customers', 'energyMWh', n, finiteAtLeast0, 'MWh ≥ 0'),
    tier: column(c, 'customers', 'tier', n, among(-1, 0, 1, 2), 'a tier (0, 1, 2) or −1'),
    keyEnterprise: column(c, 'customers', 'keyEnterprise', n, among(-1, 0, 1), '1, 0 or −1'), manual: column(c, 'customers', 'manual', n, among(-1, 0, 1), '1, 0 or −1'),
    responseMinutes: column(c, 'customers', 'responseMinutes', n, numOrNull, 'minutes ≥ 0 or null'), limitCapMW: column(c, 'customers', 'limitCapMW', n, numOrNull, 'MW ≥ 0 or null'),
    shiftReturn: packed ? column(c, 'customers', 'shiftReturn', n, (x): x is number => x === -1 || index(returns?.length ?? 0)(x), `an index into returns (0 to ${(returns?.length ?? 0) - 1}) or −1`) : column(c, 'customers', 'shiftReturn', n, textOrNull, 'return windows or null'),
  };
  // orderly-lists/3: the rows whose summary figures are given (see ListColumns), in order, each once.
  let stated: ListColumns['customers']['stated'] | null = null;
  if (packed) {
    const g = c.stated as Record<string, unknown> | undefined;
    const rows = typeof g === 'object' && g !== null && Array.isArray(g.row) ? g.row.length : -1;
    if (rows < 0) out.addExpected(at('customers.stated'), 'rows and their first hour, hours, peak MW and MWh (five arrays of one length)', describe(g));
    else {
      const s = {
        row: column(g!, 'customers.stated', 'row', rows, index(n), `a row of the customer list (0 to ${n - 1})`),
        first: column(g!, 'customers.stated', 'first', rows, index(H), `an hour of the plan (0 to ${H - 1})`),
        hours: column(g!, 'customers.stated', 'hours', rows, index(H + 1), `a number of hours (0 to ${H})`),
        peakMW: column(g!, 'customers.stated', 'peakMW', rows, finiteAtLeast0, 'MW ≥ 0'),
        energyMWh: column(g!, 'customers.stated', 'energyMWh', rows, finiteAtLeast0, 'MWh ≥ 0'),
      };
      if (s.row && s.first && s.hours && s.peakMW && s.energyMWh) {
        const back = s.row.findIndex((x, i) => i > 0 && x <= s.row![i - 1]);
        if (back >= 0) out.addExpected(at(`customers.stated.row[${back}]`), `a row after ${s.row[back - 1]} (rows in order, each once)`, `${s.row[back]}`);
        else stated = s as ListColumns['customers']['stated'];
      }
    }
  }
  const orderIds = o.customer;
  if (!Array.isArray(orderIds)) { out.addExpected(at('orders.customer'), 'an array of rows of the customer list', describe(orderIds)); return fail(); }
  const m = orderIds.length;
  const ord = {
    customer: column(o, 'orders', 'customer', m, index(n), `a row of the customer list (0 to ${n - 1})`),
    measure: column(o, 'orders', 'measure', m, index(MEASURES.length), `a measure (0 to ${MEASURES.length - 1})`),
    has: column(o, 'orders', 'has', m, index(8), 'which hourly parts are given (bits, 0 to 7)'),
  };
  if (!out.ok) return fail();
  const runsOk = (g: Record<string, unknown>, path: string, key: string, rows: number, ok: (x: unknown) => x is number, expected: string) =>
    (packed ? unpackRuns : checkRuns)(at(`${path}.${key}`), g[key], rows, H, ok, expected, out);
  const omw = runsOk(o, 'orders', 'mw', m, finiteAtLeast0, 'MW ≥ 0');
  const opay = runsOk(o, 'orders', 'payback', m, finiteAtLeast0, 'MW ≥ 0'), oen = runsOk(o, 'orders', 'energy', m, finiteAtLeast0, 'MW ≥ 0'), ohe = runsOk(o, 'orders', 'held', m, finiteAtLeast0, 'MW ≥ 0');
  const cmw = runsOk(c, 'customers', 'mw', n, finiteAtLeast0, 'MW ≥ 0'), cme = runsOk(c, 'customers', 'measure', n, measureCode, `a measure (−1 to ${MEASURES.length - 1})`);
  const climit = runsOk(c, 'customers', 'limitTo', n, (x): x is number => x === -1 || finiteAtLeast0(x), 'MW ≥ 0 (or −1: not in force)');
  const overrides = <T>(key: string, ok: (x: unknown) => x is T, expected: string): { row: number[]; value: T[] } | null => {
    const g = c[key] as { row?: unknown; value?: unknown } | undefined;
    if (typeof g !== 'object' || g === null || !Array.isArray(g.row) || !Array.isArray(g.value) || g.row.length !== g.value.length) {
      out.addExpected(at(`customers.${key}`), 'rows and their values (two arrays of one length)', describe(g)); return null;
    }
    for (let i = 0; i < g.row.length; i++) {
      if (!index(n)(g.row[i])) { out.addExpected(at(`customers.${key}.row[${i}]`), `a row of the customer list (0 to ${n - 1})`, describe(g.row[i])); return null; }
      if (!ok(g.value[i])) { out.addExpected(at(`customers.${key}.value[${i}]`), expected, describe(g.value[i])); return null; }
    }
    return g as { row: number[]; value: T[] };
  };
  const dayOk = (x: unknown): x is NonNullable<CustomerOrder['noticeByDay']> => Array.isArray(x) && x.every((d) => typeof d === 'object' && d !== null && text(d.date) && text(d.noticeBy) && text(d.firstHour));
  const noticeBy = overrides('noticeBy', text, 'a notice time');
  const noticeByDay = overrides('noticeByDay', dayOk, 'notice times by day ({date, noticeBy, firstHour})');
  if (!out.ok || !omw || !opay || !oen || !ohe || !cmw || !cme || !climit || !noticeBy || !noticeByDay) return fail();
  const C = cols as { [K in keyof typeof cols]: NonNullable<(typeof cols)[K]> };
  const O = ord as { [K in keyof typeof ord]: NonNullable<(typeof ord)[K]> };

  const dense = (runs: RunColumns<number>, r: number) => { const a = new Array<number>(H).fill(0); applyRuns(runs, r, a); return a; };
  const over = (runs: RunColumns<number>, r: number, base: RunColumns<number>) => { const a = dense(base, r); applyRuns(runs, r, a); return a; };
  const orders: PlanLists['orders'] = O.customer.map((row, i) => ({
    customer: C.id[row], measure: MEASURES[O.measure[i]], mw: dense(omw, i),
    ...(O.has[i] & HAS_PAYBACK ? { paybackMW: dense(opay, i) } : {}),
    ...(O.has[i] & HAS_ENERGY ? { energyMW: over(oen, i, omw) } : {}),
    ...(O.has[i] & HAS_HELD ? { heldMW: dense(ohe, i) } : {}),
  }));
  const derived = derivedRows(n, H, O.customer, O.measure, (i, h) => orders[i].mw[h]);
  const noticeOf = new Map(noticeBy.row.map((r, i) => [r, noticeBy.value[i]]));
  const daysOf = new Map(noticeByDay.row.map((r, i) => [r, noticeByDay.value[i]]));
  const statedAt = new Map(stated ? stated.row.map((r, k) => [r, k]) : []);
  const customers: CustomerOrder[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const mw = Array.from(derived.mw.subarray(r * H, r * H + H));
    applyRuns(cmw, r, mw);
    // Orders each finite can still sum past the largest number: never a row of Infinity.
    const bad = mw.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) { out.addExpected(at(`customers.mw`), `a finite MW for ${C.id[r]} at hour ${bad} (the sum of its orders)`, String(mw[bad])); return fail(); }
    const main = Array.from(derived.main.subarray(r * H, r * H + H));
    applyRuns(cme, r, main);
    const measureByHour = main.map((x) => (x < 0 ? '' : MEASURES[x])) as (Measure | '')[];
    const limited = climit.at[r + 1] > climit.at[r];
    let limitToMW: (number | null)[] | undefined;
    if (limited) { const l = new Array<number>(H).fill(-1); applyRuns(climit, r, l); limitToMW = l.map((x) => (x < 0 ? null : x)); }
    const notice = C.noticeHours[r];
    let first: number, hours: number, peakMW: number, energyMWh: number;
    if (!packed) { first = C.first[r]; hours = C.hours[r]; peakMW = C.peakMW[r]; energyMWh = C.energyMWh[r]; }
    else {
      const k = statedAt.get(r);
      ({ first, hours, peakMW, energyMWh } = k === undefined ? summaryOf(mw) : { first: stated!.first[k], hours: stated!.hours[k], peakMW: stated!.peakMW[k], energyMWh: stated!.energyMWh[k] });
    }
    const shift = C.shiftReturn[r] as string | number | null;
    const shiftReturn = typeof shift === 'number' ? (shift < 0 ? null : returns![shift]) : shift;
    customers[r] = {
      id: C.id[r], name: C.name[r], class: classes![C.class[r]], feeder: C.feeder[r], area: areas![C.area[r]],
      measures: MEASURES.filter((_, i) => C.measures[r] & (1 << i)),
      noticeBy: noticeOf.get(r) ?? noticeAt(fr, first, notice), noticeHours: notice, firstHour: frame.times[first],
      hours, peakMW, energyMWh, mw, measureByHour,
      ...(C.tier[r] >= 0 ? { tier: TIERS[C.tier[r]] } : {}),
      ...(C.keyEnterprise[r] >= 0 ? { keyEnterprise: C.keyEnterprise[r] === 1 } : {}),
      ...(C.manual[r] >= 0 ? { control: C.manual[r] === 1 ? 'manual' as const : 'terminal' as const } : {}),
      ...(C.responseMinutes[r] !== null ? { responseMinutes: C.responseMinutes[r]! } : {}),
      ...(C.limitCapMW[r] !== null ? { limitCapMW: C.limitCapMW[r]! } : {}),
      ...(limitToMW ? { limitToMW } : {}),
      ...(shiftReturn !== null ? { shiftReturn } : {}),
      noticeByDay: daysOf.get(r) ?? derivedDays(fr, frame.times, mw, notice),
    };
  }
  return { ok: true, lists: { customers, orders } };
}

/** A plan as its file holds it (`orderly-plan/2`): the headline as it is, the lists as columns. */
export function encodePlanFile(report: PlanReport): Omit<PlanReport, 'format' | 'customers' | 'orders'> & { format: typeof PLAN_FORMAT_2; lists: ListColumns } {
  const { customers, orders, format: _format, ...rest } = report;
  return { ...rest, format: PLAN_FORMAT_2, lists: encodeLists({ customers, orders }, report) };
}

/** The headline and columns of an `orderly-plan/2` value as the plan in memory (rows, format orderly-plan/1), or its problems. */
export function decodePlanFile(file: string, value: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; problems: Problem[]; total: number } {
  const { lists, ...rest } = value;
  const frame = rest as unknown as ListsFrame;
  const decoded = decodeLists(file, lists, frame);
  if (!decoded.ok) return decoded;
  return { ok: true, value: { ...rest, format: 'orderly-plan/1', customers: decoded.lists.customers, orders: decoded.lists.orders } };
}

/** Lists as the page keeps them (a Blob's text), in columns, for a headline. */
export function listsText(lists: PlanLists, headline: PlanHeadline): string {
  return JSON.stringify(encodeLists(lists, headline));
}
