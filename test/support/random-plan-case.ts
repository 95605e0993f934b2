/**
 * Random planning cases from a seed, through the real path (a valid scenario file, its loader, the
 * problem builder): a small area tree, feeders with and without protected customers and residents,
 * customers of every class (protected ones included, with measures, to tempt the planner), notice,
 * daily limits, windows, shifts; and a gap per hour for the system and for some areas, sometimes an
 * energy shortage by day.
 */
import { createRng, type Rng } from '../../core/random/rng.ts';
import { CUSTOMER_CLASS_IDS, isProtectedClass } from '../../core/scenario/classes.ts';
import type { Scenario } from '../../core/scenario/model.ts';
import type { ScenarioFile } from '../../core/scenario/schema.ts';
import { loadScenarioValue } from '../../core/scenario/validate.ts';
import type { Assessment } from '../../core/warning/assess.ts';

export interface RandomCase {
  scenario: Scenario;
  assessment: Assessment;
}

const pad = (n: number) => String(n).padStart(2, '0');
const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function randomCase(seed: number, size: { customers?: number; hours?: number } = {}): RandomCase {
  const rng = createRng(`plan-case:${seed}`);
  const hours = size.hours ?? [6, 12, 24, 48][rng.int(4)];
  const nCustomers = size.customers ?? 3 + rng.int(22);
  const areas: ScenarioFile['areas'] = [{ id: 'A0', name: 'System', kind: 'city', parent: null, weatherStation: 'W1' }];
  const nDistricts = 1 + rng.int(3);
  const substations: string[] = [];
  for (let d = 1; d <= nDistricts; d++) {
    areas.push({ id: `D${d}`, name: `District ${d}`, kind: 'district', parent: 'A0' });
    const subs = 1 + rng.int(3);
    for (let s = 1; s <= subs; s++) {
      const id = `S${d}${s}`;
      areas.push({ id, name: `Substation ${d}.${s}`, kind: 'substation', parent: `D${d}`, importLimitMW: 100 });
      substations.push(id);
    }
  }
  const feeders: ScenarioFile['feeders'] = [];
  const nFeeders = substations.length + rng.int(6);
  for (let f = 0; f < nFeeders; f++) {
    const prot = rng.chance(0.4);
    feeders.push({
      id: `F${f}`, substation: substations[f % substations.length], ratingMW: 50, servesProtected: prot,
      residentialShare: prot && rng.chance(0.6) ? r3(rng.uniform(0.1, 0.9)) : 0,
      ...(rng.chance(0.1) ? { uflsRound: 1 + rng.int(3) } : {}),
    });
  }
  const flat = Array(24).fill(1);
  const day = Array.from({ length: 24 }, (_, h) => r3(0.5 + 0.5 * Math.sin(((h - 6) / 24) * Math.PI * 2) ** 2));
  const customers: ScenarioFile['customers'] = [];
  for (let i = 0; i < nCustomers; i++) {
    const cls = CUSTOMER_CLASS_IDS[rng.int(CUSTOMER_CLASS_IDS.length)];
    const feeder = feeders[rng.int(feeders.length)];
    const peak = r3(rng.uniform(0.5, 10));
    const floor = rng.chance(0.5) && cls !== 'security-critical' ? 0 : r3(peak * rng.uniform(0.05, 0.4));
    const room = peak - floor;
    const measures: NonNullable<ScenarioFile['customers'][number]['measures']> = {};
    if (rng.chance(0.4)) measures.demandResponse = { maxMW: r3(Math.max(0.01, room * rng.uniform(0.1, 0.5))), pricePerMWh: 100 * (1 + rng.int(40)) };
    if (rng.chance(0.35)) measures.shift = { maxMW: r3(Math.max(0.01, room * rng.uniform(0.1, 0.6))), returnWindows: [rng.chance(0.5) ? '22-06' : '00-07'], paybackShare: r3(rng.uniform(0.5, 1)) };
    if (rng.chance(0.5)) measures.avoidPeak = { maxMW: r3(Math.max(0.01, room * rng.uniform(0.2, 0.8))), windows: rng.chance(0.5) ? ['08-16'] : ['10-14', '17-22'] };
    if (rng.chance(0.6)) measures.limit = { capMW: r3(floor + room * rng.uniform(0, 0.7)) };
    // Protected classes carry their whole load as a floor in real files; here some do not, and
    // some have measures, so only the planner's rules keep them out.
    customers.push({
      id: `C${i}`, name: `Customer ${i}`, feeder: feeder.id, class: cls, peakMW: peak, profile: rng.chance(0.5) ? 'flat' : 'day',
      securityFloorMW: floor, control: rng.chance(0.5) ? 'terminal' : 'manual', responseMinutes: rng.int(60),
      ...(rng.chance(0.7) ? { noticeHours: [0, 2, 6, 12, 24, 48][rng.int(6)] } : {}),
      ...(rng.chance(0.6) ? { maxHoursPerDay: [2, 4, 6, 8, 24][rng.int(5)] } : {}),
      costPerMWh: 100 * (1 + rng.int(100)),
      ...(rng.chance(0.05) && !isProtectedClass(cls) ? { keyEnterprise: true } : {}),
      ...(Object.keys(measures).length ? { measures } : {}),
    });
  }
  for (const c of customers) {
    const f = feeders.find((x) => x.id === c.feeder)!;
    if (isProtectedClass(c.class)) f.servesProtected = true;
    if (c.class === 'residential' && f.residentialShare === 0) f.residentialShare = 0.5;
  }
  const start = '2024-07-10T00:00+08:00';
  const issuedOffset = rng.int(30); // hours before the start the plan is made
  const issued = new Date(Date.parse('2024-07-10T00:00:00+08:00') - issuedOffset * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  const file: ScenarioFile = {
    format: 'orderly-scenario/1', id: `case-${seed}`, name: `Random case ${seed}`, timeZone: 'Asia/Shanghai', currency: 'CNY',
    study: { start, hours, issuedAt: `${issued}+08:00` },
    areas, feeders,
    profiles: [
      { id: 'flat', name: 'flat', weekday: flat, weekend: flat },
      { id: 'day', name: 'day', weekday: day, weekend: day },
    ],
    customers,
    weather: { stations: [{ id: 'W1', name: 'Station', forecast: { start: '2024-07-09T00:00+08:00', unit: '°C', values: Array(24 + hours).fill(30) } }] },
    history: { load: [] },
    supply: { units: [], imports: [] },
    policy: {
      warning: { thresholdsPct: [5, 10, 20], boundary: 'upper-inclusive' },
      ladder: ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'], planScaleShare: 0.3, defaultNoticeHours: [0, 4, 24][rng.int(3)],
      holidays: { calendar: 'custom', days: [], workdays: [] },
    },
    events: [],
  };
  // The loader refuses measures on protected customers; put them back after loading, as if a file
  // had slipped past validation, so only the planner's own rules stand between them and a cut.
  const tempting = new Map<number, NonNullable<ScenarioFile['customers'][number]['measures']>>();
  file.customers.forEach((c, i) => {
    if (isProtectedClass(c.class) && c.measures) { tempting.set(i, c.measures); delete c.measures; }
  });
  const loaded = loadScenarioValue(file);
  if (!loaded.ok) throw new Error(`random case ${seed} is not a valid scenario: ${loaded.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const s = loaded.scenario!;
  for (const [i, m] of tempting) s.customers[i].measures = m;
  for (const f of s.feeders) if (f.servesProtected && f.residentialShare === 0 && rng.chance(0.3)) f.servesProtected = false;
  const startMs = Date.parse('2024-07-09T16:00:00Z');
  const totalPeak = customers.reduce((t, c) => t + c.peakMW, 0);
  const gapOf = (scale: number) => Float64Array.from({ length: hours }, () => (rng.chance(0.3) ? -rng.uniform(0, scale) : rng.uniform(0, scale)));
  const local = rng.chance(0.6)
    ? areas.slice(1).filter(() => rng.chance(0.4)).map((a) => ({ area: a.id, name: a.name, gapAtConfidence: gapOf(totalPeak * 0.15) }))
    : [];
  const energy = rng.chance(0.25)
    ? Array.from({ length: Math.ceil(hours / 24) }, (_, d) => ({ date: `2024-07-${pad(10 + d)}`, gapAtConfidenceMWh: rng.chance(0.7) ? rng.uniform(0, totalPeak * 3) : 0 }))
    : [];
  const assessment = {
    issuedAtMs: Date.parse(file.study.issuedAt.replace('+08:00', ':00+08:00')), startMs, hours, timeZone: 'Asia/Shanghai',
    confidence: 0.9, samples: 1, seed, policy: file.policy.warning, periods: [0, 24],
    system: { area: 'A0', name: 'System', scope: 'system', gapAtConfidence: gapOf(totalPeak * 0.3), demandMW: Float64Array.from({ length: hours }, () => totalPeak) },
    local, energy,
  } as unknown as Assessment;
  return { scenario: s, assessment };
}

export function pick<T>(rng: Rng, list: T[]): T {
  return list[rng.int(list.length)];
}
