/**
 * The append-only Merkle tree of ssj-log/1 (docs/ssj-log-v1.md §2): RFC 9162 §2.1 hashing,
 * tree heads, inclusion proofs (PATH) and consistency proofs (PROOF), and their verification
 * (RFC 9162 §2.1.3.2 and §2.1.4.2). Pure: the SHA-256 comes from an injected MerkleHasher;
 * the default is @noble/hashes, and hosts may inject node:crypto or WebCrypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** The two hash functions of RFC 9162 §2.1.1. */
export interface MerkleHasher {
  /** SHA-256(0x00 ‖ data). */
  hashLeaf(data: Uint8Array): Uint8Array;
  /** SHA-256(0x01 ‖ left ‖ right). */
  hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array;
  /** SHA-256 of the empty string: the root of the empty tree. */
  emptyRoot(): Uint8Array;
}

/** Build a MerkleHasher from any SHA-256 of one byte string. */
export function merkleHasherFrom(digest: (data: Uint8Array) => Uint8Array): MerkleHasher {
  return {
    hashLeaf(data) {
      const b = new Uint8Array(data.length + 1);
      b[0] = 0x00; // RFC 9162 §2.1.1: leaf prefix
      b.set(data, 1);
      return digest(b);
    },
    hashChildren(left, right) {
      const b = new Uint8Array(left.length + right.length + 1);
      b[0] = 0x01; // RFC 9162 §2.1.1: interior node prefix
      b.set(left, 1);
      b.set(right, 1 + left.length);
      return digest(b);
    },
    emptyRoot() {
      return digest(new Uint8Array(0));
    },
  };
}

/** The pure default hasher (@noble/hashes). */
export const nobleMerkleHasher: MerkleHasher = merkleHasherFrom((d) => sha256(d));

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/** MTH(D[lo:hi]) over leaf hashes, lo < hi. */
function subtreeRoot(leaves: readonly Uint8Array[], lo: number, hi: number, h: MerkleHasher): Uint8Array {
  const n = hi - lo;
  if (n === 1) {
    return leafAt(leaves, lo);
  }
  const k = splitPoint(n);
  return h.hashChildren(subtreeRoot(leaves, lo, lo + k, h), subtreeRoot(leaves, lo + k, hi, h));
}

function leafAt(leaves: readonly Uint8Array[], i: number): Uint8Array {
  const x = leaves[i];
  if (x === undefined) {
    throw new Error(`merkle: no leaf ${i}`); // a bug: callers check the bounds
  }
  return x;
}

/** The tree head MTH(D[0:n]) of the given leaf hashes (the empty tree: SHA-256 of ""). */
export function treeRoot(leafHashes: readonly Uint8Array[], h: MerkleHasher = nobleMerkleHasher): Uint8Array {
  return leafHashes.length === 0 ? h.emptyRoot() : subtreeRoot(leafHashes, 0, leafHashes.length, h);
}

/** MTH(D[lo:hi]) of some tree, lo < hi: from the leaves, or from stored subtrees (MerkleLevels). */
type Subtree = (lo: number, hi: number) => Uint8Array;

/** PATH(m, D[0:n]) (RFC 9162 §2.1.3.1) over any MTH; the caller checks the bounds. */
function pathOf(mth: Subtree, index: number, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n <= 1) {
      return;
    }
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, lo + k);
      out.push(mth(lo + k, hi));
    } else {
      walk(m - k, lo + k, hi);
      out.push(mth(lo, lo + k));
    }
  };
  walk(index, 0, size);
  return out;
}

/** PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1) over any MTH; the caller checks the bounds. */
function proofOf(mth: Subtree, m: number, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (m === 0 || m === n) {
    return out;
  }
  const sub = (mm: number, lo: number, hi: number, complete: boolean): void => {
    const size = hi - lo;
    if (mm === size) {
      if (!complete) {
        out.push(mth(lo, hi));
      }
      return;
    }
    const k = splitPoint(size);
    if (mm <= k) {
      sub(mm, lo, lo + k, complete);
      out.push(mth(lo + k, hi));
    } else {
      sub(mm - k, lo + k, hi, false);
      out.push(mth(lo, lo + k));
    }
  };
  sub(m, 0, n, true);
  return out;
}

function checkLeaf(index: number, size: number, have: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size || size > have) {
    throw new RangeError(`merkle: leaf ${index} is not in a tree of ${size}`);
  }
}

function checkSizes(m: number, n: number, have: number): void {
  if (!Number.isSafeInteger(m) || m < 0 || m > n || n > have) {
    throw new RangeError(`merkle: no consistency proof from ${m} to ${n}`);
  }
}

