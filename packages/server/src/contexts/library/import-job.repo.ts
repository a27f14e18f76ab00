/** Import jobs (数据导入): one row per upload, its progress, counts and kept issues. */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importJobs } from '../../db/schema';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type NewImportJobRow = typeof importJobs.$inferInsert;

/** Stores a new job; returns its id. */
export async function insertImportJob(db: Db, job: NewImportJobRow): Promise<{ id: string }> {
  const [row] = await db.insert(importJobs).values(job).returning({ id: importJobs.id });
  if (row === undefined) {
    throw new Error('bug: job insert returned nothing');
  }
  return row;
}

/** Updates a job's status, progress, counts or errors. */
export async function updateImportJob(db: Db, id: string, patch: Partial<NewImportJobRow>): Promise<void> {
  await db.update(importJobs).set(patch).where(eq(importJobs.id, id));
}

/** One job by id. */
export async function findImportJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

/** Jobs by status (the /metrics gauge). */
export async function importJobCounts(db: Db): Promise<{ status: string; n: number }[]> {
  return db.select({ status: importJobs.status, n: count() }).from(importJobs).groupBy(importJobs.status);
}
