/**
 * Tickets (spec §2): Rivest's consistent-sampler `first_fraction`, with reversed decimal
 * digits. `ticket(S, X) = "0." + reverse(D(H(S) + X))`. Also the 19-digit sort key that
 * decides almost every comparison without building the 64–78-digit string.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { compareUtf8, utf8Encode } from './utf8';

/** H(s): lowercase hex of SHA-256 of the UTF-8 bytes of `s` (spec §2). */
export function hashHex(s: string): string {
  return bytesToHex(sha256(utf8Encode(s)));
}

/** D of a 64-hex-char hash: its decimal digits, left-padded with '0' to at least 64 (spec §2). */
export function decimalDigitsOfHex(hex: string): string {
  return BigInt('0x' + hex)
    .toString(10)
    .padStart(64, '0');
}

/** The ticket string from a hash given as hex (spec §2). */
export function ticketFromHex(hex: string): string {
  const d = decimalDigitsOfHex(hex);
  let r = '0.';
  for (let i = d.length - 1; i >= 0; i--) {
    r += d.charAt(i);
  }
  return r;
}

/** The ticket string from 32 digest bytes at `offset` of `digests` (spec §2). */
export function ticketFromDigest(digests: Uint8Array, offset = 0): string {
  return ticketFromHex(bytesToHex(digests.subarray(offset, offset + 32)));
}

/** ticket(S, X) of spec §2, computed directly (the reference path). */
export function ticket(seed: string, id: string): string {
  return ticketFromHex(hashHex(hashHex(seed) + id));
}

/** REV5[n]: the 5 digits of n (zero-padded) in reverse order, as a number; REV4 likewise. */
const REV5 = buildReversed(5);
const REV4 = buildReversed(4);

function buildReversed(digits: number): Int32Array {
  const size = 10 ** digits;
  const t = new Int32Array(size);
  for (let n = 0; n < size; n++) {
    let r = 0;
    let m = n;
    for (let i = 0; i < digits; i++) {
      r = r * 10 + (m % 10);
      m = Math.floor(m / 10);
    }
    t[n] = r;
  }
  return t;
}

/**
 * The 19-digit sort key of a digest, written to `out` as two numbers: out[0] = ticket digits
 * 1–10, out[1] = ticket digits 11–19. The first 19 ticket digits are the digits of
 * x mod 10^19 read from the units up (spec §2 reverses D), so keys order like tickets and
 * equal keys are the only case that needs the full string.
 */
export function sortKeyInto(digests: Uint8Array, offset: number, out: Float64Array): void {
  // x mod 10^19 kept as hi·10^10 + lo, fed 16 bits at a time (every value stays < 2^53).
  let lo = 0;
  let hi = 0;
  for (let i = offset; i < offset + 32; i += 2) {
    const v = lo * 65536 + (((digests[i] ?? 0) << 8) | (digests[i + 1] ?? 0));
    const q = Math.floor(v / 1e10);
    lo = v - q * 1e10;
    const u = hi * 65536 + q;
    hi = u - Math.floor(u / 1e9) * 1e9;
  }
  // reverse by table: lo = l1·10^5 + l0, hi = h1·10^5 + h0; ticket digit 1 is the units digit of x
  const l1 = Math.floor(lo / 1e5);
  const l0 = lo - l1 * 1e5;
  const h1 = Math.floor(hi / 1e5);
  const h0 = hi - h1 * 1e5;
  out[0] = (REV5[l0] ?? 0) * 1e5 + (REV5[l1] ?? 0);
  out[1] = (REV5[h0] ?? 0) * 1e4 + (REV4[h1] ?? 0);
}

/** Order of two tickets: as strings, which equals numeric order of the fractions (spec §2). */
export function compareTickets(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Order of two (ticket, id) pairs: ticket first, then id in UTF-8 byte order (spec §2). */
export function compareTicketThenId(ta: string, ida: string, tb: string, idb: string): number {
  const c = compareTickets(ta, tb);
  return c !== 0 ? c : compareUtf8(ida, idb);
}
