/**
 * File access for the command line, with the same care for bad input as the scenario checks: a
 * missing file, a directory, a file too large to be a scenario (refused before reading), and writes
 * that replace a file only once the new content is complete.
 */
import { readFile, rename, stat, writeFile, unlink } from 'node:fs/promises';
import type { Problem } from '../../core/problems.ts';
import { checkSize, MAX_SCENARIO_BYTES } from '../../core/scenario/parse-json.ts';

export async function readInput(file: string, maxBytes = MAX_SCENARIO_BYTES): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: Problem }> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, problem: { path: file, message: 'expected a file, found a directory' } };
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: { path: file, message: code === 'ENOENT' ? 'expected a file, found nothing at this path' : `cannot be read (${code})` } };
  }
  const tooBig = checkSize(file, size, maxBytes);
  if (tooBig) return { ok: false, problem: tooBig };
  try {
    const buffer = await readFile(file);
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (error) {
    return { ok: false, problem: { path: file, message: `cannot be read (${(error as NodeJS.ErrnoException).code})` } };
  }
}

/** Writes next to the target, then renames: an interrupted write never leaves half a file. */
export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.partial-${process.pid}`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
