/**
 * `ssj audit verify --sth FILE` (ssj-log/1 §8): checks the audit trail against a signed tree
 * head saved outside the database. The log entries the head covers must hash to its root; then
 * every audit row hash those entries' checkpoints name must still be in the database. A row
 * rewritten with the chain recomputed after it, or a deleted tail, is named by its seq.
 */
import { verify } from 'node:crypto';
import {
  checkAuditAnchors,
  logEntrySchema,
  toHex,
  treeHeadSignedBytes,
  treeRoot,
  type CheckpointEntry,
  type SignedTreeHead,
} from '@openssj/core';
import type { Db } from '../../../db/client';
import { publicKeyFromRaw } from '../log/log-key';
import { allLogKeys, entriesInRange } from '../log/log.repo';
import { nodeMerkleHasher } from '../log/log.service';
import { verifyAuditChain } from './audit-verify';
import { auditHashesAfter } from './audit.repo';

export type AnchorVerifyOutcome =
  | {
      readonly ok: true;
      readonly rows: number;
      readonly anchoredThrough: number;
      readonly keyPinned: boolean;
    }
  | {
      readonly ok: false;
      readonly problem: 'signature' | 'log_rewritten' | 'log_truncated';
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly problem: 'audit';
      readonly firstBadSeq: number;
      readonly reason: string;
      readonly message: string;
    };

/** Check the signature of a head with a base64 raw Ed25519 key. */
export function treeHeadSignatureValid(sth: SignedTreeHead, publicKeyBase64: string): boolean {
  try {
    return verify(
      null,
      treeHeadSignedBytes(sth),
      publicKeyFromRaw(publicKeyBase64),
      Buffer.from(sth.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Verify the audit trail against a signed tree head; `publicKey` pins the key (else the database's). */
export async function verifyAuditAgainstTreeHead(
  db: Db,
  sth: SignedTreeHead,
  publicKey: string | null,
): Promise<AnchorVerifyOutcome> {
  const key = publicKey ?? (await allLogKeys(db)).find((k) => k.keyId === sth.keyId)?.publicKey ?? null;
  if (key === null || !treeHeadSignatureValid(sth, key)) {
    return {
      ok: false,
      problem: 'signature',
      message: `签名无效 / the tree head's signature does not verify (keyId ${sth.keyId})`,
    };
  }
  const rows = sth.treeSize === 0 ? [] : await readEntries(db, sth.treeSize);
  if (rows.length < sth.treeSize) {
    return {
      ok: false,
      problem: 'log_truncated',
      message: `日志被截断 / the log holds ${rows.length} entries, the tree head ${sth.treeSize}`,
    };
  }
  const enc = new TextEncoder();
  const root = toHex(
    treeRoot(
      rows.map((r) => nodeMerkleHasher.hashLeaf(enc.encode(r))),
      nodeMerkleHasher,
    ),
  );
  if (root !== sth.rootHash) {
    return {
      ok: false,
      problem: 'log_rewritten',
      message: `日志条目被改动 / the log's first ${sth.treeSize} entries hash to ${root}, the tree head says ${sth.rootHash}`,
    };
  }
  const checkpoints: CheckpointEntry[] = [];
  for (const text of rows) {
    const e = logEntrySchema.parse(JSON.parse(text));
    if (e.kind === 'checkpoint') {
      checkpoints.push(e);
    }
  }
  const hashes = new Map<number, string>();
  const all = await auditHashesAfter(db, 0, Number.MAX_SAFE_INTEGER);
  for (const r of all) {
    hashes.set(r.seq, r.hash);
  }
  const anchors = checkAuditAnchors(checkpoints, (s) => hashes.get(s));
  const chain = await verifyAuditChain(db);
  const anchorBad = anchors.ok ? null : anchors;
  const chainBad = chain.ok ? null : chain;
  if (anchorBad !== null && (chainBad === null || anchorBad.seq <= chainBad.brokenAt)) {
    const what = {
      rewritten: '被改写 / rewritten',
      deleted: '被删除 / deleted',
      checkpoint_gap: '检查点不连续 / checkpoint gap',
    }[anchorBad.reason];
    return {
      ok: false,
      problem: 'audit',
      firstBadSeq: anchorBad.seq,
      reason: anchorBad.reason,
      message: `审计日志第 ${anchorBad.seq} 条${what.split(' / ')[0]} / audit row seq ${anchorBad.seq} ${what.split(' / ')[1]}; logged hash ${anchorBad.expected}`,
    };
  }
  if (chainBad !== null) {
    return {
      ok: false,
      problem: 'audit',
      firstBadSeq: chainBad.brokenAt,
      reason: chainBad.reason,
      message: `审计链在第 ${chainBad.brokenAt} 条断开 / audit chain broken at seq ${chainBad.brokenAt} (${chainBad.reason})`,
    };
  }
  return {
    ok: true,
    rows: chain.ok ? chain.rows : 0,
    anchoredThrough: anchors.ok ? anchors.anchoredThrough : 0,
    keyPinned: publicKey !== null,
  };
}

async function readEntries(db: Db, size: number): Promise<string[]> {
  const out: string[] = [];
  for (let start = 0; start < size; start += 5000) {
    const batch = await entriesInRange(db, start, Math.min(size, start + 5000) - 1);
    out.push(...batch.map((b) => b.entry));
    if (batch.length === 0) {
      break;
    }
  }
  return out;
}
