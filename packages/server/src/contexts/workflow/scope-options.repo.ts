/**
 * What a task's scope can choose from: the districts, industries (GB/T 4754 divisions) and tags
 * that targets in a region actually carry, with how many 在营 targets each holds.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql';
import { divisionRange } from '../../db/target-filter';

const counted = z.object({ code: z.string(), n: z.coerce.number() });
const MAX_TAGS = 300;

/** Counts of 在营 targets per district, per industry division and per tag, within a region (null: everywhere). */
export async function scopeFacets(
  db: Db,
  regionCode: string | null,
): Promise<{
  divisions: z.infer<typeof counted>[];
  industries: z.infer<typeof counted>[];
  tags: z.infer<typeof counted>[];
}> {
  const r = regionCode === null ? null : divisionRange(regionCode);
  const where =
    r === null
      ? sql`t.status = '在营'`
      : sql`t.status = '在营' AND t.division_code BETWEEN ${r.lo} AND ${r.hi}`;
  const divisions = await queryRows(
    db,
    sql`SELECT t.division_code AS code, count(*) AS n FROM targets t WHERE ${where} GROUP BY 1 ORDER BY 1`,
    counted,
  );
  const industries = await queryRows(
    db,
    sql`SELECT left(t.industry_code, 2) AS code, count(*) AS n FROM targets t WHERE ${where} AND t.industry_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
    counted,
  );
  const tags = await queryRows(
    db,
    sql`SELECT tag AS code, count(*) AS n FROM targets t, unnest(t.tags) AS tag WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_TAGS}`,
    counted,
  );
  return { divisions, industries, tags };
}
