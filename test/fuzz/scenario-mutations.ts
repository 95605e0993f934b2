/**
 * Broken and hostile scenario files, made by a seeded generator from a valid one: the kinds a
 * dispatcher's data has (series cut short, zones shifted, units swapped, meters that read zero,
 * weather that stops early) and the kinds an attacker or a careless edit makes (control
 * characters, formula names, prototype keys, duplicate keys, files cut in the middle). Each
 * mutation says what it did; `keepsGap` marks the ones that change the data the forecast reads
 * but not the grid, so an answer without a gap and without a note would be a silent failure.
 */
import type { Rng } from '../../core/random/rng.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { HOUR_MS, parseTimestamp } from '../../core/time/timestamp.ts';

export interface Mutant {
  /** What was done, e.g. "weather.stations[0].history: last 72 h cut". */
  what: string;
  text: string;
  /** The data the forecast reads changed, the grid did not: its gap must not vanish without a note. */
  keepsGap?: boolean;
}

type Json = Record<string, unknown>;
type Op = (s: ScenarioFile, rng: Rng) => { what: string; keepsGap?: boolean } | null;
type TextOp = (text: string, rng: Rng) => { what: string; text: string } | null;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)];
const seriesOf = (s: ScenarioFile) => {
  const out: Array<{ path: string; series: { start: string; unit: string; values: (number | null)[] } }> = [];
  s.history.load.forEach((h, i) => out.push({ path: `history.load[${i}]`, series: h }));
  s.weather.stations.forEach((st, i) => {
    if (st.history) out.push({ path: `weather.stations[${i}].history`, series: st.history });
    if (st.forecast) out.push({ path: `weather.stations[${i}].forecast`, series: st.forecast });
  });
  s.supply.imports.forEach((m, i) => out.push({ path: `supply.imports[${i}].schedule`, series: m.schedule }));
  s.supply.units.forEach((u, i) => { if (u.available) out.push({ path: `supply.units[${i}].available`, series: u.available }); });
  return out;
};
const offsetOf = (ts: string) => ts.slice(16);
const shiftStart = (ts: string, hours: number) => {
  const t = parseTimestamp(ts)!;
  const local = new Date(t.ms + t.offsetMinutes * 60_000 + hours * HOUR_MS).toISOString().slice(0, 16);
  return `${local}${offsetOf(ts)}`;
};
const areaHistories = (s: ScenarioFile) => s.history.load.map((h, i) => ({ h, i })).filter((x) => x.h.of === 'area');

