/**
 * The network as a treemap: areas → substations → feeders, each feeder sized by its rating and
 * coloured by the energy the plan takes from its customers; feeders that serve protected customers
 * or residents are grey and marked (no plan may touch them), feeders the plan opens are outlined.
 * A province has ~40,000 feeders: drawing each froze the page for over a second and no one can
 * see them at that size, so past `maxFeeders` each substation is one box (its feeders summed) and
 * a click on it draws that substation's feeders (`focus`).
 */
import * as d3 from 'd3';
import { labelWidth } from './label-width.ts';

export interface NetworkChartOptions {
  areas: { id: string; name: string; parent: string | null }[];
  feeders: { id: string; area: string; ratingMW: number; protected: boolean; curtailedMWh: number; openedHours: number }[];
  labels: { protected: string; curtailed: string; opened: string; untouched?: string; back?: string };
  /** The area drawn (default: the whole network). */
  focus?: string | null;
  /** Above this many feeders, substations are drawn as single boxes (default MAX_FEEDERS_DRAWN). */
  maxFeeders?: number;
  /** Called with an area to draw alone, or null for the whole network. */
  onFocus?: (area: string | null) => void;
  width?: number;
  height?: number;
}

type Feeder = NetworkChartOptions['feeders'][number];

/** Feeders drawn one by one up to this many; past it, substations. */
export const MAX_FEEDERS_DRAWN = 2000;
/** A substation drawn as one box: its feeders summed. */
type Summed = { ratingMW: number; curtailedMWh: number; feeders: number; protected: number; opened: number };
type Node = { id: string; name: string; children?: Node[]; feeder?: Feeder; summed?: Summed };

