/**
 * Inspector assignment (spec §5). Targets in ascending ticket order over all strata; for each,
 * candidates ordered by (fallback, ticket(S, target + "/" + inspector), inspector id); taken
 * while some quota is open, skipping exhausted departments, pair exclusions, the jurisdiction
 * rule and spent capacities. Capacities count across the whole draw.
 *
 * Only inspectors that could be taken are hashed: the skips that do not depend on the order
 * (department not in the quota, pair exclusion, same unit, capacity 0 at the start of the target)
 * are applied first, which leaves the result unchanged. Fallback entries are hashed only if the
 * primary pool left a quota open (spec §5: fallback pool only after the primary pool).
 */
import type { PairExclusion, PoolEntry } from './digests';
import { defaultTicketHasher, type TicketHasher } from './ticket-hasher';
import { hashHex, sortKeyInto, ticketFromDigest } from './ticket';
import { compareUtf8 } from './utf8';

/** A target to staff: its id and its supervising unit from the frame line (spec §4). */
export interface AssignmentTarget {
  readonly id: string;
  readonly unit: string | null;
}

/** One team of the record (spec §7 `assignments`). */
export interface Assignment {
  readonly target: string;
  readonly inspectors: readonly string[];
  readonly status: 'filled' | 'unfilled';
  readonly open: Readonly<Record<string, number>>;
}

/** Everything assignment needs (spec §5). */
export interface AssignmentInput {
  readonly seed: string;
  readonly targets: readonly AssignmentTarget[];
  readonly pool: readonly PoolEntry[];
  readonly quota: Readonly<Record<string, number>>;
  readonly pairExclusions: readonly PairExclusion[];
  readonly jurisdictionRule: boolean;
}

/** Assign a team to every target, in the given (ascending ticket) order (spec §5). */
export function assignTeams(
  input: AssignmentInput,
  hasher: TicketHasher = defaultTicketHasher,
): Assignment[] {
  const prefix = hashHex(input.seed);
  const quotaEntries = Object.entries(input.quota);
  const remaining = new Map<string, number | null>();
  for (const p of input.pool) {
    remaining.set(p.id, p.capacity);
  }
  const excluded = new Map<string, Set<string>>();
  for (const pe of input.pairExclusions) {
    let s = excluded.get(pe.target);
    if (s === undefined) {
      s = new Set();
      excluded.set(pe.target, s);
    }
    s.add(pe.inspector);
  }
  const primary = input.pool.filter((p) => !p.fallback);
  const fallback = input.pool.filter((p) => p.fallback);
  return input.targets.map((t) => {
    const open = new Map<string, number>(quotaEntries);
    const team: string[] = [];
    let openTotal = 0;
    for (const [, n] of quotaEntries) {
      openTotal += n > 0 ? n : 0;
    }
    const tExcluded = excluded.get(t.id);
    const eligible = (i: PoolEntry): boolean =>
      (open.get(i.department) ?? 0) > 0 &&
      !(tExcluded?.has(i.id) ?? false) &&
      !(input.jurisdictionRule && i.unit !== null && i.unit === t.unit) &&
      remaining.get(i.id) !== 0;

    for (const group of [primary, fallback]) {
      if (openTotal <= 0) {
        break;
      }
      const candidates = group.filter(eligible);
      if (candidates.length === 0) {
        continue;
      }
      const names = new Array<string>(candidates.length);
      for (let n = 0; n < candidates.length; n++) {
        names[n] = t.id + '/' + (candidates[n]?.id ?? '');
      }
      const order =
        hasher.hashBatchWithKeys === undefined
          ? new CandidateQueue(hasher.hashBatch(prefix, names), candidates, null)
          : withKeys(hasher.hashBatchWithKeys.bind(hasher), prefix, names, candidates);
      for (let i = order.pop(); i !== undefined && openTotal > 0; i = order.pop()) {
        const o = open.get(i.department) ?? 0;
        if (o <= 0) {
          continue; // spec §5: department already complete
        }
        const cap = remaining.get(i.id);
        if (cap === 0) {
          continue;
        }
        team.push(i.id);
        open.set(i.department, o - 1);
        openTotal -= 1;
        if (cap !== undefined && cap !== null) {
          remaining.set(i.id, cap - 1);
        }
      }
    }
    const stillOpen: Record<string, number> = {};
    for (const [d, n] of open) {
      if (n > 0) {
        stillOpen[d] = n;
      }
    }
    return { target: t.id, inspectors: team, status: openTotal > 0 ? 'unfilled' : 'filled', open: stillOpen };
  });
}

function withKeys(
  hash: (prefix: string, ids: readonly string[], outKeys: Float64Array) => Uint8Array,
  prefix: string,
  names: readonly string[],
  candidates: readonly PoolEntry[],
): CandidateQueue {
  const keys = new Float64Array(names.length * 2);
  return new CandidateQueue(hash(prefix, names, keys), candidates, keys);
}

/**
 * Candidates of one target popped in ascending (pair ticket, inspector id) order (spec §5). Keys
 * live in typed arrays and the heap holds indexes; the full ticket is built only on a key tie.
 * Lazy, because a team usually fills after a few candidates.
 */
class CandidateQueue {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly heap: Int32Array;
  private size: number;
  private readonly tickets = new Map<number, string>();

  constructor(
    private readonly digests: Uint8Array,
    private readonly pool: readonly PoolEntry[],
    keys: Float64Array | null,
  ) {
    const n = pool.length;
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.heap = new Int32Array(n);
    const key = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      if (keys === null) {
        sortKeyInto(digests, i * 32, key);
        this.k1[i] = key[0] ?? 0;
        this.k2[i] = key[1] ?? 0;
      } else {
        this.k1[i] = keys[2 * i] ?? 0;
        this.k2[i] = keys[2 * i + 1] ?? 0;
      }
      this.heap[i] = i;
    }
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) {
      this.siftDown(i);
    }
  }

  /** The next candidate, or undefined when none is left. */
  pop(): PoolEntry | undefined {
    if (this.size === 0) {
      return undefined;
    }
    const top = this.heap[0] ?? 0;
    this.size--;
    this.heap[0] = this.heap[this.size] ?? 0;
    this.siftDown(0);
    return this.pool[top];
  }

  private less(a: number, b: number): boolean {
    const a1 = this.k1[a] ?? 0;
    const b1 = this.k1[b] ?? 0;
    if (a1 !== b1) {
      return a1 < b1;
    }
    const a2 = this.k2[a] ?? 0;
    const b2 = this.k2[b] ?? 0;
    if (a2 !== b2) {
      return a2 < b2;
    }
    const ta = this.ticket(a);
    const tb = this.ticket(b);
    if (ta !== tb) {
      return ta < tb;
    }
    return compareUtf8(this.pool[a]?.id ?? '', this.pool[b]?.id ?? '') < 0;
  }

  private ticket(i: number): string {
    let t = this.tickets.get(i);
    if (t === undefined) {
      t = ticketFromDigest(this.digests, i * 32);
      this.tickets.set(i, t);
    }
    return t;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = this.size;
    const e = h[i] ?? 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) {
        break;
      }
      let c = l;
      if (l + 1 < n && this.less(h[l + 1] ?? 0, h[l] ?? 0)) {
        c = l + 1;
      }
      const ce = h[c] ?? 0;
      if (!this.less(ce, e)) {
        break;
      }
      h[i] = ce;
      i = c;
    }
    h[i] = e;
  }
}
