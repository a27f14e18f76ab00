// The demo's cross-region joint task (issue 6): 渝北 + 邻水, accepted, drawn, recorded by the side
// holding each target, reviewed and published by both sides; the portal lists both; the draw verifies.
import { drawRecordSchema, verifyRecord } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { frameText } from '../../src/contexts/draw/frame.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { generateDemo } from '../../src/demo';
import { DEMO_PASSWORD } from '../support/demo-password';
import {
  CROSS_REGION_TASK_TITLE,
  seedCrossRegionHistory,
  type CrossRegionSummary,
} from '../../src/demo/cross-region.demo';
import { seedWorkflowHistory } from '../../src/demo/history.demo';
import { seedResultHistory } from '../../src/demo/results-history.demo';
import { seedDemo } from '../../src/demo/seed';
import { listPublicResults } from '../../src/contexts/inspection/portal.service';

describe.each(ENGINES)('demo cross-region task on %s', (engine) => {
  let database: Database;
  let summary: CrossRegionSummary;
  const config = loadConfig({});
  beforeAll(async () => {
    database = await freshDatabase(engine);
    const clock = () => new Date('2026-11-20T02:00:00Z');
    await seedDemo(database, {
      clock,
      password: DEMO_PASSWORD,
      data: generateDemo(undefined, { targetCount: 8000 }),
    });
    await seedWorkflowHistory(database, { config, clock });
    await seedResultHistory(database);
    summary = await seedCrossRegionHistory(database, { config });
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  it('is an ended cross-region task of 渝北 accepted by 邻水, published by both sides', async () => {
    const [task] = await queryRows(
      database.db,
      sql`SELECT t.title, t.status, t.cross_region, t.window_end::text AS window_end, t.quota,
            t.results_published_at IS NOT NULL AS stamped, p.status AS participation
          FROM tasks t JOIN task_participants p ON p.task_id = t.id AND p.department_code = '511623-SCJG'
          WHERE t.id = ${summary.taskId}`,
      z.object({
        title: z.string(),
        status: z.string(),
        cross_region: z.boolean(),
        window_end: z.string(),
        quota: z.record(z.string(), z.number()),
        stamped: z.boolean(),
        participation: z.string(),
      }),
    );
    expect(task).toEqual({
      title: CROSS_REGION_TASK_TITLE,
      status: 'published',
      cross_region: true,
      window_end: '2026-10-30',
      quota: { '500112-SCJG': 1, '511623-SCJG': 1 },
      stamped: true,
      participation: 'accepted',
    });
  });

  it('has inspections on both sides, each with a mixed team and its own side’s result, all published', async () => {
    expect(summary.bySide['500112-SCJG']).toBeGreaterThan(0);
    expect(summary.bySide['511623-SCJG']).toBeGreaterThan(0);
    const rows = await queryRows(
      database.db,
      sql`SELECT i.status, t.division_code, i.reviewed_by,
            (SELECT array_agg(n.department_code ORDER BY n.department_code) FROM inspectors n WHERE n.id = ANY(i.inspectors)) AS team,
            (SELECT array_agg(r.department_code) FROM inspection_results r WHERE r.inspection_id = i.id) AS results
          FROM inspections i JOIN targets t ON t.id = i.target_id WHERE i.task_id = ${summary.taskId}`,
      z.object({
        status: z.string(),
        division_code: z.string(),
        reviewed_by: z.string().nullable(),
        team: z.array(z.string()),
        results: z.array(z.string()),
      }),
    );
    expect(rows).toHaveLength(summary.inspections);
    expect(summary.published).toBe(summary.inspections);
    for (const r of rows) {
      const side = r.division_code === '511623' ? '511623-SCJG' : '500112-SCJG';
      expect(r.status).toBe('published');
      expect(r.team).toEqual(['500112-SCJG', '511623-SCJG']);
      expect(r.results).toEqual([side]);
      expect(r.reviewed_by).toBe(side === '511623-SCJG' ? 'demo-ls-leader' : 'leader');
    }
  });

  it('shows on the portal under each side’s department, and its draw verifies', async () => {
    const page = await listPublicResults(
      { database, config, clock: () => new Date('2026-11-22T02:00:00Z') },
      { taskId: summary.taskId, limit: 100 },
    );
    expect(page.ok).toBe(true);
    const names = new Set(page.ok ? page.value.items.map((i) => i.departmentName) : []);
    expect([...names].sort()).toEqual(['渝北区市场监督管理局', '邻水县市场监督管理局'].sort());
    const [draw] = await queryRows(
      database.db,
      sql`SELECT id, record FROM draws WHERE task_id = ${summary.taskId} AND status = 'drawn'`,
      z.object({ id: z.string(), record: z.unknown() }),
    );
    const rec = drawRecordSchema.parse(draw?.record);
    const frames: Record<string, string> = {};
    for (const s of rec.strata) {
      frames[s.name] = await frameText(database.db, draw?.id ?? '', s.name);
    }
    expect(verifyRecord(draw?.record, frames).ok).toBe(true);
  });
});
