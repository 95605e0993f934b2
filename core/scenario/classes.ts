/**
 * The customer taxonomy of DESIGN.md §1, after the 2011 有序用电管理办法 (优先保障 / 重点限制 lists).
 * Protection is typed, not a single boolean (DOMAIN-NOTES §6.4): the reason a customer is protected
 * matters to reports, and infrastructure customers protect supply itself (gas compression in Texas).
 */

export type Protection =
  | 'livelihood' // residents, agriculture (保居民、保民生)
  | 'life-safety' // hospitals, schools, major events, finance
  | 'social-order' // emergency command, government, military, broadcasting, telecom, transport, prisons
  | 'infrastructure' // water, heating, gas, energy supply: cutting them can cut supply
  | 'key-project'; // key national projects and military industry

export type Tier = 'protected' | 'restricted-first' | 'ordinary' | 'security-critical';

export interface CustomerClassInfo {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly tier: Tier;
  readonly protection?: Protection;
}

const c = (id: string, zh: string, en: string, tier: Tier, protection?: Protection): CustomerClassInfo =>
  ({ id, zh, en, tier, protection });

/** Order matters only for display; ids are the stable keys written in scenario files. */
export const CUSTOMER_CLASSES = [
  c('residential', '居民', 'residential', 'protected', 'livelihood'),
  c('agriculture', '农业排灌、化肥', 'agriculture (irrigation, fertiliser)', 'protected', 'livelihood'),
  c('hospital', '医院', 'hospital', 'protected', 'life-safety'),
  c('school', '学校', 'school', 'protected', 'life-safety'),
  c('finance', '金融机构', 'financial institution', 'protected', 'life-safety'),
  c('major-event', '重大社会活动', 'major social event', 'protected', 'life-safety'),
  c('emergency-command', '应急指挥', 'emergency command', 'protected', 'social-order'),
  c('government', '党政机关', 'government', 'protected', 'social-order'),
  c('military', '军队', 'military', 'protected', 'social-order'),
  c('broadcasting', '广播电视', 'broadcasting', 'protected', 'social-order'),
  c('telecom', '通信', 'telecom', 'protected', 'social-order'),
  c('transport', '交通枢纽', 'transport hub', 'protected', 'social-order'),
  c('prison', '监狱', 'prison', 'protected', 'social-order'),
  c('water', '供水', 'water supply', 'protected', 'infrastructure'),
  c('heating', '供热', 'heating supply', 'protected', 'infrastructure'),
  c('gas', '供气', 'gas supply', 'protected', 'infrastructure'),
  c('energy-supply', '能源供应', 'energy supply (fuel, compression)', 'protected', 'infrastructure'),
  c('key-project', '国家重点工程、军工', 'key national project', 'protected', 'key-project'),
  // 保安负荷 holders: hazardous chemicals, mines. Curtailable only down to a real security floor.
  c('security-critical', '保安负荷用户(危化、矿山)', 'security-load holder (hazardous process, mine)', 'security-critical'),
  // 重点限制: restricted first.
  c('non-compliant', '违规建设项目', 'non-compliant project', 'restricted-first'),
  c('phase-out', '淘汰类、限制类企业', 'phase-out / restricted industry', 'restricted-first'),
  c('over-quota', '超能耗限额企业', 'over energy quota', 'restricted-first'),
  c('landscape-lighting', '景观照明、亮化工程', 'landscape and decorative lighting', 'restricted-first'),
  c('high-energy', '高耗能、高排放企业', 'high-energy, high-emission plant', 'restricted-first'),
  c('industry', '一般工业', 'ordinary industry', 'ordinary'),
  c('commerce', '商业', 'commerce', 'ordinary'),
] as const satisfies readonly CustomerClassInfo[];

export type CustomerClass = (typeof CUSTOMER_CLASSES)[number]['id'];

export const CUSTOMER_CLASS_IDS = CUSTOMER_CLASSES.map((k) => k.id) as CustomerClass[];

const byId = new Map<string, CustomerClassInfo>(CUSTOMER_CLASSES.map((k) => [k.id, k]));

export function classInfo(id: string): CustomerClassInfo | undefined {
  return byId.get(id);
}

/** True for classes an orderly plan and the emergency order must never touch (invariant 1). */
export function isProtectedClass(id: string): boolean {
  return byId.get(id)?.tier === 'protected';
}

/** The measures of the ladder (DESIGN §1), in their default order; feeder opening is always last. */
export const MEASURES = ['demand-response', 'shift', 'avoid-peak', 'limit', 'feeder-open'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_NAMES: Record<Measure, { zh: string; en: string }> = {
  'demand-response': { zh: '需求响应', en: 'demand response' },
  shift: { zh: '错峰', en: 'peak shifting' },
  'avoid-peak': { zh: '避峰', en: 'peak avoidance' },
  limit: { zh: '限电', en: 'load limiting' },
  'feeder-open': { zh: '拉路', en: 'feeder opening' },
};

export const UNIT_TYPES = [
  'coal', 'gas', 'oil', 'nuclear', 'hydro', 'pumped-storage', 'wind', 'solar', 'biomass', 'storage', 'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const AREA_KINDS = ['province', 'city', 'county', 'district', 'substation'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
