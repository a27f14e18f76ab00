/**
 * Review, publication, deadlines, follow-ups, the portal and the publicity export (issue 5),
 * on both engines.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tasks } from '../../src/db/schema';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import {
  call,
  ITEM_A,
  loadInspectionWorld,
  publicResultEntries,
  TASK_ID,
  TINY_PNG_SHA256,
  USCC_1,
  USCC_2,
  type InspectionWorld,
  submitCompleteVisit,
} from '../support/inspection-fixtures';

interface PortalPage {
  items: { id: string; targetName: string; uscc: string | null; category: string | null }[];
  nextCursor: string | null;
  total: number;
}

describe.each(ENGINES)('review and publication on %s', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  const sessions = new Sessions();
  const who = sessions.who;
  const portal = async (q: string) =>
    (await call<PortalPage>(t.app, null, 'GET', `/api/public/results?q=${encodeURIComponent(q)}`)).body;
  /** Move the clock (sessions expire with time, so log everyone in again). */
  async function travel(days: number): Promise<void> {
    t.advance(days * 86_400_000);
    await sessions.login(t.app, [
      'insp_a',
      'insp_a2',
      'insp_c',
      'admin_a',
      'admin_b',
      'leader_a',
      'leader_c',
      'auditor',
      'sys',
    ]);
  }
  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await travel(0);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Submit visit 1 (all items) with the given DEPT_A category. */
  async function submitVisit1(category: string): Promise<number> {
    return submitCompleteVisit(t, who('insp_a'), who('insp_a2'), w.visit, category);
  }

  it('shows the 20-working-day countdown of the task (2026 via chinese-days)', async () => {
    const v = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.visit}`);
    // task ends 2026-11-30; twenty working days later is 2026-12-28; on 2026-11-20 that is 26 working days away
    expect(v.body.countdown).toEqual({
      deadline: '2026-12-28',
      provisional: false,
      workingDaysLeft: 26,
      overdue: false,
    });
  });

  it('lists the visits under way (assigned, in progress, returned) for the confirmation-code screen', async () => {
    type Listed = { items: { id: string; status: string }[] };
    const underWay = await call<Listed>(t.app, who('admin_a'), 'GET', '/api/inspections?underWay=true');
    expect(underWay.status).toBe(200);
    expect(underWay.body.items.map((i) => i.id)).toContain(w.visit);
    expect(underWay.body.items.every((i) => ['assigned', 'in_progress', 'returned'].includes(i.status))).toBe(
      true,
    );
    // with a status that is not under way, nothing
    const none = await call<Listed>(
      t.app,
      who('admin_a'),
      'GET',
      '/api/inspections?underWay=true&status=approved',
    );
    expect(none.body.items).toEqual([]);
  });

  it('cannot publish an unreviewed result; a return goes back to the inspector with its comment, audited', async () => {
    const version = await submitVisit1('通过登记的住所（经营场所）无法联系');
    const early = await call(t.app, who('admin_a'), 'POST', `/api/inspections/${w.visit}/publish`, {
      version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('INVALID_STATE');
    const task = await call<{ published: number; notReviewed: number }>(
      t.app,
      who('admin_a'),
      'POST',
      `/api/publication/tasks/${TASK_ID}/publish`,
    );
    expect(task.body).toMatchObject({ published: 0, notReviewed: 3 });
    const noComment = await call(t.app, who('leader_a'), 'POST', `/api/inspections/${w.visit}/review`, {
      version,
      decision: 'return',
    });
    expect(noComment.status).toBe(400);
    const ret = await call(t.app, who('leader_a'), 'POST', `/api/inspections/${w.visit}/review`, {
      version,
      decision: 'return',
      comment: '请补充现场照片说明',
    });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    const audits = await queryRows(
      t.database.db,
      sql`select action, after from audit_log where entity_id = ${w.visit} and action like 'inspection.%' order by seq`,
      z.object({ action: z.string(), after: z.unknown() }),
    );
    expect(JSON.stringify(audits)).toContain('inspection.returned');
    expect(JSON.stringify(audits)).toContain('请补充现场照片说明');
    // the returned visit heads the inspector's to-do list; the leader's waiting reviews went down by one
    const todos = async (u: string) =>
      (
        await call<{ items: { kind: string; count: number; tone: string }[] }>(
          t.app,
          who(u),
          'GET',
          '/api/workbench/todos',
        )
      ).body.items;
    const inspectorTodos = await todos('insp_a');
    expect(inspectorTodos[0]).toMatchObject({ kind: 'visits_returned', count: 1, tone: 'error' });
    const leaderReviews = (await todos('leader_a')).find((x) => x.kind === 'reviews_pending')?.count ?? 0;
    // the inspector resubmits (still complete); the leader approves
    const again = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/submit`, {
      version: ret.body.version,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await todos('insp_a')).find((x) => x.kind === 'visits_returned')).toBeUndefined();
    expect((await todos('leader_a')).find((x) => x.kind === 'reviews_pending')?.count).toBe(
      leaderReviews + 1,
    );
    const appr = await call(t.app, who('leader_c'), 'POST', `/api/inspections/${w.visit}/review`, {
      version: again.body.version,
      decision: 'approve',
    });
    expect(appr.status).toBe(200); // a participating department's leader may review
    expect(appr.body.status).toBe('approved');
    const audits2 = await queryRows(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${w.visit} and action = 'inspection.approved'`,
      z.object({ n: z.number() }),
    );
    expect(audits2).toEqual([{ n: 1 }]);
    // an inspector cannot review (role), admin_b cannot read
    expect(
      (
        await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/review`, {
          version: appr.body.version,
          decision: 'approve',
        })
      ).status,
    ).toBe(403);
  });

  it('suggests the abnormal list within 10 working days for 无法联系, and records it with the computed deadline', async () => {
    const v = await call(t.app, who('leader_a'), 'GET', `/api/inspections/${w.visit}`);
    const s0 = v.body.suggestions?.find((x) => x.kind === 'abnormal_list');
    // found (submitted) on 2026-11-20 (Fri): ten working days later is 2026-12-04
    expect(s0).toMatchObject({ deadline: '2026-12-04', provisional: false });
    const f = await call<{ id: string; deadline: string; status: string; overdue: boolean }>(
      t.app,
      who('admin_a'),
      'POST',
      `/api/inspections/${w.visit}/follow-ups`,
      { kind: 'abnormal_list', detail: '列入经营异常名录', itemId: ITEM_A },
    );
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body.deadline).toBe('2026-12-04');
    const order = await call(t.app, who('admin_a'), 'POST', `/api/inspections/${w.visit}/follow-ups`, {
      kind: 'correction_order',
      detail: '限期改正',
    });
    expect(order.status).toBe(400); // an order to correct needs a deadline
    const notify = await call(t.app, who('admin_a'), 'POST', `/api/inspections/${w.visit}/follow-ups`, {
      kind: 'notify_department',
      detail: '抄告',
      notifyDepartmentCode: 'NO-SUCH',
    });
    expect(notify.status).toBe(400);
    const v2 = await call(t.app, who('leader_a'), 'GET', `/api/inspections/${w.visit}`);
    expect(v2.body.suggestions?.some((x) => x.kind === 'abnormal_list')).toBe(false);
    // overdue after the deadline
    await travel(20);
    const overdue = await call<{ items: { id: string; overdue: boolean }[]; total: number }>(
      t.app,
      who('admin_a'),
      'GET',
      '/api/follow-ups?overdue=true',
    );
    expect(overdue.body.items.map((x) => x.id)).toEqual([f.body.id]);
    expect(overdue.body.items[0]?.overdue).toBe(true);
    expect(
      (await call<{ total: number }>(t.app, who('admin_b'), 'GET', '/api/follow-ups?overdue=true')).body
        .total,
    ).toBe(0);
    expect(
      (await call(t.app, who('admin_b'), 'POST', `/api/follow-ups/${f.body.id}/close`, { note: 'x' })).status,
    ).toBe(403);
    const closed = await call<{ status: string }>(
      t.app,
      who('admin_a'),
      'POST',
      `/api/follow-ups/${f.body.id}/close`,
      { note: '已列入' },
    );
    expect(closed.body.status).toBe('closed');
    expect(
      (await call(t.app, who('admin_a'), 'POST', `/api/follow-ups/${f.body.id}/close`, { note: '再次' }))
        .status,
    ).toBe(409);
    await travel(-20);
  });

  it('publishes approved results; the portal finds them by USCC and masks personal data', async () => {
    expect((await portal(USCC_1)).items).toEqual([]);
    const pub = await call<{ published: number; notReviewed: number; taskComplete: boolean }>(
      t.app,
      who('admin_a'),
      'POST',
      `/api/publication/tasks/${TASK_ID}/publish`,
    );
    expect(pub.body).toEqual({ taskId: TASK_ID, published: 1, notReviewed: 2, taskComplete: false });
    expect(
      (await call(t.app, who('admin_b'), 'POST', `/api/publication/tasks/${TASK_ID}/publish`)).status,
    ).toBe(403);
    const byUscc = await portal(USCC_1);
    expect(byUscc.items.map((i) => i.id)).toEqual([w.visit]);
    expect(byUscc.items[0]?.category).toBe('通过登记的住所（经营场所）无法联系');
    // only published results: the joint visit (unpublished) is not found
    expect((await portal(USCC_2)).items).toEqual([]);
    expect((await call(t.app, null, 'GET', `/api/public/results/${w.joint}`)).status).toBe(404);
    expect((await portal('检查测试一号')).total).toBe(1);
    const detail = await t.app.inject({ method: 'GET', url: `/api/public/results/${w.visit}` });
    expect(detail.statusCode).toBe(200);
    const d = detail.json<{
      target: { legalRep: string };
      inspectors: string[];
      followUps: { kind: string }[];
    }>();
    expect(d.target.legalRep).toBe('王某某');
    expect(d.inspectors).toEqual(['YB-001', 'YB-002', '专家']);
    expect(d.followUps.map((f) => f.kind)).toEqual(['abnormal_list']);
    // the publication is in the task's transparency log, where the result page checks its inclusion (issue 13)
    const results = await publicResultEntries(t.app, TASK_ID);
    expect(results.map((r) => r.inspections)).toEqual([[w.visit]]);
    // issue 15: the entry carries the hash of the visit's photo (uploaded by recordCompleteVisit)
    expect(results[0]?.evidence.map((x) => [x.inspection, x.sha256])).toEqual([[w.visit, TINY_PNG_SHA256]]);
    for (const secret of ['张执法', '李执法', '王小明', 'data:image', 'scene', 'signature', '负责人外出']) {
      expect(detail.body).not.toContain(secret);
    }
    const bad = await call(t.app, null, 'GET', '/api/public/results?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
  });

  it('exports the publicity list with formula cells neutralised', async () => {
    await t.database.db
      .update(tasks)
      .set({ title: '=HYPERLINK("http://evil")' })
      .where(eq(tasks.id, TASK_ID));
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/publication/export?format=csv&taskId=${TASK_ID}`,
      headers: who('admin_a').headers,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('统一社会信用代码,检查对象名称,抽查任务,检查部门,检查日期,检查结果,公示日期');
    expect(lines).toHaveLength(3); // one row per department that recorded results
    expect(lines[1]).toContain(`${USCC_1},重庆检查测试一号有限公司,"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).toContain('通过登记的住所（经营场所）无法联系');
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/publication/export?format=csv',
      headers: who('admin_b').headers,
    });
    expect(
      other.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/publication/export?format=xlsx',
      headers: who('auditor').headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('flags overdue tasks to the department and auditors, not to other departments', async () => {
    const before = await call<{ items: { taskId: string }[] }>(
      t.app,
      who('admin_a'),
      'GET',
      '/api/publication/deadlines?overdue=true',
    );
    expect(before.body.items).toEqual([]);
    await travel(40); // 2026-12-30: past 2026-12-28
    const a = await call<{
      items: { taskId: string; countdown: { overdue: boolean; workingDaysLeft: number } }[];
    }>(t.app, who('admin_a'), 'GET', '/api/publication/deadlines?overdue=true');
    expect(a.body.items.map((x) => x.taskId)).toEqual([TASK_ID]);
    expect(a.body.items[0]?.countdown.workingDaysLeft).toBeLessThan(0);
    expect(
      (
        await call<{ items: unknown[] }>(
          t.app,
          who('auditor'),
          'GET',
          '/api/publication/deadlines?overdue=true',
        )
      ).body.items,
    ).toHaveLength(1);
    expect(
      (
        await call<{ items: unknown[] }>(
          t.app,
          who('leader_c'),
          'GET',
          '/api/publication/deadlines?overdue=true',
        )
      ).body.items,
    ).toHaveLength(1);
    expect(
      (
        await call<{ items: unknown[] }>(
          t.app,
          who('admin_b'),
          'GET',
          '/api/publication/deadlines?overdue=true',
        )
      ).body.items,
    ).toEqual([]);
    await travel(-40);
  });

  it('marks 2027 deadlines provisional until an admin enters the 2027 table', async () => {
    await t.database.db.update(tasks).set({ windowEnd: '2027-03-31' }).where(eq(tasks.id, TASK_ID));
    const cov = await call<{ missing: number[] }>(t.app, who('sys'), 'GET', '/api/holidays/coverage');
    expect(cov.body.missing).toContain(2027);
    let d = await call<{ items: { countdown: { deadline: string; provisional: boolean } }[] }>(
      t.app,
      who('admin_a'),
      'GET',
      '/api/publication/deadlines',
    );
    expect(d.body.items[0]?.countdown).toMatchObject({ deadline: '2027-04-28', provisional: true });
    // 清明 2027: Apr 5 (Mon) off — the admin table moves the deadline a day and makes it final
    const put = await call(t.app, who('sys'), 'PUT', '/api/holidays', {
      days: [{ day: '2027-04-05', kind: 'holiday', name: '清明节' }],
    });
    expect(put.status).toBe(200);
    d = await call(t.app, who('admin_a'), 'GET', '/api/publication/deadlines');
    expect(d.body.items[0]?.countdown).toMatchObject({ deadline: '2027-04-29', provisional: false });
    expect(
      (await call<{ missing: number[] }>(t.app, who('sys'), 'GET', '/api/holidays/coverage')).body.missing,
    ).not.toContain(2027);
  });
});
