/**
 * A plan's residual in one cell: the MWh its hours leave uncovered with the cause, and for an
 * energy shortage the MWh its days are still short of — an energy-short plan that covers every
 * hour is not "0 MWh".
 */
import { energyShortMWh } from '../../core/plan/energy-short.ts';
import type { PlanReport } from '../../core/plan/report.ts';
import { causeName, localeOf, type Lang } from '../i18n.ts';

export function residualText(r: Pick<PlanReport, 'residual' | 'system' | 'local' | 'rotation'>, lang: Lang): string {
  const n = (x: number, d = 0) => x.toLocaleString(localeOf(lang), { maximumFractionDigits: d });
  const parts: string[] = [];
  if (r.residual.totalMWh > 0) parts.push(`${n(r.residual.totalMWh)} MWh · ${causeName(r.system.cause ?? r.local.find((l) => l.cause)?.cause ?? null, lang)}`);
  const energy = energyShortMWh(r);
  if (energy > 0) parts.push(`${n(energy, 1)} MWh · ${causeName('energy budget', lang)}`);
  return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : '0 MWh';
}
