/**
 * Transparency-log bench (issue 13, the proof cache): fills a scratch PostgreSQL database with N
 * log entries, then times what the portal asks of the log — a tree head, inclusion proofs by
 * hash, consistency proofs — through the services, first (the cache catches up with every leaf)
 * and then warm, and after K more entries are appended. Before the cache, every one of these
 * read and hashed all N leaves: the first figure times that, for reference. The scratch database is dropped at the end.
 */
import process from 'node:process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { fromHex, treeRoot } from '@openssj/core';
import {
  consistencyBetween,
  nodeMerkleHasher,
  ephemeralSigningKey,
  migrate,
  openPostgres,
  proofByHash,
  queryRows,
  signTreeHead,
} from '@openssj/server/bench';
import { z } from 'zod';
import { loadAverage, withDb } from './bench-db';

export interface LogBenchOptions {
  readonly entries: number;
  readonly databaseUrl: string;
  readonly log?: (line: string) => void;
}

const ms = (t: number): string => `${t.toFixed(t < 10 ? 2 : 0)} ms`;

/** Run the log bench and print its figures. */
export async function benchLog(opts: LogBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.entries;
  const dbName = `ssj_bench_log_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const database = await openPostgres(withDb(opts.databaseUrl, dbName), { poolSize: 4 });
  const append = async (from: number, to: number) =>
    database.db.execute(sql`
      INSERT INTO log_entries (idx, leaf_hash, kind, entry, created_at)
      SELECT i, encode(sha256(convert_to('bench entry ' || i, 'UTF8')), 'hex'), 'plan', '{}', now()
      FROM generate_series(${from}::bigint, ${to - 1}::bigint) AS i`);
  try {
    await migrate(database);
    const db = database.db;
    log(
      `透明日志 bench / transparency-log bench — PostgreSQL, ${n.toLocaleString('en-US')} entries · load ${loadAverage()}`,
    );
    let t0 = performance.now();
    await append(0, n);
    await db.execute(sql`ANALYZE log_entries`);
    log(`  entries loaded in ${ms(performance.now() - t0)}`);
    const key = ephemeralSigningKey();
    const hashes = await queryRows(
      db,
      sql`SELECT leaf_hash FROM log_entries WHERE idx IN (0, ${Math.floor(n / 3)}, ${n - 1}) ORDER BY idx`,
      z.object({ leaf_hash: z.string() }),
    );
    const timed = async (label: string, f: () => Promise<unknown>, times = 1) => {
      const t = performance.now();
      for (let i = 0; i < times; i++) {
        await f();
      }
      log(
        `  ${label.padEnd(52)} ${ms((performance.now() - t) / times)}${times > 1 ? ` (mean of ${times})` : ''}`,
      );
    };
    // what every head and proof cost before the cache: read all N leaf hashes and hash the tree
    await timed('reference: read all leaves and hash the tree (no cache)', async () => {
      const rows = await queryRows(
        db,
        sql`SELECT leaf_hash FROM log_entries ORDER BY idx`,
        z.object({ leaf_hash: z.string() }),
      );
      treeRoot(
        rows.map((r) => fromHex(r.leaf_hash) ?? new Uint8Array(32)),
        nodeMerkleHasher,
      );
    });
    await timed('tree head, cold (the cache reads every leaf once)', () => signTreeHead(db, key, new Date()));
    await timed(
      '3 inclusion proofs by hash (each with its lookup), warm',
      async () => {
        for (const h of hashes) {
          const r = await proofByHash(db, h.leaf_hash, n);
          if (!r.ok) {
            throw new Error(r.error.messageEn);
          }
        }
      },
      20,
    );
    await timed('consistency proof n/2 → n, warm', () => consistencyBetween(db, Math.floor(n / 2), n), 20);
    const k = Math.max(1, Math.floor(n / 100));
    t0 = performance.now();
    await append(n, n + k);
    log(`  ${k.toLocaleString('en-US')} more entries appended in ${ms(performance.now() - t0)}`);
    await timed(`tree head after ${k.toLocaleString('en-US')} new entries (catch-up)`, () =>
      signTreeHead(db, key, new Date(Date.now() + 1000)),
    );
    await timed('consistency proof n → n + k, warm', () => consistencyBetween(db, n, n + k), 20);
    const mem = process.memoryUsage();
    log(
      `  heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, array buffers ${(mem.arrayBuffers / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}
