/**
 * Name and USCC search at scale (issue 18): stored name grams, the portal's published_results
 * table kept in step by triggers (publish, withdraw, rename), USCC prefixes, and the two ways a
 * page is fetched (few matches sorted whole, many walked along the index) giving the same rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../src/db/client';
import {
  countPublished,
  publishedPage,
  publishedPageSql,
} from '../../src/contexts/inspection/publication.repo';
import { searchTargets, searchTargetsSql, targetRowSchema } from '../../src/contexts/library/target.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { publicResultFilter } from '../../src/contexts/inspection/portal.service';

const USCC_A = '91500112MA5U000A1X';
const USCC_B = '91500112MA5U000B2Y';

describe.each(ENGINES)('name search on %s', (engine) => {
  let database: Database;
  const exec = (q: ReturnType<typeof sql>) => database.db.execute(q);
  const portal = async (q: string) => {
    const f = publicResultFilter(q, undefined);
    const c = await countPublished(database.db, f);
    const rows = await publishedPage(database.db, f, 20, undefined, c.total);
    return { total: c.total, names: rows.map((r) => r.target_name) };
  };
  beforeAll(async () => {
    database = await freshDatabase(engine);
    await exec(
      sql`INSERT INTO regions (code, name, full_name, level) VALUES ('500000', '重庆市', '重庆市', 'province')`,
    );
    await exec(
      sql`INSERT INTO departments (code, name, short_name, region_code) VALUES ('500000-SCJG', '市场监管局', '市场监管', '500000')`,
    );
    await exec(
      sql`INSERT INTO plans (id, department_code, year, title, status) VALUES ('00000000-0000-4000-9000-000000000001', '500000-SCJG', 2026, '计划', 'published')`,
    );
    await exec(sql`INSERT INTO tasks (id, plan_id, lead_department_code, title, scope, strata, window_start, window_end, quota, status)
      VALUES ('T-N-1', '00000000-0000-4000-9000-000000000001', '500000-SCJG', '任务', '{}', '[]', '2026-03-01', '2026-03-31', '{}', 'published')`);
    await exec(sql`INSERT INTO draws (id, task_id, status, frozen_at, strata, frame_exclusion_counts, pool_digest, pair_exclusions_digest)
      VALUES ('D-N-1', 'T-N-1', 'drawn', now(), '[]', '{}', 'x', 'x')`);
    await exec(sql`INSERT INTO targets (id, uscc, type, name, division_code) VALUES
      (${USCC_A}, ${USCC_A}, '企业', '渝北区好味餐饮店', '500112'), (${USCC_B}, ${USCC_B}, '企业', '重庆鑫隆商贸有限公司', '500112')`);
    // 4,200 more targets, 2,100 of them 餐饮: enough to page along the id index rather than sort every match
    await exec(sql`INSERT INTO targets (id, type, name, division_code)
      SELECT 'N' || lpad(i::text, 5, '0'), '企业', '测试' || i || CASE WHEN i % 2 = 0 THEN '餐饮店' ELSE '便利店' END, '500112' FROM generate_series(1, 4200) i`);
    await exec(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status)
      VALUES ('T-N-1', 'D-N-1', ${USCC_A}, 2026, ARRAY['P1'], 'approved'), ('T-N-1', 'D-N-1', ${USCC_B}, 2026, ARRAY['P1'], 'approved')`);
    await exec(sql`ANALYZE targets`);
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores the name grams when a name is written', async () => {
    const rows = await queryRows(
      database.db,
      sql`SELECT name_grams FROM targets WHERE id = ${USCC_A}`,
      z.object({ name_grams: z.array(z.string()) }),
    );
    expect(rows[0]?.name_grams).toEqual(expect.arrayContaining(['餐饮', '餐', '好味', '店']));
  });

  it('publishes into the portal search table, follows renames and withdrawals', async () => {
    expect((await portal('餐饮')).total).toBe(0);
    await exec(
      sql`UPDATE inspections SET status = 'published', published_at = now() WHERE target_id = ${USCC_A}`,
    );
    expect(await portal('餐饮')).toEqual({ total: 1, names: ['渝北区好味餐饮店'] });
    expect((await portal(USCC_A)).names).toEqual(['渝北区好味餐饮店']);
    await exec(sql`UPDATE targets SET name = '渝北区好味火锅店' WHERE id = ${USCC_A}`);
    expect((await portal('餐饮')).total).toBe(0);
    expect((await portal('火锅')).names).toEqual(['渝北区好味火锅店']);
    await exec(
      sql`UPDATE inspections SET status = 'approved', published_at = NULL WHERE target_id = ${USCC_A}`,
    );
    expect((await portal('火锅')).total).toBe(0);
    expect((await portal(USCC_A)).total).toBe(0);
  });

  it('finds USCC prefixes as well as name substrings, on staff and portal searches', async () => {
    await exec(sql`UPDATE inspections SET status = 'published', published_at = now()`);
    const staff = await searchTargets(database.db, { q: '91500112ma5u000' }, 20, 0);
    expect(staff.rows.map((r) => r.id).sort()).toEqual([USCC_A, USCC_B]);
    expect(
      (await searchTargets(database.db, { q: '91500112MA5U000B' }, 20, 0)).rows.map((r) => r.id),
    ).toEqual([USCC_B]);
    expect((await portal('91500112MA5U000')).total).toBe(2);
    expect((await portal('91500112MA5U000A')).names).toEqual(['渝北区好味火锅店']);
    expect((await portal('91500112MA5U0009')).total).toBe(0);
    // a three-character name still confirms the substring
    expect((await searchTargets(database.db, { q: '鑫隆商' }, 20, 0)).rows.map((r) => r.id)).toEqual([
      USCC_B,
    ]);
    expect((await searchTargets(database.db, { q: '鑫商' }, 20, 0)).total).toBe(0);
  });

  it('pages many matches along the id index with the same rows as sorting them all', async () => {
    const res = await searchTargets(database.db, { q: '餐饮' }, 20, 40);
    expect(res.total).toBe(2100);
    const q = searchTargetsSql({ q: '餐饮' }, 20, 40);
    const few = await queryRows(database.db, q.fewPage, targetRowSchema);
    const many = await queryRows(database.db, q.manyPage, targetRowSchema);
    expect(res.rows.map((r) => r.id)).toEqual(few.map((r) => r.id));
    expect(many.map((r) => r.id)).toEqual(few.map((r) => r.id));
    expect(few).toHaveLength(20);
    const f = publicResultFilter('商贸', undefined);
    const row = z.object({ id: z.string() });
    const a = await queryRows(database.db, publishedPageSql(f, 5, undefined, true), row);
    const b = await queryRows(database.db, publishedPageSql(f, 5, undefined, false), row);
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });
});
