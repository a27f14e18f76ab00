/**
 * Evidence hashes (issue 15, part 2): the SHA-256 of a photo's bytes, in lower-case hex, as the
 * phone computes it before upload, the server checks on receipt, the transparency log's result
 * entry carries, and `ssj evidence verify` recomputes from an exported file. Pure (@noble/hashes),
 * so it works in a browser without WebCrypto (plain http on a district's intranet) too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** SHA-256 of bytes, 64 lower-case hex digits. */
export function evidenceSha256(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Is `s` a SHA-256 in the form the platform records (64 lower-case hex digits)? */
export function isEvidenceSha256(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}
