/**
 * A task's scope and strata as SQL over `targets t` (spec §4: targets outside the scope are
 * not candidates). Shared by the freeze, the estimates and the overlap counts.
 */
import type { StratumSpec, TaskScope, TierSource } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { divisionRange, industryRange } from './target-filter';
import { pgTextArray } from './sql';

/** Conditions of a scope on `t`; `true` when the scope has no filter. */
export function scopeWhere(scope: TaskScope): SQL {
  const conds: SQL[] = [];
  if (scope.types.length > 0) {
    conds.push(sql`t.type = ANY(${pgTextArray(scope.types)}::text[])`);
  }
  if (scope.divisions.length > 0) {
    conds.push(
      sql`(${sql.join(
        scope.divisions.map((d) => {
          const r = divisionRange(d);
          return sql`t.division_code BETWEEN ${r.lo} AND ${r.hi}`;
        }),
        sql` OR `,
      )})`,
    );
  }
  if (scope.industries.length > 0) {
    const parts = scope.industries.map((i) => {
      const r = industryRange(i);
      return r === undefined ? sql`false` : sql`t.industry_code BETWEEN ${r.lo} AND ${r.hi}`;
    });
    conds.push(sql`(${sql.join(parts, sql` OR `)})`);
  }
  if (scope.tags.length > 0) {
    conds.push(sql`t.tags && ${pgTextArray(scope.tags)}::text[]`);
  }
  if (scope.statuses.length > 0) {
    conds.push(sql`t.status = ANY(${pgTextArray(scope.statuses)}::text[])`);
  }
  if (scope.claimedBy.length > 0) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM target_claims c WHERE c.target_id = t.id AND c.department_code = ANY(${pgTextArray(scope.claimedBy)}::text[]))`,
    );
  }
  return conds.length === 0 ? sql`true` : sql.join(conds, sql` AND `);
}

/** The tiers condition of one stratum on `t`, read from the task's tier source (null: the effective tier). */
export function stratumWhere(s: Pick<StratumSpec, 'tiers'>, source: TierSource | null = null): SQL {
  if (s.tiers === null) {
    return sql`true`;
  }
  const tier = tierOf(source);
  const tiers = s.tiers.filter((x) => x !== 'unrated');
  const parts: SQL[] = [];
  if (tiers.length > 0) {
    parts.push(sql`${tier} = ANY(${pgTextArray(tiers)}::text[])`);
  }
  if (s.tiers.includes('unrated')) {
    parts.push(sql`${tier} IS NULL`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Targets already at the yearly cap of random inspections (spec §4 CAP_REACHED), all departments. */
export function cappedTargets(year: number, cap: number): SQL {
  return sql`SELECT i.target_id FROM inspections i WHERE i.draw_year = ${year} AND i.status <> 'cancelled' GROUP BY i.target_id HAVING count(*) >= ${cap}`;
}

/**
 * The tier of `t` (targets) from a chosen source, for task frames (tasks.tier_source):
 * computed → target_risk_scores, imported → target_imported_tiers, null → the effective tier.
 */
export function tierOf(source: TierSource | null): SQL {
  switch (source) {
    case 'computed':
      return sql`(SELECT s.tier FROM target_risk_scores s WHERE s.target_id = t.id)`;
    case 'imported':
      return sql`(SELECT it.tier FROM target_imported_tiers it WHERE it.target_id = t.id)`;
    case null:
      return sql`t.risk_tier`;
  }
}
