/**
 * Backups you have restored (issue 17 §4). `ssj backup DIR` writes the engine's payload (a
 * pg_dump archive, or PGlite's data-dir tarball) and `manifest.json`, which carries what a
 * restore must find again:
 *
 * - the audit chain's length and last hash, after an audit checkpoint into the transparency log
 *   (ssj-log/1 §3.7) made just before the snapshot, and the backup recorded in the chain itself;
 * - the log's size and root hash, and its latest signed tree head;
 * - every table's row count.
 *
 * The manifest is computed in the same snapshot the payload is taken from. `ssj restore DIR`
 * checks the payload's SHA-256, restores all or nothing, then proves the restored database equals
 * the manifest: chain intact to the same hash, log to the same root, the signed head consistent,
 * every count the same. Anything a newer signed tree head has beyond the backup's is what the
 * restore lost, and a monitor's copy of that head shows it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  domainError,
  err,
  ok,
  signedTreeHeadSchema,
  toHex,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Database, Db, Engine } from '../../../db/client';
import { inTransaction } from '../../../db/tx';
import { pgDump, pgliteDump, pgliteRestore, pgRestore, withExportedSnapshot } from '../../../db/snapshot';
import { audit } from '../audit.service';
import { verifyAuditChain } from '../audit/audit-verify';
import { latestTreeHead } from '../log/log.repo';
import { appendAuditCheckpoint, publicTreeHead } from '../log/log.service';
import { logTree } from '../log/merkle-cache';
import { tableCounts } from './backup.repo';

export const BACKUP_FORMAT = 'ssj-backup/1';
export const MANIFEST_FILE = 'manifest.json';
const PAYLOAD: Record<Engine, string> = { pglite: 'pglite-data.tar.gz', postgres: 'postgres.pgdump' };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.iso.datetime(),
  payload: z.strictObject({ file: z.string().regex(/^[\w.-]+$/), sha256: hex64, bytes: z.int().min(0) }),
  audit: z.strictObject({ rows: z.int().min(0), lastHash: hex64 }),
  log: z.strictObject({ size: z.int().min(0), rootHash: hex64, sth: signedTreeHeadSchema.nullable() }),
  counts: z.record(z.string(), z.int().min(0)),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

type State = Pick<BackupManifest, 'audit' | 'log' | 'counts'>;

/** What the manifest records of a database (one snapshot of it). */
async function stateOf(db: Db): Promise<Result<State, DomainError>> {
  const chain = await verifyAuditChain(db);
  if (!chain.ok) {
    return err(
      domainError(
        'INVALID_STATE',
        `审计链在第 ${chain.brokenAt} 条断开，不能备份：先用 ssj audit verify 查明原因`,
        `the audit chain is broken at seq ${chain.brokenAt}: no backup of it (see ssj audit verify)`,
      ),
    );
  }
  const tree = await logTree(db);
  const sth = await latestTreeHead(db);
  return ok({
    audit: { rows: chain.rows, lastHash: chain.lastHash },
    log: {
      size: tree.size,
      rootHash: toHex(tree.root(tree.size)),
      sth: sth === undefined ? null : publicTreeHead(sth),
    },
    counts: await tableCounts(db),
  });
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) {
    h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

function backupError(zh: string, en: string): DomainError {
  return domainError('VALIDATION', zh, en);
}

export interface BackupTarget {
  readonly database: Database;
  /** The PostgreSQL URL pg_dump and pg_restore connect to (postgres engine). */
  readonly url?: string;
  /** The PGlite data dir (pglite engine, restore). */
  readonly dataDir?: string;
}

/** Back up into `dir` (new or empty); returns the manifest written. */
export async function createBackup(
  target: BackupTarget,
  dir: string,
  now: Date,
): Promise<Result<BackupManifest, DomainError>> {
  if (existsSync(path.join(dir, MANIFEST_FILE))) {
    return err(
      backupError(`目录中已有备份：${dir}`, `a backup is already in ${dir}: choose a new directory`),
    );
  }
  mkdirSync(dir, { recursive: true });
  const { database } = target;
  const createdAt = now.toISOString();
  // the backup is recorded in the chain it carries, and every audit row is checkpointed into the log
  await inTransaction(database.db, async (tx) => {
    await audit(
      tx,
      { actor: null, requestId: null },
      {
        action: 'backup.created',
        entityType: 'backup',
        entityId: createdAt,
        after: { engine: database.engine },
      },
      now,
    );
    await appendAuditCheckpoint(tx, now);
    return ok(undefined);
  });
  const file = PAYLOAD[database.engine];
  const out = path.join(dir, file);
  let state: Result<State, DomainError>;
  if (database.engine === 'postgres') {
    if (target.url === undefined) {
      throw new Error('a PostgreSQL backup needs the database URL');
    }
    const url = target.url;
    state = await withExportedSnapshot(url, stateOf, (id) => pgDump(url, id, out));
  } else {
    state = await stateOf(database.db);
    if (state.ok) {
      await pgliteDump(database.db, out);
    }
  }
  if (!state.ok) {
    return state;
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    engine: database.engine,
    createdAt,
    payload: { file, sha256: await sha256File(out), bytes: statSync(out).size },
    ...state.value,
  };
  writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return ok(manifest);
}

/** Read and check a backup directory: the manifest parses and the payload has its hash. */
export async function readBackup(dir: string): Promise<Result<BackupManifest, DomainError>> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    return err(
      backupError(
        `不是备份目录（缺少 ${MANIFEST_FILE}）：${dir}`,
        `not a backup: no ${MANIFEST_FILE} in ${dir}`,
      ),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return err(backupError(`${MANIFEST_FILE} 不是 JSON`, `${MANIFEST_FILE} is not JSON`));
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const where = i?.path.join('.') ?? '';
    return err(
      backupError(
        `${MANIFEST_FILE} 的 ${where} 无效：${i?.message ?? ''}`,
        `${MANIFEST_FILE}: ${where}: ${i?.message ?? ''}`,
      ),
    );
  }
  const m = parsed.data;
  const payload = path.join(dir, m.payload.file);
  if (!existsSync(payload) || (await sha256File(payload)) !== m.payload.sha256) {
    return err(
      backupError(
        `备份数据文件 ${m.payload.file} 缺失或已被改动（SHA-256 不符）`,
        `the payload ${m.payload.file} is missing or altered (SHA-256 differs)`,
      ),
    );
  }
  return ok(m);
}

