/**
 * ssj-log/1 on the server (docs/ssj-log-v1.md): append an entry in the caller's transaction,
 * checkpoint the audit chain, sign tree heads, and answer inclusion and consistency proofs from
 * core's pure Merkle code over the proof cache (merkle-cache.ts: O(log² n) hashes a head or proof).
 */
import {
  domainError,
  entryText,
  err,
  LOG_SPEC,
  ok,
  toHex,
  treeHeadSignedBytes,
  type DomainError,
  type LogEntry,
  type Result,
  type SignedTreeHead,
} from '@openssj/core';
import type { Db } from '../../../db/client';
import type { LogSigningKey } from './log-key';
import {
  entryByLeafHash,
  registerLogKeyRetired,
  insertLogEntry,
  insertTreeHead,
  lastCheckpointSeq,
  latestTreeHead,
  lockForCheckpoint,
  upsertLogKey,
  type TreeHeadRow,
} from './log.repo';
import { auditHashesAfter } from '../audit/audit.repo';
import { logTree, nodeMerkleHasher } from './merkle-cache';

export { nodeMerkleHasher };

/** §3.7: at most this many row hashes per checkpoint entry. */
export const CHECKPOINT_MAX_ROWS = 1000;

/** Append `entry` to the log inside the caller's transaction (§1: same transaction as the change). */
export async function appendLogEntry(tx: Db, entry: LogEntry, at: Date): Promise<number> {
  const text = entryText(entry);
  const leafHash = toHex(nodeMerkleHasher.hashLeaf(new TextEncoder().encode(text)));
  return insertLogEntry(
    tx,
    {
      leafHash,
      kind: entry.kind,
      text,
      drawId: 'drawId' in entry ? entry.drawId : null,
      taskId: 'taskId' in entry ? entry.taskId : null,
      auditSeq: entry.kind === 'checkpoint' ? entry.seq : null,
    },
    at,
  );
}

/** §3.7: checkpoint every audit row since the last checkpoint; returns the entries appended. */
export async function appendAuditCheckpoint(tx: Db, at: Date): Promise<number> {
  await lockForCheckpoint(tx);
  let from = (await lastCheckpointSeq(tx)) + 1;
  let appended = 0;
  for (;;) {
    const rows = await auditHashesAfter(tx, from - 1, CHECKPOINT_MAX_ROWS);
    const last = rows[rows.length - 1];
    if (last === undefined) {
      return appended;
    }
    await appendLogEntry(
      tx,
      {
        log: LOG_SPEC,
        kind: 'checkpoint',
        at: at.toISOString(),
        fromSeq: from,
        seq: last.seq,
        hash: last.hash,
        rowHashes: rows.map((r) => r.hash),
      },
      at,
    );
    appended++;
    from = last.seq + 1;
  }
}

/** A stored head as published (§5). */
export function publicTreeHead(h: TreeHeadRow): SignedTreeHead {
  return {
    log: LOG_SPEC,
    treeSize: h.treeSize,
    timestamp: h.timestampMs,
    rootHash: h.rootHash,
    keyId: h.keyId,
    signature: h.signature,
  };
}

/** Publish the key's public half (idempotent). */
export async function registerLogKey(db: Db, key: LogSigningKey, now: Date): Promise<void> {
  await upsertLogKey(db, { keyId: key.keyId, publicKey: key.publicKey, createdAt: now });
}

/**
 * §5: sign a head over every entry when the log grew since the last head (or none exists, or the
 * key changed). A retired key (§6) is refused: after a rotation only the new key signs.
 */
export async function signTreeHead(
  db: Db,
  key: LogSigningKey,
  now: Date,
): Promise<Result<SignedTreeHead, DomainError>> {
  const retired = await registerLogKeyRetired(db, {
    keyId: key.keyId,
    publicKey: key.publicKey,
    createdAt: now,
  });
  if (retired !== null) {
    return err(
      domainError(
        'INVALID_STATE',
        `日志签名密钥 ${key.keyId.slice(0, 16)}… 已于轮换时停用，不能再签名：请载入新密钥`,
        `the log key ${key.keyId.slice(0, 16)}… was retired by a rotation and signs no more: load the new key`,
      ),
    );
  }
  const latest = await latestTreeHead(db);
  const tree = await logTree(db);
  if (latest !== undefined && latest.treeSize === tree.size && latest.keyId === key.keyId) {
    return ok(publicTreeHead(latest));
  }
  const head = {
    log: LOG_SPEC,
    treeSize: tree.size,
    timestamp: Math.max(now.getTime(), (latest?.timestampMs ?? 0) + 1),
    rootHash: toHex(tree.root(tree.size)),
    keyId: key.keyId,
  } as const;
  const signature = key.sign(treeHeadSignedBytes(head));
  await insertTreeHead(db, {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestampMs: head.timestamp,
    keyId: head.keyId,
    signature,
  });
  return ok({ ...head, signature });
}

function outOfRange(what: string, zh: string): DomainError {
  return domainError('VALIDATION', zh, what);
}

/** RFC 9162 get-proof-by-hash: the inclusion path of an entry in the tree of `treeSize`. */
export async function proofByHash(
  db: Db,
  leafHash: string,
  treeSize: number,
): Promise<Result<{ leafIndex: number; treeSize: number; inclusionPath: string[] }, DomainError>> {
  const e = await entryByLeafHash(db, leafHash);
  if (e === undefined) {
    return err(
      domainError('NOT_FOUND', `日志中没有该条目：${leafHash}`, `no entry with leaf hash ${leafHash}`),
    );
  }
  if (e.idx >= treeSize) {
    return err(
      outOfRange(
        `entry ${e.idx} is not yet in a tree of ${treeSize}: wait for the next tree head`,
        `条目 ${e.idx} 尚未纳入大小为 ${treeSize} 的树，请等待下一个签名树头`,
      ),
    );
  }
  const tree = await logTree(db, treeSize);
  if (tree.size < treeSize) {
    return err(outOfRange(`the log has only ${tree.size} entries`, `日志只有 ${tree.size} 条`));
  }
  const path = tree.inclusionProof(e.idx, treeSize);
  return ok({ leafIndex: e.idx, treeSize, inclusionPath: path.map(toHex) });
}

/** RFC 9162 get-sth-consistency between two tree sizes. */
export async function consistencyBetween(
  db: Db,
  first: number,
  second: number,
): Promise<Result<{ first: number; second: number; consistency: string[] }, DomainError>> {
  if (first > second) {
    return err(outOfRange('first must not exceed second', 'first 不能大于 second'));
  }
  const tree = await logTree(db, second);
  if (tree.size < second) {
    return err(outOfRange(`the log has only ${tree.size} entries`, `日志只有 ${tree.size} 条`));
  }
  const proof = tree.consistencyProof(first, second);
  return ok({ first, second, consistency: proof.map(toHex) });
}
