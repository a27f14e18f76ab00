// Plans (issue 5): the flow with audit rows, double submit, return with comment, revision with a
// snapshot, the leader's department, tasks (ratio cap, participants), city view, scheme, portal.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, DEPT_C, PASSWORD } from '../support/fixtures';
import {
  call,
  caller,
  loadWorkflowFixtures,
  newPlan,
  planAction,
  taskBody,
  type WorkflowItems,
} from '../support/workflow-fixtures';

describe.each(ENGINES)('plans and tasks on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let adminB: LoggedIn;
  let adminC: LoggedIn;
  let auditor: LoggedIn;
  let leaderC: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
    adminB = await loginAs(t.app, 'admin_b');
    adminC = await loginAs(t.app, 'admin_c');
    auditor = await loginAs(t.app, 'auditor');
    leaderC = await loginAs(t.app, 'leader_c');
  });
  afterAll(async () => {
    await t.close();
  });

  const app = () => t.app;
  const asAdmin = caller(app, () => admin);
  const asAnyone = caller(app, () => null);
  const auditActions = async (entityId: string) =>
    (
      await queryRows(
        t.database.db,
        sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY seq`,
        z.object({ action: z.string() }),
      )
    ).map((r) => r.action);

  it('runs draft → submitted → approved → published with an audit row per step; a double submit changes nothing', async () => {
    const plan = await newPlan(t.app, admin, '2026 年度双随机抽查计划');
    expect(plan.status).toBe('draft');
    // submitting an empty plan is refused
    await planAction(t.app, admin, plan.id, { action: 'submit' }, 400);
    await asAdmin('POST', `/api/plans/${plan.id}/tasks`, taskBody([items.generalA]), 201);
    await planAction(t.app, admin, plan.id, { action: 'submit' }, 200);
    const again = await planAction<{ error: { code: string } }>(
      t.app,
      admin,
      plan.id,
      { action: 'submit' },
      409,
    );
    expect(again.error.code).toBe('INVALID_STATE');
    // a submitted plan is not editable
    await asAdmin('PATCH', `/api/plans/${plan.id}`, { title: 'x' }, 409);
    // only a leader approves, and only a leader of the plan's own department
    await planAction(t.app, admin, plan.id, { action: 'approve' }, 403);
    const approved = await planAction<{ status: string; approvedBy: string }>(
      t.app,
      leader,
      plan.id,
      { action: 'approve' },
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'leader_a' });
    const published = await planAction<{ status: string }>(t.app, admin, plan.id, { action: 'publish' }, 200);
    expect(published.status).toBe('published');
    expect(await auditActions(plan.id)).toEqual([
      'plan.created',
      'plan.submitted',
      'plan.approved',
      'plan.published',
    ]);

    // read-only once published; change through a revision with a reason
    const detail = await asAdmin<{ tasks: { id: string }[] }>('GET', `/api/plans/${plan.id}`, undefined, 200);
    const taskId = detail.tasks[0]?.id ?? '';
    await asAdmin('PUT', `/api/tasks/${taskId}`, taskBody([items.generalA], { title: '改' }), 409);
    await planAction(t.app, admin, plan.id, { action: 'revise', reason: '' }, 400);
    const revising = await planAction<{ status: string; revision: number }>(
      t.app,
      admin,
      plan.id,
      { action: 'revise', reason: '增加特种设备检查事项' },
      200,
    );
    expect(revising).toMatchObject({ status: 'revising', revision: 1 });
    await asAdmin(
      'PUT',
      `/api/tasks/${taskId}`,
      taskBody([items.generalA, items.keyA], { title: '2026 年食品与特种设备抽查' }),
      200,
    );
    const withRev = await call<{
      revisions: { revision: number; reason: string; snapshot: { tasks: { title: string }[] } }[];
    }>(t.app, auditor, 'GET', `/api/plans/${plan.id}`, undefined, 200);
    expect(withRev.revisions).toHaveLength(1);
    expect(withRev.revisions[0]).toMatchObject({ revision: 1, reason: '增加特种设备检查事项' });
    expect(withRev.revisions[0]?.snapshot.tasks[0]?.title).toBe('2026 年食品经营抽查');
    // returned with a comment, back to revising
    await planAction(t.app, admin, plan.id, { action: 'submit' }, 200);
    const returned = await planAction<{ status: string; returnComment: string }>(
      t.app,
      leader,
      plan.id,
      { action: 'return', comment: '请补充检查时间安排' },
      200,
    );
    expect(returned).toMatchObject({ status: 'revising', returnComment: '请补充检查时间安排' });
    expect((await auditActions(plan.id)).slice(-3)).toEqual([
      'plan.revised',
      'plan.submitted',
      'plan.returned',
    ]);

    // the portal lists the published plan with its revision
    const portal = await asAnyone<{ items: { plan: { id: string }; revisions: { reason: string }[] }[] }>(
      'GET',
      '/api/public/plans?year=2026',
      undefined,
      200,
    );
    expect(portal.items.find((p) => p.plan.id === plan.id)?.revisions.map((r) => r.reason)).toEqual([
      '增加特种设备检查事项',
    ]);
  });

  it('refuses to submit a plan with a task whose scope holds no target (a frame of 0), naming the task', async () => {
    const plan = await newPlan(t.app, admin, '空名录计划');
    const empty = await asAdmin<{ id: string }>(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA], {
        title: '标签无匹配的任务',
        scope: { divisions: ['500112'], tags: ['不存在的标签'] },
      }),
      201,
    );
    const refused = await planAction<{
      error: { code: string; message: string; details: { tasks: { id: string }[] } };
    }>(t.app, admin, plan.id, { action: 'submit' }, 400);
    expect(refused.error.code).toBe('VALIDATION');
    expect(refused.error.message).toContain('标签无匹配的任务');
    expect(refused.error.details.tasks.map((x) => x.id)).toEqual([empty.id]);
    // the scope picker offers what the library holds; its live estimate is the frame the plan shows and the check uses
    const options = await asAdmin<{ divisions: { code: string; count: number }[]; tags: { code: string }[] }>(
      'GET',
      '/api/tasks/scope-options',
    );
    expect(options.divisions.find((d) => d.code === '500112')?.count).toBeGreaterThan(0);
    expect(options.tags.map((x) => x.code)).not.toContain('不存在的标签');
    const estimate = async (scope: Record<string, unknown>) =>
      (
        await asAdmin<{ total: number }>('POST', '/api/tasks/frame-estimate', {
          year: 2026,
          scope,
          strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
        })
      ).total;
    expect(await estimate({ divisions: ['500112'], tags: ['不存在的标签'] })).toBe(0);
    const whole = await estimate({ divisions: ['500112'] });
    expect(whole).toBeGreaterThan(0);
    const before = await call<{ frames: Record<string, number> }>(
      t.app,
      leader,
      'GET',
      `/api/plans/${plan.id}`,
    );
    expect(before.frames[empty.id]).toBe(0);
    // with the scope fixed the same plan submits
    await asAdmin('PUT', `/api/tasks/${empty.id}`, taskBody([items.generalA]), 200);
    await planAction(t.app, admin, plan.id, { action: 'submit' }, 200);
    const after = await call<{ frames: Record<string, number> }>(
      t.app,
      leader,
      'GET',
      `/api/plans/${plan.id}`,
    );
    expect(after.frames[empty.id]).toBe(whole);
  });

  it('puts a submitted plan of next year on the leader’s to-do list, and the approved task on the admin’s', async () => {
    type Todo = { kind: string; count: number; page: string; tone: string; year?: number };
    const todos = async (who: LoggedIn) =>
      (await call<{ items: Todo[] }>(t.app, who, 'GET', '/api/workbench/todos', undefined, 200)).items;
    const find = (list: Todo[], kind: string) => list.find((x) => x.kind === kind);
    const pendingBefore = find(await todos(leader), 'plans_to_approve')?.count ?? 0;
    const toDrawBefore = find(await todos(admin), 'tasks_to_draw')?.count ?? 0;
    const plan = await newPlan(t.app, admin, '2027 年度计划', 2027);
    await asAdmin(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA], { windowStart: '2027-03-01', windowEnd: '2027-05-31' }),
      201,
    );
    await planAction(t.app, admin, plan.id, { action: 'submit' }, 200);
    const pending = find(await todos(leader), 'plans_to_approve');
    expect(pending).toMatchObject({ count: pendingBefore + 1, page: 'plans', tone: 'warning' });
    // the plans page opens on the earliest year with a plan waiting: next year's is not hidden
    const waitingYears = (
      await call<{ items: { year: number; status: string }[] }>(t.app, leader, 'GET', '/api/plans')
    ).items
      .filter((p) => p.status === 'submitted')
      .map((p) => p.year);
    expect(pending?.year).toBe(Math.min(...waitingYears));
    // another department's leader and the auditor have nothing of it
    expect(find(await todos(leaderC), 'plans_to_approve')).toBeUndefined();
    expect(find(await todos(auditor), 'plans_to_approve')).toBeUndefined();
    // an admin's list holds no leader work
    expect(find(await todos(admin), 'plans_to_approve')).toBeUndefined();

    await planAction(t.app, leader, plan.id, { action: 'approve' }, 200);
    expect(find(await todos(leader), 'plans_to_approve')?.count ?? 0).toBe(pendingBefore);
    expect(find(await todos(admin), 'tasks_to_draw')).toMatchObject({
      count: toDrawBefore + 1,
      page: 'tasks',
    });
    expect(find(await todos(adminB), 'tasks_to_draw')?.count ?? 0).toBe(0);
  });

  it('enforces the ratio cap on save: a tier may exceed it while the overall ratio stays within', async () => {
    const plan = await newPlan(t.app, admin, '分层抽查');
    const strata = (d: string) => [
      { name: 'A', tiers: ['A'], ratio: '0.05' },
      { name: 'B', tiers: ['B'], ratio: '0.05' },
      { name: 'C', tiers: ['C'], ratio: '0.05' },
      { name: 'D', tiers: ['D'], ratio: d },
    ];
    // frames ~9/9/9/10 (40 targets, 3 deregistered): D at 0.2 → overall ≈ 8.1 % ≤ 10 %
    await asAdmin(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA], { strata: strata('0.2') }),
      201,
    );
    const over = await asAdmin<{ error: { code: string; message: string } }>(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA], { strata: strata('0.5') }),
      400,
    );
    expect(over.error.message).toContain('比例上限');
    // key items alone have no cap
    await asAdmin(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.keyA], { strata: strata('1') }),
      201,
    );
    // a single department's quota below art. 42 is refused
    await asAdmin(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.keyA], { quota: { [DEPT_A]: 1 } }),
      400,
    );
    // items of a department that does not take part are refused
    await asAdmin('POST', `/api/plans/${plan.id}/tasks`, taskBody([items.generalC]), 400);
  });

  it('joint tasks: the strictest general cap binds and the participant answers', async () => {
    const plan = await newPlan(t.app, admin, '联合抽查');
    // 0.08 is within A's 10 % but above C's 5 %
    await asAdmin(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA, items.generalC], {
        participants: [DEPT_C],
        strata: [{ name: 'all', tiers: null, ratio: '0.08' }],
      }),
      400,
    );
    const task = await asAdmin<{
      id: string;
      quota: Record<string, number>;
      participants: { status: string }[];
    }>(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA, items.generalC], {
        participants: [DEPT_C],
        strata: [{ name: 'all', tiers: null, ratio: '0.05' }],
      }),
      201,
    );
    expect(task.quota).toEqual({ [DEPT_A]: 1, [DEPT_C]: 1 });
    expect(task.participants[0]?.status).toBe('pending');
    await call(t.app, adminB, 'POST', `/api/tasks/${task.id}/participation`, { accept: true }, 403);
    await call(t.app, adminB, 'GET', `/api/tasks/${task.id}`, undefined, 403);
    const accepted = await call<{ participants: { status: string }[] }>(
      t.app,
      adminC,
      'POST',
      `/api/tasks/${task.id}/participation`,
      { accept: true, comment: '同意参加' },
      200,
    );
    expect(accepted.participants[0]?.status).toBe('accepted');
    await call(t.app, adminC, 'POST', `/api/tasks/${task.id}/participation`, { accept: true }, 409);
    // the participant sees the joint plan in its list
    const list = await call<{ items: { id: string }[] }>(
      t.app,
      adminC,
      'GET',
      '/api/plans?year=2026',
      undefined,
      200,
    );
    expect(list.items.map((p) => p.id)).toContain(plan.id);
  });

  it('the city-wide view flags overlapping tasks of different departments and suggests joining them', async () => {
    const planC = await newPlan(t.app, adminC, '民政年度计划');
    await call(
      t.app,
      adminC,
      'POST',
      `/api/plans/${planC.id}/tasks`,
      taskBody([items.generalC], {
        title: '养老机构检查',
        strata: [{ name: 'all', tiers: null, ratio: '0.05' }],
      }),
      201,
    );
    const view = await call<{
      overlaps: { commonTargets: number; suggestionZh: string }[];
      plans: unknown[];
    }>(t.app, auditor, 'GET', '/api/plans/city?year=2026', undefined, 200);
    expect(view.overlaps.length).toBeGreaterThan(0);
    expect(view.overlaps[0]?.commonTargets).toBe(37);
    expect(view.overlaps[0]?.suggestionZh).toContain('联合抽查');
    // a department admin sees its own and joint plans only
    const own = await call<{ plans: { departmentCode: string }[] }>(
      t.app,
      adminB,
      'GET',
      '/api/plans/city?year=2026',
      undefined,
      200,
    );
    expect(own.plans).toEqual([]);
  });

  it('generates a scheme with estimated frames and visits', async () => {
    const plan = await newPlan(t.app, admin, '方案生成');
    const res = await asAdmin<{
      tasks: { visits: number; separateVisits: number; strata: { frameEstimate: number }[] }[];
      visits: number;
    }>(
      'POST',
      `/api/plans/${plan.id}/scheme`,
      {
        titlePrefix: '2026 联合抽查',
        cooperating: [DEPT_C],
        itemIds: [items.generalA, items.generalC],
        scope: { divisions: ['500112'] },
        grouping: 'joint',
        strata: [{ name: 'all', tiers: null, ratio: '0.05' }],
        windowStart: '2026-12-01',
        windowEnd: '2026-12-31',
      },
      200,
    );
    expect(res.tasks).toHaveLength(1);
    expect(res.tasks[0]?.strata[0]?.frameEstimate).toBe(37);
    expect(res.tasks[0]?.visits).toBe(2); // ceil(37 × 0.05)
    expect(res.tasks[0]?.separateVisits).toBe(4);
  });
});
