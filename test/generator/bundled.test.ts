import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../core/scenario/schema.ts';
import { hydrate } from '../../core/scenario/hydrate.ts';
import { serializeScenario } from '../../core/scenario/serialize.ts';
import { loadScenarioText } from '../../core/scenario/validate.ts';
import { BUNDLED, DEFAULT_SCENARIO } from '../../scenarios/bundled.ts';
import { generateScenarioFile } from '../../scenarios/generator/generate.ts';

const read = (file: string) => readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8');

describe('bundled scenario files', () => {
  it.each(BUNDLED.map((b) => [b.file, b]))('%s is valid and exactly what the generator makes from its seed', (_, b) => {
    const text = read(b.file);
    expect(loadScenarioText(b.file, text).problems).toEqual([]);
    expect(serializeScenario(hydrate(generateScenarioFile(b.options)))).toBe(text);
  });
  it('include the default scenario', () => {
    expect(BUNDLED.map((b) => b.file)).toContain(DEFAULT_SCENARIO);
  });
  it('are described by the published JSON Schema, which is the one the code defines', () => {
    expect(JSON.parse(read('scenario.schema.json'))).toEqual(scenarioJsonSchema());
  });
});
