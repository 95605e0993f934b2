/** `npm run scenarios`: regenerates the bundled scenario files through the engine. */
import { nodeEnginePool } from '../worker/node/spawn.ts';
import { writeAtomically } from '../worker/cli/files.ts';
import { BUNDLED } from './bundled.ts';

const pool = nodeEnginePool(2);
try {
  await Promise.all(BUNDLED.map(async (b) => {
    const result = await pool.run((api) => api.generate(b.options));
    const path = new URL(b.file, import.meta.url);
    await writeAtomically(path.pathname, result.bytes);
    console.log(`${b.file}: ${(result.bytes.byteLength / 1e6).toFixed(1)} MB`);
  }));
} finally {
  await pool.close();
}
