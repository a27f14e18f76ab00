/**
 * The server's fast TicketHasher (spec §2): the native addon (packages/native, loaded by native.ts, the same one `ssj
 * draw` uses) hashing a whole batch of ids per call, with sort keys for assignment. When the addon
 * is not built, or SSJ_NO_NATIVE=1, node:crypto is used; both give core's digests (tested).
 */
import type { TicketHasher } from '@openssj/core';
import { loadNative } from './native';
import { nodeTicketHasher } from './node-ticket-hasher';

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
  const native = loadNative();
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
