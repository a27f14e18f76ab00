/**
 * TicketHeap: a bounded max-heap of the k smallest tickets (spec §3: "a large frame needs only
 * O(k) memory"). The root is the worst kept entry; a candidate is first compared by its 19-digit
 * sort key, so the full ticket string is built only on a key tie or for the output.
 */
import { compareUtf8 } from './utf8';
import { sortKeyInto, ticketFromDigest } from './ticket';

/** One kept entry: sort key, id, its 32-byte digest, and the ticket once it is built. */
export interface HeapEntry {
  readonly k1: number;
  readonly k2: number;
  readonly id: string;
  readonly digest: Uint8Array;
  ticket?: string;
}

/** The full ticket of an entry, built once. */
export function entryTicket(e: HeapEntry): string {
  if (e.ticket === undefined) {
    e.ticket = ticketFromDigest(e.digest, 0);
  }
  return e.ticket;
}

/** Order of two entries: key, then full ticket, then id in UTF-8 byte order (spec §2). */
export function compareEntries(a: HeapEntry, b: HeapEntry): number {
  if (a.k1 !== b.k1) {
    return a.k1 < b.k1 ? -1 : 1;
  }
  if (a.k2 !== b.k2) {
    return a.k2 < b.k2 ? -1 : 1;
  }
  const ta = entryTicket(a);
  const tb = entryTicket(b);
  if (ta !== tb) {
    return ta < tb ? -1 : 1;
  }
  return compareUtf8(a.id, b.id);
}

/** Bounded max-heap keeping the k entries with the smallest tickets. */
export class TicketHeap {
  private readonly items: HeapEntry[] = [];
  private readonly key = new Float64Array(2);

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  /** The root's sort key when the heap is full (a batch filter bound), else null. */
  worstKey(): readonly [number, number] | null {
    const root = this.items[0];
    return root === undefined || this.items.length < this.capacity ? null : [root.k1, root.k2];
  }

  /** Whether an entry with this sort key could enter (false only when the key is strictly worse than the root's). */
  accepts(k1: number, k2: number): boolean {
    const root = this.items[0];
    if (this.capacity <= 0) {
      return false;
    }
    if (root === undefined || this.items.length < this.capacity) {
      return true;
    }
    return k1 < root.k1 || (k1 === root.k1 && k2 <= root.k2);
  }

  /** Offer the id whose digest is at `offset` of `digests`; keeps it if it is among the k best. */
  offerDigest(id: string, digests: Uint8Array, offset: number): void {
    if (this.capacity <= 0) {
      return;
    }
    const key = this.key;
    sortKeyInto(digests, offset, key);
    const k1 = key[0] ?? 0;
    const k2 = key[1] ?? 0;
    const root = this.items[0];
    if (root !== undefined && this.items.length >= this.capacity) {
      // fast reject: a strictly larger key can never enter
      if (k1 > root.k1 || (k1 === root.k1 && k2 > root.k2)) {
        return;
      }
    }
    this.offer({ k1, k2, id, digest: digests.slice(offset, offset + 32) });
  }

  /** Offer a ready-made entry (used when merging heaps from several workers). */
  offer(e: HeapEntry): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push(e);
      this.siftUp(items.length - 1);
      return;
    }
    const root = items[0];
    if (root === undefined || compareEntries(e, root) >= 0) {
      return;
    }
    items[0] = e;
    this.siftDown(0);
  }

  /** The kept entries in ascending ticket order. */
  sorted(): HeapEntry[] {
    return [...this.items].sort(compareEntries);
  }

  private siftUp(i: number): void {
    const items = this.items;
    const e = items[i];
    if (e === undefined) {
      return;
    }
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = items[p];
      if (pe === undefined || compareEntries(e, pe) <= 0) {
        break;
      }
      items[i] = pe;
      i = p;
    }
    items[i] = e;
  }

  private siftDown(i: number): void {
    const items = this.items;
    const n = items.length;
    const e = items[i];
    if (e === undefined) {
      return;
    }
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) {
        break;
      }
      const r = l + 1;
      let c = l;
      const le = items[l];
      const re = items[r];
      if (le === undefined) {
        break;
      }
      let ce = le;
      if (re !== undefined && compareEntries(re, le) > 0) {
        c = r;
        ce = re;
      }
      if (compareEntries(ce, e) <= 0) {
        break;
      }
      items[i] = ce;
      i = c;
    }
    items[i] = e;
  }
}
