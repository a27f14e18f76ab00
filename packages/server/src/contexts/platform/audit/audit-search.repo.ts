/**
 * Searching the audit trail (审计日志, issue 11): the SQL behind services/audit-query.service.ts.
 * A row matches a department when that department wrote it or owns the resource it changed.
 */
import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;

/** What to find; every field narrows the search. */
export interface AuditSearch {
  /** Each listed department must match (as writer or owner). */
  readonly departments: readonly string[];
  /** Part of the actor's name, or the actor's id exactly. */
  readonly actor?: string;
  readonly actionPrefix?: string;
  readonly entityType?: string;
  readonly entityId?: string;
  /** Rows at or after this instant. */
  readonly since?: Date;
  /** Rows before this instant. */
  readonly before?: Date;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(q: AuditSearch): SQL | undefined {
  const conds: (SQL | undefined)[] = q.departments.map((code) =>
    or(eq(auditLog.departmentCode, code), eq(auditLog.ownerDepartment, code)),
  );
  if (q.actor !== undefined) {
    conds.push(or(ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`), eq(auditLog.actorId, q.actor)));
  }
  if (q.actionPrefix !== undefined) {
    conds.push(ilike(auditLog.action, `${escapeLike(q.actionPrefix)}%`));
  }
  if (q.entityType !== undefined) {
    conds.push(eq(auditLog.entityType, q.entityType));
  }
  if (q.entityId !== undefined) {
    conds.push(eq(auditLog.entityId, q.entityId));
  }
  if (q.since !== undefined) {
    conds.push(gte(auditLog.at, q.since));
  }
  if (q.before !== undefined) {
    conds.push(lt(auditLog.at, q.before));
  }
  const defined = conds.filter((c): c is SQL => c !== undefined);
  return defined.length > 0 ? and(...defined) : undefined;
}

/** A page of matching rows, newest first, and how many match in all. */
export async function searchAuditRows(
  db: Db,
  q: AuditSearch,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(q);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Matching rows, oldest first, at most `limit` (the export). */
export async function auditRowsOldestFirst(db: Db, q: AuditSearch, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(whereOf(q)).orderBy(asc(auditLog.seq)).limit(limit);
}
