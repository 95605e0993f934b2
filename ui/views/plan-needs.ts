/**
 * The requirement lines of a plan: the system's where it has any, and each area short of import
 * capacity that the plan covers (local-limit's plan has no system requirement at all: its line sat
 * at 0 while the plan curtailed 6 MW behind Linhu 110 kV).
 */
import { word, type Lang } from '../i18n.ts';

type Outcome = { name: string; requiredMW: ArrayLike<number> };

export function planNeeds(r: { system: Outcome; local: Outcome[] }, lang: Lang): { label: string; mw: ArrayLike<number> }[] {
  const any = (a: ArrayLike<number>) => Array.prototype.some.call(a, (v: number) => v > 0);
  const local = r.local.filter((l) => any(l.requiredMW));
  const system = any(r.system.requiredMW) || !local.length ? [{ label: `${word('need', lang)} — ${word('systemArea', lang)}`, mw: r.system.requiredMW }] : [];
  return [...system, ...local.map((l) => ({ label: `${word('need', lang)} — ${l.name}`, mw: l.requiredMW }))];
}
