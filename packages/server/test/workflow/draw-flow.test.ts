// Draws (spec ssj-draw/1, issue 5): freeze exclusions incl. the yearly cap across departments,
// 所所交叉 refusal, pool and pair exclusions, commit → draw → verifyRecord, abandon/supersede,
// direct assignment, transition checks, and two presses of "draw" on PostgreSQL.
import { drawRecordSchema } from '@openssj/core';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { putSetting } from '../../src/contexts/platform/setting.repo';
import { inspections } from '../../src/db/schema';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B, DEPT_C, PASSWORD } from '../support/fixtures';
import {
  abandonByTwo,
  approvedTask,
  call,
  caller,
  loadWorkflowFixtures,
  newPlan,
  pastInspections,
  taskBody,
  tid,
  type WorkflowItems,
  verifyPublicDraw,
} from '../support/workflow-fixtures';

const DICE = '０１３８ 2438-1127 9731 6654 55';

interface Draw {
  id: string;
  status: string;
  supersedes: string | null;
  seed: string | null;
  seedPlan: string | null;
  commitment: string | null;
  strata: { name: string; frameSize: number; sampleSize: number; frameDigest: string }[];
  frameExclusionCounts: Record<string, Record<string, number>>;
}

describe.each(ENGINES)('draws on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let adminC: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
    adminC = await loginAs(t.app, 'admin_c');
    // tid(4): twice this year by another department → CAP_REACHED; tid(7): last team A002 + B001 → rotation
    await pastInspections(t.database, tid(4), 2026, [
      ['B001', 'B002'],
      ['B001', 'B002'],
    ]);
    await pastInspections(t.database, tid(7), 2026, [['A002', 'B001']]);
    await pastInspections(t.database, tid(8), 2025, [
      ['B001', 'B002'],
      ['B001', 'B002'],
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = (q: ReturnType<typeof sql>) => queryRows(t.database.db, q, z.record(z.string(), z.unknown()));

  const verifyPublic = (drawId: string) => verifyPublicDraw(t.app, drawId);
  const app = () => t.app;
  const asAdmin = caller(app, () => admin);
  const asAnyone = caller(app, () => null);

  it('refuses to draw a task of an unapproved plan, or a joint task not yet accepted', async () => {
    const plan = await newPlan(t.app, admin, '未审批');
    const task = await asAdmin<{ id: string }>(
      'POST',
      `/api/plans/${plan.id}/tasks`,
      taskBody([items.generalA]),
      201,
    );
    const r = await asAdmin<{ error: { code: string } }>('POST', `/api/tasks/${task.id}/draws`, {}, 409);
    expect(r.error.code).toBe('INVALID_STATE');
    const joint = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.generalA, items.generalC], {
        participants: [DEPT_C],
        strata: [{ name: 'all', tiers: null, ratio: '0.05' }],
      }),
    );
    const pending = await asAdmin<{ error: { message: string } }>(
      'POST',
      `/api/tasks/${joint.taskId}/draws`,
      {},
      409,
    );
    expect(pending.error.message).toContain(DEPT_C);
    await call(t.app, adminC, 'POST', `/api/tasks/${joint.taskId}/participation`, { accept: true }, 200);
    const d = await asAdmin<Draw>('POST', `/api/tasks/${joint.taskId}/draws`, {}, 201);
    expect(d.status).toBe('frozen');
  });

  it('freezes frames with DEREGISTERED, CAP_REACHED (all departments), MANUAL and OUT_OF_SCOPE, and the pool with pair exclusions', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.generalA]));
    const d = await asAdmin<Draw>(
      'POST',
      `/api/tasks/${taskId}/draws`,
      {
        manualExclusions: [
          { targetId: tid(6), reason: '正在立案调查' },
          { targetId: '91500113WF00000001', reason: '误列' },
        ],
      },
      201,
    );
    expect(d.id).toBe(`D-${taskId.slice(2)}-1`);
    expect(d.frameExclusionCounts).toEqual({ all: { DEREGISTERED: 3, CAP_REACHED: 1, MANUAL: 1 } });
    expect(d.strata[0]).toMatchObject({ name: 'all', frameSize: 35, sampleSize: 4 });
    const excl = await rows(
      sql`SELECT target_id, reason, note FROM draw_frame_exclusions WHERE draw_id = ${d.id} ORDER BY target_id`,
    );
    expect(excl.find((e) => e['target_id'] === tid(4))?.['reason']).toBe('CAP_REACHED');
    expect(excl.find((e) => e['target_id'] === tid(6))).toMatchObject({
      reason: 'MANUAL',
      note: '正在立案调查',
    });
    expect(excl.find((e) => e['target_id'] === '91500113WF00000001')?.['reason']).toBe('OUT_OF_SCOPE');
    // last year's inspections of tid(8) do not count
    expect(excl.some((e) => e['target_id'] === tid(8))).toBe(false);
    const pool = (
      await rows(sql`SELECT inspector_id FROM draw_pool WHERE draw_id = ${d.id} ORDER BY inspector_id`)
    ).map((r) => r['inspector_id']);
    expect(pool).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']); // A009 inactive, expert and other departments out
    const pairs = await rows(
      sql`SELECT target_id, inspector_id, reason FROM draw_pair_exclusions WHERE draw_id = ${d.id} ORDER BY target_id`,
    );
    expect(pairs).toEqual([
      { target_id: tid(5), inspector_id: 'A001', reason: 'recusal' },
      { target_id: tid(7), inspector_id: 'A002', reason: 'rotation' },
    ]);
    // a frozen task cannot be edited, and a second live draw is refused
    await asAdmin('PUT', `/api/tasks/${taskId}`, taskBody([items.generalA], { title: '改' }), 409);
    await asAdmin('POST', `/api/tasks/${taskId}/draws`, {}, 409);
  });

  it('takes the yearly cap and the fallback pool from settings', async () => {
    await putSetting(t.database.db, '500112', 'yearlyInspectionCap', 3, t.now());
    await putSetting(t.database.db, '500112', 'adjacentRegions', ['500103'], t.now());
    const { taskId } = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.generalA], { crossRegion: true }),
    );
    const d = await asAdmin<Draw>('POST', `/api/tasks/${taskId}/draws`, {}, 201);
    expect(d.frameExclusionCounts).toEqual({ all: { DEREGISTERED: 3 } });
    const fallback = await rows(
      sql`SELECT inspector_id, department, home_department FROM draw_pool WHERE draw_id = ${d.id} AND fallback ORDER BY inspector_id`,
    );
    expect(fallback).toEqual([
      { inspector_id: 'B001', department: DEPT_A, home_department: DEPT_B },
      { inspector_id: 'B002', department: DEPT_A, home_department: DEPT_B },
    ]);
    await putSetting(t.database.db, '500112', 'yearlyInspectionCap', 2, t.now());
    await abandonByTwo(t.app, admin, leader, d.id, '测试设置后作废');
  });

  it('refuses to freeze under 所所交叉 while targets lack a supervising unit, listing them', async () => {
    const { taskId } = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.keyA], { scope: { divisions: ['500113'] }, jurisdictionRule: true }),
    );
    const r = await asAdmin<{ error: { details: { total: number; targets: { id: string }[] } } }>(
      'POST',
      `/api/tasks/${taskId}/draws`,
      {},
      400,
    );
    expect(r.error.details.total).toBe(2);
    expect(r.error.details.targets.map((x) => x.id)).toEqual(['91500113WF00000001', '91500113WF00000002']);
    expect(await rows(sql`SELECT id FROM draws WHERE task_id = ${taskId}`)).toEqual([]);
  });

  it('commits, draws with dice, creates inspections, and the public record verifies; then abandon and supersede', async () => {
    const { taskId } = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.generalA], {
        jurisdictionRule: true,
        strata: [
          { name: 'AB', tiers: ['A', 'B'], ratio: '0.1' },
          { name: 'CD', tiers: ['C', 'D'], ratio: '0.1' },
        ],
      }),
    );
    const frozen = await asAdmin<Draw>('POST', `/api/tasks/${taskId}/draws`, {}, 201);
    // the seed cannot be given before the commitment
    await asAdmin('POST', `/api/draws/${frozen.id}/run`, { seed: DICE }, 409);
    await asAdmin('POST', `/api/draws/${frozen.id}/commit`, { seedSource: 'beacon', seedPlan: 'later' }, 400);
    const committed = await asAdmin<Draw>(
      'POST',
      `/api/draws/${frozen.id}/commit`,
      { seedSource: 'dice' },
      200,
    );
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/);
    // the commitment is public at once, and audited
    const pub = await asAnyone<{ commitmentObject: { committedAt: string }; draw: { seed: string | null } }>(
      'GET',
      `/api/public/draws/${frozen.id}`,
      undefined,
      200,
    );
    expect(pub.draw.seed).toBeNull();
    expect(await rows(sql`SELECT action FROM audit_log WHERE entity_id = ${frozen.id} ORDER BY seq`)).toEqual(
      [{ action: 'draw.frozen' }, { action: 'draw.committed' }],
    );
    await asAdmin('POST', `/api/draws/${frozen.id}/commit`, { seedSource: 'dice' }, 409);
    await asAdmin('POST', `/api/draws/${frozen.id}/run`, { seed: '1234567890' }, 400);
    t.advance(60_000);
    const drawn = await asAdmin<Draw & { selected: number }>(
      'POST',
      `/api/draws/${frozen.id}/run`,
      { seed: DICE, witnesses: [{ name: '王公证', role: '公证员' }] },
      200,
    );
    expect(drawn).toMatchObject({ status: 'drawn', seed: '0138243811279731665455' });
    await asAdmin('POST', `/api/draws/${frozen.id}/run`, { seed: DICE }, 409); // a second press draws nothing

    const { parsed, result } = await verifyPublic(frozen.id);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(parsed.jurisdictionRule).toBe(true);
    const insp = await t.database.db.select().from(inspections).where(eq(inspections.drawId, frozen.id));
    expect(insp).toHaveLength(parsed.selected.length);
    for (const i of insp) {
      expect(i).toMatchObject({ status: 'assigned', drawYear: 2026, taskId });
      expect(i.inspectors).toEqual(parsed.assignments.find((a) => a.target === i.targetId)?.inspectors);
      expect((i.plannedDate ?? '') >= '2026-12-01' && (i.plannedDate ?? '') <= '2026-12-31').toBe(true);
    }
    // 所所交叉: nobody inspects a target of their own unit
    const units = new Map([
      ['A001', 'S01'],
      ['A002', 'S01'],
      ['A005', 'S01'],
      ['A003', 'S02'],
      ['A004', 'S02'],
    ]);
    for (const a of parsed.assignments) {
      const n = Number(a.target.slice(-8));
      for (const x of a.inspectors) {
        expect(units.get(x)).not.toBe(n % 2 === 1 ? 'S01' : 'S02');
      }
    }
    // the notice lists items, names and badge numbers
    const first = parsed.selected[0]?.id ?? '';
    const notice = await asAdmin<{
      items: { name: string }[];
      inspectors: { name: string; badgeNo: string }[];
    }>('GET', `/api/draws/${frozen.id}/notices/${first}`, undefined, 200);
    expect(notice.items[0]?.name).toBe('食品经营许可情况检查');
    expect(notice.inspectors.length).toBeGreaterThan(0);

    // direct assignment: add the expert with a reason; the record still verifies
    await asAdmin(
      'POST',
      `/api/draws/${frozen.id}/overrides`,
      { target: first, inspectors: ['NOBODY'], reason: '专家参加' },
      400,
    );
    await asAdmin(
      'POST',
      `/api/draws/${frozen.id}/overrides`,
      { target: first, inspectors: ['EXP-0001'], reason: '需要食品专家参与检查' },
      200,
    );
    const after = await verifyPublic(frozen.id);
    expect(after.result.ok).toBe(true);
    expect(after.parsed.overrides).toMatchObject([
      { target: first, inspectors: ['EXP-0001'], reason: '需要食品专家参与检查', by: 'admin_a' },
    ]);
    const team = await rows(
      sql`SELECT inspectors FROM inspections WHERE draw_id = ${frozen.id} AND target_id = ${first}`,
    );
    expect(team[0]?.['inspectors']).toContain('EXP-0001');

    // abandon (no inspection started): kept with its reason; the next draw supersedes it
    await asAdmin('POST', `/api/draws/${frozen.id}/abandon-requests`, { reason: '' }, 400);
    await abandonByTwo(t.app, admin, leader, frozen.id, '骰子读数录入有误，重新摇号');
    expect(
      (await rows(sql`SELECT DISTINCT status FROM inspections WHERE draw_id = ${frozen.id}`)).map(
        (r) => r['status'],
      ),
    ).toEqual(['cancelled']);
    const next = await asAdmin<Draw>('POST', `/api/tasks/${taskId}/draws`, {}, 201);
    expect(next.supersedes).toBe(frozen.id);
    const list = await asAnyone<{ counts: Record<string, number>; items: { id: string; status: string }[] }>(
      'GET',
      '/api/public/draws',
      undefined,
      200,
    );
    expect(list.counts['abandoned']).toBeGreaterThanOrEqual(1);
    const old = await asAnyone<{
      draw: { status: string; abandonedReason: string; supersededBy: string | null };
    }>('GET', `/api/public/draws/${frozen.id}`, undefined, 200);
    expect(old.draw).toMatchObject({ status: 'abandoned', abandonedReason: '骰子读数录入有误，重新摇号' });
  });

  it('draws from the system CSPRNG committed as sha256 of the seed, and refuses to abandon after inspections start', async () => {
    const { taskId } = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.keyA], { strata: [{ name: 'all', tiers: null, ratio: '0.2' }] }),
    );
    const frozen = await asAdmin<Draw>('POST', `/api/tasks/${taskId}/draws`, {}, 201);
    const committed = await asAdmin<Draw>(
      'POST',
      `/api/draws/${frozen.id}/commit`,
      { seedSource: 'system' },
      200,
    );
    expect(committed.seedPlan).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(committed.seed).toBeNull();
    const drawn = await asAdmin<Draw>('POST', `/api/draws/${frozen.id}/run`, {}, 200);
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyPublic(frozen.id)).result.ok).toBe(true);
    await t.database.db.execute(
      sql`UPDATE inspections SET status = 'in_progress' WHERE draw_id = ${frozen.id} AND target_id = (SELECT min(target_id) FROM inspections WHERE draw_id = ${frozen.id})`,
    );
    await asAdmin('POST', `/api/draws/${frozen.id}/abandon-requests`, { reason: '想重新摇号' }, 409);
  });

  it.runIf(engine === 'postgres')(
    'two people pressing freeze or draw at once produce exactly one',
    async () => {
      const { taskId } = await approvedTask(
        t.app,
        admin,
        leader,
        taskBody([items.keyA], { strata: [{ name: 'all', tiers: null, ratio: '0.3' }] }),
      );
      const admin2 = await loginAs(t.app, 'admin_a');
      const freezes = await Promise.all(
        [admin, admin2].map((who) =>
          t.app.inject({
            method: 'POST',
            url: `/api/tasks/${taskId}/draws`,
            headers: who.headers,
            payload: {},
          }),
        ),
      );
      expect(freezes.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const drawId = `D-${taskId.slice(2)}-1`;
      await asAdmin('POST', `/api/draws/${drawId}/commit`, { seedSource: 'dice' }, 200);
      const runs = await Promise.all(
        [admin, admin2].map((who) =>
          t.app.inject({
            method: 'POST',
            url: `/api/draws/${drawId}/run`,
            headers: who.headers,
            payload: { seed: DICE },
          }),
        ),
      );
      expect(runs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const n = await rows(sql`SELECT count(*)::int AS n FROM inspections WHERE draw_id = ${drawId}`);
      const rec = drawRecordSchema.parse(
        (await rows(sql`SELECT record FROM draws WHERE id = ${drawId}`))[0]?.['record'],
      );
      expect(n[0]?.['n']).toBe(rec.selected.length);
      expect(
        await rows(sql`SELECT action FROM audit_log WHERE entity_id = ${drawId} AND action = 'draw.drawn'`),
      ).toHaveLength(1);
    },
  );

  it('another department cannot run or read the draw', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.keyA]));
    const d = await asAdmin<Draw>('POST', `/api/tasks/${taskId}/draws`, {}, 201);
    await call(t.app, adminC, 'POST', `/api/draws/${d.id}/commit`, { seedSource: 'dice' }, 403);
    await call(t.app, adminC, 'GET', `/api/draws/${d.id}`, undefined, 403);
    const mine = await asAdmin<{ draw: { id: string }; poolSize: number }>(
      'GET',
      `/api/draws/${d.id}`,
      undefined,
      200,
    );
    expect(mine.poolSize).toBe(5);
  });
});
