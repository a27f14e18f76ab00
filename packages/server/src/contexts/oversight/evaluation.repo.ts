/** The SQL behind the department evaluation (issue 6) that the metrics rollups do not hold. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql';
import { divisionRange } from '../../db/target-filter';

/** Per department of a region ('all' or a division code): the year's plans, and those published before their first task began. */
export async function plansPublishedOnTime(
  db: Db,
  region: string,
  year: number,
): Promise<{ dept: string; plans: number; on_time: number }[]> {
  const r = region === 'all' ? null : divisionRange(region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  return queryRows(
    db,
    sql`SELECT p.department_code AS dept, count(*) AS plans,
        count(*) FILTER (WHERE p.published_at IS NOT NULL AND (p.published_at AT TIME ZONE 'Asia/Shanghai')::date
          <= coalesce((SELECT min(k.window_start) FROM tasks k WHERE k.plan_id = p.id), make_date(${year}, 12, 31))) AS on_time
      FROM plans p JOIN departments d ON d.code = p.department_code
      WHERE p.year = ${year} AND ${inRegion} GROUP BY 1`,
    z.object({ dept: z.string(), plans: z.coerce.number(), on_time: z.coerce.number() }),
  );
}
