/**
 * The network of a synthetic grid: the area tree (root → districts or cities → substations),
 * 10 kV feeders under substations, and the customers on each feeder. Sizes are drawn in relative
 * units and scaled afterwards so that the system peak on a design-hot working day hits the target.
 */
import type { Rng } from '../../core/random/rng.ts';
import type { CustomerClass } from '../../core/scenario/classes.ts';
import type { AreaFile, CustomerFile, FeederFile } from '../../core/scenario/schema.ts';
import {
  COMMERCIAL_CLASSES, DEDICATED_CLASSES, INDUSTRIAL_CLASSES, PUBLIC_PROTECTED, curtailableCustomer, pick, protectedCustomer,
} from './customers.ts';
import { drawMix, type FeederMix } from './feeder-mix.ts';
import { pad, placeNamer } from './names.ts';
import type { ScaleSpec } from './scales.ts';

export interface Grid {
  areas: AreaFile[];
  /** Substation area ids in order; feeders point to them by index too. */
  substations: string[];
  /** Weather station index of each substation. */
  substationStation: number[];
  feeders: FeederFile[];
  feederSubstation: Int32Array;
  customers: CustomerFile[];
  customerFeeder: Int32Array;
}

/** Share of feeders that are dedicated lines (专线) of one large plant. */
const DEDICATED_SHARE = 0.1;
const CLASS_LABEL: Partial<Record<CustomerClass, string>> = {
  commerce: 'Commercial user', industry: 'Factory', 'high-energy': 'High-energy plant', 'phase-out': 'Phase-out plant',
  'over-quota': 'Over-quota plant', 'non-compliant': 'Non-compliant project', 'security-critical': 'Chemical works',
  'landscape-lighting': 'Landscape lighting', agriculture: 'Irrigation district', school: 'School', hospital: 'Hospital',
  government: 'Government offices', telecom: 'Telecom exchange', water: 'Waterworks', transport: 'Transport hub',
  finance: 'Bank data centre', gas: 'Gas station', heating: 'Heating plant', 'emergency-command': 'Emergency command',
  broadcasting: 'Broadcasting', 'energy-supply': 'Fuel depot', 'key-project': 'Key project', military: 'Military site', prison: 'Prison',
};

/**
 * @param mwPerUnit first estimate of MW per relative unit of feeder load; `rescaleGrid` corrects it
 *   once the design peak of the drawn grid is known.
 */
