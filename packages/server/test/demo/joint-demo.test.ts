// The demo's joint-task opportunity (issue 6): 市场监管 and 民政 each plan a December 2026 check of
// 渝北's elderly-care homes; 联合抽查建议 lists the pair for `admin` and `mz_admin` with the visits a
// merger saves, recomputed here from the targets: each task draws ⌈N × ratio⌉ of its frame; in the
// shared part each expects k × shared ÷ N visits, and a joint visit serves both, so the smaller
// expectation is saved. Then admin proposes, mz_admin accepts, and the joint task replaces both.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { queryOne, queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { buildApp, type App } from '../../src/app';
import { generateDemo } from '../../src/demo';
import { DEMO_PASSWORD } from '../support/demo-password';
import { seedWorkflowHistory } from '../../src/demo/history.demo';
import {
  ELDERLY_CARE,
  JOINT_DEMO,
  seedJointOpportunities,
  VOCATIONAL_TRAINING,
  type JointDemoSummary,
} from '../../src/demo/joint.demo';
import { seedResultHistory } from '../../src/demo/results-history.demo';
import { seedDemo } from '../../src/demo/seed';
import { loginAs } from '../support/app';

const suggestionsReply = z.object({
  items: z.array(
    z.object({
      taskIds: z.array(z.string()),
      titles: z.array(z.string()),
      departments: z.array(z.string()),
      windowStart: z.string(),
      windowEnd: z.string(),
      estimate: z.object({
        alone: z.number(),
        merged: z.number(),
        saved: z.number(),
        commonTargets: z.number(),
      }),
      proposalId: z.string().nullable(),
    }),
  ),
});
const n = z.object({ n: z.coerce.number() });