/** Operators on the parsed file. Each returns null where it does not apply to this file. */
export const SCENARIO_OPS: Record<string, Op> = {
  'weather history cut': (s, rng) => {
    const k = pick(rng, [6, 18, 30, 72, 400]);
    const st = s.weather.stations.filter((x) => x.history);
    if (!st.length) return null;
    for (const x of st) x.history!.values = x.history!.values.slice(0, Math.max(1, x.history!.values.length - k));
    return { what: `every station's temperature history: last ${k} h cut`, keepsGap: true };
  },
  'weather forecast cut': (s, rng) => {
    const st = pick(rng, s.weather.stations);
    if (!st.forecast) return null;
    const k = pick(rng, [1, 24]);
    st.forecast.values = st.forecast.values.slice(0, -k);
    return { what: `${st.id} forecast: last ${k} h cut` };
  },
  'weather history removed': (s, rng) => {
    const st = pick(rng, s.weather.stations);
    if (!st.history) return null;
    delete st.history;
    return { what: `${st.id}: temperature history removed`, keepsGap: true };
  },
  'area history shortened': (s, rng) => {
    const list = areaHistories(s);
    if (!list.length) return null;
    const { h, i } = pick(rng, list);
    const keep = Math.min(h.values.length, pick(rng, [1, 24, 200, 800, 3000, 9000]));
    const drop = h.values.length - keep;
    h.values = h.values.slice(drop);
    h.start = shiftStart(h.start, drop);
    return { what: `history.load[${i}] (${h.id}): only its last ${keep} h kept`, keepsGap: true };
  },
  'area history stops early': (s, rng) => {
    const list = areaHistories(s);
    if (!list.length) return null;
    const { h, i } = pick(rng, list);
    const k = Math.min(h.values.length - 1, pick(rng, [24, 20 * 24, 60 * 24]));
    if (k <= 0) return null;
    h.values = h.values.slice(0, -k);
    return { what: `history.load[${i}] (${h.id}): last ${k} h cut`, keepsGap: true };
  },
  'missing hour': (s, rng) => {
    const x = pick(rng, seriesOf(s));
    x.series.values[rng.int(x.series.values.length)] = null;
    return { what: `${x.path}: one hour null` };
  },
  'number as text': (s, rng) => {
    const x = pick(rng, seriesOf(s));
    (x.series.values as unknown[])[rng.int(x.series.values.length)] = pick(rng, ['12.5', 'NaN', '', 'null']);
    return { what: `${x.path}: a value written as text` };
  },
  'huge value': (s, rng) => {
    const x = pick(rng, seriesOf(s));
    x.series.values[rng.int(x.series.values.length)] = pick(rng, [1e300, 1e12, 9e15]);
    return { what: `${x.path}: one value huge` };
  },
  'negative value': (s, rng) => {
    const x = pick(rng, seriesOf(s).filter((y) => y.series.unit === 'MW'));
    if (!x) return null;
    x.series.values[rng.int(x.series.values.length)] = -pick(rng, [1, 500]);
    return { what: `${x.path}: one value negative` };
  },
  'zero history': (s, rng) => {
    const list = areaHistories(s);
    if (!list.length) return null;
    const { h, i } = pick(rng, list);
    h.values = h.values.map(() => 0);
    return { what: `history.load[${i}] (${h.id}): every hour 0` };
  },
  'history scaled': (s, rng) => {
    const list = s.history.load.map((h, i) => ({ h, i }));
    const { h, i } = pick(rng, list);
    const f = pick(rng, [1000, 0.001]);
    h.values = h.values.map((v) => (v === null ? null : v * f));
    return { what: `history.load[${i}]: values × ${f} (a unit mistake)` };
  },
  'unit swapped': (s, rng) => {
    const x = pick(rng, seriesOf(s));
    x.series.unit = x.series.unit === 'MW' ? pick(rng, ['kW', 'GW', 'mw']) : pick(rng, ['°F', 'K', 'C']);
    return { what: `${x.path}: unit ${x.series.unit}` };
  },
  'series offset shifted': (s, rng) => {
    const x = pick(rng, seriesOf(s));
    x.series.start = x.series.start.slice(0, 16) + pick(rng, ['+00:00', '-05:00', 'Z', '']);
    return { what: `${x.path}: start ${x.series.start}` };
  },
  'scenario zone changed': (s, rng) => {
    s.timeZone = pick(rng, ['America/New_York', 'Europe/London', 'Mars/Olympus', '+25:00']);
    return { what: `timeZone ${s.timeZone}` };
  },
  'study moved': (s, rng) => {
    const h = pick(rng, [-24, 6, 30 * 24]);
    s.study.start = shiftStart(s.study.start, h);
    return { what: `study.start moved ${h} h` };
  },
  'study length': (s, rng) => {
    s.study.hours = pick(rng, [0, 1, 5000, 2.5]);
    return { what: `study.hours ${s.study.hours}` };
  },
  'issued after the study': (s) => {
    s.study.issuedAt = shiftStart(s.study.start, s.study.hours + 5);
    return { what: 'study.issuedAt after the study ends' };
  },
  'start off the hour': (s) => {
    s.study.start = s.study.start.slice(0, 14) + '30' + s.study.start.slice(16);
    return { what: `study.start ${s.study.start}` };
  },
  'required field deleted': (s, rng) => {
    const targets: Array<[Json, string, string]> = [
      [s.customers[rng.int(s.customers.length)] as unknown as Json, pick(rng, ['peakMW', 'feeder', 'class', 'profile', 'securityFloorMW']), 'customers'],
      [s.feeders[rng.int(s.feeders.length)] as unknown as Json, pick(rng, ['substation', 'ratingMW', 'servesProtected']), 'feeders'],
      [s as unknown as Json, pick(rng, ['study', 'policy', 'timeZone', 'areas']), '(scenario)'],
    ];
    const [record, key, where] = pick(rng, targets);
    delete record[key];
    return { what: `${where}: "${key}" deleted` };
  },
  'wrong type': (s, rng) => {
    const c = s.customers[rng.int(s.customers.length)] as unknown as Json;
    const key = pick(rng, ['peakMW', 'name', 'measures', 'noticeHours']);
    c[key] = pick(rng, [[1], { x: 1 }, true, '3']);
    return { what: `a customer's ${key} of the wrong type` };
  },
  'prototype key': (s, rng) => {
    const c = s.customers[rng.int(s.customers.length)] as unknown as Json;
    const key = pick(rng, ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    Object.defineProperty(c, key, { value: pick(rng, [1, { polluted: true }, 'x']), enumerable: true, configurable: true, writable: true });
    return { what: `a customer with a field named ${key}` };
  },
  'hostile name': (s, rng) => {
    const name = pick(rng, ['\u001b[2J\u001b[HALL CLEAR', '=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)', 'line\r\nbreak', 'a\u202eevil', 'nul\u0000byte']);
    const where = rng.int(3);
    if (where === 0) s.name = name;
    else if (where === 1) s.customers[rng.int(s.customers.length)].name = name;
    else s.areas[rng.int(s.areas.length)].name = name;
    return { what: `a name ${JSON.stringify(name)}` };
  },
  'formula name (harmless)': (s, rng) => {
    const c = s.customers.filter((x) => x.measures)[0];
    if (!c) return null;
    c.name = pick(rng, ['=1+1', '-5 Works', '+86 Trading', '@home Ltd']);
    return { what: `customer ${c.id} named ${JSON.stringify(c.name)}` };
  },
  'unknown reference': (s, rng) => {
    const which = rng.int(4);
    if (which === 0) s.feeders[rng.int(s.feeders.length)].substation = 'S-99';
    else if (which === 1) s.customers[rng.int(s.customers.length)].feeder = 'F-none';
    else if (which === 2 && s.supply.units.length) s.supply.units[0].area = 'NOWHERE';
    else s.history.load[rng.int(s.history.load.length)].id = 'ghost';
    return { what: `an unknown reference (${['feeder substation', 'customer feeder', 'unit area', 'history id'][which]})` };
  },
  'protected customer with measures': (s) => {
    const c = s.customers.find((x) => x.class === 'residential' || x.class === 'hospital');
    if (!c) return null;
    c.measures = { limit: { capMW: 0 } };
    return { what: `${c.class} customer ${c.id} given a limit measure` };
  },
  'residential feeder unprotected': (s) => {
    const f = s.feeders.find((x) => x.residentialShare > 0);
    if (!f) return null;
    f.servesProtected = false;
    return { what: `feeder ${f.id} with residents marked as serving no protected customer` };
  },
  'protected customer moved': (s) => {
    const c = s.customers.find((x) => x.class === 'residential');
    const f = s.feeders.find((x) => !x.servesProtected && x.residentialShare === 0);
    if (!c || !f) return null;
    c.feeder = f.id;
    return { what: `residents ${c.id} moved onto unprotected feeder ${f.id}` };
  },
  'security floor above peak': (s) => {
    const c = s.customers.find((x) => x.measures);
    if (!c) return null;
    c.securityFloorMW = c.peakMW * 2;
    return { what: `${c.id}: security floor twice its peak` };
  },
  'area loop': (s) => {
    const root = s.areas.find((a) => a.parent === null);
    const child = s.areas.find((a) => a.parent === root?.id && a.kind !== 'substation') ?? s.areas.find((a) => a.parent === root?.id);
    if (!root || !child) return null;
    root.parent = child.id;
    return { what: `the root's parent is its child ${child.id}` };
  },
  'policy broken': (s, rng) => {
    const which = rng.int(4);
    if (which === 0) s.policy.warning.thresholdsPct = [20, 10, 5];
    else if (which === 1) s.policy.ladder = s.policy.ladder.filter((m) => m !== 'limit');
    else if (which === 2) s.policy.ladder = ['feeder-open', ...s.policy.ladder.filter((m) => m !== 'feeder-open')];
    else s.policy.planScaleShare = pick(rng, [0, 5, -1]);
    return { what: `policy: ${['thresholds reversed', 'ladder without limit', 'feeder-open first', 'plan scale out of range'][which]}` };
  },
  'supply magnitude': (s, rng) => {
    if (!s.supply.units.length) return null;
    const u = pick(rng, s.supply.units);
    u.capacityMW = pick(rng, [0, -10, 1e9, 1e300]);
    return { what: `${u.id}: capacity ${u.capacityMW} MW` };
  },
  'outage reversed': (s) => {
    const u = s.supply.units.find((x) => x.outages?.length);
    if (!u) return null;
    const o = u.outages![0];
    [o.from, o.to] = [o.to, o.from];
    return { what: `${u.id}: an outage that ends before it starts` };
  },
  'import limit magnitude': (s, rng) => {
    const a = pick(rng, s.areas);
    a.importLimitMW = pick(rng, [-5, 1e12]);
    delete a.importLimit;
    return { what: `${a.id}: import limit ${a.importLimitMW} MW` };
  },
  'event outside the study': (s) => {
    const e = s.events.find((x) => x.kind === 'unit-trip');
    if (!e || e.kind !== 'unit-trip') return null;
    e.at = shiftStart(s.study.start, -500);
    return { what: `${e.id} trips 500 h before the study` };
  },
  'duplicate id': (s) => {
    if (s.customers.length < 2) return null;
    s.customers[1].id = s.customers[0].id;
    return { what: `customers[1] takes customers[0]'s id` };
  },
  'daily hours odd': (s, rng) => {
    const c = s.customers.find((x) => x.measures);
    if (!c) return null;
    c.maxHoursPerDay = pick(rng, [2.5, 30, -1]);
    return { what: `${c.id}: maxHoursPerDay ${c.maxHoursPerDay}` };
  },
  'no curtailable customers': (s) => {
    for (const c of s.customers) delete c.measures;
    return { what: 'no customer has a measure' };
  },
  'no supply': (s) => {
    s.supply.units = [];
    s.supply.imports = [];
    s.supply.energyBudgets = [];
    s.events = s.events.filter((e) => e.kind === 'heat-wave' || e.kind === 'renewable-drop');
    return { what: 'no units and no imports' };
  },
  'everyone protected': (s) => {
    for (const c of s.customers) {
      if (c.class === 'residential') continue;
      c.class = 'hospital';
      c.securityFloorMW = c.peakMW;
      delete c.measures;
      delete c.keyEnterprise;
    }
    for (const f of s.feeders) f.servesProtected = true;
    return { what: 'every customer protected' };
  },
};

/** Operators on the file's text. */
export const TEXT_OPS: Record<string, TextOp> = {
  'cut in the middle': (text, rng) => {
    const at = 1 + rng.int(text.length - 2);
    return { what: `file cut at character ${at} of ${text.length}`, text: text.slice(0, at) };
  },
  'byte order mark': (text) => ({ what: 'a UTF-8 byte order mark first', text: `\ufeff${text}` }),
  'trailing garbage': (text) => ({ what: 'text after the closing brace', text: `${text}\n{"more": 1}` }),
  'empty': () => ({ what: 'an empty file', text: '' }),
  'csv instead': () => ({ what: 'a CSV file named .json', text: 'time,load\n2024-07-01T00:00+08:00,12\n' }),
  'infinity literal': (text) => {
    const m = /"peakMW":\s*[\d.]+/.exec(text);
    return m ? { what: 'a peak of 1e999 (Infinity once parsed)', text: text.replace(m[0], '"peakMW": 1e999') } : null;
  },
  'duplicate key': (text, rng) => {
    const keys = [...text.matchAll(/"(peakMW|ratingMW|capacityMW|securityFloorMW)":\s*([\d.]+)/g)];
    if (!keys.length) return null;
    const m = pick(rng, keys);
    return { what: `"${m[1]}" given twice in one object`, text: text.slice(0, m.index) + `"${m[1]}": 0.001, ` + text.slice(m.index!) };
  },
  'deep nesting': (text) => {
    const depth = 20_000;
    return { what: `an unknown field nested ${depth} arrays deep`, text: text.replace(/^\{/, `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}, `) };
  },
  'binary': () => ({ what: 'binary data', text: '\u001f\u008b\u0008\u0000garbage\u0000\u0001' }),
};

/** Mutants of one valid scenario: `count` of them, drawn with the seed's stream. */
export function scenarioMutants(base: ScenarioFile, rng: Rng, count: number): Mutant[] {
  const baseText = JSON.stringify(base);
  const ops = Object.entries(SCENARIO_OPS), textOps = Object.entries(TEXT_OPS);
  const out: Mutant[] = [];
  for (let k = 0; out.length < count && k < count * 5; k++) {
    const r = rng.fork(k);
    // One in five is a text-level mutation; the rest edit the parsed file (one or two edits).
    if (r.chance(0.2)) {
      const [name, op] = textOps[k % textOps.length];
      const m = op(baseText, r);
      if (m) out.push({ what: `${name}: ${m.what}`, text: m.text });
      continue;
    }
    const s = structuredClone(base);
    const edits = r.chance(0.25) ? 2 : 1;
    const whats: string[] = [];
    let keepsGap = true;
    for (let e = 0; e < edits; e++) {
      const [name, op] = ops[(k + e * 7) % ops.length];
      const m = op(s, r);
      if (!m) continue;
      whats.push(`${name}: ${m.what}`);
      keepsGap &&= Boolean(m.keepsGap);
    }
    if (!whats.length) continue;
    out.push({ what: whats.join('; '), text: JSON.stringify(s), ...(keepsGap ? { keepsGap } : {}) });
  }
  return out;
}
