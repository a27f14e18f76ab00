/**
 * Joint-task suggestions and proposals (issue 6), on both engines. Two planned tasks of 渝北
 * departments (市场监管 and 民政) over the same four targets, each drawing half (2 of 4): a merger
 * visits the shared targets once for both, so it saves min(2 × 4/4, 2 × 4/4) = 2 of 4 visits.
 * Both admins accept, and the joint task is created with both departments' items; the merged
 * tasks are marked and the steps audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, targets, taskItems, tasks } from '../src/db/schema';
import { ENGINES } from '../src/db/test-databases';
import { loginAs, testApp, type TestApp } from './support/app';
import { DEPT_A, DEPT_C } from './support/fixtures';
import { loadMetricsWorld, M_ITEMS } from './support/metrics-fixtures';

describe.each(ENGINES)('joint suggestions (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
    await loadMetricsWorld(t.database); // four 在营 targets in 500112 (MX-1..4), items of DEPT_A and DEPT_C
    const db = t.database.db;
    await db.insert(targets).values({ id: 'MY-1', type: '企业', name: '渝中外', divisionCode: '500103' });
    const [pa, pc] = await db
      .insert(plans)
      .values([
        { departmentCode: DEPT_A, year: 2027, title: 'A 2027', status: 'published' },
        { departmentCode: DEPT_C, year: 2027, title: 'C 2027', status: 'published' },
      ])
      .returning({ id: plans.id });
    const base = {
      scope: { divisions: ['500112'] },
      strata: [{ name: 'all', tiers: null, ratio: '0.5', min: 0, max: null }],
      status: 'planned',
    };
    await db.insert(tasks).values([
      {
        ...base,
        id: 'T-2027-0001',
        planId: pa?.id ?? '',
        leadDepartmentCode: DEPT_A,
        title: '食品经营检查',
        windowStart: '2027-03-01',
        windowEnd: '2027-04-30',
        quota: { [DEPT_A]: 2 },
      },
      {
        ...base,
        id: 'T-2027-0002',
        planId: pc?.id ?? '',
        leadDepartmentCode: DEPT_C,
        title: '养老机构检查',
        windowStart: '2027-04-01',
        windowEnd: '2027-05-31',
        quota: { [DEPT_C]: 2 },
      },
    ]);
    await db.insert(taskItems).values([
      { taskId: 'T-2027-0001', itemId: M_ITEMS.A1, itemVersion: 1, departmentCode: DEPT_A },
      { taskId: 'T-2027-0002', itemId: M_ITEMS.C1, itemVersion: 1, departmentCode: DEPT_C },
    ]);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('suggests the merger, proposes, and creates the joint task when all accept', async () => {
    const a = await loginAs(t.app, 'admin_a');
    const c = await loginAs(t.app, 'admin_c');
    const s = await t.app.inject({
      method: 'GET',
      url: '/api/joint/suggestions?year=2027',
      headers: a.headers,
    });
    expect(s.statusCode, s.body).toBe(200);
    const [sug] = s.json<{
      items: {
        taskIds: string[];
        estimate: { alone: number; merged: number; saved: number; commonTargets: number };
        windowStart: string;
        windowEnd: string;
      }[];
    }>().items;
    expect(sug?.taskIds).toEqual(['T-2027-0001', 'T-2027-0002']);
    expect(sug?.estimate).toEqual({ alone: 4, merged: 2, saved: 2, commonTargets: 4 });
    expect([sug?.windowStart, sug?.windowEnd]).toEqual(['2027-04-01', '2027-04-30']);

    const b = await loginAs(t.app, 'admin_b');
    const outsider = await t.app.inject({
      method: 'POST',
      url: '/api/joint/proposals',
      headers: b.headers,
      payload: { taskIds: ['T-2027-0001', 'T-2027-0002'] },
    });
    expect(outsider.statusCode).toBe(403);

    const p = await t.app.inject({
      method: 'POST',
      url: '/api/joint/proposals',
      headers: a.headers,
      payload: { taskIds: ['T-2027-0001', 'T-2027-0002'] },
    });
    expect(p.statusCode, p.body).toBe(201);
    const proposal = p.json<{ id: string; status: string; responses: Record<string, unknown> }>();
    expect(proposal.status).toBe('open');
    expect(Object.keys(proposal.responses)).toEqual([DEPT_A]);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/joint/proposals',
      headers: c.headers,
      payload: { taskIds: ['T-2027-0002', 'T-2027-0001'] },
    });
    expect(again.statusCode).toBe(409);

    const r = await t.app.inject({
      method: 'POST',
      url: `/api/joint/proposals/${proposal.id}/respond`,
      headers: c.headers,
      payload: { accept: true },
    });
    expect(r.statusCode, r.body).toBe(200);
    const done = r.json<{ status: string; jointTaskId: string }>();
    expect(done.status).toBe('accepted');
    expect(done.jointTaskId).toBe('T-2027-0003');

    const task = await t.app.inject({
      method: 'GET',
      url: `/api/tasks/${done.jointTaskId}`,
      headers: c.headers,
    });
    expect(task.statusCode, task.body).toBe(200);
    const view = task.json<{ task: { quota: Record<string, number> } }>();
    // two single-department tasks of 2 inspectors each: the joint team takes one from each (art. 42)
    expect(view.task.quota).toEqual({ [DEPT_A]: 1, [DEPT_C]: 1 });
    const body = JSON.stringify(view);
    expect(body).toContain(DEPT_C);
    expect(body).toContain(M_ITEMS.C1);
    expect(body).toContain(M_ITEMS.A1);

    const left = await t.app.inject({
      method: 'GET',
      url: '/api/joint/suggestions?year=2027',
      headers: a.headers,
    });
    expect(left.json<{ items: unknown[] }>().items).toHaveLength(0); // merged tasks are no longer planned
    const audits = await t.app.inject({
      method: 'GET',
      url: '/api/audit?entityType=joint_proposal',
      headers: (await loginAs(t.app, 'auditor')).headers,
    });
    expect(audits.body).toContain('joint.accept');
  });
});
