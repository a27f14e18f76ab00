/**
 * ssj-log/1 Merkle code: the RFC 6962 vectors (transparency-dev/merkle's, in
 * docs/ssj-log-v1-vectors.json), the project's own vectors, and fast-check properties.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  consistencyProof,
  entryLeafHash,
  entryText,
  fromHex,
  inclusionProof,
  logEntrySchema,
  merkleHasherFrom,
  MerkleLevels,
  nobleMerkleHasher,
  signedTreeHeadSchema,
  toHex,
  treeHeadSignedText,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../src';

const hexList = z.array(z.string());
const vectorsSchema = z.object({
  spec: z.literal('ssj-log/1'),
  rfc6962: z.object({
    leaves: hexList,
    emptyRoot: z.string(),
    roots: hexList,
    inclusion: z.array(z.object({ leafIndex: z.number(), treeSize: z.number(), path: hexList })),
    consistency: z.array(z.object({ first: z.number(), second: z.number(), proof: hexList })),
  }),
  ssjLog: z.object({
    entries: z.array(z.object({ entry: z.unknown(), jcs: z.string(), leafHash: z.string() })),
    rootHash: z.string(),
    inclusion: z.object({ leafIndex: z.number(), treeSize: z.number(), path: hexList }),
    consistency: z.object({ first: z.number(), second: z.number(), proof: hexList, firstRoot: z.string() }),
    signingKey: z.object({ publicKey: z.string(), keyId: z.string() }),
    treeHead: z.unknown(),
    signedText: z.string(),
  }),
});
const V = vectorsSchema.parse(
  JSON.parse(readFileSync(new URL('../../../../docs/ssj-log-v1-vectors.json', import.meta.url), 'utf8')),
);

function hx(s: string): Uint8Array {
  const b = fromHex(s);
  if (b === null) {
    throw new Error(`not hex: ${s}`);
  }
  return b;
}

const nodeHasher = merkleHasherFrom((d) => new Uint8Array(createHash('sha256').update(d).digest()));
const rfcLeaves = V.rfc6962.leaves.map((l) => nobleMerkleHasher.hashLeaf(hx(l)));

describe('RFC 6962 / RFC 9162 vectors', () => {
  it('reproduces the empty root and every root of the 8-leaf tree, with both hashers', () => {
    expect(toHex(treeRoot([]))).toBe(V.rfc6962.emptyRoot);
    for (let n = 1; n <= 8; n++) {
      expect(toHex(treeRoot(rfcLeaves.slice(0, n))), `size ${n}`).toBe(V.rfc6962.roots[n - 1]);
      expect(toHex(treeRoot(rfcLeaves.slice(0, n), nodeHasher))).toBe(V.rfc6962.roots[n - 1]);
    }
  });

  it('generates and verifies the published inclusion proofs', () => {
    for (const v of V.rfc6962.inclusion) {
      const proof = inclusionProof(rfcLeaves, v.leafIndex, v.treeSize);
      expect(proof.map(toHex)).toEqual(v.path);
      const root = hx(V.rfc6962.roots[v.treeSize - 1] ?? '');
      const leaf = rfcLeaves[v.leafIndex] ?? new Uint8Array();
      expect(verifyInclusion(v.leafIndex, v.treeSize, leaf, v.path.map(hx), root)).toBe(true);
      expect(verifyInclusion(v.leafIndex + 1, v.treeSize, leaf, v.path.map(hx), root)).toBe(false);
    }
  });

  it('generates and verifies the published consistency proofs', () => {
    for (const v of V.rfc6962.consistency) {
      expect(consistencyProof(rfcLeaves, v.first, v.second).map(toHex)).toEqual(v.proof);
      const r1 = hx(V.rfc6962.roots[v.first - 1] ?? '');
      const r2 = hx(V.rfc6962.roots[v.second - 1] ?? '');
      expect(verifyConsistency(v.first, v.second, r1, r2, v.proof.map(hx))).toBe(true);
      if (v.first !== v.second) {
        expect(verifyConsistency(v.first, v.second, r2, r1, v.proof.map(hx))).toBe(false);
      }
    }
  });
});

describe('ssj-log/1 vectors', () => {
  const entries = V.ssjLog.entries.map((e) => logEntrySchema.parse(e.entry));
  const leaves = entries.map((e) => entryLeafHash(e));

  it('reproduces every entry JCS, leaf hash, the root and the proofs', () => {
    V.ssjLog.entries.forEach((v, i) => {
      const e = entries[i];
      expect(e && entryText(e)).toBe(v.jcs);
      expect(toHex(leaves[i] ?? new Uint8Array())).toBe(v.leafHash);
    });
    expect(toHex(treeRoot(leaves))).toBe(V.ssjLog.rootHash);
    const inc = V.ssjLog.inclusion;
    expect(inclusionProof(leaves, inc.leafIndex).map(toHex)).toEqual(inc.path);
    const con = V.ssjLog.consistency;
    expect(consistencyProof(leaves, con.first).map(toHex)).toEqual(con.proof);
    expect(toHex(treeRoot(leaves.slice(0, con.first)))).toBe(con.firstRoot);
  });

  it('verifies the signed tree head with the published key, and rejects a changed size', () => {
    const sth = signedTreeHeadSchema.parse(V.ssjLog.treeHead);
    expect(treeHeadSignedText(sth)).toBe(V.ssjLog.signedText);
    const raw = Buffer.from(V.ssjLog.signingKey.publicKey, 'base64');
    expect(createHash('sha256').update(raw).digest('hex')).toBe(sth.keyId);
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
      format: 'der',
      type: 'spki',
    });
    const sig = Buffer.from(sth.signature, 'base64');
    expect(verify(null, Buffer.from(treeHeadSignedText(sth)), key, sig)).toBe(true);
    const forged = treeHeadSignedText({ ...sth, treeSize: sth.treeSize + 1 });
    expect(verify(null, Buffer.from(forged), key, sig)).toBe(false);
  });
});

const leafArb = fc.array(fc.uint8Array({ minLength: 0, maxLength: 12 }), { minLength: 1, maxLength: 70 });

describe('Merkle properties', () => {
  it('every inclusion proof verifies', () => {
    fc.assert(
      fc.property(leafArb, fc.nat(), (data, pick) => {
        const leaves = data.map((d) => nobleMerkleHasher.hashLeaf(d));
        const i = pick % leaves.length;
        const root = treeRoot(leaves);
        const leaf = leaves[i] ?? new Uint8Array();
        expect(verifyInclusion(i, leaves.length, leaf, inclusionProof(leaves, i), root)).toBe(true);
      }),
    );
  });

  it('any flipped byte in the leaf, the proof or the root fails', () => {
    fc.assert(
      fc.property(leafArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (data, pick, where, x) => {
        const leaves = data.map((d) => nobleMerkleHasher.hashLeaf(d));
        const i = pick % leaves.length;
        const proof = inclusionProof(leaves, i);
        const root = treeRoot(leaves);
        const leaf = leaves[i] ?? new Uint8Array();
        // one flat byte array: leaf ‖ proof ‖ root; flip one byte of it
        const parts = [leaf, ...proof, root].map((p) => Uint8Array.from(p));
        const flat = where % (parts.length * 32);
        const part = parts[Math.floor(flat / 32)] ?? new Uint8Array(32);
        part[flat % 32] = (part[flat % 32] ?? 0) ^ x;
        const [l2, ...rest] = parts;
        const r2 = rest.pop() ?? new Uint8Array();
        expect(verifyInclusion(i, leaves.length, l2 ?? leaf, rest, r2)).toBe(false);
      }),
    );
  });

  it('consistency holds for every m ≤ n, and a flipped byte fails', () => {
    fc.assert(
      fc.property(leafArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (data, where, x) => {
        const leaves = data.map((d) => nobleMerkleHasher.hashLeaf(d));
        const n = leaves.length;
        const r2 = treeRoot(leaves);
        for (let m = 0; m <= n; m++) {
          const r1 = treeRoot(leaves.slice(0, m));
          const proof = consistencyProof(leaves, m);
          expect(verifyConsistency(m, n, r1, r2, proof), `m=${m} n=${n}`).toBe(true);
          if (proof.length > 0) {
            const bad = proof.map((p) => Uint8Array.from(p));
            const k = where % (bad.length * 32);
            const p = bad[Math.floor(k / 32)] ?? new Uint8Array(32);
            p[k % 32] = (p[k % 32] ?? 0) ^ x;
            expect(verifyConsistency(m, n, r1, r2, bad)).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a tree with one leaf changed is not consistent with the old one', () => {
    fc.assert(
      fc.property(leafArb, fc.nat(), fc.nat(), (data, pickM, pickI) => {
        fc.pre(data.length >= 2);
        const leaves = data.map((d) => nobleMerkleHasher.hashLeaf(d));
        const m = 1 + (pickM % (leaves.length - 1));
        const i = pickI % m;
        const forked = leaves.map((l, j) =>
          j === i ? nobleMerkleHasher.hashLeaf(Uint8Array.of(1, 2, 3, j)) : l,
        );
        const r1 = treeRoot(leaves.slice(0, m));
        expect(verifyConsistency(m, leaves.length, r1, treeRoot(forked), consistencyProof(forked, m))).toBe(
          false,
        );
      }),
    );
  });
});

describe('MerkleLevels (stored subtrees) against the leaf-array functions', () => {
  it('gives the same root, inclusion and consistency proofs for every size, index and m, as it grows', () => {
    fc.assert(
      fc.property(leafArb, (data) => {
        const leaves = data.map((d) => nobleMerkleHasher.hashLeaf(d));
        const tree = new MerkleLevels();
        expect(toHex(tree.root())).toBe(toHex(treeRoot([])));
        for (const [j, leaf] of leaves.entries()) {
          tree.append(leaf);
          const n = j + 1;
          const prefix = leaves.slice(0, n);
          expect(tree.size).toBe(n);
          expect(toHex(tree.root())).toBe(toHex(treeRoot(prefix)));
          for (let i = 0; i < n; i++) {
            expect(tree.inclusionProof(i, n).map(toHex)).toEqual(inclusionProof(prefix, i).map(toHex));
          }
          for (let m = 0; m <= n; m++) {
            expect(tree.consistencyProof(m, n).map(toHex)).toEqual(consistencyProof(prefix, m).map(toHex));
          }
        }
        // older sizes stay answerable after growth
        const n = leaves.length;
        for (let size = 1; size <= n; size++) {
          expect(toHex(tree.root(size))).toBe(toHex(treeRoot(leaves.slice(0, size))));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses sizes and indexes outside the tree, and a leaf hash that is not 32 bytes', () => {
    const tree = new MerkleLevels();
    tree.append(nobleMerkleHasher.hashLeaf(Uint8Array.of(1)));
    expect(() => tree.root(2)).toThrow(RangeError);
    expect(() => tree.inclusionProof(1, 1)).toThrow(RangeError);
    expect(() => tree.consistencyProof(2, 1)).toThrow(RangeError);
    expect(() => tree.append(new Uint8Array(31))).toThrow(RangeError);
  });
});
