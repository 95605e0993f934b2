/** Plain-text formatting for the command line. */
import type { DataNote } from '../../core/notes.ts';
import type { ScenarioSummary } from '../../core/scenario/summary.ts';
import { formatBytes } from '../../core/scenario/parse-json.ts';
import { formatInZone, resolveZone } from '../../core/time/zone.ts';

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const mw = (n: number) => `${int(n)} MW`;
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
export { formatBytes };

export function summaryLines(s: ScenarioSummary): string[] {
  const plural = (k: string, n: number) => (n === 1 ? k : k.endsWith('y') ? `${k.slice(0, -1)}ies` : `${k}s`);
  const kinds = Object.entries(s.areas.byKind).map(([k, n]) => `${int(n)} ${plural(k, n)}`);
  const zone = resolveZone(s.timeZone);
  const peak = s.historyPeak && zone ? `${mw(s.historyPeak.mw)} at ${formatInZone(s.historyPeak.at, zone)}` : 'no load history';
  const supply = Object.entries(s.supply.byType).map(([t, c]) => `${t} ${mw(c)}`).join(', ');
  return [
    `"${s.name}"${s.nameZh ? ` (${s.nameZh})` : ''}`,
    `  areas      ${kinds.join(', ')}`,
    `  feeders    ${int(s.feeders.total)}: ${int(s.feeders.servingProtected)} serve protected customers, ${int(s.feeders.openable)} could ever be opened`,
    `  customers  ${int(s.customers.total)}: ${int(s.customers.curtailable)} curtailable, ${int(s.customers.protected)} protected (${pct(s.protectedPeakShare)} of summed peak load)`,
    `  history    peak ${peak}`,
    `  supply     ${s.supply.units ? `${int(s.supply.units)} units, ${mw(s.supply.capacityMW)} (${supply})` : 'no units'}; ${s.supply.imports} imports${s.supply.reserveMW !== null ? `; reserve ${mw(s.supply.reserveMW)}` : ''}${s.supply.energyBudgets ? `; ${s.supply.energyBudgets} energy budget(s)` : ''}`,
    `  study      ${s.study.hours} h from ${s.study.start}, issued ${s.study.issuedAt} (${s.timeZone})`,
    `  events     ${s.events.length ? s.events.map((e) => `${e.id} ${e.kind}`).join(', ') : 'none'}`,
  ];
}

/** The data notes a result rests on, set apart so that no one reads the figures without them. */
export function noteBlock(notes: readonly DataNote[]): string[] {
  return ['DATA NOTES — these figures rest on data that could carry them only in part:', ...notes.map((n) => `  • ${n.en}`)];
}
