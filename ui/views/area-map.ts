/**
 * The map panel: the areas the scenario places, coloured by their own warning (the worst level of
 * each area's gap against its import capacity), the system's level above. A scenario without
 * positions is told so, with what to add.
 */
import type { Assessment } from '../../core/warning/assess.ts';
import { LEVELS } from '../../core/warning/levels.ts';
import { areaMap, type MapArea } from '../charts/area-map.ts';
import { levelShort, word, type Lang } from '../i18n.ts';
import type { AreaRef } from '../state.ts';
import { $ } from './dom.ts';
import { widthOf } from './outlook.ts';

export function renderAreaMap(areas: AreaRef[] | undefined, assessment: Assessment, lang: Lang): void {
  const box = $('area-map');
  const worst = (levels: ArrayLike<number>) => Math.max(0, ...Array.from(levels));
  const local = new Map(assessment.local.map((g) => [g.area, worst(g.expectedLevel)]));
  const placed: MapArea[] = (areas ?? []).filter((a) => a.position).map((a) => ({
    id: a.id, name: a.name, kind: a.kind, parent: a.parent ?? null, xKm: a.position!.xKm, yKm: a.position!.yKm, level: local.get(a.id) ?? 0,
  }));
  if (placed.filter((a) => a.kind === 'substation').length < 2) {
    const p = document.createElement('p');
    p.className = 'hint empty-state';
    p.textContent = word('mapNoPositions', lang);
    box.replaceChildren(p);
    return;
  }
  box.replaceChildren(areaMap({
    areas: placed, levelNames: LEVELS.map((l) => levelShort(l, lang)), numerals: LEVELS.map((l) => (l === 'none' ? '' : l)),
    labels: { system: word('mapSystem', lang), scale: word('mapScale', lang) }, systemLevel: worst(assessment.system.expectedLevel), width: widthOf('area-map'),
  }));
}
