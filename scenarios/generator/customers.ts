/**
 * What a synthetic customer is like: its profile, and for curtailable customers the security floor,
 * the measures it has signed up to, notice, daily limits and the economic cost of curtailing it.
 * Figures follow Chinese practice where it is documented (DOMAIN-NOTES: security load ≤ 15 % in
 * Guangdong; 24 h notice by default; 避峰 windows such as 09–12, 14–17, 18–21 in Shantou 2021) and
 * plausible orders of magnitude elsewhere (costs are value-added lost per MWh, in CNY).
 */
import type { Rng } from '../../core/random/rng.ts';
import type { CustomerClass } from '../../core/scenario/classes.ts';
import type { CustomerFile } from '../../core/scenario/schema.ts';

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round0 = (x: number) => Math.round(x);

export function profileFor(cls: CustomerClass, rng: Rng): string {
  switch (cls) {
    case 'residential':
      return 'residential';
    case 'agriculture':
      return 'agriculture';
    case 'commerce':
      return rng.chance(0.5) ? 'commerce-office' : 'commerce-retail';
    case 'landscape-lighting':
      return 'landscape-lighting';
    case 'industry':
      return ['industry-1shift', 'industry-2shift', 'industry-3shift'][rng.weighted([0.3, 0.45, 0.25])];
    case 'high-energy':
      return 'high-energy-flat';
    case 'phase-out':
    case 'over-quota':
    case 'non-compliant':
      return rng.chance(0.6) ? 'industry-2shift' : 'industry-3shift';
    case 'security-critical':
      return 'industry-3shift';
    case 'school':
      return 'school';
    case 'water':
    case 'gas':
    case 'heating':
    case 'telecom':
    case 'energy-supply':
    case 'key-project':
      return 'infrastructure';
    default:
      return 'public-service';
  }
}

/** Value of lost load used for protected customers' reports (CNY/MWh); they are never curtailed. */
const PROTECTED_VOLL: Partial<Record<CustomerClass, number>> = {
  residential: 20_000, agriculture: 8_000, hospital: 200_000, school: 30_000, finance: 80_000, telecom: 100_000,
  water: 60_000, gas: 100_000, heating: 60_000, 'energy-supply': 150_000, transport: 80_000,
};

export function protectedCustomer(id: string, name: string, feeder: string, cls: CustomerClass, peakMW: number, rng: Rng, accounts?: number): CustomerFile {
  const c: CustomerFile = {
    id, name, feeder, class: cls,
    ...(accounts ? { accounts } : {}),
    peakMW: round3(Math.max(0.01, peakMW)),
    profile: profileFor(cls, rng),
    securityFloorMW: 0,
    control: 'manual',
    responseMinutes: 0,
    costPerMWh: PROTECTED_VOLL[cls] ?? 50_000,
  };
  c.securityFloorMW = cls === 'residential' || cls === 'agriculture' ? 0 : c.peakMW; // all of it is essential
  return c;
}

const MEDIAN_COST: Partial<Record<CustomerClass, number>> = {
  commerce: 12_000, industry: 6_000, 'high-energy': 2_200, 'phase-out': 1_200, 'over-quota': 1_800,
  'non-compliant': 600, 'landscape-lighting': 250, 'security-critical': 15_000,
};

