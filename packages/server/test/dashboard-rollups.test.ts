/**
 * The dashboard rollups (issue 6; migration 0010) stay equal to a recount over the base tables
 * whatever statements change inspections, results and follow-ups: hand-counted rows on the
 * metrics world, each result category's problem flag against core, and random statement
 * sequences (single- and multi-row) checked by `rollupDrift`, on both engines.
 */
import { isProblemCategory, RESULT_CATEGORIES } from '@openssj/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client';
import { rebuildRollups, rollupDrift } from '../src/contexts/oversight/metrics.repo';
import { queryRows } from '../src/db/sql';
import { targets } from '../src/db/schema';
import { ENGINES } from '../src/db/test-databases';
import { testApp, type TestApp } from './support/app';
import { DEPT_A, DEPT_C } from './support/fixtures';
import { loadMetricsWorld, M_ITEMS } from './support/metrics-fixtures';
import { z } from 'zod';

const EXTRA = Array.from({ length: 12 }, (_, i) => `MR-${String(i + 1).padStart(2, '0')}`);
const DRAWS = [
  { draw: 'DJ', task: 'TJ' },
  { draw: 'DA', task: 'TA' },
  { draw: 'DB', task: 'TB' },
] as const;
const ITEMS = [M_ITEMS.A1, M_ITEMS.A2, M_ITEMS.C1] as const;
const MONTHS = [null, '2026-03-31T17:00:00Z', '2026-04-02T02:00:00Z', '2026-06-15T02:00:00Z'] as const;
const STATUSES = ['assigned', 'submitted', 'approved', 'published', 'cancelled'] as const;

type Op =
  | { k: 'insert'; d: number; t: number; who: number; status: number }
  | { k: 'status'; i: number; status: number }
  | { k: 'visit'; i: number; m: number }
  | { k: 'team'; i: number; who: number }
  | { k: 'result'; i: number; item: number; cat: number }
  | { k: 'recategorise'; i: number; cat: number }
  | { k: 'unresult'; i: number }
  | { k: 'follow'; i: number; closed: boolean }
  | { k: 'close'; i: number }
  | { k: 'unfollow'; i: number }
  | { k: 'cancel-task'; d: number }
  | { k: 'delete'; i: number };

const idx = fc.nat(50);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    k: fc.constant('insert' as const),
    d: fc.nat(2),
    t: fc.nat(EXTRA.length - 1),
    who: fc.nat(3),
    status: fc.nat(STATUSES.length - 1),
  }),
  fc.record({ k: fc.constant('status' as const), i: idx, status: fc.nat(STATUSES.length - 1) }),
  fc.record({ k: fc.constant('visit' as const), i: idx, m: fc.nat(MONTHS.length - 1) }),
  fc.record({ k: fc.constant('team' as const), i: idx, who: fc.nat(3) }),
  fc.record({
    k: fc.constant('result' as const),
    i: idx,
    item: fc.nat(ITEMS.length - 1),
    cat: fc.nat(RESULT_CATEGORIES.length - 1),
  }),
  fc.record({ k: fc.constant('recategorise' as const), i: idx, cat: fc.nat(RESULT_CATEGORIES.length - 1) }),
  fc.record({ k: fc.constant('unresult' as const), i: idx }),
  fc.record({ k: fc.constant('follow' as const), i: idx, closed: fc.boolean() }),
  fc.record({ k: fc.constant('close' as const), i: idx }),
  fc.record({ k: fc.constant('unfollow' as const), i: idx }),
  fc.record({ k: fc.constant('cancel-task' as const), d: fc.nat(2) }),
  fc.record({ k: fc.constant('delete' as const), i: idx }),
);

/** Teams: pairs and a single inspector, so unnest counts differ. */
const team = (who: number): string[] =>
  [['MP-1', 'MP-2'], ['MP-1', 'MP-3'], ['MP-2'], ['MP-3', 'MP-2']][who % 4] ?? ['MP-1'];

const idRow = z.object({ id: z.string() });

