/**
 * The server's TicketHasher (spec §2): node's crypto, cloning a hash that has absorbed the
 * 64-byte H(seed) prefix, one copy per id. Gives the same digests as core's default (tested).
 */
import { createHash, type Hash } from 'node:crypto';
import type { TicketHasher } from '@openssj/core';

/** A TicketHasher on node:crypto. */
export function nodeTicketHasher(): TicketHasher {
  let prefix = '';
  let base: Hash = createHash('sha256');
  return {
    name: 'node-crypto-copy',
    hashBatch(prefixHex64: string, ids: readonly string[]): Uint8Array {
      if (prefixHex64 !== prefix) {
        base = createHash('sha256').update(prefixHex64, 'utf8');
        prefix = prefixHex64;
      }
      const out = new Uint8Array(ids.length * 32);
      for (let i = 0; i < ids.length; i++) {
        out.set(
          base
            .copy()
            .update(ids[i] ?? '', 'utf8')
            .digest(),
          i * 32,
        );
      }
      return out;
    },
  };
}
