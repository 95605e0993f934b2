import { describe, expect, it } from 'vitest';
import { residualText } from '../../ui/views/residual-text.ts';

const covered = { residual: { totalMWh: 0, peakMW: 0, areas: [] }, system: { cause: null }, local: [] };
const day = (date: string, residualMWh: number) => ({ date, gapMWh: 4000, savedMWh: 4000 - residualMWh, rotationMWh: 3000, residualMWh, blocks: [1, 2] });
const rotation = (...days: ReturnType<typeof day>[]) => ({ blocks: [], days, peakPoolShare: 0.5, collapsed: false });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the fields the cell reads
const text = (r: any, lang: 'en' | 'zh' = 'en') => residualText(r, lang);

describe('residualText', () => {
  it('says 0 MWh for a plan that covers every hour and has no energy-short day', () => {
    expect(text({ ...covered, rotation: null })).toBe('0 MWh');
    expect(text({ ...covered, rotation: rotation(day('2022-08-15', 0)) })).toBe('0 MWh');
  });

  it('gives the energy an energy-short plan still lacks, though every hour is covered', () => {
    expect(text({ ...covered, rotation: rotation(day('2022-08-15', 0), day('2022-08-16', 558.46)) })).toBe('558.5 MWh · energy budget');
    expect(text({ ...covered, rotation: rotation(day('2022-08-16', 558.46)) }, 'zh')).toBe('558.5 MWh · 电量不足');
  });

  it('gives both the hours\' residual and the days\' energy where both are short', () => {
    const r = { residual: { totalMWh: 1200, peakMW: 80, areas: ['S'] }, system: { cause: 'notice too short' }, local: [], rotation: rotation(day('2022-08-16', 40)) };
    expect(text(r)).toBe('1,200 MWh · notice too short; 40 MWh · energy budget');
  });
});
