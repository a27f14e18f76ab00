/**
 * Fast SHA-256 for tickets in plain JS (spec §2): every ticket hashes the 64-byte hex of H(seed)
 * and then the id, so the state after the first block (the midstate) is computed once and each id
 * up to 55 bytes costs a single compression, with no allocation per id. Longer ids fall back to
 * node:crypto. Tests show the digests equal node:crypto's and @noble/hashes'.
 */
import { createHash } from 'node:crypto';

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** One SHA-256 compression of the 16 words in W[0..15] from state `st`, into `out`. */
function compress(st: Int32Array, W: Int32Array, out: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15] ?? 0;
    const y = W[i - 2] ?? 0;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = ((W[i - 16] ?? 0) + s0 + (W[i - 7] ?? 0) + s1) | 0;
  }
  let a = st[0] ?? 0;
  let b = st[1] ?? 0;
  let c = st[2] ?? 0;
  let d = st[3] ?? 0;
  let e = st[4] ?? 0;
  let f = st[5] ?? 0;
  let g = st[6] ?? 0;
  let h = st[7] ?? 0;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (W[i] ?? 0)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = ((st[0] ?? 0) + a) | 0;
  out[1] = ((st[1] ?? 0) + b) | 0;
  out[2] = ((st[2] ?? 0) + c) | 0;
  out[3] = ((st[3] ?? 0) + d) | 0;
  out[4] = ((st[4] ?? 0) + e) | 0;
  out[5] = ((st[5] ?? 0) + f) | 0;
  out[6] = ((st[6] ?? 0) + g) | 0;
  out[7] = ((st[7] ?? 0) + h) | 0;
}

/** Midstate SHA-256 of `prefix (64 ASCII bytes) + line bytes`, one compression per short line. */
export class MidstateSha256 {
  private readonly mid = new Int32Array(8);
  private readonly W = new Int32Array(64);
  private readonly st = new Int32Array(8);
  private readonly block = new Uint8Array(64);
  private prefix = '';

  /** Set the 64-character prefix (the hex of H(seed)) and compute the midstate. */
  setPrefix(prefixHex64: string): void {
    if (prefixHex64 === this.prefix) {
      return;
    }
    if (prefixHex64.length !== 64) {
      throw new Error('prefix must be 64 ASCII characters');
    }
    for (let i = 0; i < 16; i++) {
      this.W[i] =
        (prefixHex64.charCodeAt(4 * i) << 24) |
        (prefixHex64.charCodeAt(4 * i + 1) << 16) |
        (prefixHex64.charCodeAt(4 * i + 2) << 8) |
        prefixHex64.charCodeAt(4 * i + 3);
    }
    compress(IV, this.W, this.mid);
    this.prefix = prefixHex64;
  }

  /** SHA-256 of prefix + buf[start, end) written as 32 bytes to out at outOffset. */
  hashInto(buf: Uint8Array, start: number, end: number, out: Uint8Array, outOffset: number): void {
    const n = end - start;
    if (n > 55) {
      const d = createHash('sha256').update(this.prefix, 'latin1').update(buf.subarray(start, end)).digest();
      out.set(d, outOffset);
      return;
    }
    const blk = this.block;
    for (let i = 0; i < n; i++) {
      blk[i] = buf[start + i] ?? 0;
    }
    blk[n] = 0x80;
    blk.fill(0, n + 1, 62);
    const bits = (64 + n) * 8;
    blk[62] = bits >>> 8;
    blk[63] = bits & 0xff;
    const W = this.W;
    for (let i = 0; i < 16; i++) {
      W[i] =
        ((blk[4 * i] ?? 0) << 24) |
        ((blk[4 * i + 1] ?? 0) << 16) |
        ((blk[4 * i + 2] ?? 0) << 8) |
        (blk[4 * i + 3] ?? 0);
    }
    const st = this.st;
    compress(this.mid, W, st);
    for (let i = 0; i < 8; i++) {
      const w = st[i] ?? 0;
      const o = outOffset + 4 * i;
      out[o] = w >>> 24;
      out[o + 1] = (w >>> 16) & 0xff;
      out[o + 2] = (w >>> 8) & 0xff;
      out[o + 3] = w & 0xff;
    }
  }
}