export function networkChart(o: NetworkChartOptions): SVGSVGElement {
  const width = o.width ?? 900, height = o.height ?? 360;
  const nodes = new Map<string, Node>(o.areas.map((a) => [a.id, { id: a.id, name: a.name, children: [] }]));
  let root: Node | undefined;
  for (const a of o.areas) {
    const n = nodes.get(a.id)!;
    if (a.parent === null) root = n;
    else nodes.get(a.parent)?.children!.push(n);
  }
  const focus = (o.focus && nodes.get(o.focus)) || root;
  const inFocus = new Set<string>();
  const mark = (n: Node) => { inFocus.add(n.id); n.children?.forEach(mark); };
  if (focus) mark(focus);
  const shown = o.feeders.filter((f) => inFocus.has(f.area));
  if (shown.length <= (o.maxFeeders ?? MAX_FEEDERS_DRAWN)) {
    for (const f of shown) nodes.get(f.area)!.children!.push({ id: f.id, name: f.id, feeder: f });
  } else {
    for (const f of shown) {
      const n = nodes.get(f.area)!;
      const t = (n.summed ??= { ratingMW: 0, curtailedMWh: 0, feeders: 0, protected: 0, opened: 0 });
      t.ratingMW += f.ratingMW; t.curtailedMWh += f.curtailedMWh; t.feeders++;
      if (f.protected) t.protected++;
      if (f.openedHours) t.opened++;
    }
    // A substation's own feeders become one leaf beside its sub-areas (if it has any).
    for (const n of nodes.values()) if (n.summed && n.children!.length) n.children!.push({ id: `${n.id}#feeders`, name: n.name, summed: n.summed });
  }
  const size = (d: Node) => (d.feeder ? Math.max(0.5, d.feeder.ratingMW) : d.summed && !d.children?.length ? Math.max(0.5, d.summed.ratingMW) : 0);
  const hierarchy = d3.hierarchy(focus ?? { id: 'none', name: '', children: [] }).sum(size);
  // Room above for the legend, and a line for the way back when one area is drawn alone.
  const zoomed = !!focus && focus !== root && !!o.onFocus;
  const top = zoomed ? 38 : 22;
  d3.treemap<Node>().size([width, height - top]).paddingOuter(3).paddingTop((d) => (d.depth > 0 && d.children ? 12 : 0)).paddingInner(1).round(true)(hierarchy);
  const leaves = hierarchy.leaves();
  const maxMWh = d3.max(leaves, (d) => d.data.feeder?.curtailedMWh ?? (d.data.children?.length ? 0 : d.data.summed?.curtailedMWh)) ?? 1;
  // Purples: no other meaning on the page is purple-to-white (the levels own yellow, orange and red).
  const colour = (mwh: number) => d3.interpolatePurples(0.3 + 0.7 * Math.min(1, mwh / Math.max(1, maxMWh)));
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'network-chart').attr('role', 'group');
  const g = svg.append('g').attr('transform', `translate(0,${top})`);
  type R = d3.HierarchyRectangularNode<Node>;
  const all = hierarchy.descendants() as R[];
  for (const d of all) {
    if (d.depth === 0) continue;
    const f = d.data.feeder;
    const rect = g.append('rect').attr('x', d.x0).attr('y', d.y0).attr('width', Math.max(0, d.x1 - d.x0)).attr('height', Math.max(0, d.y1 - d.y0));
    const t = d.data.summed;
    if (t && !d.children) {
      // A substation as one box: coloured by what its feeders release; a click draws its feeders.
      const area = d.data.id.replace(/#feeders$/, '');
      rect.attr('class', `feeder substation${t.opened ? ' opened' : ''}`)
        .attr('fill', t.curtailedMWh > 0 ? colour(t.curtailedMWh) : t.protected === t.feeders ? '#3a4654' : '#1f3b2f')
        .attr('data-area', area).style('cursor', 'pointer')
        .attr('role', 'button').attr('aria-label', `${d.data.name}: ${o.labels.curtailed} ${t.curtailedMWh.toFixed(1)} MWh`)
        .on('click', () => o.onFocus?.(area))
        .on('keydown', (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); o.onFocus?.(area); } })
        .append('title').text(`${d.data.name} · ${t.feeders} feeders, ${Math.round(t.ratingMW)} MW · ${t.protected} ${o.labels.protected} · ${o.labels.curtailed} ${t.curtailedMWh.toFixed(1)} MWh${t.opened ? ` · ${o.labels.opened}: ${t.opened}` : ''}`);
      if (d.x1 - d.x0 > 40 && d.y1 - d.y0 > 12) g.append('text').attr('class', 'area-label').attr('x', d.x0 + 3).attr('y', d.y0 + 10).text(d.data.name).style('pointer-events', 'none');
      continue;
    }
    if (!f) {
      rect.attr('class', 'area-box');
      if (d.x1 - d.x0 > 40) g.append('text').attr('class', 'area-label').attr('x', d.x0 + 3).attr('y', d.y0 + 10).text(d.data.name);
      continue;
    }
    rect.attr('class', `feeder${f.protected ? ' protected' : ''}${f.openedHours ? ' opened' : ''}`)
      // Customers on a feeder that serves protected load can still be asked by measures; only the
      // feeder itself may never be opened. So every feeder shows what its customers release.
      .attr('fill', f.curtailedMWh > 0 ? colour(f.curtailedMWh) : f.protected ? '#3a4654' : '#1f3b2f')
      .attr('data-feeder', f.id)
      .append('title').text(`${f.id} (${d.parent?.data.name ?? ''}) · ${Math.round(f.ratingMW)} MW${f.protected ? ` · ${o.labels.protected}` : ''} · ${o.labels.curtailed} ${f.curtailedMWh.toFixed(1)} MWh${f.openedHours ? ` · ${o.labels.opened} ${f.openedHours} h` : ''}`);
  }
  roveWithArrows(g.selectAll<SVGRectElement, unknown>('rect.feeder').nodes());
  const legend = svg.append('g').attr('class', 'legend').attr('transform', 'translate(4,14)');
  let at = 0;
  [['#1f3b2f', o.labels.untouched ?? 'not curtailed'], ['#3a4654', o.labels.protected], ['none', o.labels.opened]].forEach(([fill, label]) => {
    const item = legend.append('g').attr('transform', `translate(${at},0)`);
    at += 40 + labelWidth(label);
    item.append('rect').attr('x', 0).attr('y', -9).attr('width', 12).attr('height', 9).attr('fill', fill === 'none' ? 'none' : fill).attr('class', fill === 'none' ? 'feeder opened' : fill === '#3a4654' ? 'feeder protected' : '');
    item.append('text').attr('x', 16).attr('y', 0).text(label);
  });
  // The scale of what is taken: three steps with their MWh, not one swatch.
  const scale = legend.append('g').attr('class', 'scale').attr('transform', `translate(${at},0)`);
  scale.append('text').attr('x', 0).attr('y', 0).text(`${o.labels.curtailed}:`);
  let sx = 8 + labelWidth(o.labels.curtailed);
  for (const share of [1 / 3, 2 / 3, 1]) {
    const mwh = share * maxMWh;
    scale.append('rect').attr('class', 'scale-step').attr('x', sx).attr('y', -9).attr('width', 18).attr('height', 9).attr('fill', colour(mwh));
    const label = `≤ ${d3.format(',')(Math.round(mwh))} MWh`;
    scale.append('text').attr('x', sx + 22).attr('y', 0).text(label);
    sx += 34 + labelWidth(label);
  }
  if (zoomed) {
    legend.append('text').attr('class', 'link').attr('x', 0).attr('y', 17).style('cursor', 'pointer').attr('data-focus', 'back')
      .text(`← ${o.labels.back ?? 'whole network'} (${focus.name})`).attr('tabindex', 0).attr('role', 'button').on('click', () => o.onFocus!(null))
      .on('keydown', (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); o.onFocus!(null); } });
  }
  return svg.node()!;
}

/**
 * The boxes as one stop in the tab order (the first box), the arrow keys moving between them in
 * the treemap's order, Home and End to the ends: a city has 1,200 feeders and a province 400
 * substations, a Tab each was no way through, and none at all left them out of reach.
 */
function roveWithArrows(boxes: SVGRectElement[]): void {
  boxes.forEach((b, i) => b.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  const step: Record<string, (i: number) => number> = {
    ArrowRight: (i) => i + 1, ArrowDown: (i) => i + 1, ArrowLeft: (i) => i - 1, ArrowUp: (i) => i - 1, Home: () => 0, End: () => boxes.length - 1,
  };
  for (const b of boxes) {
    b.addEventListener('keydown', (e) => {
      const move = step[e.key];
      if (!move) return;
      const i = boxes.indexOf(b), j = Math.max(0, Math.min(boxes.length - 1, move(i)));
      e.preventDefault();
      if (j === i) return;
      b.setAttribute('tabindex', '-1');
      boxes[j].setAttribute('tabindex', '0');
      boxes[j].focus();
    });
  }
}
