// Progress of a running freeze, commit or draw (issue 14: progress shown in the ceremony): the
// tracker's steps and lines as a poll sees them, only to readers of the task's departments, and
// gone when the operation ends, even when it fails. On PostgreSQL a freeze is held at a table lock
// while GET /api/tasks/:id/draw-progress is polled through the API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawProgressOf, trackDraw } from '../../src/contexts/draw/draw-progress';
import type { Actor } from '../../src/contexts/platform';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B, PASSWORD } from '../support/fixtures';
import {
  approvedTask,
  call,
  loadWorkflowFixtures,
  taskBody,
  type WorkflowItems,
} from '../support/workflow-fixtures';

const actor = (departmentCode: string, roles: Actor['roles']): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  departmentCode,
  regionCode: departmentCode.slice(0, 6),
  roles,
  sessionId: 's',
});

describe('the draw progress tracker', () => {
  const reader = actor(DEPT_A, ['leader']);
  it('reports the step, the stratum and its lines to readers of the task, until it ends', () => {
    const p = trackDraw(
      'T-2026-0901',
      'run',
      { lead: DEPT_A, participants: [] },
      2,
      new Date('2026-03-02T02:00:00Z'),
    );
    p.stratum('A', 1000);
    p.lines(400);
    let seen = drawProgressOf(reader, 'T-2026-0901');
    expect(seen.ok && seen.value.progress).toMatchObject({
      operation: 'run',
      step: 'scan',
      stratum: 'A',
      lines: 400,
      total: 1000,
      strataDone: 0,
      strata: 2,
    });
    p.stratum('B', 10);
    p.step('assign');
    seen = drawProgressOf(reader, 'T-2026-0901');
    expect(seen.ok && seen.value.progress).toMatchObject({ step: 'assign', stratum: null, strataDone: 2 });
    const other = drawProgressOf(actor(DEPT_B, ['leader']), 'T-2026-0901');
    expect(other.ok ? 'read' : other.error.code).toBe('FORBIDDEN');
    p.end();
    expect(drawProgressOf(reader, 'T-2026-0901')).toEqual({
      ok: true,
      value: { running: false, progress: null },
    });
  });

  it('a newer operation on the task is not ended by an older one', () => {
    const old = trackDraw('T-2026-0902', 'freeze', { lead: DEPT_A, participants: [] }, 1, new Date());
    const next = trackDraw('T-2026-0902', 'commit', { lead: DEPT_A, participants: [] }, 1, new Date());
    old.end();
    const seen = drawProgressOf(reader, 'T-2026-0902');
    expect(seen.ok && seen.value.progress?.operation).toBe('commit');
    next.end();
  });
});

describe.each(ENGINES)('GET /api/tasks/:id/draw-progress on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let adminB: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
    adminB = await loginAs(t.app, 'admin_b');
  });
  afterAll(async () => {
    await t.close();
  });

  const progress = (who: LoggedIn, taskId: string, status = 200) =>
    call<{ running: boolean; progress: { operation: string; step: string } | null }>(
      t.app,
      who,
      'GET',
      `/api/tasks/${taskId}/draw-progress`,
      undefined,
      status,
    );

  it('shows a freeze while it runs (PostgreSQL: held at a lock), to the task’s department only; nothing once done or refused', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.generalA]));
    expect(await progress(leader, taskId)).toEqual({ running: false, progress: null });
    if (engine === 'postgres') {
      let freezing: Promise<unknown> = Promise.resolve();
      await t.database.db.transaction(async (tx) => {
        // the freeze waits at its first write to this table, its progress already registered
        await tx.execute(sql`LOCK TABLE draw_frame_exclusions IN ACCESS EXCLUSIVE MODE`);
        freezing = call(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
        let seen = await progress(leader, taskId);
        for (let i = 0; i < 100 && !seen.running; i++) {
          await new Promise((r) => setTimeout(r, 50));
          seen = await progress(leader, taskId);
        }
        expect(seen).toMatchObject({ running: true, progress: { operation: 'freeze', step: 'frames' } });
        await progress(adminB, taskId, 403);
      }); // the lock goes with the transaction, and the freeze goes on
      await freezing;
    } else {
      await call(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    }
    // done: the tracker is gone; a refused second freeze (a live draw exists) leaves nothing either
    expect(await progress(leader, taskId)).toEqual({ running: false, progress: null });
    await call(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 409);
    expect(await progress(leader, taskId)).toEqual({ running: false, progress: null });
  });
});
