/**
 * Key rotation (ssj-log/1 §6). The new key is written beside the key file as `FILE.next`; then,
 * in one transaction, a `key` entry naming the new key and the previous one is appended and the
 * new public key recorded (audited). The OLD key signs a tree head that includes that entry, is
 * marked retired, and its file is kept as `FILE.retired-<keyId prefix>`; the new key takes the
 * key file's place and signs its first head. A process that crashed half-way finishes at the next
 * start (`finishPendingRotation`): a `.next` key the database knows completes the rotation, an
 * unknown one (the transaction never committed) is discarded.
 */
import { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import {
  domainError,
  err,
  LOG_SPEC,
  ok,
  type DomainError,
  type Result,
  type SignedTreeHead,
} from '@openssj/core';
import type { Database } from '../../../db/client';
import { inTransaction } from '../../../db/tx';
import { audit } from '../audit.service';
import { signingKeyFrom, type LogSigningKey } from './log-key';
import { findLogKey, retireLogKey, upsertLogKey } from './log.repo';
import { appendLogEntry, registerLogKey, signTreeHead } from './log.service';

export interface RotationOutcome {
  readonly previousKeyId: string;
  readonly keyId: string;
  /** The head the old key signed over the `key` entry: what lets a verifier move to the new key. */
  readonly rotationHead: SignedTreeHead;
  /** The new key's first head. */
  readonly firstHead: SignedTreeHead;
  /** Where the old private key now lives (keep it offline, or destroy it). */
  readonly retiredFile: string;
}

const nextFile = (file: string) => `${file}.next`;
const retiredFile = (file: string, keyId: string) => `${file}.retired-${keyId.slice(0, 16)}`;

function readKey(file: string): LogSigningKey {
  return signingKeyFrom(createPrivateKey(readFileSync(file, 'utf8')));
}

/** Rotate the key held in `file`: see the module comment. */
export async function rotateLogKey(
  database: Database,
  file: string,
  clock: () => Date,
): Promise<Result<RotationOutcome, DomainError>> {
  if (!existsSync(file)) {
    return err(
      domainError(
        'NOT_FOUND',
        `没有日志签名密钥文件：${file}（先启动一次服务生成密钥）`,
        `no log key file: ${file} (start the server once to generate it)`,
      ),
    );
  }
  const pending = await finishPendingRotation(database, file, clock);
  if (!pending.ok) {
    return pending;
  }
  const old = readKey(file);
  const db = database.db;
  await registerLogKey(db, old, clock());
  if (((await findLogKey(db, old.keyId))?.retiredAt ?? null) !== null) {
    return err(
      domainError(
        'INVALID_STATE',
        `密钥文件中的密钥 ${old.keyId.slice(0, 16)}… 已停用，不能据此轮换`,
        `the key in ${file} (${old.keyId.slice(0, 16)}…) is retired: it cannot start a rotation`,
      ),
    );
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(nextFile(file), privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
    flag: 'wx',
  });
  const next = signingKeyFrom(privateKey);
  const now = clock();
  await inTransaction(db, async (tx) => {
    await appendLogEntry(
      tx,
      {
        log: LOG_SPEC,
        kind: 'key',
        at: now.toISOString(),
        keyId: next.keyId,
        publicKey: next.publicKey,
        previousKeyId: old.keyId,
      },
      now,
    );
    await upsertLogKey(tx, { keyId: next.keyId, publicKey: next.publicKey, createdAt: now });
    await audit(
      tx,
      { actor: null, requestId: null },
      {
        action: 'log.key_rotated',
        entityType: 'log_key',
        entityId: next.keyId,
        before: { keyId: old.keyId },
        after: { keyId: next.keyId, publicKey: next.publicKey },
      },
      now,
    );
    return ok(null);
  });
  return completeRotation(database, file, old, next, clock);
}

/** After the `key` entry committed: the old key's covering head, retirement, files, the new key's head. */
async function completeRotation(
  database: Database,
  file: string,
  old: LogSigningKey,
  next: LogSigningKey,
  clock: () => Date,
): Promise<Result<RotationOutcome, DomainError>> {
  const db = database.db;
  const covering = await signTreeHead(db, old, clock());
  if (!covering.ok) {
    return covering;
  }
  await retireLogKey(db, old.keyId, clock());
  const retired = retiredFile(file, old.keyId);
  renameSync(file, retired);
  renameSync(nextFile(file), file);
  // the new key's first head comes strictly after the old key's last
  const at = new Date(Math.max(clock().getTime(), covering.value.timestamp + 1));
  const first = await signTreeHead(db, next, at);
  if (!first.ok) {
    return first;
  }
  return ok({
    previousKeyId: old.keyId,
    keyId: next.keyId,
    rotationHead: covering.value,
    firstHead: first.value,
    retiredFile: retired,
  });
}

/**
 * A rotation interrupted after its transaction committed is completed; one interrupted before is
 * undone (its `.next` file removed). Returns the completed rotation, or null when none was pending.
 */
export async function finishPendingRotation(
  database: Database,
  file: string,
  clock: () => Date,
): Promise<Result<RotationOutcome | null, DomainError>> {
  if (!existsSync(nextFile(file))) {
    return ok(null);
  }
  const next = readKey(nextFile(file));
  if ((await findLogKey(database.db, next.keyId)) === undefined) {
    unlinkSync(nextFile(file));
    return ok(null);
  }
  if (!existsSync(file)) {
    // the old key had signed its covering head, retired and moved aside: only the last move is left
    renameSync(nextFile(file), file);
    return ok(null);
  }
  return completeRotation(database, file, readKey(file), next, clock);
}
