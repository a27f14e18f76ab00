/**
 * Optional native addon (packages/native): batched midstate SHA-256 and the sort-key filter in
 * C, against the OpenSSL that Node bundles. Loaded with try/catch; when it is not built, the JS
 * path is used and gives identical results (test: draw-native.test.ts).
 */
import { createRequire } from 'node:module';

/** What the addon exports. */
export interface NativeDraw {
  /** SHA-256 of prefix + buf[starts[i], ends[i]) for i < n, 32 bytes each into out. */
  hashLines(
    prefixHex64: string,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    out: Uint8Array,
  ): void;
  /**
   * Hash the n lines and keep those whose 19-digit sort key (spec §2) is ≤ (k1max, k2max)
   * (Infinity: keep all): their digests go to outDigests in order, their indexes to outIdx.
   * Returns how many were kept. The caller's bounded heap then decides exactly.
   */
  filterLines(
    prefixHex64: string,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    k1max: number,
    k2max: number,
    outDigests: Uint8Array,
    outIdx: Int32Array,
  ): number;
  /** Digests and 19-digit sort keys (outKeys[2i], outKeys[2i+1]) of every line. */
  keyLines?(
    prefixHex64: string,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    outDigests: Uint8Array,
    outKeys: Float64Array,
  ): void;
  /**
   * The whole per-line loop of `ssj draw` over the complete lines of buf[from, to): §4 checks
   * against the previous line, hashing, and the key filter. flags: 1 units, 2 file start, 4 prev
   * given. res: [lines consumed, offset after them, kept, issue code, issue line, last line start,
   * end, id end]. See packages/native/src/ssj_native.c.
   */
  scanChunk?(
    prefixHex64: string,
    buf: Uint8Array,
    from: number,
    to: number,
    flags: number,
    prev: Uint8Array,
    prevIdLen: number,
    k1max: number,
    k2max: number,
    outDigests: Uint8Array,
    outStarts: Int32Array,
    outIdEnds: Int32Array,
    res: Int32Array,
  ): void;
  /** The C scanner (packages/native/src/scanner.c); see line-scanner.ts. */
  scannerCreate?(prefixHex64: string, k: number, flags: number): NativeScannerHandle;
  scannerFeed?(s: NativeScannerHandle, buf: Uint8Array, from: number, to: number, res: Float64Array): void;
  scannerEdges?(s: NativeScannerHandle): [Buffer | null, number, Buffer | null, number, number];
  scannerWinners?(s: NativeScannerHandle, formatted: boolean): Buffer;
  scannerOffer?(s: NativeScannerHandle, packed: Uint8Array): void;
  /** "sha-ni" or "openssl": which compression the scanner uses. */
  shaEngine?(): string;
}

/** An opaque scanner made by scannerCreate. */
export type NativeScannerHandle = { readonly __nativeScanner: unique symbol };

let cached: NativeDraw | null | undefined;

function isNativeDraw(m: unknown): m is NativeDraw {
  return (
    typeof m === 'object' &&
    m !== null &&
    'hashLines' in m &&
    typeof m.hashLines === 'function' &&
    'filterLines' in m &&
    typeof m.filterLines === 'function'
  );
}

/** Load the addon once; null when it is not built or SSJ_NO_NATIVE=1. */
export function loadNative(): NativeDraw | null {
  if (cached !== undefined) {
    return cached;
  }
  cached = null;
  if (process.env['SSJ_NO_NATIVE'] === '1') {
    return cached;
  }
  const require = createRequire(import.meta.url);
  for (const spec of ['@openssj/native', '../../../../../native/build/Release/ssj_native.node']) {
    try {
      const m: unknown = require(spec);
      if (isNativeDraw(m)) {
        cached = m;
        return cached;
      }
    } catch {
      // not built: the JS path is used
    }
  }
  return cached;
}