async function pick(
  database: Database,
  table: 'inspections' | 'follow_ups',
  i: number,
): Promise<string | null> {
  const rows = await queryRows(
    database.db,
    table === 'inspections'
      ? sql`SELECT id::text AS id FROM inspections ORDER BY id`
      : sql`SELECT id::text AS id FROM follow_ups ORDER BY id`,
    idRow,
  );
  return rows.length === 0 ? null : (rows[i % rows.length]?.id ?? null);
}

/** Apply one statement (or, for delete, the three of a transaction). */
async function apply(database: Database, op: Op): Promise<void> {
  const db = database.db;
  switch (op.k) {
    case 'insert': {
      const d = DRAWS[op.d] ?? DRAWS[0];
      await db.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status)
        VALUES (${d.task}, ${d.draw}, ${EXTRA[op.t] ?? 'MR-01'}, 2026, ${`{${team(op.who).join(',')}}`}::text[], ${STATUSES[op.status] ?? 'assigned'})
        ON CONFLICT DO NOTHING`);
      return;
    }
    case 'cancel-task': {
      const d = DRAWS[op.d] ?? DRAWS[0];
      await db.execute(
        sql`UPDATE inspections SET status = 'cancelled' WHERE draw_id = ${d.draw} AND status <> 'published'`,
      );
      return;
    }
    case 'close':
    case 'unfollow': {
      const f = await pick(database, 'follow_ups', op.i);
      if (f !== null) {
        await db.execute(
          op.k === 'close'
            ? sql`UPDATE follow_ups SET status = 'closed' WHERE id = ${f}::uuid`
            : sql`DELETE FROM follow_ups WHERE id = ${f}::uuid`,
        );
      }
      return;
    }
    case 'status':
    case 'visit':
    case 'team':
    case 'result':
    case 'recategorise':
    case 'unresult':
    case 'follow':
    case 'delete':
      break;
  }
  const id = await pick(database, 'inspections', op.i);
  if (id === null) {
    return;
  }
  switch (op.k) {
    case 'status':
      await db.execute(
        sql`UPDATE inspections SET status = ${STATUSES[op.status] ?? 'assigned'} WHERE id = ${id}::uuid`,
      );
      return;
    case 'visit': {
      const m = MONTHS[op.m] ?? null;
      await db.execute(sql`UPDATE inspections SET visited_at = ${m}::timestamptz WHERE id = ${id}::uuid`);
      return;
    }
    case 'team':
      await db.execute(
        sql`UPDATE inspections SET inspectors = ${`{${team(op.who).join(',')}}`}::text[] WHERE id = ${id}::uuid`,
      );
      return;
    case 'result':
      await db.execute(sql`INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
        VALUES (${id}::uuid, ${ITEMS[op.item] ?? M_ITEMS.A1}::uuid, 1, ${op.item === 2 ? DEPT_C : DEPT_A}, ${RESULT_CATEGORIES[op.cat] ?? '其他'}, 'prop', now())
        ON CONFLICT (inspection_id, item_id) DO UPDATE SET category = EXCLUDED.category`);
      return;
    case 'recategorise':
      // every result of the inspection in one statement
      await db.execute(
        sql`UPDATE inspection_results SET category = ${RESULT_CATEGORIES[op.cat] ?? '其他'} WHERE inspection_id = ${id}::uuid`,
      );
      return;
    case 'unresult':
      await db.execute(sql`DELETE FROM inspection_results WHERE ctid IN (
        SELECT ctid FROM inspection_results WHERE inspection_id = ${id}::uuid ORDER BY item_id LIMIT 1)`);
      return;
    case 'follow':
      await db.execute(sql`INSERT INTO follow_ups (inspection_id, target_id, department_code, kind, detail, status, created_by)
        SELECT id, target_id, ${DEPT_A}, 'correction_order', '限期改正', ${op.closed ? 'closed' : 'open'}, 'prop' FROM inspections WHERE id = ${id}::uuid`);
      return;
    case 'delete':
      await db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM follow_ups WHERE inspection_id = ${id}::uuid`);
        await tx.execute(sql`DELETE FROM inspection_results WHERE inspection_id = ${id}::uuid`);
        await tx.execute(sql`DELETE FROM inspection_photos WHERE inspection_id = ${id}::uuid`);
        await tx.execute(sql`DELETE FROM inspections WHERE id = ${id}::uuid`);
      });
      return;
  }
}

