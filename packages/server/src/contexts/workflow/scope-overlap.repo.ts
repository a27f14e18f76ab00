/** Targets that two task scopes share (joint-task suggestions and the plan overview, issue 6). */
import type { TaskScope } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryOne } from '../../db/sql';
import { scopeWhere } from '../../db/scope-sql';

/** Operating targets that both scopes select (the targets a merger would inspect once). */
export async function commonTargetCount(db: Db, a: TaskScope, b: TaskScope): Promise<number> {
  const row = await queryOne(
    db,
    sql`SELECT count(*) AS n FROM targets t WHERE t.status = '在营' AND ${scopeWhere(a)} AND ${scopeWhere(b)}`,
    z.object({ n: z.coerce.number() }),
  );
  return row?.n ?? 0;
}
