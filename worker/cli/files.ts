/**
 * File access for the command line, with the same care for bad input as the scenario checks: a
 * missing file, a directory or a device, a file too large to be a scenario (refused by its size
 * before reading, and never read past the limit whatever its size claims), and writes that
 * replace a file only once the new content is complete.
 */
import { constants } from 'node:fs';
import { open, rename, stat, writeFile, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Problem } from '../../core/problems.ts';
import { checkSize, MAX_SCENARIO_BYTES } from '../../core/scenario/parse-json.ts';

type Read = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** What a path is, in words, when it is not a file to read. */
function notAFile(info: Stats): string | null {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device (it is not read)';
  if (info.isBlockDevice()) return 'a block device (it is not read)';
  if (info.isSocket()) return 'a socket (it is not read)';
  return null; // a regular file, or a pipe (read up to the limit)
}

export async function readInput(file: string, maxBytes = MAX_SCENARIO_BYTES): Promise<Read> {
  const cannot = (error: unknown): Read => {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: { path: file, message: code === 'ENOENT' ? 'expected a file, found nothing at this path' : `cannot be read (${code})` } };
  };
  // Devices are refused before they are opened (opening one can have effects; /dev/zero never ends).
  try {
    const kind = notAFile(await stat(file));
    if (kind) return { ok: false, problem: { path: file, message: `expected a file, found ${kind}` } };
  } catch (error) {
    return cannot(error);
  }
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY);
  } catch (error) {
    return cannot(error);
  }
  try {
    // Checked again on what was opened: the path may have been changed in between.
    const info = await handle.stat();
    const kind = notAFile(info);
    if (kind) return { ok: false, problem: { path: file, message: `expected a file, found ${kind}` } };
    const tooBig = checkSize(file, info.size, maxBytes);
    if (tooBig) return { ok: false, problem: tooBig };
    const bytes = await readAtMost(handle, info.isFile() ? info.size : 0, maxBytes);
    if (!bytes) return { ok: false, problem: checkSize(file, maxBytes + 1, maxBytes, true)! };
    return { ok: true, bytes };
  } catch (error) {
    return cannot(error);
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Reads to the end, or returns null as soon as more than `maxBytes` have come: the size a file
 * claims is only where the reading starts (a /proc file says 0, a pipe has none, a file may grow).
 */
async function readAtMost(handle: FileHandle, sizeHint: number, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // A regular file in one buffer of its size (plus the byte that would show it grew); anything
  // else in chunks.
  let buffer = new Uint8Array(Math.min(maxBytes + 1, sizeHint > 0 ? sizeHint + 1 : 1 << 16));
  let filled = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
    if (total + filled > maxBytes) return null;
    if (filled === buffer.byteLength) {
      chunks.push(buffer);
      total += filled;
      buffer = new Uint8Array(Math.min(maxBytes + 1 - total, 1 << 20));
      filled = 0;
    }
  }
  if (!chunks.length) return buffer.subarray(0, filled);
  chunks.push(buffer.subarray(0, filled));
  const all = new Uint8Array(total + filled);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
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
