/**
 * Scoring runs (risk_score_runs): one row per run with its progress (processed / total),
 * the cancel flag, and the outcome. The console polls it for the progress bar.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { riskScoreRuns } from '../../db/schema';

export const RUN_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runCountsSchema = z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() });
export type RunCounts = z.infer<typeof runCountsSchema>;

export type RunRow = typeof riskScoreRuns.$inferSelect;

/** Create a running run and return its id. */
export async function insertRun(
  db: Db,
  v: { scope: string; total: number; asOf: string; startedBy: string | null; at: Date },
): Promise<string> {
  const [row] = await db
    .insert(riskScoreRuns)
    .values({
      scope: v.scope,
      status: 'running',
      total: v.total,
      asOf: v.asOf,
      startedBy: v.startedBy,
      startedAt: v.at,
    })
    .returning({ id: riskScoreRuns.id });
  if (row === undefined) {
    throw new Error('bug: run insert returned nothing');
  }
  return row.id;
}

/** Record progress of a run. */
export async function setRunProgress(db: Db, id: string, processed: number): Promise<void> {
  await db.update(riskScoreRuns).set({ processed }).where(eq(riskScoreRuns.id, id));
}

/** Finish a run with its outcome. */
export async function finishRun(
  db: Db,
  id: string,
  v: { status: RunStatus; processed: number; counts: RunCounts; error: string | null; at: Date },
): Promise<void> {
  await db
    .update(riskScoreRuns)
    .set({ status: v.status, processed: v.processed, counts: v.counts, error: v.error, finishedAt: v.at })
    .where(eq(riskScoreRuns.id, id));
}

/** Mark a run as asked to stop. */
export async function requestCancel(db: Db, id: string): Promise<void> {
  await db.update(riskScoreRuns).set({ cancelRequested: true }).where(eq(riskScoreRuns.id, id));
}

/** One run by id. */
export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(riskScoreRuns).where(eq(riskScoreRuns.id, id));
  return row;
}

/** The latest runs of these scopes, newest first. */
export async function latestRuns(db: Db, scopes: readonly string[], limit: number): Promise<RunRow[]> {
  return db
    .select()
    .from(riskScoreRuns)
    .where(inArray(riskScoreRuns.scope, [...scopes]))
    .orderBy(desc(riskScoreRuns.startedAt))
    .limit(limit);
}