describe.each(ENGINES)('demo joint-task opportunity on %s', (engine) => {
  let database: Database;
  let app: App;
  let summary: JointDemoSummary;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    const clock = () => new Date('2026-11-20T02:00:00Z');
    const config = loadConfig({ SSJ_LOGIN_RATE_PER_MINUTE: '1000' });
    await seedDemo(database, {
      clock,
      password: DEMO_PASSWORD,
      data: generateDemo(undefined, { targetCount: 8000 }),
    });
    await seedWorkflowHistory(database, { config, clock });
    summary = await seedJointOpportunities(database, { config });
    await seedResultHistory(database); // main.ts's order
    app = await buildApp({
      database,
      config,
      clock: () => new Date('2026-11-23T02:00:00Z'),
      webDist: null,
    });
    await app.ready();
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** 在营 targets of 渝北 in these industries, less those already inspected twice in 2026 (the yearly cap). */
  const frame = async (industries: readonly string[]): Promise<number> =>
    (
      await queryOne(
        database.db,
        sql`SELECT count(*) AS n FROM targets
            WHERE division_code LIKE '500112%' AND status = '在营'
              AND industry_code IN (${sql.join(
                industries.map((i) => sql`${i}`),
                sql`, `,
              )})
              AND id NOT IN (SELECT target_id FROM inspections WHERE draw_year = 2026 AND status <> 'cancelled'
                             GROUP BY target_id HAVING count(*) >= 2)`,
        n,
      )
    )?.n ?? 0;

  it('leaves two published plans with planned, undrawn tasks in overlapping December windows', async () => {
    const rows = await queryRows(
      database.db,
      sql`SELECT t.id, t.title, t.status, t.lead_department_code AS lead, t.window_start::text AS ws, t.window_end::text AS we,
                 p.status AS plan_status, (SELECT count(*) FROM draws d WHERE d.task_id = t.id) AS draws
          FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.id IN (${summary.taskIds[0]}, ${summary.taskIds[1]}) ORDER BY t.id`,
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        lead: z.string(),
        ws: z.string(),
        we: z.string(),
        plan_status: z.string(),
        draws: z.coerce.number(),
      }),
    );
    expect(rows.map((r) => [r.lead, r.title, r.status, r.plan_status, r.draws])).toEqual([
      ['500112-SCJG', JOINT_DEMO.scjg.title, 'planned', 'published', 0],
      ['500112-MZ', JOINT_DEMO.mz.title, 'planned', 'published', 0],
    ]);
    const [a, b] = rows;
    expect(a !== undefined && b !== undefined && a.ws <= b.we && b.ws <= a.we).toBe(true);
  });

  it('lists the suggestion for both admins with the visits saved, computed from the targets', async () => {
    const nA = await frame([ELDERLY_CARE, VOCATIONAL_TRAINING]);
    const nB = await frame([ELDERLY_CARE]);
    const shared =
      (
        await queryOne(
          database.db,
          sql`SELECT count(*) AS n FROM targets WHERE division_code LIKE '500112%' AND status = '在营' AND industry_code = ${ELDERLY_CARE}`,
          n,
        )
      )?.n ?? 0;
    expect(nB).toBeGreaterThan(0);
    expect(nA).toBeGreaterThan(nB); // the 市场监管 task also covers the training schools
    const kA = Math.floor((nA + 9) / 10); // ⌈N × 10 %⌉
    const kB = Math.floor((nB + 4) / 5); // ⌈N × 20 %⌉
    const saved = Math.min(
      Math.floor((kA * Math.min(shared, nA)) / nA),
      Math.floor((kB * Math.min(shared, nB)) / nB),
    );
    expect(saved).toBeGreaterThan(0);

    for (const username of ['admin', 'mz_admin']) {
      const who = await loginAs(app, username, DEMO_PASSWORD);
      const res = await app.inject({
        method: 'GET',
        url: '/api/joint/suggestions?year=2026',
        headers: who.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      const mine = suggestionsReply
        .parse(res.json())
        .items.find((s) => s.taskIds.includes(summary.taskIds[0]) && s.taskIds.includes(summary.taskIds[1]));
      expect(mine, username).toBeDefined();
      expect([...(mine?.departments ?? [])].sort()).toEqual(['500112-MZ', '500112-SCJG']);
      expect(mine?.windowStart).toBe(JOINT_DEMO.mz.windowStart);
      expect(mine?.windowEnd).toBe(JOINT_DEMO.mz.windowEnd);
      expect(mine?.proposalId).toBeNull();
      expect(mine?.estimate).toEqual({
        alone: kA + kB,
        merged: kA + kB - saved,
        saved,
        commonTargets: shared,
      });
    }
  });

  it('admin proposes, mz_admin accepts: the joint task replaces both (never drawn apart), with the visits saved on record', async () => {
    const admin = await loginAs(app, 'admin', DEMO_PASSWORD);
    const mz = await loginAs(app, 'mz_admin', DEMO_PASSWORD);
    const leader = await loginAs(app, 'leader', DEMO_PASSWORD);
    const totals = async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/dashboard/metrics?year=2026&region=500112',
        headers: leader.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return z.object({ totals: z.object({ tasks: z.number(), jointTasks: z.number() }) }).parse(res.json())
        .totals;
    };
    const before = await totals();
    const proposed = await app.inject({
      method: 'POST',
      url: '/api/joint/proposals',
      headers: admin.headers,
      payload: { taskIds: summary.taskIds },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = z.object({ id: z.string() }).parse(proposed.json()).id;
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/joint/proposals/${id}/respond`,
      headers: mz.headers,
      payload: { accept: true },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const p = z
      .object({
        status: z.string(),
        jointTaskId: z.string().nullable(),
        titles: z.array(z.string()),
        estimate: z.object({ saved: z.number() }),
      })
      .parse(accepted.json());
    expect(p.status).toBe('accepted');
    expect(p.estimate.saved).toBe(summary.estimate.saved);
    expect(p.titles).toEqual([JOINT_DEMO.scjg.title, JOINT_DEMO.mz.title]);
    const statuses = await queryRows(
      database.db,
      sql`SELECT id, status FROM tasks WHERE id IN (${summary.taskIds[0]}, ${summary.taskIds[1]}, ${p.jointTaskId ?? ''}) ORDER BY id`,
      z.object({ id: z.string(), status: z.string() }),
    );
    expect(statuses.map((s) => s.status)).toEqual(['merged', 'merged', 'planned']);
    const participants = await queryRows(
      database.db,
      sql`SELECT department_code, status FROM task_participants WHERE task_id = ${p.jointTaskId ?? ''}`,
      z.object({ department_code: z.string(), status: z.string() }),
    );
    expect(participants).toEqual([{ department_code: '500112-MZ', status: 'accepted' }]);
    // a merged task is drawn only through the joint task
    const freeze = await app.inject({
      method: 'POST',
      url: `/api/tasks/${summary.taskIds[0]}/draws`,
      headers: admin.headers,
      payload: {},
    });
    expect(freeze.statusCode, freeze.body).toBe(409);
    expect(freeze.body).toContain('已合并');
    // the dashboard counts the joint task instead of the two it replaces
    expect(await totals()).toEqual({ tasks: before.tasks - 1, jointTasks: before.jointTasks + 1 });
  });
});
