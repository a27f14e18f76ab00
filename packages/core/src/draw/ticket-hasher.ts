/**
 * TicketHasher: the injected batch hasher. Every ticket hashes H(seed) (64 hex bytes, exactly
 * one SHA-256 block) followed by an id, so a hasher computes the state after that block once
 * and each id then costs one compression (ids up to 55 bytes). Hosts inject faster ones
 * (native, WebCrypto); every hasher must give identical digests (house style).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from './utf8';

export interface TicketHasher {
  /** Short name for logs and benchmarks, e.g. "noble-midstate". */
  readonly name: string;
  /** SHA-256 of utf8(prefixHex64 + id) for each id: 32 bytes per id, in order. */
  hashBatch(prefixHex64: string, ids: readonly string[]): Uint8Array;
  /**
   * Optional, for hosts that compute sort keys natively: as hashBatch, and also writes each
   * digest's sort key (see sortKeyInto) to outKeys[2i], outKeys[2i + 1].
   */
  hashBatchWithKeys?(prefixHex64: string, ids: readonly string[], outKeys: Float64Array): Uint8Array;
}

/** The default pure hasher: @noble/hashes, cloning the state after the 64-byte prefix. */
export function nobleTicketHasher(): TicketHasher {
  let cachedPrefix = '';
  let base = sha256.create();
  return {
    name: 'noble-midstate',
    hashBatch(prefixHex64: string, ids: readonly string[]): Uint8Array {
      if (prefixHex64 !== cachedPrefix) {
        base = sha256.create().update(utf8Encode(prefixHex64));
        cachedPrefix = prefixHex64;
      }
      const out = new Uint8Array(ids.length * 32);
      for (let i = 0; i < ids.length; i++) {
        const h = base.clone();
        h.update(utf8Encode(ids[i] ?? ''));
        out.set(h.digest(), i * 32);
      }
      return out;
    },
  };
}

/** The hasher core uses when the host injects none. */
export const defaultTicketHasher: TicketHasher = nobleTicketHasher();
