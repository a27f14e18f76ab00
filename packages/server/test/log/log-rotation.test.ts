// ssj-log/1 §6 key rotation on both engines: the `key` entry, the old key's head over it, the old
// key retired (and refused if it tries to sign again), the files swapped, the audit row, a key
// source that follows the replaced file, and a rotation interrupted before its transaction, after
// it, or before its last file move, undone or finished at the next start.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fromHex,
  inclusionProof,
  logEntrySchema,
  LOG_SPEC,
  ok,
  treeRoot,
  verifyInclusion,
} from '@openssj/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../src/db/client';
import { queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { inTransaction } from '../../src/db/tx';
import {
  fileKeySource,
  loadOrCreateSigningKey,
  signingKeyFrom,
} from '../../src/contexts/platform/log/log-key';
import { finishPendingRotation, rotateLogKey } from '../../src/contexts/platform/log/log-rotation';
import { allLogKeys, entriesInRange, upsertLogKey } from '../../src/contexts/platform/log/log.repo';
import { appendLogEntry, nodeMerkleHasher, signTreeHead } from '../../src/contexts/platform/log/log.service';
import { treeHeadSignatureValid } from '../../src/contexts/platform/audit/audit-anchor-verify';

const hx = (s: string): Uint8Array => fromHex(s) ?? new Uint8Array();

describe.each(ENGINES)('log key rotation on %s', (engine) => {
  let database: Database;
  let now = new Date('2026-12-01T02:00:00.000Z');
  const clock = () => {
    now = new Date(now.getTime() + 1000);
    return now;
  };
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('hands over: the old key signs a head over the key entry, retires, and the new key signs from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssj-rotate-'));
    const file = join(dir, 'ssj-log-key.pem');
    const { source, key: old } = fileKeySource(file);
    const h0 = await signTreeHead(database.db, source.current(), clock());
    expect(h0.ok).toBe(true);

    const r = await rotateLogKey(database, file, clock);
    if (!r.ok) {
      throw new Error(r.error.messageEn);
    }
    const v = r.value;
    expect(v.previousKeyId).toBe(old.keyId);
    // the key entry names both keys, and the old key's head covers it
    const size = v.rotationHead.treeSize;
    const entries = await entriesInRange(database.db, 0, size - 1);
    const keyEntries = entries.filter((e) => e.kind === 'key');
    expect(keyEntries).toHaveLength(1);
    const entry = logEntrySchema.parse(JSON.parse(keyEntries[0]?.entry ?? '{}'));
    expect(entry).toMatchObject({ kind: 'key', keyId: v.keyId, previousKeyId: old.keyId });
    expect(v.rotationHead.keyId).toBe(old.keyId);
    expect(treeHeadSignatureValid(v.rotationHead, old.publicKey)).toBe(true);
    const leaves = entries.map((e) => hx(e.leafHash));
    const idx = keyEntries[0]?.idx ?? -1;
    expect(
      verifyInclusion(
        idx,
        size,
        hx(keyEntries[0]?.leafHash ?? ''),
        inclusionProof(leaves, idx, size, nodeMerkleHasher),
        hx(v.rotationHead.rootHash),
      ),
    ).toBe(true);
    // the new key's first head comes after, over the same entries
    expect(v.firstHead.keyId).toBe(v.keyId);
    expect(v.firstHead.timestamp).toBeGreaterThan(v.rotationHead.timestamp);
    expect(v.firstHead.rootHash).toBe(
      Buffer.from(treeRoot(leaves.slice(0, v.firstHead.treeSize), nodeMerkleHasher)).toString('hex'),
    );
    // the files: the new key in place, the old one kept aside; the key source follows the file
    expect(readdirSync(dir).sort()).toEqual([
      'ssj-log-key.pem',
      `ssj-log-key.pem.retired-${old.keyId.slice(0, 16)}`,
    ]);
    expect(source.current().keyId).toBe(v.keyId);
    // the old key is retired and refused
    const keys = await allLogKeys(database.db);
    expect(keys.find((k) => k.keyId === old.keyId)?.retiredAt).not.toBeNull();
    expect(keys.find((k) => k.keyId === v.keyId)?.retiredAt).toBeNull();
    const again = await signTreeHead(database.db, old, clock());
    expect(again.ok ? null : again.error.code).toBe('INVALID_STATE');
    // audited
    const audited = await queryRows(
      database.db,
      sql`SELECT action, entity_id FROM audit_log WHERE action = 'log.key_rotated'`,
      z.object({ action: z.string(), entity_id: z.string() }),
    );
    expect(audited).toEqual([{ action: 'log.key_rotated', entity_id: v.keyId }]);
    // a retired key cannot start a rotation, and a missing key file is named
    const other = mkdtempSync(join(tmpdir(), 'ssj-rotate-'));
    copyFileSync(v.retiredFile, join(other, 'k.pem'));
    const refused = await rotateLogKey(database, join(other, 'k.pem'), clock);
    expect(refused.ok ? null : refused.error.code).toBe('INVALID_STATE');
    const missing = await rotateLogKey(database, join(other, 'missing.pem'), clock);
    expect(missing.ok ? null : [missing.error.code, missing.error.messageEn]).toEqual([
      'NOT_FOUND',
      expect.stringContaining('missing.pem'),
    ]);
  });

  it('finishes a rotation interrupted after its transaction, and undoes one interrupted before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssj-rotate-'));
    const file = join(dir, 'ssj-log-key.pem');
    const old = loadOrCreateSigningKey(file).key;
    expect((await signTreeHead(database.db, old, clock())).ok).toBe(true);

    // before: a .next key the database never heard of is discarded
    const stray = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(`${file}.next`, stray.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const undone = await finishPendingRotation(database, file, clock);
    expect(undone).toEqual(ok(null));
    expect(existsSync(`${file}.next`)).toBe(false);

    // after: the key entry and the key committed, then the process died
    const nextKey = generateKeyPairSync('ed25519').privateKey;
    const next = signingKeyFrom(nextKey);
    writeFileSync(`${file}.next`, nextKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const at = clock();
    await inTransaction(database.db, async (tx) => {
      await appendLogEntry(
        tx,
        {
          log: LOG_SPEC,
          kind: 'key',
          at: at.toISOString(),
          keyId: next.keyId,
          publicKey: next.publicKey,
          previousKeyId: old.keyId,
        },
        at,
      );
      await upsertLogKey(tx, { keyId: next.keyId, publicKey: next.publicKey, createdAt: at });
      return ok(null);
    });
    const done = await finishPendingRotation(database, file, clock);
    expect(done.ok && done.value?.keyId).toBe(next.keyId);
    expect(done.ok && done.value?.rotationHead.keyId).toBe(old.keyId);
    expect(loadOrCreateSigningKey(file).key.keyId).toBe(next.keyId);
    expect((await signTreeHead(database.db, old, clock())).ok).toBe(false);

    // the last step interrupted: the old file moved aside, the new one not yet in place
    const r = await rotateLogKey(database, file, clock);
    expect(r.ok).toBe(true);
    const newest = loadOrCreateSigningKey(file).key;
    renameSync(file, `${file}.next`);
    expect(await finishPendingRotation(database, file, clock)).toEqual(ok(null));
    expect(loadOrCreateSigningKey(file).key.keyId).toBe(newest.keyId);
    expect(existsSync(`${file}.next`)).toBe(false);
  });
});
