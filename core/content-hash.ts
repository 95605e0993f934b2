/**
 * A scenario's identity is its content: the SHA-256 of its file's bytes, in hex — what
 * `sha256sum` prints, so a regulator can check which file a filed plan was made for. A plan
 * carries it, and is only read back against the file that has it. (@noble/hashes: audited, pure
 * JavaScript, the same in a browser worker on a plain-http control-room network, where WebCrypto
 * is not offered, as in Node.)
 */
import { sha256 } from '@noble/hashes/sha2.js';

export function contentHash(bytes: Uint8Array): string {
  const digest = sha256(bytes);
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}
