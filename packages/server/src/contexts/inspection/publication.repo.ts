/**
 * Published results (一公开) for the portal and the national publicity export: keyset pages
 * over the search table published_results (newest first, name grams, USCC; 0019), and capped
 * counts, so the lists and searches stay fast at a million results. Only published rows are read.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryOne, queryRows } from '../../db/sql';
import { escapeLike, isOneGram } from '../../db/target-filter';

/** Counts stop here; beyond it the total is shown as "1000+" (issue 17 §6: a count of 10 000 name matches cost 19 ms a request at 1 M targets; nobody pages past 1000). */
export const COUNT_CAP = 1000;

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
  /** With `name`: also results whose USCC starts with this (a btree range); upper case. */
  readonly usccPrefix?: string;
  readonly taskId?: string;
  /** Tasks of these departments (lead or participant); for staff exports. */
  readonly departments?: readonly string[];
}

// Conditions on the search table s (and tk, the task, for `departments`).
function whereOf(f: PublishedFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.uscc !== undefined) {
    parts.push(sql`s.uscc = ${f.uscc}`);
  }
  if (f.name !== undefined && f.name !== '') {
    // One or two characters without case are a gram themselves: the index alone is exact.
    const grams = sql`s.name_grams @> ssj_query_grams(${f.name})`;
    const name =
      isOneGram(f.name) && f.name.toLowerCase() === f.name.toUpperCase()
        ? grams
        : sql`(${grams} and s.target_name like ${`%${escapeLike(f.name)}%`})`;
    parts.push(
      f.usccPrefix === undefined ? name : sql`(${name} or s.uscc like ${`${escapeLike(f.usccPrefix)}%`})`,
    );
  }
  if (f.taskId !== undefined) {
    parts.push(sql`s.task_id = ${f.taskId}`);
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

const FROM = sql`from published_results s join inspections i on i.id = s.inspection_id and i.status = 'published' join targets t on t.id = s.target_id join tasks tk on tk.id = s.task_id join departments d on d.code = tk.lead_department_code`;

// Counting needs no names: the search table holds exactly the published inspections.
const COUNT_FROM = sql`from published_results s`;
const COUNT_FROM_TASKS = sql`from published_results s join tasks tk on tk.id = s.task_id`;

/** At most this many matches are fetched whole and sorted for a page; more are paged along the date index. */
export const SORT_MATCHES_MAX = 2000;

/**
 * The statement of one keyset page, newest first (the bench EXPLAINs it): `few` when the
 * matches are few enough to fetch whole through the search indexes and sort.
 */
export function publishedPageSql(
  f: PublishedFilter,
  limit: number,
  after?: { publishedKey: string; id: string },
  few = false,
): SQL {
  const keyset =
    after === undefined
      ? sql`true`
      : sql`(s.published_at, s.inspection_id) < (${after.publishedKey}::timestamptz, ${after.id}::uuid)`;
  // The page is chosen on the search table alone, then joined (every join finds one row).
  const order = sql`order by s.published_at desc, s.inspection_id desc`;
  const pick =
    few && f.departments === undefined
      ? sql`with m as materialized (select s.* from published_results s where ${whereOf(f)} and ${keyset})
          select * from m s ${order} limit ${limit}`
      : sql`select s.* from published_results s${f.departments === undefined ? sql`` : sql` join tasks tk on tk.id = s.task_id`}
          where ${whereOf(f)} and ${keyset} ${order} limit ${limit}`;
  return sql`select i.id, s.published_at, s.published_at::text as published_key, i.visited_at, t.id as target_id, t.name as target_name, t.uscc, t.division_code, tk.id as task_id, tk.title as task_title,
          tk.lead_department_code, d.name as lead_department_name,
          (select array_agg(r.category order by r.department_code) from inspection_results r where r.inspection_id = i.id) as categories
        from (${pick}) s join inspections i on i.id = s.inspection_id and i.status = 'published' join targets t on t.id = s.target_id
          join tasks tk on tk.id = s.task_id join departments d on d.code = tk.lead_department_code
        ${order}`;
}

/** One keyset page, newest first; `after` is the last row of the previous page; `matches` from countPublished. */
export async function publishedPage(
  db: Db,
  f: PublishedFilter,
  limit: number,
  after?: { publishedKey: string; id: string },
  matches?: number,
): Promise<PublishedRow[]> {
  if (matches === 0) {
    return [];
  }
  const few = matches !== undefined && matches <= SORT_MATCHES_MAX;
  return queryRows(db, publishedPageSql(f, limit, after, few), publishedRowSchema);
}

/** The statement counting matches up to COUNT_CAP + 1 (the bench EXPLAINs it). */
export function countPublishedSql(f: PublishedFilter): SQL {
  return sql`select count(*)::int as n from (select 1 ${f.departments === undefined ? COUNT_FROM : COUNT_FROM_TASKS} where ${whereOf(f)} limit ${COUNT_CAP + 1}) m`;
}

/** The number of matching results, counted up to COUNT_CAP + 1. */
export async function countPublished(db: Db, f: PublishedFilter): Promise<{ total: number; exact: boolean }> {
  const row = await queryOne(db, countPublishedSql(f), z.object({ n: z.coerce.number() }));
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
        : sql`(s.published_at, s.inspection_id) < (${after.key}::timestamptz, ${after.id}::uuid)`;
    const visits = await queryRows(
      db,
      sql`select i.id, s.published_at::text as published_key ${FROM} where ${whereOf(f)} and ${keyset} order by s.published_at desc, s.inspection_id desc limit ${pageSize}`,
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
