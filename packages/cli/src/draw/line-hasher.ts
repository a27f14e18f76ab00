/**
 * LineHasher: the CLI's byte-level batch hasher (spec §2 tickets, house style "faster batch hasher
 * injected by its host"). It hashes many lines of a buffer per call, so the draw never builds a
 * string per line. Paths: the native addon when it is built, else the JS midstate compressor;
 * node:crypto per id is kept for benchmarks. Each is also a core TicketHasher.
 */
import { createHash, hash as nodeHash } from 'node:crypto';
import type { TicketHasher } from '@openssj/core';
import { loadNative, MidstateSha256, type NativeDraw } from '@openssj/server/draw-engine';

export interface LineHasher {
  readonly name: string;
  /** Prepare for a prefix (the 64-char hex of H(seed)). */
  setPrefix(prefixHex64: string): void;
  /** Hash prefix + buf[starts[i], ends[i]) for i < n, 32 bytes each into out. */
  hashLines(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, out: Uint8Array): void;
  /** Optional: hash and keep only lines with sort key ≤ (k1max, k2max); see NativeDraw.filterLines. */
  filterLines?(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    k1max: number,
    k2max: number,
    outDigests: Uint8Array,
    outIdx: Int32Array,
  ): number;
  /** Optional: digests and sort keys of every line; see NativeDraw.keyLines. */
  keyLines?(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    outDigests: Uint8Array,
    outKeys: Float64Array,
  ): void;
  /** Optional: the native per-line loop; see NativeDraw.scanChunk (prefix already set). */
  scanChunk?: OmitFirst<NonNullable<NativeDraw['scanChunk']>>;
}

type OmitFirst<F> = F extends (first: string, ...rest: infer R) => infer T ? (...args: R) => T : never;

/** The JS midstate path: one compression per id up to 55 bytes. */
export function jsLineHasher(): LineHasher {
  const h = new MidstateSha256();
  return {
    name: 'js-midstate',
    setPrefix: (p) => h.setPrefix(p),
    hashLines(buf, starts, ends, n, out) {
      for (let i = 0; i < n; i++) {
        h.hashInto(buf, starts[i] ?? 0, ends[i] ?? 0, out, i * 32);
      }
    },
  };
}

/** node:crypto, cloning a hash object that has absorbed the prefix (one copy per id). */
export function nodeCopyLineHasher(): LineHasher {
  let base = createHash('sha256');
  return {
    name: 'node-crypto-copy',
    setPrefix(p) {
      base = createHash('sha256').update(p, 'latin1');
    },
    hashLines(buf, starts, ends, n, out) {
      for (let i = 0; i < n; i++) {
        out.set(
          base
            .copy()
            .update(buf.subarray(starts[i] ?? 0, ends[i] ?? 0))
            .digest(),
          i * 32,
        );
      }
    },
  };
}

/** Plain crypto.hash of prefix + id per id: the baseline the issue compares against. */
export function nodeHashLineHasher(): LineHasher {
  let prefix = Buffer.alloc(0);
  return {
    name: 'node-crypto-hash',
    setPrefix(p) {
      prefix = Buffer.from(p, 'latin1');
    },
    hashLines(buf, starts, ends, n, out) {
      for (let i = 0; i < n; i++) {
        out.set(
          nodeHash('sha256', Buffer.concat([prefix, buf.subarray(starts[i] ?? 0, ends[i] ?? 0)]), 'buffer'),
          i * 32,
        );
      }
    },
  };
}

/** The native addon's hasher, when it is built. */
export function nativeLineHasher(native: NativeDraw): LineHasher {
  let prefix = '';
  return {
    name: 'native',
    setPrefix(p) {
      prefix = p;
    },
    hashLines(buf, starts, ends, n, out) {
      native.hashLines(prefix, buf, starts, ends, n, out);
    },
    filterLines(buf, starts, ends, n, k1max, k2max, outDigests, outIdx) {
      return native.filterLines(prefix, buf, starts, ends, n, k1max, k2max, outDigests, outIdx);
    },
    ...(native.keyLines === undefined
      ? {}
      : {
          keyLines: (
            buf: Uint8Array,
            starts: Int32Array,
            ends: Int32Array,
            n: number,
            outDigests: Uint8Array,
            outKeys: Float64Array,
          ) => native.keyLines?.(prefix, buf, starts, ends, n, outDigests, outKeys),
        }),
    ...(native.scanChunk === undefined
      ? {}
      : {
          scanChunk: (...args: Parameters<OmitFirst<NonNullable<NativeDraw['scanChunk']>>>) =>
            native.scanChunk?.(prefix, ...args),
        }),
  };
}

export type HasherChoice = 'auto' | 'native' | 'js' | 'node' | 'node-hash';

/** Pick a hasher: `auto` is native when loadable, else JS midstate. Null when `native` is asked for and missing. */
export function pickLineHasher(choice: HasherChoice = 'auto'): LineHasher | null {
  switch (choice) {
    case 'auto': {
      const native = loadNative();
      return native === null ? jsLineHasher() : nativeLineHasher(native);
    }
    case 'native': {
      const native = loadNative();
      return native === null ? null : nativeLineHasher(native);
    }
    case 'js':
      return jsLineHasher();
    case 'node':
      return nodeCopyLineHasher();
    case 'node-hash':
      return nodeHashLineHasher();
  }
}

/** A LineHasher as a core TicketHasher (strings in), for verify and assignment. */
export function asTicketHasher(h: LineHasher): TicketHasher {
  return {
    name: h.name,
    hashBatch(prefixHex64, ids) {
      const { all, starts, ends } = pack(ids);
      const out = new Uint8Array(ids.length * 32);
      h.setPrefix(prefixHex64);
      h.hashLines(all, starts, ends, ids.length, out);
      return out;
    },
    ...(h.keyLines === undefined
      ? {}
      : {
          hashBatchWithKeys(prefixHex64: string, ids: readonly string[], outKeys: Float64Array): Uint8Array {
            const { all, starts, ends } = pack(ids);
            const out = new Uint8Array(ids.length * 32);
            h.setPrefix(prefixHex64);
            h.keyLines?.(all, starts, ends, ids.length, out, outKeys);
            return out;
          },
        }),
  };
}

/** Ids as one UTF-8 buffer with start/end offsets: no allocation per id. */
function pack(ids: readonly string[]): { all: Buffer; starts: Int32Array; ends: Int32Array } {
  let total = 0;
  for (const id of ids) {
    total += Buffer.byteLength(id, 'utf8');
  }
  const all = Buffer.allocUnsafe(total);
  const starts = new Int32Array(ids.length);
  const ends = new Int32Array(ids.length);
  let p = 0;
  for (let i = 0; i < ids.length; i++) {
    starts[i] = p;
    p += all.write(ids[i] ?? '', p, 'utf8');
    ends[i] = p;
  }
  return { all, starts, ends };
}
