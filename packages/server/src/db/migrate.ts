/**
 * Applies the versioned SQL migrations in db/migrations, in journal order, at start-up.
 * A committed migration that changed on disk is refused: add a new one instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './client';
import { queryRows } from './sql';

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), tag: z.string() })),
});

const migrationsDir = new URL('./migrations/', import.meta.url);

export interface Migration {
  readonly tag: string;
  readonly checksum: string;
  readonly statements: readonly string[];
}

/** Read the migrations from disk, in order. */
export function loadMigrations(): Migration[] {
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(new URL('meta/_journal.json', migrationsDir), 'utf8')),
  );
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const text = readFileSync(new URL(`${e.tag}.sql`, migrationsDir), 'utf8');
      return {
        tag: e.tag,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

/** A fingerprint of all migrations (names the test template). */
export function migrationsFingerprint(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) {
    h.update(`${m.tag}:${m.checksum}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

const appliedRow = z.object({ tag: z.string(), checksum: z.string() });

/** Apply pending migrations; returns the tags applied. */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  await db.execute(
    sql.raw(
      'CREATE TABLE IF NOT EXISTS ssj_migrations (tag text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    ),
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // One migrator at a time on a shared server.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7355608)`);
    const done = new Map(
      (await queryRows(tx, sql`SELECT tag, checksum FROM ssj_migrations`, appliedRow)).map((r) => [
        r.tag,
        r.checksum,
      ]),
    );
    for (const m of loadMigrations()) {
      const prior = done.get(m.tag);
      if (prior !== undefined) {
        if (prior !== m.checksum) {
          throw new Error(
            `迁移 ${m.tag} 已应用但文件已被修改 / migration ${m.tag} was applied but its file changed: never edit a committed migration, add a new one`,
          );
        }
        continue;
      }
      for (const stmt of m.statements) {
        await tx.execute(sql.raw(stmt));
      }
      await tx.execute(sql`INSERT INTO ssj_migrations (tag, checksum) VALUES (${m.tag}, ${m.checksum})`);
      applied.push(m.tag);
    }
  });
  return applied;
}
