/**
 * Frame estimates for plans, schemes and tasks before a draw: how many targets of each stratum
 * are in scope, 在营 and under the yearly cap. The draw freezes the real frame (draw/frame.repo).
 */
import type { StratumSpec, TaskScope, TierSource } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryOne } from '../../db/sql';
import { cappedTargets, scopeWhere, stratumWhere } from '../../db/scope-sql';

/** Estimated frame sizes of strata (in scope, 在营, not capped), for plans and schemes. */
export async function estimateFrames(
  db: Db,
  scope: TaskScope,
  strata: readonly Pick<StratumSpec, 'tiers'>[],
  year: number,
  cap: number,
  tierSource: TierSource | null = null,
): Promise<number[]> {
  if (strata.length === 0) {
    return [];
  }
  const cols = strata.map(
    (s, i) => sql`count(*) FILTER (WHERE ${stratumWhere(s, tierSource)}) AS ${sql.raw(`s${i}`)}`,
  );
  const row = await queryOne(
    db,
    sql`SELECT ${sql.join(cols, sql`, `)} FROM targets t WHERE ${scopeWhere(scope)} AND t.status = '在营' AND t.id NOT IN (${cappedTargets(year, cap)})`,
    z.record(z.string(), z.coerce.number()),
  );
  return strata.map((_, i) => row?.[`s${i}`] ?? 0);
}
