/**
 * Credit-risk figures in SQL (issue 6): tier distribution per source over a region, and the
 * usage rate (tasks whose strata use tiers ÷ tasks) per lead department.
 */
import { RISK_TIERS } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryOne, queryRows, pgTextArray } from '../../db/sql';
import { regionTargets } from './risk.repo';
import { divisionRange } from '../../db/target-filter';

export type TierCounts = Record<'A' | 'B' | 'C' | 'D' | 'unrated', number>;

const tierRow = z.object({ tier: z.string().nullable(), n: z.coerce.number() });

function countsOf(rows: readonly z.infer<typeof tierRow>[], total: number): TierCounts {
  const c: TierCounts = { A: 0, B: 0, C: 0, D: 0, unrated: 0 };
  let rated = 0;
  for (const r of rows) {
    if (r.tier === 'A' || r.tier === 'B' || r.tier === 'C' || r.tier === 'D') {
      c[r.tier] = r.n;
      rated += r.n;
    }
  }
  c.unrated = total - rated;
  return c;
}

/** Tier counts of the region's targets in business: effective, computed and imported. */
export async function tierDistribution(
  db: Db,
  region: string,
): Promise<{ total: number; effective: TierCounts; computed: TierCounts; imported: TierCounts }> {
  const where = regionTargets(region);
  const total =
    (
      await queryOne(
        db,
        sql`SELECT count(*) AS n FROM targets t WHERE ${where}`,
        z.object({ n: z.coerce.number() }),
      )
    )?.n ?? 0;
  const effective = await queryRows(
    db,
    sql`SELECT t.risk_tier AS tier, count(*) AS n FROM targets t WHERE ${where} GROUP BY 1`,
    tierRow,
  );
  const computed = await queryRows(
    db,
    sql`SELECT s.tier, count(*) AS n FROM target_risk_scores s JOIN targets t ON t.id = s.target_id WHERE ${where} GROUP BY 1`,
    tierRow,
  );
  const imported = await queryRows(
    db,
    sql`SELECT it.tier, count(*) AS n FROM target_imported_tiers it JOIN targets t ON t.id = it.target_id WHERE ${where} GROUP BY 1`,
    tierRow,
  );
  return {
    total,
    effective: countsOf(effective, total),
    computed: countsOf(computed, total),
    imported: countsOf(imported, total),
  };
}

const usageRow = z.object({
  department_code: z.string(),
  name: z.string(),
  region_code: z.string(),
  tasks: z.coerce.number(),
  tiered: z.coerce.number(),
});
export type UsageRow = z.infer<typeof usageRow>;

/**
 * Per lead department of the region: its tasks (window starting in `year`, when given) and
 * those using tiers — a stratum naming A–D (in its tiers or as its name) or a tier source.
 * Departments without tasks are listed with zero.
 */
export async function usageByDepartment(db: Db, region: string, year: number | null): Promise<UsageRow[]> {
  const r = region === 'all' ? null : divisionRange(region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  const inYear = year === null ? sql`true` : sql`extract(year FROM k.window_start) = ${year}`;
  const tiers = pgTextArray([...RISK_TIERS]);
  return queryRows(
    db,
    sql`SELECT d.code AS department_code, d.name, d.region_code, count(k.id) AS tasks,
          count(k.id) FILTER (WHERE k.tier_source IS NOT NULL OR EXISTS (
            SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(k.strata) = 'array' THEN k.strata ELSE '[]'::jsonb END) s
            WHERE (jsonb_typeof(s->'tiers') = 'array' AND (s->'tiers') ?| ${tiers}::text[]) OR (s->>'name') = ANY(${tiers}::text[]))) AS tiered
        FROM departments d LEFT JOIN tasks k ON k.lead_department_code = d.code AND ${inYear} AND k.status <> 'merged'
        WHERE ${inRegion}
        GROUP BY d.code, d.name, d.region_code
        ORDER BY d.code`,
    usageRow,
  );
}