/**
 * Replace the database by the backup (all or nothing). The caller has stopped the server; the
 * target's database handle is closed here (PGlite needs its directory back).
 */
export async function restoreBackup(
  target: BackupTarget,
  dir: string,
  m: BackupManifest,
  now: Date,
): Promise<Result<{ kept: string | null }, DomainError>> {
  if (m.engine !== target.database.engine) {
    return err(
      backupError(
        `备份来自 ${m.engine}，当前数据库是 ${target.database.engine}：请在同类数据库上恢复`,
        `the backup is of ${m.engine} and this database is ${target.database.engine}: restore it on the same engine`,
      ),
    );
  }
  await target.database.close();
  const payload = path.join(dir, m.payload.file);
  if (m.engine === 'postgres') {
    if (target.url === undefined) {
      throw new Error('a PostgreSQL restore needs the database URL');
    }
    await pgRestore(target.url, payload);
    return ok({ kept: null });
  }
  if (target.dataDir === undefined) {
    throw new Error('a PGlite restore needs the data dir');
  }
  const kept = await pgliteRestore(target.dataDir, new Blob([readFileSync(payload)]), now);
  return ok({ kept });
}

export interface RestoreCheck {
  readonly check: 'audit' | 'log' | 'sth' | 'counts';
  readonly ok: boolean;
  readonly detail: string;
}

/** Prove the restored database is the one the manifest describes. */
export async function verifyRestored(db: Db, m: BackupManifest): Promise<RestoreCheck[]> {
  const checks: RestoreCheck[] = [];
  const chain = await verifyAuditChain(db);
  checks.push(
    chain.ok && chain.rows === m.audit.rows && chain.lastHash === m.audit.lastHash
      ? { check: 'audit', ok: true, detail: `${chain.rows} rows, last hash ${chain.lastHash.slice(0, 16)}…` }
      : {
          check: 'audit',
          ok: false,
          detail: chain.ok
            ? `${chain.rows} rows ending ${chain.lastHash.slice(0, 16)}…, the backup has ${m.audit.rows} ending ${m.audit.lastHash.slice(0, 16)}…`
            : `broken at seq ${chain.brokenAt} (${chain.reason})`,
        },
  );
  const tree = await logTree(db);
  const root = tree.size >= m.log.size ? toHex(tree.root(m.log.size)) : null;
  checks.push({
    check: 'log',
    ok: tree.size === m.log.size && root === m.log.rootHash,
    detail: `size ${tree.size} (backup ${m.log.size}), root ${root?.slice(0, 16) ?? '—'}… (backup ${m.log.rootHash.slice(0, 16)}…)`,
  });
  if (m.log.sth !== null) {
    const sth = m.log.sth;
    const at = tree.size >= sth.treeSize ? toHex(tree.root(sth.treeSize)) : null;
    checks.push({
      check: 'sth',
      ok: at === sth.rootHash,
      detail: `signed head of size ${sth.treeSize}: root ${at === sth.rootHash ? 'matches' : 'differs'}`,
    });
  }
  const counts = await tableCounts(db);
  const names = [...new Set([...Object.keys(counts), ...Object.keys(m.counts)])].sort();
  const diff = names.filter((n) => counts[n] !== m.counts[n]);
  checks.push({
    check: 'counts',
    ok: diff.length === 0,
    detail:
      diff.length === 0
        ? `${names.length} tables, ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`
        : diff.map((n) => `${n}: ${counts[n] ?? 'absent'} (backup ${m.counts[n] ?? 'absent'})`).join('; '),
  });
  return checks;
}

/** Record the restore in the restored chain (after the checks, which compare with the backup's). */
export async function auditRestore(db: Db, m: BackupManifest, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await audit(
      tx,
      { actor: null, requestId: null },
      {
        action: 'backup.restored',
        entityType: 'backup',
        entityId: m.createdAt,
        after: {
          engine: m.engine,
          payloadSha256: m.payload.sha256,
          auditRows: m.audit.rows,
          logSize: m.log.size,
        },
      },
      now,
    );
    return ok(undefined);
  });
}
