/**
 * The inspector library and recusals over HTTP on both engines: validation, experts' ids,
 * activation dates, scoping, export, and who may declare, withdraw and read reasons.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activeRecusalPairs } from '../../src/contexts/library/recusal.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { testApp, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B } from '../support/fixtures';
import { at, caller, expectError, insertTarget, setBadge } from './helpers';

const officer = {
  badgeNo: '50011220260001',
  name: '张三',
  departmentCode: DEPT_A,
  unitCode: `${DEPT_A}-S01`,
  regionCode: '500112',
  qualifications: [{ type: '行政执法证', expiresOn: '2028-12-31' }],
  specialties: ['食品安全'],
  capacity: 30,
};

describe.each(ENGINES)('inspector library routes on %s', (engine) => {
  let t: TestApp;
  const call = caller(() => t);
  let recusalId = '';
  beforeAll(async () => {
    t = await testApp(engine);
    await insertTarget(t.database.db, '产品:批次-2026-001', '示例批次');
    await insertTarget(t.database.db, '产品:批次-2026-002', '示例批次二');
    await setBadge(t.database.db, 'insp_a', '50011220260002');
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds officers by badge number and rejects a duplicate badge', async () => {
    const r = await call('admin_a', 'POST', '/api/inspectors', officer);
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      id: '50011220260001',
      expert: false,
      active: true,
      activeFrom: '2026-11-20',
      capacity: 30,
    });
    const me = await call('admin_a', 'POST', '/api/inspectors', {
      ...officer,
      badgeNo: '50011220260002',
      name: '李四',
    });
    expect(me.status, me.text).toBe(201);
    expectError(
      await call('admin_a', 'POST', '/api/inspectors', { ...officer, name: '重号' }),
      409,
      'CONFLICT',
    );
  });

  it('gives experts a library id; an officer needs a badge', async () => {
    const e1 = await call('admin_a', 'POST', '/api/inspectors', {
      ...officer,
      badgeNo: null,
      expert: true,
      name: '王专家',
      qualifications: [],
    });
    expect(e1.status, e1.text).toBe(201);
    expect(e1.body).toMatchObject({ id: 'EXP-0001', badgeNo: null, expert: true });
    const e2 = await call('admin_a', 'POST', '/api/inspectors', {
      ...officer,
      badgeNo: null,
      expert: true,
      name: '赵专家',
    });
    expect(at(e2.body, 'id')).toBe('EXP-0002');
    expectError(
      await call('admin_a', 'POST', '/api/inspectors', { ...officer, badgeNo: null }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/inspectors', { ...officer, badgeNo: 'X9', expert: true }),
      400,
      'VALIDATION',
    );
  });

  it('rejects unknown units and regions, bad expiry dates, bad capacities, over-long names', async () => {
    const bad = async (patch: Record<string, unknown>) =>
      call('admin_a', 'POST', '/api/inspectors', {
        ...officer,
        badgeNo: `B${String(Math.random()).slice(2, 10)}`,
        ...patch,
      });
    const unit = await bad({ unitCode: '500112-SCJG-S99' });
    expectError(unit, 400, 'VALIDATION');
    expect(at(unit.body, 'error', 'details', 'issues', 0, 'field')).toBe('unitCode');
    expectError(await bad({ unitCode: '500103-SCJG-S01' }), 400, 'VALIDATION');
    const region = await bad({ regionCode: '500199' });
    expect(at(region.body, 'error', 'details', 'issues', 0, 'field')).toBe('regionCode');
    expectError(
      await bad({ qualifications: [{ type: '行政执法证', expiresOn: '2028-02-30' }] }),
      400,
      'VALIDATION',
    );
    expectError(await bad({ capacity: 0 }), 400, 'VALIDATION');
    expectError(await bad({ capacity: 1.5 }), 400, 'VALIDATION');
    expectError(await bad({ name: '名'.repeat(51) }), 400, 'VALIDATION');
    expectError(await bad({ departmentCode: '500112-NOPE' }), 403, 'FORBIDDEN');
    expectError(
      await call('sys', 'POST', '/api/inspectors', {
        ...officer,
        badgeNo: 'B77',
        departmentCode: '500112-NOPE',
      }),
      400,
      'VALIDATION',
    );
  });

  it('scopes by department; an inspector sees only their own record', async () => {
    expectError(
      await call('admin_b', 'POST', '/api/inspectors', { ...officer, badgeNo: 'B1' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('admin_b', 'PATCH', '/api/inspectors/50011220260001', { name: '改' }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('admin_b', 'GET', '/api/inspectors/50011220260001'), 403, 'FORBIDDEN');
    expect(at((await call('admin_b', 'GET', '/api/inspectors')).body, 'total')).toBe(0);
    expect(at((await call('auditor', 'GET', '/api/inspectors')).body, 'total')).toBe(4);
    const mine = await call('insp_a', 'GET', '/api/inspectors');
    expect(at(mine.body, 'total')).toBe(1);
    expect(at(mine.body, 'items', 0, 'id')).toBe('50011220260002');
    expectError(await call('insp_a', 'GET', '/api/inspectors/50011220260001'), 403, 'FORBIDDEN');
    expect(at((await call('admin_a', 'GET', '/api/inspectors?expert=true')).body, 'total')).toBe(2);
    expect(
      at((await call('admin_a', 'GET', `/api/inspectors?q=${encodeURIComponent('专家')}`)).body, 'total'),
    ).toBe(2);
    expect(
      at(
        (await call('admin_a', 'GET', `/api/inspectors?specialty=${encodeURIComponent('食品安全')}`)).body,
        'total',
      ),
    ).toBe(4);
  });

  it('deactivates with a date and reactivates, audited', async () => {
    const off = await call('admin_a', 'PATCH', '/api/inspectors/50011220260001', { active: false });
    expect(off.body).toMatchObject({ active: false, activeTo: '2026-11-20' });
    const on = await call('admin_a', 'PATCH', '/api/inspectors/50011220260001', {
      active: true,
      capacity: null,
    });
    expect(on.body).toMatchObject({ active: true, activeTo: null, capacity: null });
    expect(at((await call('admin_a', 'GET', '/api/inspectors?active=false')).body, 'total')).toBe(0);
    const rows = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'inspector' AND entity_id = '50011220260001' ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    expect(rows.map((r) => r.action)).toEqual([
      'inspector.created',
      'inspector.deactivated',
      'inspector.activated',
    ]);
  });

  it('exports with the template headers; experts show their library id', async () => {
    const r = await call('admin_a', 'GET', '/api/inspectors/export?format=csv');
    expect(r.status, r.text).toBe(200);
    const lines = r.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      '执法证号,姓名,部门,所属单位,行政区划代码,执法资格,执法资格有效期,业务专长,是否专家,单次任务上限',
    );
    expect(lines).toContain(`EXP-0001,王专家,${DEPT_A},${DEPT_A}-S01,500112,,,食品安全,是,30`);
    expectError(await call('insp_a', 'GET', '/api/inspectors/export'), 403, 'FORBIDDEN');
  });

  it('lets an inspector declare for themself, and an admin for the department', async () => {
    const self = await call('insp_a', 'POST', '/api/recusals', {
      inspectorId: '50011220260002',
      targetId: '产品:批次-2026-001',
      kind: 'kinship',
      reason: '配偶任该企业负责人',
    });
    expect(self.status, self.text).toBe(201);
    recusalId = String(at(self.body, 'id'));
    expect(self.body).toMatchObject({
      kind: 'kinship',
      reason: null,
      declaredBy: 'insp_a',
      withdrawnAt: null,
    });
    expectError(
      await call('insp_a', 'POST', '/api/recusals', {
        inspectorId: '50011220260001',
        targetId: '产品:批次-2026-001',
        kind: 'other',
        reason: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('admin_b', 'POST', '/api/recusals', {
        inspectorId: '50011220260001',
        targetId: '产品:批次-2026-001',
        kind: 'other',
        reason: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    const admin = await call('admin_a', 'POST', '/api/recusals', {
      inspectorId: '50011220260001',
      targetId: '产品:批次-2026-002',
      kind: 'economic',
      reason: '持有该企业股份',
    });
    expect(admin.status, admin.text).toBe(201);
    expect(at(admin.body, 'reason')).toBe('持有该企业股份');
    expectError(
      await call('admin_a', 'POST', '/api/recusals', {
        inspectorId: '50011220260001',
        targetId: '产品:批次-2026-002',
        kind: 'economic',
        reason: '重复',
      }),
      409,
      'CONFLICT',
    );
    expectError(
      await call('admin_a', 'POST', '/api/recusals', {
        inspectorId: '50011220260001',
        targetId: '产品:不存在',
        kind: 'other',
        reason: 'x',
      }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/recusals', {
        inspectorId: '50011220260001',
        targetId: '产品:批次-2026-001',
        kind: 'friend',
        reason: 'x',
      }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/recusals', {
        inspectorId: 'NOPE',
        targetId: '产品:批次-2026-001',
        kind: 'other',
        reason: 'x',
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('shows the reason to admins and auditors only', async () => {
    const reasons = async (u: string, url = '/api/recusals') => {
      const r = await call(u, 'GET', url);
      expect(r.status, r.text).toBe(200);
      return z
        .array(z.object({ reason: z.string().nullable(), targetId: z.string() }))
        .parse(at(r.body, 'items'));
    };
    for (const u of ['admin_a', 'auditor', 'sys']) {
      const list = await reasons(u, `/api/recusals?department=${DEPT_A}`);
      expect(list.length, u).toBe(2);
      expect(
        list.every((x) => x.reason !== null),
        u,
      ).toBe(true);
    }
    const leader = await reasons('leader_a');
    expect(leader.length).toBe(2);
    expect(leader.every((x) => x.reason === null)).toBe(true);
    const insp = await reasons('insp_a');
    expect(insp).toEqual([expect.objectContaining({ targetId: '产品:批次-2026-001', reason: null })]);
    expect(await reasons('admin_b')).toEqual([]);
    expectError(await call('admin_b', 'GET', `/api/recusals?department=${DEPT_A}`), 403, 'FORBIDDEN');
    const audits = await queryRows(
      t.database.db,
      sql`SELECT after::text AS after FROM audit_log WHERE entity_type = 'recusal'`,
      z.object({ after: z.string() }),
    );
    expect(audits.length).toBe(2);
    expect(audits.some((a) => a.after.includes('配偶') || a.after.includes('股份'))).toBe(false);
  });

  it('gives the draw the active pairs, and drops withdrawn ones', async () => {
    const db = t.database.db;
    expect(await activeRecusalPairs(db, ['50011220260001', '50011220260002'])).toEqual([
      { target: '产品:批次-2026-001', inspector: '50011220260002' },
      { target: '产品:批次-2026-002', inspector: '50011220260001' },
    ]);
    expect(
      await activeRecusalPairs(db, ['50011220260001', '50011220260002'], ['产品:批次-2026-002']),
    ).toEqual([{ target: '产品:批次-2026-002', inspector: '50011220260001' }]);
    expect(await activeRecusalPairs(db, [])).toEqual([]);
    expectError(await call('leader_a', 'POST', `/api/recusals/${recusalId}/withdraw`), 403, 'FORBIDDEN');
    const w = await call('insp_a', 'POST', `/api/recusals/${recusalId}/withdraw`);
    expect(w.status, w.text).toBe(200);
    expect(at(w.body, 'withdrawnAt')).toBe('2026-11-20T02:00:00.000Z');
    expectError(await call('admin_a', 'POST', `/api/recusals/${recusalId}/withdraw`), 409, 'INVALID_STATE');
    expect(await activeRecusalPairs(db, ['50011220260001', '50011220260002'])).toEqual([
      { target: '产品:批次-2026-002', inspector: '50011220260001' },
    ]);
    expect(at((await call('admin_a', 'GET', '/api/recusals?active=true')).body, 'items')).toHaveLength(1);
    expect(at((await call('admin_a', 'GET', '/api/recusals?active=false')).body, 'items')).toHaveLength(1);
    const again = await call('insp_a', 'POST', '/api/recusals', {
      inspectorId: '50011220260002',
      targetId: '产品:批次-2026-001',
      kind: 'kinship',
      reason: '再次登记',
    });
    expect(again.status).toBe(201);
  });

  it('refuses another department to admin_b on a recusal withdrawal', async () => {
    const list = z
      .array(z.object({ id: z.string(), withdrawnAt: z.string().nullable() }))
      .parse(at((await call('admin_a', 'GET', '/api/recusals?active=true')).body, 'items'));
    const id = list[0]?.id ?? '';
    expectError(await call('admin_b', 'POST', `/api/recusals/${id}/withdraw`), 403, 'FORBIDDEN');
    expect(DEPT_B).not.toBe(DEPT_A);
  });
});
