/**
 * Target selection (spec §3): in each stratum, the k_s ids with the smallest tickets, listed in
 * ascending ticket order over all strata together. Arrays and streams both go through a
 * bounded heap, so memory is O(k), never O(frame).
 */
import { defaultTicketHasher, type TicketHasher } from './ticket-hasher';
import { compareEntries, entryTicket, TicketHeap, type HeapEntry } from './ticket-heap';
import { hashHex } from './ticket';

/** One selected id with its ticket. */
export interface Pick {
  readonly id: string;
  readonly ticket: string;
}

/** One selected target of the record (spec §7 `selected`). */
export interface SelectedTarget {
  readonly stratum: string;
  readonly id: string;
  readonly ticket: string;
}

/** Ids hashed per hasher call. */
export const DEFAULT_BATCH = 4096;

/** Hash one batch of ids and offer each to the heap. */
export function offerBatch(
  heap: TicketHeap,
  prefixHex64: string,
  ids: readonly string[],
  hasher: TicketHasher,
): void {
  if (ids.length === 0) {
    return;
  }
  const digests = hasher.hashBatch(prefixHex64, ids);
  for (let i = 0; i < ids.length; i++) {
    heap.offerDigest(ids[i] ?? '', digests, i * 32);
  }
}

/** The heap of the k best tickets of `ids` (spec §3), synchronously. */
export function selectHeap(
  seed: string,
  ids: Iterable<string>,
  k: number,
  hasher: TicketHasher = defaultTicketHasher,
): TicketHeap {
  const heap = new TicketHeap(k);
  if (k <= 0) {
    return heap;
  }
  const prefix = hashHex(seed);
  let batch: string[] = [];
  for (const id of ids) {
    batch.push(id);
    if (batch.length >= DEFAULT_BATCH) {
      offerBatch(heap, prefix, batch, hasher);
      batch = [];
    }
  }
  offerBatch(heap, prefix, batch, hasher);
  return heap;
}

/** The heap of the k best tickets of a stream of ids (spec §3), in O(k) memory. */
export async function selectHeapFromStream(
  seed: string,
  ids: AsyncIterable<string>,
  k: number,
  hasher: TicketHasher = defaultTicketHasher,
): Promise<TicketHeap> {
  const heap = new TicketHeap(k);
  const prefix = hashHex(seed);
  let batch: string[] = [];
  for await (const id of ids) {
    if (k <= 0) {
      continue; // still drain the stream, so a caller's checks see every line
    }
    batch.push(id);
    if (batch.length >= DEFAULT_BATCH) {
      offerBatch(heap, prefix, batch, hasher);
      batch = [];
    }
  }
  offerBatch(heap, prefix, batch, hasher);
  return heap;
}

/** The k ids of `ids` with the smallest tickets, ascending (spec §3). */
export function selectIds(
  seed: string,
  ids: Iterable<string>,
  k: number,
  hasher: TicketHasher = defaultTicketHasher,
): Pick[] {
  return toPicks(selectHeap(seed, ids, k, hasher).sorted());
}

/** The k ids of a stream with the smallest tickets, ascending (spec §3), in O(k) memory. */
export async function selectIdsFromStream(
  seed: string,
  ids: AsyncIterable<string>,
  k: number,
  hasher: TicketHasher = defaultTicketHasher,
): Promise<Pick[]> {
  return toPicks((await selectHeapFromStream(seed, ids, k, hasher)).sorted());
}

/** Entries of a heap as (id, ticket) picks, in the entries' order. */
export function toPicks(entries: readonly HeapEntry[]): Pick[] {
  return entries.map((e) => ({ id: e.id, ticket: entryTicket(e) }));
}

/** One stratum to draw from: its name, ids and sample size k_s. */
export interface StratumInput {
  readonly name: string;
  readonly ids: Iterable<string>;
  readonly sampleSize: number;
}

/** Every stratum's selection, in ascending ticket order over all strata together (spec §3, §7). */
export function selectStrata(
  seed: string,
  strata: readonly StratumInput[],
  hasher: TicketHasher = defaultTicketHasher,
): SelectedTarget[] {
  const tagged: { stratum: string; entry: HeapEntry }[] = [];
  for (const s of strata) {
    for (const entry of selectHeap(seed, s.ids, s.sampleSize, hasher).sorted()) {
      tagged.push({ stratum: s.name, entry });
    }
  }
  tagged.sort((a, b) => compareEntries(a.entry, b.entry));
  return tagged.map(({ stratum, entry }) => ({ stratum, id: entry.id, ticket: entryTicket(entry) }));
}
