/**
 * What the log's public endpoints answer (ssj-log/1 §7), as Results for the route table: the
 * latest and past signed tree heads, entries by range, inclusion proofs at the latest head by
 * default, the signing-key document, and on-demand signing by a process that holds the key.
 */
import {
  domainError,
  err,
  LOG_SPEC,
  ok,
  type DomainError,
  type LogKeysDocument,
  type Result,
  type SignedTreeHead,
} from '@openssj/core';
import type { Db } from '../../../db/client';
import type { ServiceDeps } from '../context';
import { allLogKeys, entriesInRange, latestTreeHead, logSize, treeHeads } from './log.repo';
import { proofByHash, publicTreeHead, signTreeHead } from './log.service';

/** At most this many entries in one answer of /api/public/log/entries. */
export const MAX_LOG_ENTRIES = 1000;

/** The latest signed tree head; NOT_FOUND before the first one is signed. */
export async function latestPublicTreeHead(db: Db): Promise<Result<SignedTreeHead, DomainError>> {
  const h = await latestTreeHead(db);
  return h === undefined
    ? err(domainError('NOT_FOUND', '尚无签名树头，请稍后再试', 'no signed tree head yet: try again shortly'))
    : ok(publicTreeHead(h));
}

/** Past signed tree heads, oldest first. */
export async function publicTreeHeads(
  db: Db,
  from: number,
  limit: number,
): Promise<Result<{ sths: SignedTreeHead[] }, DomainError>> {
  return ok({ sths: (await treeHeads(db, from, limit)).map(publicTreeHead) });
}

/** Entries start..end (inclusive), at most MAX_LOG_ENTRIES of them. */
export async function logEntries(
  db: Db,
  start: number,
  end: number,
): Promise<Result<{ entries: { index: number; leafHash: string; entry: string }[] }, DomainError>> {
  if (end < start) {
    return err(domainError('VALIDATION', 'end 不能小于 start', 'end must not be below start'));
  }
  const rows = await entriesInRange(db, start, Math.min(end, start + MAX_LOG_ENTRIES - 1));
  return ok({ entries: rows.map((e) => ({ index: e.idx, leafHash: e.leafHash, entry: e.entry })) });
}

/** The inclusion proof of an entry, in the tree of `treeSize` or else of the latest head (or the whole log). */
export async function proofByHashAt(db: Db, leafHash: string, treeSize: number | undefined) {
  const size = treeSize ?? (await latestTreeHead(db))?.treeSize ?? (await logSize(db));
  return proofByHash(db, leafHash, size);
}

/** Sign a tree head now (system admin): only a process that holds the log's key can. */
export async function signTreeHeadNow(deps: ServiceDeps): Promise<Result<SignedTreeHead, DomainError>> {
  if (deps.logKey === undefined) {
    return err(
      domainError('INVALID_STATE', '本进程没有日志签名密钥', 'this process holds no log signing key'),
    );
  }
  return signTreeHead(deps.database.db, deps.logKey.current(), deps.clock());
}

/** The signing-key document at /.well-known/ssj-log-key (ssj-log/1 §6). */
export async function logKeysDocument(db: Db): Promise<Result<LogKeysDocument, DomainError>> {
  return ok({
    log: LOG_SPEC,
    keys: (await allLogKeys(db)).map((k) => ({
      keyId: k.keyId,
      algorithm: 'Ed25519' as const,
      publicKey: k.publicKey,
      createdAt: k.createdAt.toISOString(),
      retiredAt: k.retiredAt?.toISOString() ?? null,
    })),
  });
}
