/**
 * Publishing a task's results (一公开, 004): approved visits become published, and the task is
 * stamped once no live visit is left unpublished. On a cross-region task a department publishes
 * only its own side's visits.
 */
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { inspections, tasks } from '../../db/schema';
import { queryOne } from '../../db/sql';
import { onSideOf } from './inspection.repo';

/** Visits of the task on `side`'s side (all when null). */
function onSide(side: string | null): SQL {
  return side === null
    ? sql`true`
    : onSideOf(
        [side],
        sql`${inspections.taskId}`,
        sql`(select division_code from targets where id = ${inspections.targetId})`,
      );
}

/** Live visits of the task not yet published. */
export async function countUnpublishedVisits(db: Db, taskId: string): Promise<number> {
  const row = await queryOne(
    db,
    sql`select count(*)::int as n from inspections where task_id = ${taskId} and status not in ('published','cancelled')`,
    z.object({ n: z.coerce.number() }),
  );
  return row?.n ?? 0;
}

/** Stamps the task's results as published, once; false when it was stamped already. */
export async function stampTaskResultsPublished(db: Db, taskId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(tasks)
    .set({ resultsPublishedAt: now, status: 'published', updatedAt: now })
    .where(and(eq(tasks.id, taskId), sql`${tasks.resultsPublishedAt} is null`))
    .returning({ id: tasks.id });
  return updated.length > 0;
}

/** Publishes the task's approved visits (on `side`'s side when given); returns their ids. */
export async function publishApprovedVisits(
  db: Db,
  taskId: string,
  now: Date,
  side: string | null,
): Promise<{ id: string }[]> {
  return db
    .update(inspections)
    .set({
      status: 'published',
      publishedAt: now,
      updatedAt: now,
      version: sql`${inspections.version} + 1`,
    })
    .where(and(eq(inspections.taskId, taskId), eq(inspections.status, 'approved'), onSide(side)))
    .returning({ id: inspections.id });
}

/** The task's live visits still unpublished (on `side`'s side when given). */
export async function unpublishedVisits(
  db: Db,
  taskId: string,
  side: string | null,
): Promise<{ id: string }[]> {
  return db
    .select({ id: inspections.id })
    .from(inspections)
    .where(
      and(
        eq(inspections.taskId, taskId),
        ne(inspections.status, 'published'),
        ne(inspections.status, 'cancelled'),
        onSide(side),
      ),
    );
}
