/**
 * The records behind a dashboard chart (issue 6: every chart drills down): inspections, tasks or
 * follow-ups of the same region, department and period, narrowed by what was clicked, paginated
 * in SQL (keyed by the row's id so pages are stable).
 */
import { ok, type DomainError, type Result } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { PROBLEM_CATEGORIES_SQL, scopedTasks } from '../db/repos/metrics.repo';
import { queryRows } from '../db/sql';
import type { ServiceDeps } from './context';
import { metricsQuerySchema, metricsScope } from './metrics.service';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const recordsQuerySchema = metricsQuerySchema.extend({
  kind: z.enum(['inspections', 'tasks', 'followUps']),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  category: z.string().trim().min(1).max(60).optional(),
  problem: flag.optional(),
  inspector: z.string().trim().min(1).max(60).optional(),
  joint: flag.optional(),
  closed: flag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;

export const recordsSchema = z.object({
  kind: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Columns depend on the kind; every value is shown as text. */
  items: z.array(z.record(z.string(), z.string().nullable())),
});

const n = z.coerce.number();
/** A raw SQL value as display text (dates as ISO, arrays and objects as JSON). */
function s(v: unknown): string | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
      ? String(v)
      : JSON.stringify(v);
}

function inspectionWhere(q: RecordsQuery): SQL {
  const parts: SQL[] = [sql`i.status <> 'cancelled'`, sql`i.task_id IN (SELECT task_id FROM st)`];
  if (q.month !== undefined) {
    parts.push(
      sql`to_char(coalesce((i.visited_at AT TIME ZONE 'Asia/Shanghai')::date, k.window_start), 'YYYY-MM') = ${q.month}`,
    );
  }
  // result_categories: the inspection's distinct categories, kept by a trigger (migration 0010)
  if (q.category !== undefined) {
    parts.push(sql`${q.category} = ANY(i.result_categories)`);
  }
  if (q.problem !== undefined) {
    const has = sql`i.result_categories && ${PROBLEM_CATEGORIES_SQL}::text[]`;
    parts.push(q.problem ? has : sql`NOT ${has}`);
  }
  if (q.inspector !== undefined) {
    parts.push(sql`${q.inspector} = ANY(i.inspectors)`);
  }
  return sql.join(parts, sql` AND `);
}

/** One page of the records behind a chart. */
export async function dashboardRecords(
  deps: ServiceDeps,
  actor: Actor,
  q: RecordsQuery,
): Promise<Result<z.infer<typeof recordsSchema>, DomainError>> {
  const sc = metricsScope(actor, q);
  if (!sc.ok) {
    return sc;
  }
  const db = deps.database.db;
  const offset = (q.page - 1) * q.pageSize;
  const withTotal = z.object({ total: n }).catchall(z.unknown());
  let rows: z.infer<typeof withTotal>[];
  switch (q.kind) {
    case 'inspections':
      // the count and the page are separate statements: the page joins targets for its rows only
      rows = await queryRows(
        db,
        sql`WITH ${scopedTasks(sc.value)},
          hit AS (SELECT i.id, i.task_id, k.title AS task_title, k.lead_department_code, i.target_id, i.status, i.inspectors, i.visited_at,
                    i.result_categories
                  FROM inspections i JOIN tasks k ON k.id = i.task_id
                  WHERE ${inspectionWhere(q)}
                  ORDER BY i.task_id, i.id LIMIT ${q.pageSize} OFFSET ${offset})
          SELECT h.id, h.task_id, h.task_title, h.lead_department_code, h.target_id, t.name AS target_name, h.status,
            array_to_string(h.inspectors, '、') AS inspectors, h.visited_at, nullif(array_to_string(h.result_categories, '；'), '') AS categories,
            (SELECT count(*) FROM inspections i JOIN tasks k ON k.id = i.task_id WHERE ${inspectionWhere(q)}) AS total
          FROM hit h JOIN targets t ON t.id = h.target_id
          ORDER BY h.task_id, h.id`,
        withTotal,
      );
      break;
    case 'tasks': {
      const joint =
        q.joint === undefined ? sql`true` : q.joint ? sql`bool_or(st.joint)` : sql`NOT bool_or(st.joint)`;
      rows = await queryRows(
        db,
        sql`WITH ${scopedTasks(sc.value)}
          SELECT k.id, k.title, k.lead_department_code, k.window_start::text AS window_start, k.window_end::text AS window_end, k.status,
            max(st.ndept) AS departments, bool_or(st.joint) AS joint, k.results_published_at,
            (SELECT coalesce(sum(m.inspections), 0) FROM rollup_task_months m WHERE m.task_id = k.id) AS inspections,
            count(*) OVER () AS total
          FROM st JOIN tasks k ON k.id = st.task_id
          GROUP BY k.id HAVING ${joint}
          ORDER BY k.window_start, k.id LIMIT ${q.pageSize} OFFSET ${offset}`,
        withTotal,
      );
      break;
    }
    case 'followUps': {
      const closed = q.closed === undefined ? sql`true` : sql`(f.status = 'closed') = ${q.closed}`;
      rows = await queryRows(
        db,
        sql`WITH ${scopedTasks(sc.value)}
          SELECT f.id, f.department_code, f.kind, f.target_id, t.name AS target_name, f.deadline::text AS deadline, f.status, f.closed_at,
            count(*) OVER () AS total
          FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id JOIN targets t ON t.id = f.target_id
          WHERE i.task_id IN (SELECT task_id FROM st) AND f.department_code IN (SELECT dept FROM st) AND ${closed}
          ORDER BY f.created_at, f.id LIMIT ${q.pageSize} OFFSET ${offset}`,
        withTotal,
      );
      break;
    }
  }
  const total = rows[0]?.total ?? 0;
  const items = rows.map((r) => {
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k !== 'total') {
        out[k] = s(v);
      }
    }
    return out;
  });
  return ok({ kind: q.kind, total, page: q.page, pageSize: q.pageSize, items });
}
