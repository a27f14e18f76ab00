/**
 * Published results (一公开) for the portal and the national publicity export: keyset pages
 * over the partial index inspections_published_idx, and capped counts, so the lists stay
 * fast at a million results. Only status = 'published' rows are ever read here.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { queryOne, queryRows } from '../sql';
import { escapeLike } from './target-filter';

/** Counts stop here; beyond it the total is shown as "10000+". */
export const COUNT_CAP = 10_000;

export const publishedRowSchema = z.object({
  id: z.string(),
  published_at: z.coerce.date(),
  /** published_at as PostgreSQL text (microseconds kept), for the keyset cursor. */
  published_key: z.string(),
  visited_at: z.coerce.date().nullable(),
  target_id: z.string(),
  target_name: z.string(),
  uscc: z.string().nullable(),
  division_code: z.string(),
  task_id: z.string(),
  task_title: z.string(),
  lead_department_code: z.string(),
  lead_department_name: z.string(),
  categories: z.array(z.string()).nullable(),
});
export type PublishedRow = z.infer<typeof publishedRowSchema>;

export interface PublishedFilter {
  /** Exact USCC (a business sees every published inspection of itself). */
  readonly uscc?: string;
  /** A part of the name (CJK gram index, then LIKE). */
  readonly name?: string;
  readonly taskId?: string;
  /** Tasks of these departments (lead or participant); for staff exports. */
  readonly departments?: readonly string[];
}

function whereOf(f: PublishedFilter): SQL {
  const parts: SQL[] = [sql`i.status = 'published'`];
  if (f.uscc !== undefined) {
    parts.push(sql`t.uscc = ${f.uscc}`);
  }
  if (f.name !== undefined && f.name !== '') {
    parts.push(
      sql`ssj_name_grams(t.name) @> ssj_query_grams(${f.name}) and t.name like ${`%${escapeLike(f.name)}%`}`,
    );
  }
  if (f.taskId !== undefined) {
    parts.push(sql`i.task_id = ${f.taskId}`);
  }
  if (f.departments !== undefined) {
    const ds =
      f.departments.length === 0
        ? sql`false`
        : sql`(tk.lead_department_code in (${sql.join(
            f.departments.map((d) => sql`${d}`),
            sql`, `,
          )}) or exists (select 1 from task_participants p where p.task_id = tk.id and p.status <> 'declined' and p.department_code in (${sql.join(
            f.departments.map((d) => sql`${d}`),
            sql`, `,
          )})))`;
    parts.push(ds);
  }
  return sql.join(parts, sql` and `);
}

const FROM = sql`from inspections i join targets t on t.id = i.target_id join tasks tk on tk.id = i.task_id join departments d on d.code = tk.lead_department_code`;

/** One keyset page, newest first; `after` is the last row of the previous page. */
export async function publishedPage(
  db: Db,
  f: PublishedFilter,
  limit: number,
  after?: { publishedKey: string; id: string },
): Promise<PublishedRow[]> {
  const keyset =
    after === undefined
      ? sql`true`
      : sql`(i.published_at, i.id) < (${after.publishedKey}::timestamptz, ${after.id}::uuid)`;
  return queryRows(
    db,
    sql`select i.id, i.published_at, i.published_at::text as published_key, i.visited_at, t.id as target_id, t.name as target_name, t.uscc, t.division_code, tk.id as task_id, tk.title as task_title,
          tk.lead_department_code, d.name as lead_department_name,
          (select array_agg(r.category order by r.department_code) from inspection_results r where r.inspection_id = i.id) as categories
        ${FROM}
        where ${whereOf(f)} and ${keyset}
        order by i.published_at desc, i.id desc
        limit ${limit}`,
    publishedRowSchema,
  );
}

/** The number of matching results, counted up to COUNT_CAP + 1. */
export async function countPublished(db: Db, f: PublishedFilter): Promise<{ total: number; exact: boolean }> {
  const row = await queryOne(
    db,
    sql`select count(*)::int as n from (select 1 ${FROM} where ${whereOf(f)} limit ${COUNT_CAP + 1}) s`,
    z.object({ n: z.coerce.number() }),
  );
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, exact: false } : { total: n, exact: true };
}

export const exportRowSchema = z.object({
  id: z.string(),
  published_at: z.coerce.date(),
  visited_at: z.coerce.date().nullable(),
  uscc: z.string().nullable(),
  target_id: z.string(),
  target_name: z.string(),
  task_title: z.string(),
  department_code: z.string(),
  department_name: z.string(),
  categories: z.array(z.string()),
});
export type ExportRow = z.infer<typeof exportRowSchema>;

/** Export rows (one per visit × department that recorded results), in keyset pages. */
export async function* streamPublishedByDepartment(
  db: Db,
  f: PublishedFilter,
  pageSize = 2000,
): AsyncGenerator<ExportRow[]> {
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const keyset =
      after === undefined
        ? sql`true`
        : sql`(i.published_at, i.id) < (${after.key}::timestamptz, ${after.id}::uuid)`;
    const visits = await queryRows(
      db,
      sql`select i.id, i.published_at::text as published_key ${FROM} where ${whereOf(f)} and ${keyset} order by i.published_at desc, i.id desc limit ${pageSize}`,
      z.object({ id: z.string(), published_key: z.string() }),
    );
    const last = visits[visits.length - 1];
    if (last === undefined) {
      return;
    }
    const ids = visits.map((v) => sql`${v.id}::uuid`);
    yield await queryRows(
      db,
      sql`select i.id, i.published_at, i.visited_at, t.uscc, t.id as target_id, t.name as target_name, tk.title as task_title,
            r.department_code, coalesce(dd.name, r.department_code) as department_name, array_agg(r.category order by r.item_id) as categories
          from inspections i join targets t on t.id = i.target_id join tasks tk on tk.id = i.task_id
          join inspection_results r on r.inspection_id = i.id left join departments dd on dd.code = r.department_code
          where i.id in (${sql.join(ids, sql`, `)})
          group by i.id, i.published_at, i.visited_at, t.uscc, t.id, t.name, tk.title, r.department_code, dd.name
          order by i.published_at desc, i.id desc, r.department_code`,
      exportRowSchema,
    );
    if (visits.length < pageSize) {
      return;
    }
    after = { key: last.published_key, id: last.id };
  }
}