/** A curtailable customer with the measures a utility would have agreed with it. */
export function curtailableCustomer(id: string, name: string, feeder: string, cls: CustomerClass, peakMW: number, rng: Rng): CustomerFile {
  const profile = profileFor(cls, rng);
  const peak = round3(Math.max(0.01, peakMW));
  const large = peak >= 0.5;
  const floorShare =
    cls === 'security-critical' ? rng.uniform(0.3, 0.5)
      : cls === 'high-energy' ? rng.uniform(0.1, 0.2)
        : cls === 'landscape-lighting' ? 0
          : cls === 'commerce' ? rng.uniform(0.05, 0.12)
            : rng.uniform(0.04, 0.15);
  // 保安负荷 is the load whose loss injures people or wrecks plant (hazardous chemistry, mines,
  // furnaces that must not freeze): continuous processes carry one, shops and day-shift
  // factories do not. The draw is kept so the random stream (and every story) stays the same.
  const holdsSecurityLoad = cls === 'security-critical' || cls === 'high-energy' || profile === 'industry-3shift' || profile === 'high-energy-flat';
  const floor = holdsSecurityLoad ? round3(peak * floorShare) : 0;
  const room = peak - floor;
  const terminal = rng.chance(large ? 0.85 : cls === 'landscape-lighting' ? 0.7 : 0.4);
  const c: CustomerFile = {
    id, name, feeder, class: cls, peakMW: peak, profile,
    securityFloorMW: floor,
    control: terminal ? 'terminal' : 'manual',
    responseMinutes: terminal ? rng.int(5) + 1 : [15, 30, 45, 60, 120][rng.weighted([2, 4, 2, 2, 1])],
    noticeHours: cls === 'landscape-lighting' ? 2 : cls === 'high-energy' || cls === 'security-critical' ? [24, 48, 72][rng.int(3)] : [12, 24, 24, 24, 48][rng.int(5)],
    maxHoursPerDay: cls === 'landscape-lighting' || cls === 'phase-out' || cls === 'non-compliant' ? 24 : cls === 'high-energy' ? 16 : [4, 6, 8, 10, 12][rng.int(5)],
    costPerMWh: round0(rng.lognormal(MEDIAN_COST[cls] ?? 6_000, 0.45)),
  };
  if (cls === 'industry' && large && rng.chance(0.04)) c.keyEnterprise = true;
  const measures: NonNullable<CustomerFile['measures']> = {};
  if (room > 0.02) {
    if (peak >= 0.3 && cls !== 'landscape-lighting' && rng.chance(cls === 'commerce' ? 0.2 : 0.15)) {
      measures.demandResponse = { maxMW: round3(Math.max(0.01, room * rng.uniform(0.1, 0.3))), pricePerMWh: round0(rng.uniform(2_000, 4_000)) };
    }
    const shiftable = profile === 'industry-1shift' || profile === 'industry-2shift';
    if (shiftable && rng.chance(0.7)) {
      measures.shift = {
        maxMW: round3(Math.max(0.01, room * rng.uniform(0.3, 0.6))),
        returnWindows: rng.chance(0.7) ? ['22-06'] : ['00-07', '12-14'],
        paybackShare: Math.round(rng.uniform(0.8, 1.0) * 100) / 100,
      };
    }
    if (cls !== 'landscape-lighting' && rng.chance(0.6)) {
      const windows = rng.chance(0.5)
        ? ['18-22']
        : ['09-12', '14-17', '18-21'];
      measures.avoidPeak = { maxMW: round3(Math.max(0.01, room * rng.uniform(0.4, 0.8))), windows };
    }
    // 限电: most accept a cap; restricted-first classes can be held at their floor.
    if (cls === 'phase-out' || cls === 'non-compliant' || cls === 'landscape-lighting' || cls === 'over-quota') {
      measures.limit = { capMW: floor };
    } else if (rng.chance(0.85)) {
      measures.limit = { capMW: round3(floor + room * rng.uniform(0.2, 0.5)) };
    }
  }
  // Every curtailable customer accepts at least a cap down to its floor (限电), as plans name
  // the user and the load: a curtailable customer with no measure is not in any plan.
  if (!Object.keys(measures).length && room > 0.002) measures.limit = { capMW: round3(floor + room * 0.5) };
  if (Object.keys(measures).length) c.measures = measures;
  return c;
}

/** Classes of curtailable customers on public feeders, by group, with count weights. */
export const COMMERCIAL_CLASSES: Array<[CustomerClass, number]> = [['commerce', 0.9], ['landscape-lighting', 0.1]];
export const INDUSTRIAL_CLASSES: Array<[CustomerClass, number]> = [
  ['industry', 0.78], ['phase-out', 0.05], ['over-quota', 0.05], ['non-compliant', 0.02], ['security-critical', 0.04], ['high-energy', 0.06],
];
/** One large customer on a dedicated line (专线). */
export const DEDICATED_CLASSES: Array<[CustomerClass, number]> = [
  ['high-energy', 0.45], ['industry', 0.3], ['security-critical', 0.15], ['phase-out', 0.05], ['over-quota', 0.05],
];
/** Important users that are protected (优先保障), by how often one sits on a public feeder. */
export const PUBLIC_PROTECTED: Array<[CustomerClass, number]> = [
  ['school', 0.28], ['hospital', 0.16], ['government', 0.14], ['telecom', 0.1], ['water', 0.1], ['transport', 0.05],
  ['finance', 0.05], ['gas', 0.025], ['heating', 0.02], ['emergency-command', 0.02], ['broadcasting', 0.01],
  ['energy-supply', 0.01], ['key-project', 0.01], ['military', 0.005], ['prison', 0.005],
];

export function pick<T>(rng: Rng, table: Array<[T, number]>): T {
  return table[rng.weighted(table.map(([, w]) => w))][0];
}
