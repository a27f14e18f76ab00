// Issue 11 part 1: an officer without a 行政执法证 valid on the task's dates leaves the pool at
// freeze with a code (CERT_EXPIRED, CERT_EXPIRES_IN_WINDOW; INACTIVE), the published record
// verifies without them, direct assignment cannot bring them back, experts follow their own
// rule, the override's staff-only reason stays unpublished, and the library warns 30 days ahead.
import { drawRecordSchema } from '@openssj/core';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import { inspectors } from '../../src/db/schema';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { PASSWORD } from '../support/fixtures';
import {
  approvedTask,
  call,
  loadWorkflowFixtures,
  taskBody,
  tid,
  type WorkflowItems,
  verifyPublicDraw,
} from '../support/workflow-fixtures';

const DICE = '01382438112797316654 55';
const cert = (expiresOn: string) => [{ type: '行政执法证', expiresOn }];

interface PoolExclusion {
  inspectorId: string;
  reason: string;
  expiresOn: string | null;
}
interface DrawDetail {
  draw: { id: string };
  poolSize: number;
  poolExclusions: PoolExclusion[];
  selections: { id: string; team: { id: string }[] }[];
  overrides: { target: string; reason: string; internalReason: string | null }[];
}

describe.each(ENGINES)('pool certificates on %s', (engine) => {
  let t: TestApp;
  let items: WorkflowItems;
  let admin: LoggedIn;
  let leader: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine); // clock: 2026-11-20 (China)
    items = await loadWorkflowFixtures(t.database, await hashPassword(PASSWORD));
    admin = await loginAs(t.app, 'admin_a');
    leader = await loginAs(t.app, 'leader_a');
    const db = t.database.db;
    const set = (id: string, v: Partial<typeof inspectors.$inferInsert>) =>
      db.update(inspectors).set(v).where(eq(inspectors.id, id));
    await set('A001', { qualifications: cert('2028-06-30') });
    await set('A002', { qualifications: [...cert('2026-03-22'), ...cert('2025-01-01')] }); // lapsed
    await set('A003', { qualifications: cert('2026-12-15') }); // lapses inside the December window
    await set('A004', { qualifications: [{ type: '食品检查员', expiresOn: '2029-01-01' }] }); // no 执法证 recorded
    await set('A005', { qualifications: cert('2027-01-31'), capacity: null });
    await set('EXP-0001', { qualifications: [{ type: '高级工程师', expiresOn: '2026-06-30' }] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves officers without a valid 行政执法证 out of the pool with a code, and the published record verifies', async () => {
    const { taskId } = await approvedTask(t.app, admin, leader, taskBody([items.generalA]));
    const frozen = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    const detail = await call<DrawDetail>(t.app, admin, 'GET', `/api/draws/${frozen.id}`, undefined, 200);
    const codes = Object.fromEntries(detail.poolExclusions.map((e) => [e.inspectorId, e]));
    expect(codes['A002']).toMatchObject({ reason: 'CERT_EXPIRED', expiresOn: '2026-03-22' });
    expect(codes['A003']).toMatchObject({ reason: 'CERT_EXPIRES_IN_WINDOW', expiresOn: '2026-12-15' });
    expect(codes['A009']).toMatchObject({ reason: 'INACTIVE' });
    expect(codes['A001']).toBeUndefined();
    expect(codes['A004']).toBeUndefined(); // no expiry recorded: the badge stands (the library warns)
    const pool = await queryRows(
      t.database.db,
      sql`SELECT inspector_id FROM draw_pool WHERE draw_id = ${frozen.id} ORDER BY inspector_id`,
      z.object({ inspector_id: z.string() }),
    );
    expect(pool.map((p) => p.inspector_id)).toEqual(['A001', 'A004', 'A005']);
    expect(detail.poolSize).toBe(3);
    // the freeze's audit row counts them per code
    const [row] = await queryRows(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = 'draw.frozen' AND entity_id = ${frozen.id}`,
      z.object({ after: z.object({ poolExclusions: z.record(z.string(), z.number()) }) }),
    );
    expect(row?.after.poolExclusions).toEqual({ CERT_EXPIRED: 1, CERT_EXPIRES_IN_WINDOW: 1, INACTIVE: 1 });

    await call(t.app, admin, 'POST', `/api/draws/${frozen.id}/commit`, { seedSource: 'dice' }, 200);
    await call(t.app, admin, 'POST', `/api/draws/${frozen.id}/run`, { seed: DICE }, 200);
    const record: unknown = await call(
      t.app,
      null,
      'GET',
      `/api/public/draws/${frozen.id}/record`,
      undefined,
      200,
    );
    const parsed = drawRecordSchema.parse(record);
    expect(parsed.pool.map((p) => p.id)).toEqual(['A001', 'A004', 'A005']);
    const team = parsed.assignments.flatMap((a) => a.inspectors);
    expect(team.length).toBeGreaterThan(0);
    expect(team.filter((id) => ['A002', 'A003', 'A009'].includes(id))).toEqual([]);
    expect((await verifyPublicDraw(t.app, frozen.id)).result).toMatchObject({ ok: true });

    // direct assignment cannot bring back a lapsed officer, nor an expert whose qualification lapsed
    const target = parsed.selected[0]?.id ?? '';
    const lapsed = await call<{ error: { message: string; messageEn: string } }>(
      t.app,
      admin,
      'POST',
      `/api/draws/${frozen.id}/overrides`,
      { target, inspectors: ['A002'], reason: '补足检查组人数' },
      400,
    );
    expect(lapsed.error.message).toContain('行政执法证已过期 2026-03-22');
    const expert = await call<{ error: { message: string } }>(
      t.app,
      admin,
      'POST',
      `/api/draws/${frozen.id}/overrides`,
      { target, inspectors: ['EXP-0001'], reason: '需要专家协助' },
      400,
    );
    expect(expert.error.message).toContain('专家资格证书已过期');
  });

  it('publishes the public reason of a direct assignment and keeps the internal one for staff', async () => {
    const { taskId } = await approvedTask(
      t.app,
      admin,
      leader,
      taskBody([items.generalA], { title: '委派理由测试' }),
    );
    const frozen = await call<{ id: string }>(t.app, admin, 'POST', `/api/tasks/${taskId}/draws`, {}, 201);
    await call(t.app, admin, 'POST', `/api/draws/${frozen.id}/commit`, { seedSource: 'system' }, 200);
    await call(t.app, admin, 'POST', `/api/draws/${frozen.id}/run`, {}, 200);
    const detail = await call<DrawDetail>(t.app, admin, 'GET', `/api/draws/${frozen.id}`, undefined, 200);
    // a pool member not yet on a team (teams of two from a pool of three); A001 has declared a
    // recusal from tid(5) (the fixtures), so that pair would be refused
    const pick = detail.selections
      .flatMap((s) =>
        ['A001', 'A004', 'A005']
          .filter((id) => !s.team.some((m) => m.id === id) && !(id === 'A001' && s.id === tid(5)))
          .map((id) => ({ s, id })),
      )
      .at(0);
    expect(pick).toBeDefined();
    const sel = pick?.s;
    const extra = pick?.id;
    await call(
      t.app,
      admin,
      'POST',
      `/api/draws/${frozen.id}/overrides`,
      {
        target: sel?.id,
        inspectors: [extra],
        reason: '原检查人员无法到场，依规直接委派',
        internalReason: '因病休假',
      },
      200,
    );
    const after = await call<DrawDetail>(t.app, admin, 'GET', `/api/draws/${frozen.id}`, undefined, 200);
    expect(after.overrides).toEqual([
      expect.objectContaining({
        target: sel?.id,
        reason: '原检查人员无法到场，依规直接委派',
        internalReason: '因病休假',
      }),
    ]);
    for (const url of [`/api/public/draws/${frozen.id}/record`, `/api/public/draws/${frozen.id}`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('原检查人员无法到场');
      expect(res.body).not.toContain('因病休假');
    }
  });

  it('lists certificates expired or expiring within 30 days of the server date', async () => {
    const r = await call<{
      today: string;
      expired: { id: string }[];
      expiring: { id: string; certificate: { daysLeft: number } }[];
      unrecorded: number;
    }>(t.app, admin, 'GET', '/api/inspectors/certificate-alerts', undefined, 200);
    expect(r.today).toBe('2026-11-20');
    expect(r.expired.map((x) => x.id)).toEqual(['A002']);
    expect(r.expiring.map((x) => [x.id, x.certificate.daysLeft])).toEqual([['A003', 25]]);
    expect(r.unrecorded).toBeGreaterThan(0); // A004 and the other fixtures without an expiry
    const list = await call<{ items: { id: string; certificate: { state: string } }[] }>(
      t.app,
      admin,
      'GET',
      '/api/inspectors?q=A00',
      undefined,
      200,
    );
    const state = Object.fromEntries(list.items.map((i) => [i.id, i.certificate.state]));
    expect(state).toMatchObject({ A001: 'valid', A002: 'expired', A003: 'expiring', A004: 'unrecorded' });
  });
});
