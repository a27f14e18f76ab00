/**
 * Administration pages' API (issue 11) on both engines: accounts with one-time passwords, resets,
 * inspector links, the all-or-nothing account import, organisation edits, and the audit search,
 * export (formula-safe) and chain status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appendAudit } from '../src/contexts/platform/audit/audit.repo';
import { ENGINES } from '../src/db/test-databases';
import { insertInspectors } from '../src/contexts/library/inspector.repo';
import { csvBytes, loadXlsx } from './imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { DEPT_A, DEPT_B } from './support/fixtures';
import { multipartFile } from './support/multipart';

const created = z.object({ id: z.string(), username: z.string(), oneTimePassword: z.string().nullable() });
const importReply = z.object({
  written: z.boolean(),
  added: z.number(),
  rejected: z.number(),
  issues: z.array(z.object({ row: z.number(), column: z.string(), messageZh: z.string() })),
  credentials: z.array(z.object({ username: z.string(), oneTimePassword: z.string() })),
});
const auditPage = z.object({
  total: z.number(),
  items: z.array(
    z.object({ action: z.string(), actorName: z.string().nullable(), departmentCode: z.string().nullable() }),
  ),
});

describe.each(ENGINES)('administration on %s', (engine) => {
  let t: TestApp;
  let sys: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    sys = await loginAs(t.app, 'sys');
    await insertInspectors(t.database.db, [
      { id: 'I-A1', badgeNo: 'A0001', name: '张三', departmentCode: DEPT_A, regionCode: '500112' },
      { id: 'I-A2', badgeNo: 'A0002', name: '李四', departmentCode: DEPT_A, regionCode: '500112' },
      { id: 'I-A3', badgeNo: 'A0003', name: '王五', departmentCode: DEPT_A, regionCode: '500112' },
      { id: 'I-B1', badgeNo: 'B0001', name: '赵六', departmentCode: DEPT_B, regionCode: '500103' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, who = sys) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });

  it('creates an account with a one-time password that logs in, and resets it', async () => {
    const res = await call('POST', '/api/users', {
      username: 'zhangsan',
      displayName: '张三',
      departmentCode: DEPT_A,
      roles: ['inspector'],
      inspectorBadge: 'A0001',
    });
    expect(res.statusCode, res.body).toBe(201);
    const u = created.parse(res.json());
    expect(u.oneTimePassword).toMatch(/^.{14}$/);
    await loginAs(t.app, 'zhangsan', u.oneTimePassword ?? '');
    const reset = await call('POST', `/api/users/${u.id}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    const next = z.object({ oneTimePassword: z.string() }).parse(reset.json()).oneTimePassword;
    expect(next).not.toBe(u.oneTimePassword);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhangsan', password: u.oneTimePassword },
    });
    expect(old.statusCode).toBe(401);
    await loginAs(t.app, 'zhangsan', next);
  });

  it('refuses a link to an unknown, foreign or already linked inspector', async () => {
    const base = { displayName: 'x', departmentCode: DEPT_A, roles: ['inspector'] };
    const unknown = await call('POST', '/api/users', { ...base, username: 'nobody1', inspectorBadge: 'ZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('名录库中没有该执法人员');
    const foreign = await call('POST', '/api/users', {
      ...base,
      username: 'nobody2',
      inspectorBadge: 'B0001',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('与账号部门不一致');
    const taken = await call('POST', '/api/users', { ...base, username: 'nobody3', inspectorBadge: 'A0001' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('已关联账号 zhangsan');
  });

  it('searches users by name and role, and disables one', async () => {
    const res = await call('GET', `/api/users?q=${encodeURIComponent('张')}&role=inspector`);
    const items = z
      .object({ items: z.array(z.object({ id: z.string(), username: z.string() })) })
      .parse(res.json()).items;
    expect(items.map((i) => i.username)).toEqual(['zhangsan']);
    const off = await call('PATCH', `/api/users/${items[0]?.id ?? ''}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const disabled = await call('GET', '/api/users?active=false');
    expect(disabled.body).toContain('zhangsan');
  });

  async function importAccounts(rows: string[][], dryRun = false) {
    const m = multipartFile('accounts.csv', csvBytes(rows));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/import?dryRun=${String(dryRun)}`,
      headers: { ...sys.headers, ...m.headers },
      payload: m.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    return importReply.parse(res.json());
  }
  const HEADER = ['执法证号', '姓名', '部门', '用户名', '角色'];

  it('rejects a whole account file naming row, column and reason, and writes nothing', async () => {
    const r = await importAccounts([
      HEADER,
      ['A0002', '李四', DEPT_A, '', ''],
      ['A0404', '无名', DEPT_A, '', ''],
      ['', '王领导', '不存在的局', 'wangld', '分管领导'],
      ['', '某人', DEPT_A, 'x', '厨师'],
    ]);
    expect(r.written).toBe(false);
    expect(r.credentials).toEqual([]);
    const where = r.issues.map((i) => `${i.row}:${i.column}`);
    expect(where).toEqual(expect.arrayContaining(['3:执法证号', '4:部门', '5:用户名', '5:角色']));
    expect(r.issues.find((i) => i.row === 3)?.messageZh).toBe('名录库中没有该执法人员');
    const none = await call('GET', '/api/users?q=zfa0002');
    expect(none.body).not.toContain('zfa0002');
  });

  it('imports accounts for an inspector library: one-time passwords that log in, audited', async () => {
    const dry = await importAccounts([HEADER, ['A0002', '李四', DEPT_A, '', '']], true);
    expect(dry.written).toBe(false);
    expect(dry.credentials).toEqual([]);
    const r = await importAccounts([
      HEADER,
      ['A0002', '李四', DEPT_A, '', ''],
      ['A0003', '王五', '渝北区市场监督管理局', 'wangwu', '执法检查人员、分管领导'],
    ]);
    expect(r.written, JSON.stringify(r.issues)).toBe(true);
    expect(r.added).toBe(2);
    expect(r.credentials.map((c) => c.username)).toEqual(['zfa0002', 'wangwu']);
    await loginAs(t.app, 'zfa0002', r.credentials[0]?.oneTimePassword ?? '');
    const audit = auditPage.parse((await call('GET', '/api/audit?action=user.created&actor=sys')).json());
    expect(audit.total).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit)).not.toContain(r.credentials[0]?.oneTimePassword ?? 'x');
  });

  it('serves the account template with Chinese headers', async () => {
    const res = await call('GET', '/api/users/import/template');
    expect(res.statusCode).toBe(200);
    const wb = await loadXlsx(res.rawPayload);
    const head = wb.worksheets[0]?.getRow(1).values;
    expect(Array.isArray(head) ? head.slice(1) : []).toEqual(HEADER);
  });

  it('adds a region with its parents, renames a department, creates and renames a unit', async () => {
    const region = await call('POST', '/api/regions', { code: '510802' });
    expect(region.statusCode, region.body).toBe(201);
    const org = z
      .object({
        regions: z.array(z.object({ code: z.string() })),
        units: z.array(z.object({ code: z.string(), name: z.string() })),
      })
      .parse((await call('GET', '/api/org')).json());
    expect(org.regions.map((r) => r.code)).toEqual(expect.arrayContaining(['510000', '510800', '510802']));
    expect((await call('POST', '/api/regions', { code: '999999' })).statusCode).toBe(400);
    const dept = await call('PATCH', `/api/departments/${DEPT_A}`, { shortName: '渝北市监' });
    expect(dept.statusCode, dept.body).toBe(200);
    const admin = await loginAs(t.app, 'admin_a');
    const unit = await call(
      'POST',
      '/api/units',
      { code: `${DEPT_A}-S02`, name: '回兴市场监管所', departmentCode: DEPT_A },
      admin,
    );
    expect(unit.statusCode, unit.body).toBe(201);
    const bad = await call(
      'POST',
      '/api/units',
      { code: `${DEPT_B}-S09`, name: '错位所', departmentCode: DEPT_A },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    const renamed = await call('PATCH', `/api/units/${DEPT_A}-S02`, { name: '回兴街道市场监管所' }, admin);
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it('searches the audit trail by actor, department, action and date, and scopes department roles', async () => {
    const byAction = auditPage.parse((await call('GET', '/api/audit?action=unit.')).json());
    expect(byAction.items.map((i) => i.action).sort()).toEqual(['unit.created', 'unit.updated']);
    const today = await call('GET', '/api/audit?from=2026-11-20&to=2026-11-20&actor=admin_a');
    expect(auditPage.parse(today.json()).total).toBe(2);
    const tomorrow = await call('GET', '/api/audit?from=2026-11-21');
    expect(auditPage.parse(tomorrow.json()).total).toBe(0);
    const bad = await call('GET', '/api/audit?from=2026-02-31');
    expect(bad.statusCode).toBe(400);
    const admin = await loginAs(t.app, 'admin_a');
    const own = auditPage.parse((await call('GET', '/api/audit?pageSize=200', undefined, admin)).json());
    expect(own.items.every((i) => i.departmentCode === DEPT_A)).toBe(true);
    expect((await call('GET', `/api/audit?department=${DEPT_B}`, undefined, admin)).statusCode).toBe(403);
  });

  it('exports audit rows with formula-looking cells neutralised, and reports the chain intact', async () => {
    await appendAudit(
      t.database.db,
      {
        actorId: null,
        actorName: 'sys',
        actorRole: 'system_admin',
        departmentCode: null,
        action: 'test.formula',
        entityType: 'test',
        entityId: '=HYPERLINK("http://x")',
        requestId: null,
      },
      t.now(),
    );
    const res = await call('GET', '/api/audit/export?format=csv&action=test.');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('时间（北京时间）');
    expect(res.body).toContain("'=HYPERLINK");
    expect(res.body).toContain('2026-11-20 10:00:00');
    const v = z
      .object({ ok: z.boolean(), rows: z.number() })
      .parse((await call('GET', '/api/audit/verify')).json());
    expect(v.ok).toBe(true);
    expect(v.rows).toBeGreaterThan(5);
  });
});
