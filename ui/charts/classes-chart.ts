/** Peak MW by customer class as horizontal bars, coloured by tier: protected customers stand apart. */
import * as d3 from 'd3';

export interface ClassBar {
  label: string;
  tier: string;
  peakMW: number;
  count: number;
}

export function classesChart(bars: ClassBar[], options: { width?: number; value?: (b: ClassBar) => string } = {}): SVGSVGElement {
  const width = options.width ?? 420, row = 18;
  const margin = { top: 4, right: 150, bottom: 4, left: 150 };
  // Every number with its unit: "663 MW · 272 customers", never "663 (272)".
  const value = options.value ?? ((b: ClassBar) => `${d3.format(',.0f')(b.peakMW)} MW · ${d3.format(',')(b.count)}`);
  const sorted = [...bars].sort((a, b) => (a.tier === b.tier ? b.peakMW - a.peakMW : tierOrder(a.tier) - tierOrder(b.tier)));
  const height = margin.top + margin.bottom + row * sorted.length;
  const x = d3.scaleLinear().domain([0, d3.max(sorted, (b) => b.peakMW) ?? 1]).range([margin.left, width - margin.right]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height).attr('class', 'classes-chart');
  const g = svg.selectAll('g.bar').data(sorted).join('g').attr('class', (b) => `bar tier-${b.tier}`)
    .attr('transform', (_, i) => `translate(0,${margin.top + i * row})`);
  g.append('text').attr('class', 'label').attr('x', margin.left - 6).attr('y', row * 0.7).attr('text-anchor', 'end').text((b) => b.label);
  g.append('rect').attr('x', margin.left).attr('y', 2).attr('height', row - 4).attr('width', (b) => Math.max(1, x(b.peakMW) - margin.left));
  g.append('text').attr('class', 'value').attr('x', (b) => x(b.peakMW) + 4).attr('y', row * 0.7).text(value);
  return svg.node()!;
}

function tierOrder(tier: string): number {
  return ['protected', 'security-critical', 'restricted-first', 'ordinary'].indexOf(tier);
}
