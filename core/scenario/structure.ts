/**
 * Walks a value against the scenario schema (schema.ts) and reports every structural problem in the
 * house form `path: expected …, found …`. Written here rather than taken from a generic JSON Schema
 * validator because the messages are the product: they name the thing by its title and unit, suggest
 * the nearest known name for a typo, and stay fast over millions of hourly values.
 */
import { describeValue, escapeControls, type ProblemList } from '../problems.ts';
import { nearest } from './nearest.ts';

// The subset of JSON Schema that schema.ts uses.
interface Node {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Node;
  minItems?: number;
  maxItems?: number;
  enum?: string[];
  const?: unknown;
  anyOf?: Node[];
  discriminator?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const patternCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = patternCache.get(pattern);
  if (!r) patternCache.set(pattern, (r = new RegExp(pattern)));
  return r;
}

function article(text: string): string {
  return /^[aeiou]/i.test(text) ? `an ${text}` : `a ${text}`;
}

function describeNode(node: Node): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return `one of ${node.enum.join(', ')}`;
  if (node.anyOf) return node.title ?? node.anyOf.map(describeNode).join(' or ');
  switch (node.type) {
    case 'object':
      return article(node.title ?? 'object');
    case 'array':
      return node.title ? `a list (${node.title})` : `a list of ${node.items ? plural(node.items) : 'items'}`;
    case 'string':
      return node.title ? `${article(node.title)} (text)` : 'text';
    case 'integer':
      return `a whole number${rangeText(node)}${node.title ? ` (${node.title})` : ''}`;
    case 'number':
      return `a number${rangeText(node)}${node.title ? ` (${node.title})` : ''}`;
    case 'boolean':
      return `true or false${node.title ? ` (${node.title})` : ''}`;
    case 'null':
      return 'null';
    default:
      return node.title ?? 'a value';
  }
}

function plural(node: Node): string {
  const t = node.title ?? node.type ?? 'item';
  return t.endsWith('s') ? t : `${t}s`;
}

function rangeText(node: Node): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${node.exclusiveMaximum}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

function typeOk(node: Node, value: unknown): boolean {
  switch (node.type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return true;
  }
}

export function checkStructure(schema: unknown, value: unknown, out: ProblemList): void {
  walk(schema as Node, value, '', out);
}

/**
 * Paths are built only when a problem is reported or a container is entered: a province file has
 * millions of fields, and a string per field would cost more than the checks themselves.
 */
const hasOwn = Object.hasOwn as (o: object, key: string) => boolean;

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(node: Node, value: unknown, path: string, out: ProblemList): void {
  if (node.anyOf) return walkUnion(node, value, path, out);
  if (node.const !== undefined) {
    if (value !== node.const) out.addExpected(path || '(scenario)', describeNode(node), describeValue(value));
    return;
  }
  if (!typeOk(node, value)) return wrongType(node, value, path || '(scenario)', out);
  switch (node.type) {
    case 'object':
      return walkObject(node, value as Record<string, unknown>, path, out);
    case 'array':
      return walkArray(node, value as unknown[], path, out);
    case 'string':
      return walkString(node, value as string, path, out);
    case 'number':
    case 'integer':
      return walkNumber(node, value as number, path, out);
  }
}

function wrongType(node: Node, value: unknown, at: string, out: ProblemList): void {
  if (node.type === 'integer' && typeof value === 'number' && Number.isFinite(value)) {
    out.addExpected(at, describeNode(node), `${value}, which is not whole`);
  } else {
    out.addExpected(at, describeNode(node), describeValue(value));
  }
}

