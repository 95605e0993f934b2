/** `npm run schema`: writes the published JSON Schema of the scenario format. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../core/scenario/schema.ts';

const path = new URL('scenario.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