export function buildGrid(spec: ScaleSpec, rng: Rng, mixTable: FeederMix[] | null, stationsCount: number, mwPerUnit: number): Grid {
  const namer = placeNamer(rng.fork('names'));
  const areas: AreaFile[] = [];
  const rootId = spec.rootKind === 'province' ? 'P' : spec.rootKind === 'city' ? 'C' : 'T';
  areas.push({ id: rootId, name: spec.rootName[0], nameZh: spec.rootName[1], kind: spec.rootKind, parent: null, weatherStation: 'W01' });

  // Middle areas, each with its weather station (round robin over stations).
  const middleIds: string[] = [];
  const middleStation: number[] = [];
  if (spec.middle) {
    for (let m = 0; m < spec.middle.count; m++) {
      const [en, zh] = namer();
      const id = `${spec.middle.kind === 'city' ? 'C' : 'D'}${pad(m + 1, 2)}`;
      const station = m % stationsCount;
      middleIds.push(id);
      middleStation.push(station);
      areas.push({
        id, name: `${en} ${spec.middle.kind === 'city' ? 'City' : 'District'}`, nameZh: `${zh}${spec.middle.kind === 'city' ? '市' : '区'}`,
        kind: spec.middle.kind, parent: rootId, weatherStation: `W${pad(station + 1, 2)}`,
      });
    }
  }

  const substations: string[] = [];
  const substationStation: number[] = [];
  const width = spec.substations >= 100 ? 3 : 2;
  for (let s = 0; s < spec.substations; s++) {
    const m = spec.middle ? s % spec.middle.count : -1;
    const [en, zh] = namer();
    const id = `S${pad(s + 1, width)}`;
    substations.push(id);
    const station = m >= 0 ? middleStation[m] : s % stationsCount;
    substationStation.push(station);
    areas.push({
      id, name: `${en} 110 kV`, nameZh: `${zh}变电站`, kind: 'substation', parent: m >= 0 ? middleIds[m] : rootId,
      ...(m < 0 && stationsCount > 1 ? { weatherStation: `W${pad(station + 1, 2)}` } : {}),
    });
  }

  placeAreas(areas, rng.fork('positions'));

  // Feeders per substation: uneven, as real substations are.
  const feederRng = rng.fork('feeders');
  const weights = substations.map(() => feederRng.lognormal(1, 0.3));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(3, Math.round((spec.feeders * w) / totalWeight)));
  const feederTotal = counts.reduce((a, b) => a + b, 0);
  const feederSubstation = new Int32Array(feederTotal);
  const fWidth = feederTotal >= 10_000 ? 5 : 4;
  const feeders: FeederFile[] = [];
  const mixes: FeederMix[] = [];
  const dedicated: boolean[] = [];
  const feederPeak: number[] = []; // relative units
  let f = 0;
  for (let s = 0; s < substations.length; s++) {
    for (let k = 0; k < counts[s]; k++, f++) {
      feederSubstation[f] = s;
      const isDedicated = feederRng.chance(DEDICATED_SHARE);
      dedicated.push(isDedicated);
      const mix = isDedicated ? { r: 0, c: 0, i: 1, a: 0, size: 2.2, archetype: 'dedicated' } : drawMix(feederRng, mixTable);
      mixes.push(mix);
      feederPeak.push(mwPerUnit * feederRng.lognormal(mix.size, isDedicated ? 0.45 : 0.35));
      feeders.push({
        id: `F${pad(f + 1, fWidth)}`,
        name: `${substations[s]}-${pad(k + 1, 2)}${isDedicated ? ' (dedicated)' : ''}`,
        substation: substations[s],
        voltageKV: isDedicated && feederRng.chance(0.3) ? 35 : 10,
        ratingMW: 1, // set after scaling
        servesProtected: false,
        residentialShare: Math.round(mix.r * 1000) / 1000,
        ...(!isDedicated && mix.r > 0 && feederRng.chance(0.3) ? { uflsRound: 1 + feederRng.int(5) } : {}),
      });
    }
  }

  // Curtailable customers: one per dedicated line, the rest spread by non-residential load.
  const custRng = rng.fork('customers');
  const dedicatedCount = dedicated.filter(Boolean).length;
  const publicTarget = Math.max(0, spec.curtailable - dedicatedCount);
  const ciLoad = feeders.map((_, i) => (dedicated[i] ? 0 : (mixes[i].c + mixes[i].i) * feederPeak[i]));
  const ciTotal = ciLoad.reduce((a, b) => a + b, 0) || 1;
  const perFeeder = ciLoad.map((load) => {
    const expectedCount = (publicTarget * load) / ciTotal;
    const whole = Math.floor(expectedCount);
    return whole + (custRng.chance(expectedCount - whole) ? 1 : 0);
  });

  const customers: CustomerFile[] = [];
  const customerFeeder: number[] = [];
  const cWidth = spec.curtailable >= 100_000 ? 7 : 6;
  let serial = 0;
  const nextId = () => `C${pad(++serial, cWidth)}`;
  const add = (c: CustomerFile, feederIndex: number) => {
    customers.push(c);
    customerFeeder.push(feederIndex);
  };
  const label = (cls: CustomerClass, id: string) => `${CLASS_LABEL[cls] ?? cls} ${id.slice(1)}`;

  for (let i = 0; i < feeders.length; i++) {
    const feeder = feeders[i];
    const peak = feederPeak[i];
    const mix = mixes[i];
    if (dedicated[i]) {
      const cls = pick(custRng, DEDICATED_CLASSES);
      const id = nextId();
      add(curtailableCustomer(id, label(cls, id), feeder.id, cls, peak, custRng), i);
      continue;
    }
    if (mix.r > 0) {
      const id = nextId();
      const mw = mix.r * peak;
      // About 2.5 kW per household at the design peak.
      add(protectedCustomer(id, `Residents on ${feeder.id}`, feeder.id, 'residential', mw, custRng, Math.max(1, Math.round(mw / 0.0025))), i);
      feeder.servesProtected = true;
    }
    if (mix.a > 0.02) {
      const id = nextId();
      add(protectedCustomer(id, label('agriculture', id), feeder.id, 'agriculture', mix.a * peak, custRng, Math.max(1, Math.round((mix.a * peak) / 0.02))), i);
      feeder.servesProtected = true;
    }
    let commercial = mix.c * peak;
    if (commercial > 0 && custRng.chance(mix.r > 0.3 ? 0.3 : 0.15)) {
      const cls = pick(custRng, PUBLIC_PROTECTED);
      const share = custRng.uniform(0.08, 0.3);
      const id = nextId();
      add(protectedCustomer(id, label(cls, id), feeder.id, cls, commercial * share, custRng), i);
      commercial *= 1 - share;
      feeder.servesProtected = true;
    }
    const n = perFeeder[i];
    if (n === 0) continue;
    const industrial = mix.i * peak;
    const groups: Array<'c' | 'i'> = [];
    for (let k = 0; k < n; k++) groups.push(custRng.chance(commercial / (commercial + industrial || 1)) ? 'c' : 'i');
    const sizes = groups.map(() => custRng.lognormal(1, 0.9));
    const sumC = groups.reduce((a, g, k) => a + (g === 'c' ? sizes[k] : 0), 0);
    const sumI = groups.reduce((a, g, k) => a + (g === 'i' ? sizes[k] : 0), 0);
    for (let k = 0; k < n; k++) {
      const isC = groups[k] === 'c';
      const groupLoad = isC ? (sumI === 0 ? commercial + industrial : commercial) : sumC === 0 ? commercial + industrial : industrial;
      const mw = (groupLoad * sizes[k]) / (isC ? sumC : sumI);
      const cls = pick(custRng, isC ? COMMERCIAL_CLASSES : INDUSTRIAL_CLASSES);
      const id = nextId();
      add(curtailableCustomer(id, label(cls, id), feeder.id, cls, mw, custRng), i);
    }
  }
  return { areas, substations, substationStation, feeders, feederSubstation, customers, customerFeeder: Int32Array.from(customerFeeder) };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scales every MW figure of the customers by k, keeping each customer's own rules true after
 * rounding (measures within peak less floor, caps between floor and peak).
 */
