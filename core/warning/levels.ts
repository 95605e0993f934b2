/**
 * Warning levels of the 2011 有序用电管理办法: the gap as a share of the period's maximum demand.
 * IV blue ≤ 5 %, III yellow 5–10 %, II orange 10–20 %, I red > 20 % by default; thresholds and
 * what a gap exactly on a threshold gets are policy ('upper-inclusive': 5.0 % is IV).
 */

export const LEVELS = ['none', 'IV', 'III', 'II', 'I'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, { en: string; zh: string; colour: string }> = {
  none: { en: 'no warning', zh: '无预警', colour: 'none' },
  IV: { en: 'level IV (blue)', zh: 'IV级（蓝色）', colour: 'blue' },
  III: { en: 'level III (yellow)', zh: 'III级（黄色）', colour: 'yellow' },
  II: { en: 'level II (orange)', zh: 'II级（橙色）', colour: 'orange' },
  I: { en: 'level I (red)', zh: 'I级（红色）', colour: 'red' },
};

export interface LevelPolicy {
  thresholdsPct: number[]; // [IV|III, III|II, II|I]
  boundary: 'upper-inclusive' | 'lower-inclusive';
}

/** Index into LEVELS (0 = no warning) of a gap, in % of the period's maximum demand. */
export function levelIndex(gapPct: number, policy: LevelPolicy): number {
  if (!(gapPct > 0)) return 0; // no gap, or a surplus
  const [a, b, c] = policy.thresholdsPct;
  if (policy.boundary === 'upper-inclusive') {
    if (gapPct <= a) return 1;
    if (gapPct <= b) return 2;
    if (gapPct <= c) return 3;
    return 4;
  }
  if (gapPct < a) return 1;
  if (gapPct < b) return 2;
  if (gapPct < c) return 3;
  return 4;
}

export function levelOf(gapPct: number, policy: LevelPolicy): Level {
  return LEVELS[levelIndex(gapPct, policy)];
}
