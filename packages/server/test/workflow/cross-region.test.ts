// A cross-region joint task end to end (issue 6, 跨区域): 渝北 500112-SCJG leads, 邻水 511623-SCJG
// (another province) accepts; one agreed item list (异地同标: each side's copy of the same item),
// targets of both regions, a quota naming a department on each side so every team is mixed. Each
// side sees, records, reviews and publishes its part (the visits of targets in its region, with its
// own items' results); a department of neither side sees nothing; the portal shows both regions;
// the draw verifies. Both engines.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import { DEPT_A } from '../support/fixtures';
import { approvedTask, requester, verifyPublicDraw } from '../support/workflow-fixtures';
import {
  ACCOUNT_OF,
  DEPT_LS,
  DICE,
  ITEM_LS,
  ITEM_YB,
  LS_TARGETS,
  loadCrossRegionWorld,
  YB_TARGETS,
  type ListItem,
  type Visit,
} from '../support/cross-region-fixtures';

describe.each(ENGINES)('a cross-region joint task on %s', (engine) => {
  let t: TestApp;
  const sessions = new Sessions();
  const who = sessions.who;
  let taskId = '';
  let drawId = '';
  /** Inspection id → target id and team. */
  let visits: { id: string; targetId: string; inspectors: string[] }[] = [];
  const req = requester(() => t.app, who);
  const sideOf = (targetId: string) => (targetId.startsWith('91511623') ? DEPT_LS : DEPT_A);
  const itemOf = (dept: string) => (dept === DEPT_LS ? ITEM_LS : ITEM_YB);

  beforeAll(async () => {
    t = await testApp(engine);
    await loadCrossRegionWorld(t.database);
    await sessions.login(t.app, [
      'admin_a',
      'leader_a',
      'admin_b',
      'admin_c',
      'auditor',
      'ls_admin',
      'ls_leader',
      'ls_inspector',
      'ls_inspector2',
      'yb_inspector',
      'yb_inspector2',
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the participating side across the provincial border sees the task and accepts it', async () => {
    ({ taskId } = await approvedTask(t.app, who('admin_a'), who('leader_a'), {
      title: '2026 年川渝毗邻地区养老机构食品安全联合抽查',
      itemIds: [ITEM_YB, ITEM_LS],
      scope: { divisions: ['500112', '511623'] },
      strata: [{ name: 'all', tiers: null, ratio: '1' }],
      windowStart: '2026-12-01',
      windowEnd: '2026-12-31',
      participants: [DEPT_LS],
      quota: { [DEPT_A]: 1, [DEPT_LS]: 1 },
      crossRegion: true,
    }));
    const list = await req<{ id: string }[] | { items: { id: string }[] }>(
      'ls_admin',
      'GET',
      '/api/tasks',
      undefined,
      200,
    );
    const ids = (Array.isArray(list) ? list : list.items).map((x) => x.id);
    expect(ids).toContain(taskId);
    const detail = await req<{ task: { participants: { departmentCode: string; status: string }[] } }>(
      'ls_admin',
      'GET',
      `/api/tasks/${taskId}`,
      undefined,
      200,
    );
    expect(detail.task.participants).toMatchObject([{ departmentCode: DEPT_LS, status: 'pending' }]);
    await req('admin_c', 'GET', `/api/tasks/${taskId}`, undefined, 403);
    await req('admin_a', 'POST', `/api/tasks/${taskId}/draws`, {}, 409); // not yet accepted
    await req(
      'ls_admin',
      'POST',
      `/api/tasks/${taskId}/participation`,
      { accept: true, comment: '同意按统一事项清单联合抽查' },
      200,
    );
  });

  it('freezes targets of both regions and inspectors of both sides; every team is mixed; the draw verifies', async () => {
    const frozen = await req<{ id: string; strata: { frameSize: number; sampleSize: number }[] }>(
      'admin_a',
      'POST',
      `/api/tasks/${taskId}/draws`,
      {},
      201,
    );
    drawId = frozen.id;
    expect(frozen.strata[0]).toMatchObject({ frameSize: 6, sampleSize: 6 }); // 渝中 is out of scope
    const pool = await queryRows(
      t.database.db,
      sql`SELECT inspector_id, department, fallback FROM draw_pool WHERE draw_id = ${drawId} ORDER BY inspector_id`,
      z.object({ inspector_id: z.string(), department: z.string(), fallback: z.boolean() }),
    );
    expect(pool).toEqual([
      { inspector_id: 'LS-001', department: DEPT_LS, fallback: false },
      { inspector_id: 'LS-002', department: DEPT_LS, fallback: false },
      { inspector_id: 'YB-101', department: DEPT_A, fallback: false },
      { inspector_id: 'YB-102', department: DEPT_A, fallback: false },
    ]);
    await req('admin_a', 'POST', `/api/draws/${drawId}/commit`, { seedSource: 'dice' }, 200);
    t.advance(60_000);
    await req('admin_a', 'POST', `/api/draws/${drawId}/run`, { seed: DICE }, 200);

    const { parsed, result: v } = await verifyPublicDraw(t.app, drawId);
    expect(v.ok, JSON.stringify(v)).toBe(true);
    expect(parsed.selected.map((x) => x.id).sort()).toEqual([...YB_TARGETS, ...LS_TARGETS].sort());
    expect(parsed.assignments).toHaveLength(6);
    for (const a of parsed.assignments) {
      expect(a.inspectors).toHaveLength(2);
      expect(a.inspectors.filter((x) => x.startsWith('YB-'))).toHaveLength(1);
      expect(a.inspectors.filter((x) => x.startsWith('LS-'))).toHaveLength(1);
    }
    visits = await queryRows(
      t.database.db,
      sql`SELECT id::text AS id, target_id AS "targetId", inspectors FROM inspections WHERE draw_id = ${drawId} ORDER BY target_id`,
      z.object({ id: z.string(), targetId: z.string(), inspectors: z.array(z.string()) }),
    );
    expect(visits).toHaveLength(6);
  });

  it('each side sees its part; a department of neither side sees nothing', async () => {
    const listOf = async (u: string) =>
      (await req<{ items: ListItem[] }>(u, 'GET', `/api/inspections?taskId=${taskId}`, undefined, 200)).items;
    const yb = await listOf('admin_a');
    const ls = await listOf('ls_admin');
    expect(yb.map((x) => x.target.id).sort()).toEqual(YB_TARGETS);
    expect(ls.map((x) => x.target.id).sort()).toEqual(LS_TARGETS);
    expect(ls.every((x) => x.side?.departmentCode === DEPT_LS && x.side.regionCode === '511623')).toBe(true);
    expect((await listOf('auditor')).map((x) => x.side?.departmentCode).sort()).toEqual([
      DEPT_A,
      DEPT_A,
      DEPT_A,
      DEPT_LS,
      DEPT_LS,
      DEPT_LS,
    ]);
    expect(await listOf('admin_c')).toEqual([]);
    expect(await listOf('admin_b')).toEqual([]);

    const ybVisit = visits.find((x) => sideOf(x.targetId) === DEPT_A);
    const lsVisit = visits.find((x) => sideOf(x.targetId) === DEPT_LS);
    if (ybVisit === undefined || lsVisit === undefined) {
      throw new Error('both sides must have visits');
    }
    await req('ls_admin', 'GET', `/api/inspections/${ybVisit.id}`, undefined, 403);
    await req('admin_a', 'GET', `/api/inspections/${lsVisit.id}`, undefined, 403);
    await req('admin_c', 'GET', `/api/inspections/${lsVisit.id}`, undefined, 403);
    const view = await req<Visit>('ls_admin', 'GET', `/api/inspections/${lsVisit.id}`, undefined, 200);
    expect(view.side).toEqual({
      departmentCode: DEPT_LS,
      regionCode: '511623',
      departmentName: '邻水县市场监督管理局',
    });
    // the agreed list: on a 邻水 visit, the 邻水 copy of the item is recorded
    expect(view.items.map((i) => i.itemId)).toEqual([ITEM_LS]);
    expect(view.team.map((m) => m.departmentCode).sort()).toEqual([DEPT_A, DEPT_LS].sort());

    // ls_inspector's own list is exactly the visits of its teams, on both sides
    const mine = (
      await req<{ items: ListItem[] }>('ls_inspector', 'GET', '/api/inspections/mine', undefined, 200)
    ).items;
    expect(mine.map((x) => x.id).sort()).toEqual(
      visits
        .filter((x) => x.inspectors.includes('LS-001'))
        .map((x) => x.id)
        .sort(),
    );
    const notMine = visits.find((x) => !x.inspectors.includes('LS-001'));
    if (notMine !== undefined) {
      await req('ls_inspector', 'GET', `/api/inspections/${notMine.id}`, undefined, 403);
    }
  });

  it('each side records its own visits; the visiting inspector confirms but cannot record the other side’s items', async () => {
    for (const v of visits) {
      const side = sideOf(v.targetId);
      const home = v.inspectors.find((x) => (side === DEPT_LS ? x.startsWith('LS-') : x.startsWith('YB-')));
      const guest = v.inspectors.find((x) => x !== home);
      const homeUser = who(ACCOUNT_OF[home ?? ''] ?? '');
      const guestUser = who(ACCOUNT_OF[guest ?? ''] ?? '');
      let cur = await req<Visit>(guestUser, 'GET', `/api/inspections/${v.id}`, undefined, 200);
      // the guest may not record the home side's item, and its own side's copy is not part of this visit
      const foreign = await req<Visit>(guestUser, 'PUT', `/api/inspections/${v.id}/draft`, {
        version: cur.version,
        results: [{ itemId: itemOf(side), category: '未发现问题', answers: {} }],
      });
      expect(foreign.error?.code).toBe('FORBIDDEN');
      const other = await req<Visit>(guestUser, 'PUT', `/api/inspections/${v.id}/draft`, {
        version: cur.version,
        results: [
          { itemId: itemOf(side === DEPT_LS ? DEPT_A : DEPT_LS), category: '未发现问题', answers: {} },
        ],
      });
      expect(other.error?.code).toBe('VALIDATION');
      cur = await req<Visit>(
        homeUser,
        'PUT',
        `/api/inspections/${v.id}/draft`,
        {
          version: cur.version,
          results: [{ itemId: itemOf(side), category: '未发现问题', answers: { followUp: '无需后续处置' } }],
          gps: { lat: 30.2, lng: 106.9, accuracy: 10, at: '2026-11-20T02:00:00.000Z' },
        },
        200,
      );
      expect(cur.results.map((r) => r.departmentCode)).toEqual([side]);
      cur = await req<Visit>(
        homeUser,
        'PUT',
        `/api/inspections/${v.id}/signature`,
        {
          version: cur.version,
          signature: { kind: 'refused', reason: '负责人外出', at: '2026-11-20T02:05:00.000Z' },
        },
        200,
      );
      cur = await req<Visit>(
        homeUser,
        'POST',
        `/api/inspections/${v.id}/confirm`,
        { version: cur.version },
        200,
      );
      cur = await req<Visit>(
        guestUser,
        'POST',
        `/api/inspections/${v.id}/confirm`,
        { version: cur.version },
        200,
      );
      cur = await req<Visit>(
        guestUser,
        'POST',
        `/api/inspections/${v.id}/submit`,
        { version: cur.version },
        200,
      );
      expect(cur.status).toBe('submitted');
    }
  });

  it('each side’s leader reviews its own part only', async () => {
    const queue = (
      await req<{ items: ListItem[] }>(
        'ls_leader',
        'GET',
        '/api/inspections?status=submitted',
        undefined,
        200,
      )
    ).items;
    expect(queue.map((x) => x.target.id).sort()).toEqual(LS_TARGETS);
    for (const v of visits) {
      const side = sideOf(v.targetId);
      const [mine, theirs] = side === DEPT_LS ? ['ls_leader', 'leader_a'] : ['leader_a', 'ls_leader'];
      const cur = await req<Visit>(mine, 'GET', `/api/inspections/${v.id}`, undefined, 200);
      expect(cur.me.canReview).toBe(true);
      expect(cur.me.canPublish).toBe(true);
      await req(
        theirs,
        'POST',
        `/api/inspections/${v.id}/review`,
        { version: cur.version, decision: 'approve' },
        403,
      );
      const done = await req<Visit>(
        mine,
        'POST',
        `/api/inspections/${v.id}/review`,
        { version: cur.version, decision: 'approve' },
        200,
      );
      expect(done.status).toBe('approved');
    }
  });

  it('both sides publish their part; the portal shows the task’s results for both regions', async () => {
    // each side's publication list counts its own visits (3 each), an auditor sees all 6
    const approved = async (user: string) =>
      (
        await req<{ items: { taskId: string; inspections: number; approved: number }[] }>(
          user,
          'GET',
          '/api/publication/deadlines',
          undefined,
          200,
        )
      ).items.find((d) => d.taskId === taskId);
    expect(await approved('admin_a')).toMatchObject({ inspections: 3, approved: 3 });
    expect(await approved('ls_admin')).toMatchObject({ inspections: 3, approved: 3 });
    expect(await approved('auditor')).toMatchObject({ inspections: 6, approved: 6 });
    await req('admin_c', 'POST', `/api/publication/tasks/${taskId}/publish`, undefined, 403);
    const yb = await req<{ published: number; notReviewed: number; taskComplete: boolean }>(
      'admin_a',
      'POST',
      `/api/publication/tasks/${taskId}/publish`,
      undefined,
      200,
    );
    expect(yb).toMatchObject({ published: 3, taskComplete: false });
    const half = await req<{ items: { uscc: string }[] }>(
      null,
      'GET',
      `/api/public/results?taskId=${taskId}`,
      undefined,
      200,
    );
    expect(half.items.map((i) => i.uscc).sort()).toEqual(YB_TARGETS);
    const ls = await req<{ published: number; notReviewed: number; taskComplete: boolean }>(
      'ls_admin',
      'POST',
      `/api/publication/tasks/${taskId}/publish`,
      undefined,
      200,
    );
    expect(ls).toEqual({ taskId, published: 3, notReviewed: 0, taskComplete: true });
    const portal = await req<{ items: { uscc: string; departmentName: string }[]; total: number }>(
      null,
      'GET',
      `/api/public/results?taskId=${taskId}`,
      undefined,
      200,
    );
    expect(portal.total).toBe(6);
    for (const row of portal.items) {
      expect(row.departmentName).toBe(
        row.uscc.startsWith('91511623') ? '邻水县市场监督管理局' : '渝北区市场监督管理局',
      );
    }
    const lsVisit = visits.find((x) => sideOf(x.targetId) === DEPT_LS);
    const detail = await req<{ departments: { code: string }[]; results: { departmentName: string }[] }>(
      null,
      'GET',
      `/api/public/results/${lsVisit?.id ?? ''}`,
      undefined,
      200,
    );
    expect(detail.results.map((r) => r.departmentName)).toEqual(['邻水县市场监督管理局']);
    const task = await queryRows(
      t.database.db,
      sql`SELECT status FROM tasks WHERE id = ${taskId}`,
      z.object({ status: z.string() }),
    );
    expect(task).toEqual([{ status: 'published' }]);
  });

  it('the dashboard counts the task as joint, but its visits as made once: each target has one side', async () => {
    const d = await req<{
      totals: { jointTasks: number; visits: { alone: number; made: number; saved: number } };
      departments: {
        code: string;
        tasks: number;
        jointTasks: number;
        inspections: number;
        visitsAlone: number;
      }[];
    }>('auditor', 'GET', '/api/dashboard/metrics?year=2026&region=all', undefined, 200);
    expect(d.totals.jointTasks).toBeGreaterThanOrEqual(1);
    expect(d.totals.visits).toEqual({ alone: 6, made: 6, saved: 0, reduction: 0 });
    const byCode = new Map(d.departments.map((x) => [x.code, x]));
    // each side counts the visits of its own region: 3 and 3 of the 6
    expect(byCode.get(DEPT_LS)).toMatchObject({ tasks: 1, jointTasks: 1, inspections: 3, visitsAlone: 3 });
    expect(byCode.get(DEPT_A)).toMatchObject({ inspections: 3, visitsAlone: 3 });
    const ls = await req<{ departments: { code: string; inspections: number }[] }>(
      'auditor',
      'GET',
      '/api/dashboard/metrics?year=2026&region=511623',
      undefined,
      200,
    );
    expect(ls.departments.find((x) => x.code === DEPT_LS)?.inspections).toBe(3);
  });
});