/** PATH(m, D[0:n]) (RFC 9162 §2.1.3.1): the audit path of leaf `index` in the first `size` leaves. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number = leafHashes.length,
  h: MerkleHasher = nobleMerkleHasher,
): Uint8Array[] {
  checkLeaf(index, size, leafHashes.length);
  return pathOf((lo, hi) => subtreeRoot(leafHashes, lo, hi, h), index, size);
}

/** PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1): proves the tree of `m` leaves is a prefix of the tree of `n`. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  m: number,
  n: number = leafHashes.length,
  h: MerkleHasher = nobleMerkleHasher,
): Uint8Array[] {
  checkSizes(m, n, leafHashes.length);
  return proofOf((lo, hi) => subtreeRoot(leafHashes, lo, hi, h), m, n);
}

const HASH = 32;

/** A growable array of 32-byte hashes in one buffer (64 bytes a leaf for the whole tree). */
class HashArray {
  private buf = new Uint8Array(HASH * 64);
  length = 0;
  push(x: Uint8Array): void {
    if ((this.length + 1) * HASH > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf.set(x, this.length * HASH);
    this.length++;
  }
  at(i: number): Uint8Array {
    return this.buf.subarray(i * HASH, (i + 1) * HASH);
  }
}

/**
 * An append-only tree that keeps the hash of every complete, aligned subtree (level j holds the
 * subtrees of 2^j leaves). Appending costs O(1) hashes amortised; a root, an inclusion proof or a
 * consistency proof of any size up to `size` costs O(log² n) hashes instead of O(n), because
 * every left child on RFC 9162's split path is a stored subtree and only the right edge is
 * hashed. Results are the same as the leaf-array functions above (property-tested).
 */
export class MerkleLevels {
  private readonly levels: HashArray[] = [new HashArray()];

  constructor(private readonly h: MerkleHasher = nobleMerkleHasher) {}

  /** The number of leaves. */
  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  /** Append one leaf hash (32 bytes). */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH) {
      throw new RangeError('merkle: a leaf hash is 32 bytes');
    }
    let node = leafHash;
    for (let j = 0; ; j++) {
      const level = (this.levels[j] ??= new HashArray());
      level.push(node);
      if (level.length % 2 === 1) {
        return;
      }
      node = this.h.hashChildren(level.at(level.length - 2), level.at(level.length - 1));
    }
  }

  /** MTH(D[lo:hi]) for 0 ≤ lo < hi ≤ size. */
  subtree(lo: number, hi: number): Uint8Array {
    const n = hi - lo;
    if (n === 1 || (n & (n - 1)) === 0) {
      const j = Math.log2(n);
      if (lo % n === 0) {
        const level = this.levels[j];
        if (level !== undefined && lo / n < level.length) {
          return level.at(lo / n);
        }
      }
    }
    if (n === 1) {
      throw new RangeError(`merkle: no leaf ${lo}`); // a bug: callers check the bounds
    }
    const k = splitPoint(n);
    return this.h.hashChildren(this.subtree(lo, lo + k), this.subtree(lo + k, hi));
  }

  /** The root of the first `size` leaves (the empty tree: SHA-256 of ""). */
  root(size: number = this.size): Uint8Array {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      throw new RangeError(`merkle: no tree of ${size} in a log of ${this.size}`);
    }
    return size === 0 ? this.h.emptyRoot() : this.subtree(0, size);
  }

  /** PATH(index, D[0:size]). */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    checkLeaf(index, size, this.size);
    return pathOf((lo, hi) => this.subtree(lo, hi), index, size);
  }

  /** PROOF(m, D[0:n]). */
  consistencyProof(m: number, n: number = this.size): Uint8Array[] {
    checkSizes(m, n, this.size);
    return proofOf((lo, hi) => this.subtree(lo, hi), m, n);
  }
}

/** Byte-wise equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    d |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return d === 0;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the proof cannot fit. */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  h: MerkleHasher = nobleMerkleHasher,
): Uint8Array | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return null;
  }
  if (leafHash.length !== 32 || proof.some((p) => p.length !== 32)) {
    return null;
  }
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) {
      return null; // the proof is longer than the path
    }
    if (fn % 2 === 1 || fn === sn) {
      r = h.hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = h.hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** True when `proof` shows the leaf hash at `index` is in the tree of `size` with this root. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  h: MerkleHasher = nobleMerkleHasher,
): boolean {
  const r = rootFromInclusionProof(index, size, leafHash, proof, h);
  return r !== null && bytesEqual(r, root);
}

/** True when `proof` shows the tree (m, root1) is a prefix of the tree (n, root2) (RFC 9162 §2.1.4.2). */
export function verifyConsistency(
  m: number,
  n: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
  h: MerkleHasher = nobleMerkleHasher,
): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) {
    return false;
  }
  if (m === n) {
    return proof.length === 0 && bytesEqual(root1, root2);
  }
  if (m === 0) {
    return proof.length === 0; // the empty tree is a prefix of every tree
  }
  if (proof.length === 0 || proof.some((p) => p.length !== 32) || root1.length !== 32) {
    return false;
  }
  // RFC 9162 §2.1.4.2 step 2: when m is a power of two, prepend first_hash
  const path = isPowerOfTwo(m) ? [root1, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const first = path[0];
  if (first === undefined) {
    return false;
  }
  let fr = first;
  let sr = first;
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      fr = h.hashChildren(c, fr);
      sr = h.hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = h.hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

function isPowerOfTwo(x: number): boolean {
  return x > 0 && Number.isInteger(Math.log2(x)); // exact for powers of two
}

/** Lowercase hex of bytes. */
export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) {
    s += x.toString(16).padStart(2, '0');
  }
  return s;
}

/** Bytes of a lowercase or uppercase hex string, or null when it is not hex of whole bytes. */
export function fromHex(s: string): Uint8Array | null {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) {
    return null;
  }
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}
