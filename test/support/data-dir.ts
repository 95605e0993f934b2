/**
 * Real data lives beside the project in ../shared/data and is never copied into it. Tests that need
 * it take the folder from ORDERLY_DATA (default: ../shared/data next to the repository) and, when it
 * is absent, skip with a message that says so rather than failing or passing silently.
 */
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function dataDir(): string {
  return process.env.ORDERLY_DATA ? resolve(process.env.ORDERLY_DATA) : resolve(repoRoot, '../shared/data');
}

/** The absolute path of a data subfolder, or null (with a console note) when it is absent. */
export function dataFolder(sub: string): string | null {
  const dir = resolve(dataDir(), sub);
  if (!existsSync(dir)) {
    console.warn(`real-data tests skipped: ${dir} is absent (set ORDERLY_DATA to the shared data folder)`);
    return null;
  }
  return dir;
}
