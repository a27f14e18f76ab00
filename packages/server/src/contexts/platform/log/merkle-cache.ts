/**
 * The proof cache (issue 13): the log's Merkle tree kept in memory with every complete subtree
 * (core's MerkleLevels), per database handle, grown from the entries appended since the last use.
 * A tree head, an inclusion proof or a consistency proof then costs O(log² n) hashes and one
 * query for the new leaves, not a read and a hash of the whole log.
 *
 * Safe to keep: entries are append-only (a trigger refuses updates and deletes), and committed
 * entries always form a prefix of the index, because an entry's index is taken under the audit
 * lock held until its transaction ends. A cache only ever holds committed leaves, as it is read
 * outside transactions; a transaction handle gets a cache of its own that dies with it.
 */
import { createHash } from 'node:crypto';
import { fromHex, merkleHasherFrom, MerkleLevels } from '@openssj/core';
import type { Db } from '../../../db/client';
import { leafHashesFrom } from './log.repo';

/** RFC 9162 hashing with node:crypto (identical to core's @noble default; tested). */
export const nodeMerkleHasher = merkleHasherFrom(
  (d) => new Uint8Array(createHash('sha256').update(d).digest()),
);

interface Cached {
  readonly tree: MerkleLevels;
  /** Refreshes run one at a time, so no leaf is appended twice. */
  refreshing: Promise<void>;
}

const caches = new WeakMap<Db, Cached>();

/** Read at most this many leaves per query while catching up. */
const BATCH = 50_000;

async function catchUp(db: Db, c: Cached, upTo: number): Promise<void> {
  while (c.tree.size < upTo) {
    const from = c.tree.size;
    const rows = await leafHashesFrom(db, from, Math.min(upTo, from + BATCH));
    for (const [k, r] of rows.entries()) {
      const leaf = fromHex(r.leafHash);
      if (r.idx !== from + k || leaf === null || leaf.length !== 32) {
        throw new Error(`log: entry ${from + k} is missing or its stored leaf hash is not 32 bytes`);
      }
      c.tree.append(leaf);
    }
    if (rows.length < Math.min(upTo, from + BATCH) - from) {
      return; // the log is shorter than asked
    }
  }
}

/**
 * The tree of the log's first `size` entries or more (every committed entry when `size` is
 * omitted). Its `size` is below the one asked for when the log is shorter.
 */
export async function logTree(db: Db, size = Number.MAX_SAFE_INTEGER): Promise<MerkleLevels> {
  let c = caches.get(db);
  if (c === undefined) {
    c = { tree: new MerkleLevels(nodeMerkleHasher), refreshing: Promise.resolve() };
    caches.set(db, c);
  }
  const cached = c;
  if (cached.tree.size < size) {
    const run = cached.refreshing.then(() => catchUp(db, cached, size));
    cached.refreshing = run.catch(() => undefined);
    await run;
  }
  return cached.tree;
}
