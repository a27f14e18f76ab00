/**
 * The server's fast TicketHasher (spec §2): the native addon (packages/native, the same one `ssj
 * draw` uses) hashing a whole batch of ids per call, with sort keys for assignment. When the addon
 * is not built, or SSJ_NO_NATIVE=1, node:crypto is used; both give core's digests (tested).
 */
import { createRequire } from 'node:module';
import type { TicketHasher } from '@openssj/core';
import { nodeTicketHasher } from './node-ticket-hasher';

/** The part of the addon the server uses (see packages/cli/src/draw/native.ts for all of it). */
interface NativeHashing {
  hashLines(
    prefixHex64: string,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    out: Uint8Array,
  ): void;
  keyLines?(
    prefixHex64: string,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    n: number,
    outDigests: Uint8Array,
    outKeys: Float64Array,
  ): void;
}

function isNativeHashing(m: unknown): m is NativeHashing {
  return typeof m === 'object' && m !== null && 'hashLines' in m && typeof m.hashLines === 'function';
}

let cached: NativeHashing | null | undefined;

function loadAddon(): NativeHashing | null {
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
      if (isNativeHashing(m)) {
        cached = m;
        return cached;
      }
    } catch {
      // not built: node:crypto is used
    }
  }
  return cached;
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

/** The native TicketHasher when the addon loads, else node:crypto's. */
export function serverTicketHasher(): TicketHasher {
  const native = loadAddon();
  if (native === null) {
    return nodeTicketHasher();
  }
  const keyLines = native.keyLines?.bind(native);
  return {
    name: 'native',
    hashBatch(prefixHex64, ids) {
      const { all, starts, ends } = pack(ids);
      const out = new Uint8Array(ids.length * 32);
      native.hashLines(prefixHex64, all, starts, ends, ids.length, out);
      return out;
    },
    ...(keyLines === undefined
      ? {}
      : {
          hashBatchWithKeys(prefixHex64: string, ids: readonly string[], outKeys: Float64Array): Uint8Array {
            const { all, starts, ends } = pack(ids);
            const out = new Uint8Array(ids.length * 32);
            keyLines(prefixHex64, all, starts, ends, ids.length, out, outKeys);
            return out;
          },
        }),
  };
}
