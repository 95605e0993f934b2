/**
 * Broken and hostile history CSVs and plan files, made by a seeded generator from good ones: a
 * CSV with a missing or doubled hour, text where a number belongs, the wrong unit or zone; a plan
 * edited by hand to open residential feeders, order more than a customer draws, name another
 * scenario, or simply cut short.
 */
import type { Rng } from '../../core/random/rng.ts';
import type { Mutant } from './scenario-mutations.ts';

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A good hourly CSV (time,load) of an area's last days of history, from its series. */
export function historyCsv(start: string, values: number[], zoneOffset = '+08:00'): string {
  const startMs = Date.parse(start);
  const rows = values.map((v, i) => {
    const local = new Date(startMs + i * 3_600_000 + offsetMinutes(zoneOffset) * 60_000).toISOString().slice(0, 16);
    return `${local}${zoneOffset},${v}`;
  });
  return `time,load\n${rows.join('\n')}\n`;
}

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

type CsvOp = (lines: string[], rng: Rng) => { what: string; lines: string[] } | null;

export const CSV_OPS: Record<string, CsvOp> = {
  'missing hour': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1} removed`, lines: [...l.slice(0, i), ...l.slice(i + 1)] }; },
  'doubled hour': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1} twice`, lines: [...l.slice(0, i + 1), l[i], ...l.slice(i + 1)] }; },
  'text cell': (l, rng) => { const i = 1 + rng.int(l.length - 2); const v = pick(rng, ['n/a', '#VALUE!', '1,5', '--']); return { what: `row ${i + 1}: ${v}`, lines: l.map((x, k) => (k === i ? `${x.split(',')[0]},${v}` : x)) }; },
  'empty cell': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1}: empty load`, lines: l.map((x, k) => (k === i ? `${x.split(',')[0]},` : x)) }; },
  'huge cell': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1}: 1e300`, lines: l.map((x, k) => (k === i ? `${x.split(',')[0]},1e300` : x)) }; },
  'negative cell': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1}: negative`, lines: l.map((x, k) => (k === i ? `${x.split(',')[0]},-40` : x)) }; },
  'kW as MW': (l) => ({ what: 'values in kW under an MW header', lines: l.map((x, k) => (k === 0 ? x : `${x.split(',')[0]},${Number(x.split(',')[1]) * 1000}`)) }),
  'rows reversed': (l) => ({ what: 'rows in reverse order', lines: [l[0], ...l.slice(1).reverse()] }),
  'zone dropped': (l) => ({ what: 'times without an offset', lines: l.map((x, k) => (k === 0 ? x : x.replace(/[+-]\d\d:\d\d,/, ','))) }),
  'header renamed': (l) => ({ what: 'the load column renamed', lines: ['time,MW', ...l.slice(1)] }),
  'semicolons': (l) => ({ what: 'semicolon-separated', lines: l.map((x) => x.replace(',', ';')) }),
  'CRLF and BOM': (l) => ({ what: 'Windows line ends and a BOM', lines: [`\ufeff${l[0]}\r`, ...l.slice(1).map((x) => `${x}\r`)] }),
  'one row only': (l) => ({ what: 'one row of data', lines: l.slice(0, 2) }),
  'formula cell': (l, rng) => { const i = 1 + rng.int(l.length - 2); return { what: `row ${i + 1}: =1+1`, lines: l.map((x, k) => (k === i ? `${x.split(',')[0]},=1+1` : x)) }; },
};

export function csvMutants(good: string, rng: Rng, count: number): Mutant[] {
  const lines = good.trimEnd().split('\n');
  const ops = Object.entries(CSV_OPS);
  const out: Mutant[] = [];
  for (let k = 0; out.length < count && k < count * 3; k++) {
    const [name, op] = ops[k % ops.length];
    const m = op(lines, rng.fork(k));
    if (m) out.push({ what: `${name}: ${m.what}`, text: `${m.lines.join('\n')}\n` });
  }
  return out;
}

/** Facts of the scenario a plan's mutations use: its protected customers and feeders. */
export interface PlanContext {
  protectedCustomers: string[];
  protectedFeeders: Array<{ id: string; area: string }>;
  smallCustomer: { id: string; measure: string } | null;
  otherScenarioPlan?: string;
}

type PlanOp = (p: Json, rng: Rng, ctx: PlanContext) => { what: string } | null;

export const PLAN_OPS: Record<string, PlanOp> = {
  'residential feeders opened': (p, _r, ctx) => {
    if (!ctx.protectedFeeders.length) return null;
    const hours = Array.from({ length: p.hours }, (_, h) => h);
    p.feedersOpened = [...(p.feedersOpened ?? []), ...ctx.protectedFeeders.map((f) => ({ feeder: f.id, area: f.area, hours: p.hours, peakMW: 1, energyMWh: 1, open: hours }))];
    return { what: `all ${ctx.protectedFeeders.length} feeders serving protected customers opened for ${p.hours} h` };
  },
  'order beyond the customer': (p, _r, ctx) => {
    if (!ctx.smallCustomer) return null;
    const mw = Array(p.hours).fill(0);
    mw[Math.floor(p.hours / 2)] = 1000;
    p.orders = [...(p.orders ?? []).filter((o: Json) => !(o.customer === ctx.smallCustomer!.id && o.measure === ctx.smallCustomer!.measure)), { customer: ctx.smallCustomer.id, measure: ctx.smallCustomer.measure, mw }];
    return { what: `1000 MW ordered from ${ctx.smallCustomer.id}` };
  },
  'protected customer ordered': (p, _r, ctx) => {
    if (!ctx.protectedCustomers.length) return null;
    const mw = Array(p.hours).fill(0.5);
    p.orders = [...(p.orders ?? []), { customer: ctx.protectedCustomers[0], measure: 'limit', mw }];
    return { what: `protected customer ${ctx.protectedCustomers[0]} ordered to limit` };
  },
  'negative open hour': (p) => {
    if (!p.feedersOpened?.length) p.feedersOpened = [{ feeder: 'F0001', area: 'S01', hours: 1, peakMW: 1, energyMWh: 1, open: [-5] }];
    else p.feedersOpened[0].open = [-5];
    return { what: 'a feeder open in hour -5' };
  },
  'open hour beyond the plan': (p) => {
    p.feedersOpened = [{ feeder: p.feedersOpened?.[0]?.feeder ?? 'F0001', area: 'S01', hours: 1, peakMW: 1, energyMWh: 1, open: [p.hours + 100] }];
    return { what: 'a feeder open after the plan ends' };
  },
  'null order': (p) => { p.orders = [...(p.orders ?? []), null]; return { what: 'an order that is null' }; },
  'order of nobody': (p) => { p.orders = [...(p.orders ?? []), { customer: 'NOBODY', measure: 'limit', mw: Array(p.hours).fill(1) }]; return { what: 'an order for an unknown customer' }; },
  'order too short': (p) => { if (!p.orders?.length) return null; p.orders[0].mw = p.orders[0].mw.slice(0, 3); return { what: 'an order of 3 hours' }; },
  'negative order': (p) => { if (!p.orders?.length) return null; p.orders[0].mw = p.orders[0].mw.map(() => -2); return { what: 'an order of −2 MW every hour' }; },
  'text in an order': (p) => { if (!p.orders?.length) return null; p.orders[0].mw[0] = '1e3'; return { what: 'an order value written as text' }; },
  'snap-back out of range': (p, rng) => { p.settings = { ...(p.settings ?? {}), snapBackShare: pick(rng, [50, -1]) }; return { what: `settings.snapBackShare ${p.settings.snapBackShare}` }; },
  'another scenario': (p) => { if (!p.scenario) return null; p.scenario.sha256 = 'f'.repeat(64); return { what: 'scenario.sha256 of another file' }; },
  'no scenario hash': (p) => { if (!p.scenario) return null; delete p.scenario.sha256; return { what: 'scenario.sha256 removed' }; },
  'format changed': (p) => { p.format = 'orderly-plan/9'; return { what: 'format orderly-plan/9' }; },
  'strategy unknown': (p) => { p.strategy = 'magic'; return { what: 'strategy "magic"' }; },
  'orders removed': (p) => { if (!p.orders?.length) return null; p.orders = []; return { what: 'every order removed (the figures left as they were)' }; },
  'residual zeroed': (p) => {
    if (!p.orders?.length) return null;
    p.orders = p.orders.slice(0, Math.ceil(p.orders.length / 2));
    for (const a of [p.system, ...(p.local ?? [])]) if (a?.residualMW) a.residualMW = a.residualMW.map(() => 0);
    return { what: 'half the orders dropped and the residual set to 0' };
  },
  'times short': (p) => { p.times = p.times.slice(1); return { what: 'one time fewer than hours' }; },
  'hours changed': (p) => { p.hours = p.hours + 24; return { what: 'hours + 24' }; },
  'emergency order with residents': (p, _r, ctx) => {
    if (!ctx.protectedFeeders.length || !p.emergencyOrder?.steps) return null;
    const f = ctx.protectedFeeders[0];
    p.emergencyOrder.steps = [{ ...(p.emergencyOrder.steps[0] ?? { rank: 1, releasesMW: 1, cumulativeMW: 1 }), feeder: f.id, area: f.area }, ...p.emergencyOrder.steps];
    return { what: `emergency order opens ${f.id}, which serves protected customers` };
  },
  'hostile customer name': (p) => {
    if (!p.customers?.length) return null;
    p.customers[0].name = '=HYPERLINK("http://evil","click")\r\n\u001b[2J';
    return { what: 'a customer name with a formula, a line break and an escape' };
  },
  'prototype key': (p) => { Object.defineProperty(p, '__proto__', { value: { verification: { ok: true } }, enumerable: true, configurable: true, writable: true }); return { what: 'a field named __proto__' }; },
};

export function planMutants(good: string, rng: Rng, count: number, ctx: PlanContext): Mutant[] {
  const base = JSON.parse(good) as Json;
  const ops = Object.entries(PLAN_OPS);
  const out: Mutant[] = [];
  for (let k = 0; out.length < count && k < count * 3; k++) {
    const r = rng.fork(k);
    if (k % 9 === 8) {
      const at = 1 + r.int(good.length - 2);
      out.push({ what: `cut in the middle: at character ${at}`, text: good.slice(0, at) });
      continue;
    }
    if (k % 9 === 7 && ctx.otherScenarioPlan) {
      out.push({ what: 'a plan made for another scenario whose ids match', text: ctx.otherScenarioPlan });
      continue;
    }
    const [name, op] = ops[k % ops.length];
    const p = structuredClone(base);
    const m = op(p, r, ctx);
    if (m) out.push({ what: `${name}: ${m.what}`, text: JSON.stringify(p) });
  }
  return out;
}