function walkObject(node: Node, value: Record<string, unknown>, path: string, out: ProblemList): void {
  const props = node.properties ?? {};
  const required = node.required;
  // Own properties only, of the value and of the schema: a key such as "__proto__", "constructor"
  // or "toString" must not find Object.prototype's member and pass as a known field.
  if (required) {
    for (let r = 0; r < required.length; r++) {
      const key = required[r];
      if (!hasOwn(value, key) || value[key] === undefined) out.addExpected(child(path, key), `${describeNode(props[key])} (required)`, 'nothing');
    }
  }
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    const v = value[key];
    const sub = hasOwn(props, key) ? props[key] : undefined;
    if (!sub) {
      if (node.additionalProperties === false) {
        const names = Object.keys(props);
        const hint = nearest(key, names);
        // The key is the file's, not ours: its control characters are escaped in the path too.
        out.addExpected(
          child(path, escapeControls(key)),
          `only the known fields of ${article(node.title ?? 'object')} (${names.join(', ')})`,
          `unknown field ${describeValue(key)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      }
      continue;
    }
    if (v === undefined) continue;
    // Leaves are checked here without building their path unless they fail.
    if (!sub.anyOf && sub.const === undefined) {
      if (!typeOk(sub, v)) {
        wrongType(sub, v, child(path, key), out);
        continue;
      }
      if (sub.type === 'number' || sub.type === 'integer') {
        if (!numberOk(sub, v as number)) walkNumber(sub, v as number, child(path, key), out);
        continue;
      }
      if (sub.type === 'string') {
        if (!stringOk(sub, v as string)) walkString(sub, v as string, child(path, key), out);
        continue;
      }
      if (sub.type === 'boolean') continue;
    }
    walk(sub, v, child(path, key), out);
  }
}

function walkArray(node: Node, value: unknown[], path: string, out: ProblemList): void {
  const at = path || '(scenario)';
  if (node.minItems !== undefined && value.length < node.minItems) {
    out.addExpected(at, `at least ${node.minItems} ${node.items ? plural(node.items) : 'items'}`, value.length ? `${value.length}` : 'none');
  }
  if (node.maxItems !== undefined && value.length > node.maxItems) {
    out.addExpected(at, `at most ${node.maxItems} ${node.items ? plural(node.items) : 'items'}`, `${value.length}`);
  }
  const items = node.items;
  if (!items) return;
  // Hourly values (number or null) are the bulk of a large file: check them in a tight loop.
  if (items.anyOf && items.anyOf.length === 2 && items.anyOf[0].type === 'number' && items.anyOf[1].type === 'null') {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === null || (typeof v === 'number' && Number.isFinite(v))) continue;
      out.addExpected(`${at}[${i}]`, 'a number or null (a missing hour)', describeValue(v));
    }
    return;
  }
  if (items.type === 'number' || items.type === 'integer' || items.type === 'string') {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeOk(items, v) && (items.type === 'string' ? stringOk(items, v as string) : numberOk(items, v as number))) continue;
      walk(items, v, `${at}[${i}]`, out);
    }
    return;
  }
  for (let i = 0; i < value.length; i++) walk(items, value[i], `${at}[${i}]`, out);
}

function stringOk(node: Node, value: string): boolean {
  if (node.enum) return node.enum.includes(value);
  if (node.minLength !== undefined && value.length < node.minLength) return false;
  if (node.maxLength !== undefined && value.length > node.maxLength) return false;
  return !node.pattern || regex(node.pattern).test(value);
}

function walkString(node: Node, value: string, at: string, out: ProblemList): void {
  if (stringOk(node, value)) return;
  if (node.enum) {
    const hint = nearest(value, node.enum);
    out.addExpected(at, `${node.title ? `${article(node.title)}: ` : ''}one of ${node.enum.join(', ')}`,
      `${describeValue(value)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    return;
  }
  if (node.minLength !== undefined && value.length < node.minLength) {
    out.addExpected(at, `${describeNode(node)} of at least ${node.minLength} characters`, value.length ? describeValue(value) : 'an empty text');
    return;
  }
  if (node.maxLength !== undefined && value.length > node.maxLength) {
    out.addExpected(at, `${describeNode(node)} of at most ${node.maxLength} characters`, `${value.length} characters`);
    return;
  }
  const what = node.description ?? (node.title?.endsWith(' id')
    ? `${article(node.title)}: letters, digits and _ . : - (starting with a letter or digit)`
    : describeNode(node));
  out.addExpected(at, what, describeValue(value));
}

function numberOk(node: Node, value: number): boolean {
  return (
    Number.isFinite(value) &&
    !(node.minimum !== undefined && value < node.minimum) &&
    !(node.maximum !== undefined && value > node.maximum) &&
    !(node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) &&
    !(node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum)
  );
}

function walkNumber(node: Node, value: number, at: string, out: ProblemList): void {
  if (numberOk(node, value)) return;
  out.addExpected(at, describeNode(node), describeValue(value));
}

function walkUnion(node: Node, value: unknown, path: string, out: ProblemList): void {
  const at = path || '(scenario)';
  const options = node.anyOf!;
  if (node.discriminator) {
    const key = node.discriminator;
    const kinds = options.map((o) => o.properties?.[key]?.const as string);
    const kind = typeof value === 'object' && value !== null && hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      out.addExpected(at, `${article(node.title ?? 'object')} with a "${key}"`, describeValue(value));
      return;
    }
    const index = kinds.indexOf(kind as string);
    if (index < 0) {
      const hint = typeof kind === 'string' ? nearest(kind, kinds) : null;
      out.addExpected(child(path, key), `one of ${kinds.join(', ')}`, `${describeValue(kind)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
      return;
    }
    walk(options[index], value, path, out);
    return;
  }
  // "X or null": null passes, anything else is checked as X (its messages are the useful ones).
  const nonNull = options.filter((o) => o.type !== 'null');
  if (nonNull.length < options.length && value === null) return;
  if (nonNull.length === 1) return walk(nonNull[0], value, path, out);
  for (const option of nonNull) if (typeOk(option, value)) return walk(option, value, path, out);
  out.addExpected(at, describeNode(node), describeValue(value));
}
