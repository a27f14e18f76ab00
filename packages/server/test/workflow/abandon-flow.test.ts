// Abandoning a draw takes two people (issue 13): the lead department's admin asks with a reason, a
// leader of that department who did not ask decides. Refusals (the asker, another department, a
// second pending request, a rejection without a comment, a decided request, a started
// inspection), the rejection that leaves the draw live, the approval that abandons it with a log
// entry, the audit rows of each step, the request list's department scope and the leader's to-do.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { insertUsers } from '../../src/contexts/platform/user.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, PASSWORD } from '../support/fixtures';
import {
  approvedTask,
  call,
  loadWorkflowFixtures,
  taskBody,
  type WorkflowItems,
} from '../support/workflow-fixtures';

const DICE = '０１３８ 2438-1127 9731 6654 55';

interface RequestView {
  id: number;
  drawId: string;
  taskId: string;
  status: string;
  reason: string;
  requestedBy: string;
  decidedBy: string | null;
  comment: string | null;
  canDecide: boolean;
}

describe.each(ENGINES)('two-person abandonment on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let both: LoggedIn;
  let leaderC: LoggedIn;
  let auditor: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    const passwordHash = await hashPassword(PASSWORD);
    // holds both roles: may ask, and may decide others' requests, never their own (leader_c: workflow fixtures)
    await insertUsers(t.database.db, [
      {
        username: 'admin_leader_a',
        displayName: '双角色',
        departmentCode: DEPT_A,
        roles: ['dept_admin', 'leader'],
        passwordHash,
      },
    ]);
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
    both = await loginAs(t.app, 'admin_leader_a');
    leaderC = await loginAs(t.app, 'leader_c');
    auditor = await loginAs(t.app, 'auditor');
  });
  afterAll(async () => {
    await t.close();
  });

  const status = async (drawId: string) =>
    (
      await queryRows(
        t.database.db,
        sql`SELECT status FROM draws WHERE id = ${drawId}`,
        z.object({ status: z.string() }),
      )
    )[0]?.status;
  const auditActions = async (drawId: string) =>
    (
      await queryRows(
        t.database.db,
        sql`SELECT action, actor_name FROM audit_log WHERE entity_id = ${drawId} AND action LIKE 'draw.abandon%' ORDER BY seq`,
        z.object({ action: z.string(), actor_name: z.string().nullable() }),
      )
    ).map((r) => `${r.action}:${r.actor_name ?? ''}`);
  const ask = (who: LoggedIn, drawId: string, reason: string, code: number) =>
    call<RequestView>(t.app, who, 'POST', `/api/draws/${drawId}/abandon-requests`, { reason }, code);
  const decide = (who: LoggedIn, id: number, body: Record<string, unknown>, code: number) =>
    call<RequestView>(t.app, who, 'POST', `/api/abandon-requests/${id}/decision`, body, code);

  it('a request waits for a second person; the asker, another department and a bare rejection are refused; a rejection leaves the draw live', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.generalA]));
    const d = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    await call(t.app, admin, 'POST', `/api/draws/${d.id}/commit`, { seedSource: 'dice' }, 200);

    const r = await ask(both, d.id, '骰子读数录入有误，重新摇号', 201);
    expect(r).toMatchObject({
      drawId: d.id,
      taskId,
      status: 'pending',
      requestedBy: 'admin_leader_a',
      canDecide: false,
    });
    expect(await status(d.id)).toBe('committed'); // nothing happens until a second person decides
    await ask(admin, d.id, '再次申请作废', 409); // one pending request per draw

    const own = await call<{ error: { message: string } }>(
      t.app,
      both,
      'POST',
      `/api/abandon-requests/${r.id}/decision`,
      { decision: 'approve' },
      403,
    );
    expect(own.error.message).toContain('申请人不能审批');
    await decide(leaderC, r.id, { decision: 'approve' }, 403); // a leader of another department
    await decide(admin, r.id, { decision: 'approve' }, 403); // an admin is not a leader
    await decide(leader, r.id, { decision: 'reject' }, 400); // a rejection says why
    await decide(leader, 999_999, { decision: 'approve' }, 404);

    const seen = await call<RequestView[]>(
      t.app,
      leader,
      'GET',
      `/api/abandon-requests?drawId=${d.id}`,
      undefined,
      200,
    );
    expect(seen.map((x) => [x.id, x.canDecide])).toEqual([[r.id, true]]);
    expect(
      await call<RequestView[]>(
        t.app,
        leaderC,
        'GET',
        '/api/abandon-requests?status=pending',
        undefined,
        200,
      ),
    ).toEqual([]);
    expect(
      (
        await call<RequestView[]>(
          t.app,
          auditor,
          'GET',
          `/api/abandon-requests?drawId=${d.id}`,
          undefined,
          200,
        )
      ).map((x) => x.canDecide),
    ).toEqual([false]);
    const todos = await call<{ items: { kind: string; count: number }[] }>(
      t.app,
      leader,
      'GET',
      '/api/workbench/todos',
      undefined,
      200,
    );
    expect(todos.items).toContainEqual(expect.objectContaining({ kind: 'abandons_to_approve', count: 1 }));

    const rejected = await decide(leader, r.id, { decision: 'reject', comment: '读数可更正，无需作废' }, 200);
    expect(rejected).toMatchObject({
      status: 'rejected',
      decidedBy: 'leader_a',
      comment: '读数可更正，无需作废',
      canDecide: false,
    });
    await decide(leader, r.id, { decision: 'approve' }, 409); // decided once
    expect(await status(d.id)).toBe('committed');
    expect(await auditActions(d.id)).toEqual([
      'draw.abandon_requested:admin_leader_a',
      'draw.abandon_rejected:leader_a',
    ]);

    // the draw goes on: it runs, and the public record shows no abandonment
    await call(t.app, admin, 'POST', `/api/draws/${d.id}/run`, { seed: DICE }, 200);
    expect(await status(d.id)).toBe('drawn');
  });

  it('an approval by a leader who did not ask abandons the draw, logs it and is audited; a started inspection blocks the approval', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.keyA]));
    const d = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    await call(t.app, admin, 'POST', `/api/draws/${d.id}/commit`, { seedSource: 'dice' }, 200);
    await call(t.app, admin, 'POST', `/api/draws/${d.id}/run`, { seed: DICE }, 200);

    // an inspection starts while the request waits: the approval is refused, the request stays pending
    const r = await ask(admin, d.id, '抽取范围设置错误，按规定作废', 201);
    await t.database.db.execute(
      sql`UPDATE inspections SET status = 'in_progress' WHERE draw_id = ${d.id} AND target_id = (SELECT min(target_id) FROM inspections WHERE draw_id = ${d.id})`,
    );
    await decide(both, r.id, { decision: 'approve' }, 409);
    await t.database.db.execute(sql`UPDATE inspections SET status = 'assigned' WHERE draw_id = ${d.id}`);

    const approved = await decide(both, r.id, { decision: 'approve', comment: '同意' }, 200);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'admin_leader_a', comment: '同意' });
    expect(await status(d.id)).toBe('abandoned');
    const task = await queryRows(
      t.database.db,
      sql`SELECT status FROM tasks WHERE id = ${taskId}`,
      z.object({ status: z.string() }),
    );
    expect(task).toEqual([{ status: 'planned' }]);
    const cancelled = await queryRows(
      t.database.db,
      sql`SELECT DISTINCT status FROM inspections WHERE draw_id = ${d.id}`,
      z.object({ status: z.string() }),
    );
    expect(cancelled).toEqual([{ status: 'cancelled' }]);
    expect(await auditActions(d.id)).toEqual([
      'draw.abandon_requested:admin_a',
      'draw.abandon_approved:admin_leader_a',
      'draw.abandoned:admin_leader_a',
    ]);
    const log = await call<{ entries: { kind: string; entry: string }[] }>(
      t.app,
      null,
      'GET',
      `/api/public/log/tasks/${taskId}`,
      undefined,
      200,
    );
    const abandon = log.entries.find((e) => e.kind === 'abandon');
    expect(JSON.parse(abandon?.entry ?? '{}')).toMatchObject({
      drawId: d.id,
      reason: '抽取范围设置错误，按规定作废',
    });
    await ask(admin, d.id, '已作废后再申请', 409);
  });
});