describe.each(ENGINES)('dashboard rollups (%s)', (engine) => {
  let t: TestApp;
  let database: Database;
  beforeAll(async () => {
    t = await testApp(engine);
    database = t.database;
    await loadMetricsWorld(database);
    await database.db
      .insert(targets)
      .values(EXTRA.map((id) => ({ id, type: '企业', name: id, divisionCode: '500112' })));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('holds the hand-counted rows of the metrics world', async () => {
    const months = await queryRows(
      database.db,
      sql`SELECT task_id, month, inspections, with_results, with_problem FROM rollup_task_months WHERE inspections > 0 ORDER BY 1, 2`,
      z.object({
        task_id: z.string(),
        month: z.string(),
        inspections: z.number(),
        with_results: z.number(),
        with_problem: z.number(),
      }),
    );
    // TJ: MX-1 (problem) and MX-2 visited in March; TA: MX-1 in May; TB: MB-1 not visited
    expect(months.find((m) => m.task_id === 'TJ')).toMatchObject({
      month: '2026-03',
      inspections: 2,
      with_problem: 1,
    });
    expect(months.find((m) => m.task_id === 'TA')).toMatchObject({ month: '2026-05', inspections: 1 });
    expect(months.find((m) => m.task_id === 'TB')).toMatchObject({ month: '', inspections: 1 });
    const visits = await queryRows(
      database.db,
      sql`SELECT inspector, sum(visits)::int AS v FROM rollup_task_inspectors WHERE task_id IN ('TJ', 'TA') GROUP BY 1 ORDER BY 1`,
      z.object({ inspector: z.string(), v: z.number() }),
    );
    expect(visits).toEqual([
      { inspector: 'MP-1', v: 3 },
      { inspector: 'MP-2', v: 2 },
      { inspector: 'MP-3', v: 1 },
    ]);
    expect(await rollupDrift(database.db)).toEqual([]);
  });

  it('flags a problem exactly for core’s problem categories', async () => {
    const db = database.db;
    await db.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at)
      VALUES ('TA', 'DA', 'MR-12', 2026, '{MP-1}', 'approved', '2026-05-20T02:00:00Z')`);
    const [row] = await queryRows(
      db,
      sql`SELECT id::text AS id FROM inspections WHERE target_id = 'MR-12' AND draw_id = 'DA'`,
      idRow,
    );
    const id = row?.id ?? '';
    const problems = async (): Promise<number> =>
      (
        await queryRows(
          db,
          sql`SELECT with_problem FROM rollup_task_months WHERE task_id = 'TA' AND month = '2026-05'`,
          z.object({ with_problem: z.number() }),
        )
      )[0]?.with_problem ?? -1;
    const base = await problems();
    for (const category of RESULT_CATEGORIES) {
      await db.execute(sql`INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
        VALUES (${id}::uuid, ${M_ITEMS.A2}::uuid, 1, ${DEPT_A}, ${category}, 'cat', now())
        ON CONFLICT (inspection_id, item_id) DO UPDATE SET category = EXCLUDED.category`);
      expect({ category, problem: (await problems()) - base }).toEqual({
        category,
        problem: isProblemCategory(category) ? 1 : 0,
      });
      await db.execute(sql`DELETE FROM inspection_results WHERE inspection_id = ${id}::uuid`);
      expect(await problems()).toBe(base);
    }
    await db.execute(sql`DELETE FROM inspections WHERE id = ${id}::uuid`);
    expect(await rollupDrift(db)).toEqual([]);
  });

  it('stays equal to a recount under random statement sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const op of ops) {
          await apply(database, op);
        }
        const drift = await rollupDrift(database.db);
        expect({ ops, drift }).toEqual({ ops, drift: [] });
      }),
      { numRuns: engine === 'pglite' ? 30 : 40, seed: 20261122 },
    );
    // the sequences did change things: some rollups have moved away from the world's first state
    const n = await queryRows(
      database.db,
      sql`SELECT count(*)::int AS n FROM rollup_task_inspectors WHERE task_id IN ('TJ', 'TA', 'TB')`,
      z.object({ n: z.number() }),
    );
    expect(n[0]?.n ?? 0).toBeGreaterThan(3);
  }, 300_000);

  /** A live inspection with a result, whatever the random sequences left. */
  async function liveInspection(target: string): Promise<void> {
    const db = database.db;
    await db.insert(targets).values({ id: target, type: '企业', name: target, divisionCode: '500112' });
    await db.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at)
      VALUES ('TJ', 'DJ', ${target}, 2026, '{MP-1,MP-2}', 'approved', '2026-03-20T02:00:00Z')`);
    await db.execute(sql`INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
      SELECT id, ${M_ITEMS.A1}::uuid, 1, ${DEPT_A}, '发现问题待后续处理', 'live', now() FROM inspections WHERE target_id = ${target}`);
  }

  it('detects a rollup that was changed behind the triggers’ back', async () => {
    const db = database.db;
    await liveInspection('MS-1');
    await db.execute(
      sql`INSERT INTO rollup_task_months (task_id, month, inspections) VALUES ('TJ', '1999-01', 1)`,
    );
    expect(await rollupDrift(db)).toEqual([{ rollup: 'rollup_task_months', rows: 1 }]);
    await db.execute(sql`DELETE FROM rollup_task_months WHERE month = '1999-01'`);
    // a changed count shows as the stored row and the recounted one
    await db.execute(sql`UPDATE rollup_task_inspectors SET visits = visits + 1 WHERE (task_id, inspector) IN (
      SELECT task_id, inspector FROM rollup_task_inspectors WHERE visits > 0 ORDER BY 1, 2 LIMIT 1)`);
    expect(await rollupDrift(db)).toEqual([{ rollup: 'rollup_task_inspectors', rows: 2 }]);
    await db.execute(sql`UPDATE rollup_task_inspectors SET visits = visits - 1 WHERE (task_id, inspector) IN (
      SELECT task_id, inspector FROM rollup_task_inspectors WHERE visits > 1 ORDER BY 1, 2 LIMIT 1)`);
    expect(await rollupDrift(db)).toEqual([]);
  });
  it('rebuilds rollups that drifted, from the base tables', async () => {
    const db = database.db;
    await liveInspection('MS-2');
    const before = await queryRows(
      db,
      sql`SELECT task_id, inspector, visits FROM rollup_task_inspectors WHERE visits <> 0 ORDER BY 1, 2`,
      z.object({ task_id: z.string(), inspector: z.string(), visits: z.number() }),
    );
    await db.execute(sql`UPDATE rollup_task_inspectors SET visits = visits + 5`);
    await db.execute(sql`DELETE FROM rollup_task_categories`);
    await db.execute(
      sql`UPDATE inspections SET result_categories = '{其他}' WHERE id = (SELECT min(id::text)::uuid FROM inspections)`,
    );
    expect((await rollupDrift(db)).map((d) => d.rollup).sort()).toEqual(
      expect.arrayContaining(['rollup_task_categories', 'rollup_task_inspectors']),
    );
    await db.transaction((tx) => rebuildRollups(tx));
    expect(await rollupDrift(db)).toEqual([]);
    const after = await queryRows(
      db,
      sql`SELECT task_id, inspector, visits FROM rollup_task_inspectors WHERE visits <> 0 ORDER BY 1, 2`,
      z.object({ task_id: z.string(), inspector: z.string(), visits: z.number() }),
    );
    expect(after).toEqual(before);
  });
});