export function rescaleCustomers(customers: CustomerFile[], k: number): void {
  for (const c of customers) {
    c.peakMW = Math.max(0.01, r3(c.peakMW * k));
    c.securityFloorMW = Math.min(c.peakMW, r3(c.securityFloorMW * k));
    const room = r3(c.peakMW - c.securityFloorMW);
    const m = c.measures;
    if (!m) continue;
    for (const name of ['demandResponse', 'shift', 'avoidPeak'] as const) {
      const measure = m[name];
      if (measure) measure.maxMW = Math.min(room, Math.max(0.001, r3(measure.maxMW * k)));
    }
    if (m.limit) m.limit.capMW = Math.min(Math.max(c.securityFloorMW, r3(m.limit.capMW * k)), r3(c.peakMW - 0.001));
    for (const name of ['demandResponse', 'shift', 'avoidPeak'] as const) {
      if (m[name] && m[name]!.maxMW <= 0) delete m[name];
    }
    if (m.limit && m.limit.capMW < c.securityFloorMW) delete m.limit;
    if (!Object.keys(m).length) delete c.measures;
  }
}

/**
 * Schematic positions for the page's map (km): the root at the centre, its middle areas around it
 * on a ring, each substation near its parent (on a smaller ring, jittered), so that substations of
 * one district sit together. Spread grows with the count, as a larger grid covers more ground.
 */
function placeAreas(areas: AreaFile[], rng: Rng): void {
  const children = new Map<string | null, AreaFile[]>();
  for (const a of areas) children.set(a.parent, [...(children.get(a.parent) ?? []), a]);
  const round = (v: number) => Math.round(v * 10) / 10;
  const place = (a: AreaFile, x: number, y: number, radius: number) => {
    a.position = { xKm: round(x), yKm: round(y) };
    const kids = children.get(a.id) ?? [];
    const middle = kids.some((k) => k.kind !== 'substation');
    const r = middle ? radius : radius * 0.45;
    const turn = rng.next() * 2 * Math.PI;
    kids.forEach((k, i) => {
      const angle = turn + (2 * Math.PI * i) / Math.max(1, kids.length) + (rng.next() - 0.5) * 0.5;
      const dist = kids.length === 1 ? 0.4 * r : r * (0.7 + 0.6 * rng.next()) * (middle ? 1 : 0.6 + 0.4 * ((i % 3) / 2));
      place(k, x + dist * Math.cos(angle), y + dist * Math.sin(angle), middle ? radius * 0.35 : radius * 0.3);
    });
  };
  const root = areas.find((a) => a.parent === null);
  if (root) place(root, 0, 0, 8 * Math.sqrt(areas.length));
}
