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

/** PATH(m, D[0:n]) (RFC 9162 §2.1.3.1): the audit path of leaf `index` in the first `size` leaves. */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number = leafHashes.length,
  h: MerkleHasher = nobleMerkleHasher,
): Uint8Array[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size || size > leafHashes.length) {
    throw new RangeError(`merkle: leaf ${index} is not in a tree of ${size}`);
  }
  const out: Uint8Array[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n <= 1) {
      return;
    }
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, lo + k);
      out.push(subtreeRoot(leafHashes, lo + k, hi, h));
    } else {
      walk(m - k, lo + k, hi);
      out.push(subtreeRoot(leafHashes, lo, lo + k, h));
    }
  };
  walk(index, 0, size);
  return out;
}

/** PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1): proves the tree of `m` leaves is a prefix of the tree of `n`. */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  m: number,
  n: number = leafHashes.length,
  h: MerkleHasher = nobleMerkleHasher,
): Uint8Array[] {
  if (!Number.isSafeInteger(m) || m < 0 || m > n || n > leafHashes.length) {
    throw new RangeError(`merkle: no consistency proof from ${m} to ${n}`);
  }
  const out: Uint8Array[] = [];
  if (m === 0 || m === n) {
    return out;
  }
  const sub = (mm: number, lo: number, hi: number, complete: boolean): void => {
    const size = hi - lo;
    if (mm === size) {
      if (!complete) {
        out.push(subtreeRoot(leafHashes, lo, hi, h));
      }
      return;
    }
    const k = splitPoint(size);
    if (mm <= k) {
      sub(mm, lo, lo + k, complete);
      out.push(subtreeRoot(leafHashes, lo + k, hi, h));
    } else {
      sub(mm - k, lo + k, hi, false);
      out.push(subtreeRoot(leafHashes, lo, lo + k, h));
    }
  };
  sub(m, 0, n, true);
  return out;
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
