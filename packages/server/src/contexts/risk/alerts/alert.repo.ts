/**
 * Risk alerts (issue 16 part 1): partner sources, alerts stored once per idempotency key, the
 * triage queue with counts per source and a daily series, and the alerts in force on a target.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { alertSources, riskAlerts } from '../../../db/schema';
import { queryRows, pgTextArray } from '../../../db/sql';

export type AlertSourceRow = typeof alertSources.$inferSelect;
export type AlertRow = typeof riskAlerts.$inferSelect;
export type NewAlert = typeof riskAlerts.$inferInsert;

/** One source by id. */
export async function findSource(db: Db, id: string): Promise<AlertSourceRow | undefined> {
  const [row] = await db.select().from(alertSources).where(eq(alertSources.id, id));
  return row;
}

/** Every source, by department then id. */
export async function listSources(db: Db): Promise<AlertSourceRow[]> {
  return db.select().from(alertSources).orderBy(alertSources.departmentCode, alertSources.id);
}

/** Add a source; false when the id is taken. */
export async function insertSource(db: Db, row: typeof alertSources.$inferInsert): Promise<boolean> {
  const r = await db
    .insert(alertSources)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: alertSources.id });
  return r.length === 1;
}

/** Switch a source on or off, or give it a new key. */
export async function updateSource(
  db: Db,
  id: string,
  set: Partial<Pick<AlertSourceRow, 'active' | 'secret'>>,
): Promise<AlertSourceRow | undefined> {
  const [row] = await db.update(alertSources).set(set).where(eq(alertSources.id, id)).returning();
  return row;
}

/** The targets with these USCCs, by USCC. */
export async function targetsByUscc(db: Db, usccs: readonly string[]): Promise<Map<string, string>> {
  if (usccs.length === 0) {
    return new Map();
  }
  const rows = await queryRows(
    db,
    sql`SELECT uscc, id FROM targets WHERE uscc = ANY(${pgTextArray([...new Set(usccs)])}::text[])`,
    z.object({ uscc: z.string(), id: z.string() }),
  );
  return new Map(rows.map((r) => [r.uscc, r.id]));
}

/** Store alerts unless their (source, idempotency key) is already there; returns the rows stored. */
export async function insertAlerts(db: Db, rows: readonly NewAlert[]): Promise<AlertRow[]> {
  if (rows.length === 0) {
    return [];
  }
  return db
    .insert(riskAlerts)
    .values([...rows])
    .onConflictDoNothing()
    .returning();
}

/** The alerts stored under these sources and idempotency keys. */
export async function findAlertsByKeys(
  db: Db,
  keys: readonly { sourceId: string; key: string }[],
): Promise<AlertRow[]> {
  if (keys.length === 0) {
    return [];
  }
  return db
    .select()
    .from(riskAlerts)
    .where(
      or(...keys.map((k) => and(eq(riskAlerts.sourceId, k.sourceId), eq(riskAlerts.idempotencyKey, k.key)))),
    );
}

/** One alert, locked for its triage. */
export async function lockAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const [r] = await db.select().from(riskAlerts).where(eq(riskAlerts.id, id)).for('update');
  return r;
}

/** Record a triage decision. */
export async function setTriage(
  db: Db,
  id: string,
  v: { status: string; reason: string | null; by: string; at: Date },
): Promise<AlertRow> {
  const [r] = await db
    .update(riskAlerts)
    .set({ status: v.status, triageReason: v.reason, triagedBy: v.by, triagedAt: v.at })
    .where(eq(riskAlerts.id, id))
    .returning();
  if (r === undefined) {
    throw new Error('bug: triage of a locked alert updated nothing');
  }
  return r;
}

export interface AlertFilter {
  readonly sourceIds: readonly string[];
  readonly status?: string | undefined;
  readonly type?: string | undefined;
  readonly targetId?: string | undefined;
}

function where(f: AlertFilter): SQL | undefined {
  return and(
    inArray(riskAlerts.sourceId, [...f.sourceIds]),
    f.status === undefined ? undefined : eq(riskAlerts.status, f.status),
    f.type === undefined ? undefined : eq(riskAlerts.alertType, f.type),
    f.targetId === undefined ? undefined : eq(riskAlerts.targetId, f.targetId),
  );
}

/** A page of alerts, newest first, with the matched target's name. */
export async function listAlerts(
  db: Db,
  f: AlertFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: (AlertRow & { targetName: string | null })[]; total: number }> {
  if (f.sourceIds.length === 0) {
    return { rows: [], total: 0 };
  }
  const w = where(f);
  const rows = await db
    .select({
      a: riskAlerts,
      targetName: sql<string | null>`(SELECT name FROM targets t WHERE t.id = ${riskAlerts.targetId})`,
    })
    .from(riskAlerts)
    .where(w)
    .orderBy(desc(riskAlerts.receivedAt), desc(riskAlerts.id))
    .offset(page.offset)
    .limit(page.limit);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(riskAlerts)
    .where(w);
  return { rows: rows.map((r) => ({ ...r.a, targetName: r.targetName })), total: c?.n ?? 0 };
}

const countRow = z.object({ source_id: z.string(), status: z.string(), n: z.coerce.number() });

/** Alerts per source and status. */
export async function countsBySource(
  db: Db,
  sourceIds: readonly string[],
): Promise<z.infer<typeof countRow>[]> {
  if (sourceIds.length === 0) {
    return [];
  }
  return queryRows(
    db,
    sql`SELECT source_id, status, count(*) AS n FROM risk_alerts
        WHERE source_id = ANY(${pgTextArray(sourceIds)}::text[]) GROUP BY source_id, status`,
    countRow,
  );
}

const dayRow = z.object({ day: z.string(), source_id: z.string(), n: z.coerce.number() });

/** Alerts received per China day and source, over the `days` days up to `today` (YYYY-MM-DD). */
export async function dailyCounts(
  db: Db,
  sourceIds: readonly string[],
  today: string,
  days: number,
): Promise<z.infer<typeof dayRow>[]> {
  if (sourceIds.length === 0) {
    return [];
  }
  return queryRows(
    db,
    sql`SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, source_id, count(*) AS n
        FROM risk_alerts
        WHERE source_id = ANY(${pgTextArray(sourceIds)}::text[])
          AND received_at >= (${today}::date - ${days - 1}::int)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY 1, 2 ORDER BY 1, 2`,
    dayRow,
  );
}

const activeRow = z.object({
  id: z.string(),
  source_id: z.string(),
  source_name: z.string(),
  alert_type: z.string(),
  status: z.string(),
  occurred_at: z.coerce.date(),
  expires_at: z.coerce.date(),
});

/** The alerts in force on a target at `at` (new or verified, not expired), newest first. */
export async function activeAlertsOf(
  db: Db,
  targetId: string,
  at: Date,
): Promise<z.infer<typeof activeRow>[]> {
  return queryRows(
    db,
    sql`SELECT a.id, a.source_id, s.name AS source_name, a.alert_type, a.status, a.occurred_at, a.expires_at
        FROM risk_alerts a JOIN alert_sources s ON s.id = a.source_id
        WHERE a.target_id = ${targetId} AND a.status IN ('new', 'verified')
          AND a.occurred_at <= ${at.toISOString()}::timestamptz AND a.expires_at > ${at.toISOString()}::timestamptz
        ORDER BY a.occurred_at DESC LIMIT 50`,
    activeRow,
  );
}
