/**
 * In-memory scenario → JSON text. The layout keeps files readable and diffable: the structure is
 * indented, while every record (an area, a feeder, a customer, a series) sits on one line, so a
 * 200,000-customer file has 200,000 short lines instead of millions, and a problem's path points to
 * a line a person can find.
 */
import { resolveZone, formatInZone, type Zone } from '../time/zone.ts';
import { isHourlySeries, type Scenario } from './model.ts';

/** Plain JSON value of the scenario (series back to `{ start, unit, values[] }`). */
export function dehydrate(scenario: Scenario): unknown {
  const zone = resolveZone(scenario.timeZone);
  if (!zone) throw new Error(`timeZone: unknown time zone "${scenario.timeZone}"`);
  return toPlain(scenario, zone);
}

function toPlain(node: unknown, zone: Zone): unknown {
  if (isHourlySeries(node)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'startMs') out.start = formatInZone(v as number, zone);
      else if (k === 'values') out.values = Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? null : x));
      else out[k] = v;
    }
    return out;
  }
  if (Array.isArray(node)) return node.map((x) => toPlain(x, zone));
  if (ArrayBuffer.isView(node)) return Array.from(node as unknown as ArrayLike<number>);
  if (typeof node === 'object' && node !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (v !== undefined) out[k] = toPlain(v, zone);
    return out;
  }
  return node;
}

/** The scenario as JSON text in the house layout. */
export function serializeScenario(scenario: Scenario): string {
  const parts: string[] = [];
  layout(dehydrate(scenario), '', parts);
  parts.push('\n');
  return parts.join('');
}

/** Containers are indented until an array element: each element is then written on one line. */
function layout(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0 || typeof value[0] !== 'object' || value[0] === null) {
      out.push(JSON.stringify(value));
      return;
    }
    const inner = `${indent}  `;
    out.push('[\n');
    for (let i = 0; i < value.length; i++) {
      out.push(inner, JSON.stringify(value[i]), i < value.length - 1 ? ',\n' : '\n');
    }
    out.push(indent, ']');
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    const inner = `${indent}  `;
    out.push('{\n');
    entries.forEach(([k, v], i) => {
      out.push(inner, JSON.stringify(k), ': ');
      layout(v, inner, out);
      out.push(i < entries.length - 1 ? ',\n' : '\n');
    });
    out.push(indent, '}');
    return;
  }
  out.push(JSON.stringify(value));
}
