/**
 * The item list over HTTP on both engines: validation, versioning and history, guideline
 * edits, publication to the portal, department scoping, the region default cap, export.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { testApp, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B } from '../support/fixtures';
import { at, caller, expectError } from './helpers';

const item = {
  departmentCode: DEPT_A,
  code: 'SX001',
  name: '营业执照（登记证）规范使用情况的检查',
  priority: 'general',
  legalBasis: '依据《企业信息公示暂行条例》第十四条',
  method: 'onsite',
  targetTypes: ['企业', '个体工商户'],
  industries: ['F5211'],
  effectiveFrom: '2026-01-01',
};

describe.each(ENGINES)('item list routes on %s', (engine) => {
  let t: TestApp;
  const call = caller(() => t);
  let id = '';
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a general item with the default 10 % cap and a default guideline', async () => {
    const r = await call('admin_a', 'POST', '/api/items', item);
    expect(r.status, r.text).toBe(201);
    id = String(at(r.body, 'id'));
    expect(r.body).toMatchObject({
      version: 1,
      ratioCap: '0.1',
      published: false,
      industries: ['5211'],
      legalRefs: ['《企业信息公示暂行条例》第十四条'],
      effectiveFrom: '2026-01-01',
    });
    expect(at(r.body, 'guideline', 'form', 0, 'preset')).toBe('resultCategories');
  });

  it('validates: key items carry no cap, canonical caps, methods, departments, lengths, duplicates', async () => {
    expectError(
      await call('admin_a', 'POST', '/api/items', { ...item, code: 'K1', priority: 'key', ratioCap: '10%' }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/items', { ...item, code: 'K2', ratioCap: '150%' }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/items', { ...item, code: 'K3', method: 'phone' }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/items', { ...item, code: 'K4', name: '名'.repeat(101) }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'POST', '/api/items', { ...item, code: 'K5', industries: ['9999'] }),
      400,
      'VALIDATION',
    );
    expectError(await call('admin_a', 'POST', '/api/items', item), 409, 'CONFLICT');
    const key = await call('admin_a', 'POST', '/api/items', { ...item, code: 'K6', priority: 'key' });
    expect(key.status, key.text).toBe(201);
    expect(at(key.body, 'ratioCap')).toBe(null);
    const pct = await call('admin_a', 'POST', '/api/items', { ...item, code: 'K7', ratioCap: '12.5%' });
    expect(at(pct.body, 'ratioCap')).toBe('0.125');
  });

  it("refuses another department's items to a dept_admin, and an unknown department", async () => {
    expectError(await call('admin_b', 'POST', '/api/items', { ...item, code: 'B1' }), 403, 'FORBIDDEN');
    expectError(await call('admin_b', 'PATCH', `/api/items/${id}`, { name: '改' }), 403, 'FORBIDDEN');
    expectError(
      await call('admin_b', 'PUT', `/api/items/${id}/published`, { published: true }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('admin_b', 'GET', `/api/items/${id}`), 403, 'FORBIDDEN');
    expectError(await call('admin_c', 'GET', `/api/items/${id}/versions`), 403, 'FORBIDDEN');
    expectError(await call('admin_b', 'GET', `/api/items?department=${DEPT_A}`), 403, 'FORBIDDEN');
    const own = await call('admin_b', 'GET', '/api/items');
    expect(at(own.body, 'total')).toBe(0);
    const sysWrite = await call('sys', 'POST', '/api/items', { ...item, code: 'S1' });
    expect(sysWrite.status).toBe(403);
  });

  it('lets the department and oversight read, with filters', async () => {
    for (const u of ['leader_a', 'insp_a', 'auditor', 'sys']) {
      const r = await call(u, 'GET', `/api/items/${id}`);
      expect(r.status, `${u}: ${r.text}`).toBe(200);
    }
    const all = await call('auditor', 'GET', '/api/items');
    expect(at(all.body, 'total')).toBe(3);
    const key = await call('admin_a', 'GET', '/api/items?priority=key');
    expect(at(key.body, 'total')).toBe(1);
    const kw = await call('admin_a', 'GET', `/api/items?q=${encodeURIComponent('营业执照')}`);
    expect(at(kw.body, 'total')).toBe(3);
    const lit = await call('admin_a', 'GET', `/api/items?q=${encodeURIComponent('%')}`);
    expect(at(lit.body, 'total')).toBe(0);
  });

  it('versions every change; history lists both; the old version stays intact', async () => {
    const r = await call('admin_a', 'PATCH', `/api/items/${id}`, {
      name: '营业执照规范使用情况的检查（修订）',
      ratioCap: '5%',
      effectiveFrom: '2026-06-01',
      changeNote: '调整比例',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      changed: true,
      item: { version: 2, ratioCap: '0.05', effectiveFrom: '2026-06-01', changeNote: '调整比例' },
    });
    const hist = await call('leader_a', 'GET', `/api/items/${id}/versions`);
    const versions = z
      .array(z.object({ version: z.number(), name: z.string(), ratioCap: z.string().nullable() }))
      .parse(at(hist.body, 'items'));
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = await call('insp_a', 'GET', `/api/items/${id}/versions/1`);
    expect(v1.body).toMatchObject({
      version: 1,
      name: item.name,
      ratioCap: '0.1',
      effectiveFrom: '2026-01-01',
    });
    expectError(await call('admin_a', 'GET', `/api/items/${id}/versions/9`), 404, 'NOT_FOUND');
  });

  it('does not version a change that changes nothing, nor one dated before the current version', async () => {
    const same = await call('admin_a', 'PATCH', `/api/items/${id}`, { ratioCap: '0.05' });
    expect(same.body).toMatchObject({ changed: false, item: { version: 2 } });
    expectError(
      await call('admin_a', 'PATCH', `/api/items/${id}`, { name: '更早', effectiveFrom: '2026-03-01' }),
      400,
      'VALIDATION',
    );
    expectError(
      await call('admin_a', 'PATCH', `/api/items/${id}`, { priority: 'key', ratioCap: '10%' }),
      400,
      'VALIDATION',
    );
  });

  it('edits the guideline checklist as a new version and rejects a broken form', async () => {
    const cur = await call('admin_a', 'GET', `/api/items/${id}`);
    const guideline = z
      .object({
        whatToCheck: z.string(),
        how: z.string(),
        legalBasis: z.string(),
        form: z.array(z.record(z.string(), z.unknown())),
      })
      .parse(at(cur.body, 'guideline'));
    const form = [
      { key: 'licence', label: '是否亮照经营', kind: 'yesNo', required: true, photoRequired: true },
      ...guideline.form,
    ];
    const r = await call('admin_a', 'PATCH', `/api/items/${id}`, {
      guideline: { ...guideline, whatToCheck: '亮照经营', form },
      effectiveFrom: '2026-07-01',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      changed: true,
      item: { version: 3, guideline: { whatToCheck: '亮照经营' } },
    });
    expect(at(r.body, 'item', 'guideline', 'form', 0, 'key')).toBe('licence');
    const dup = await call('admin_a', 'PATCH', `/api/items/${id}`, {
      guideline: { ...guideline, form: [form[0], form[0]] },
    });
    expectError(dup, 400, 'VALIDATION');
    const v2 = await call('admin_a', 'GET', `/api/items/${id}/versions/2`);
    expect(at(v2.body, 'guideline', 'form', 0, 'key')).toBe('result');
  });

  it('publishes to the portal, searchable by department and keyword; unpublished items stay hidden', async () => {
    expect((await call(null, 'GET', `/api/public/items/${id}`)).status).toBe(404);
    const p = await call('admin_a', 'PUT', `/api/items/${id}/published`, { published: true });
    expect(at(p.body, 'published')).toBe(true);
    const list = await call(
      null,
      'GET',
      `/api/public/items?department=${DEPT_A}&q=${encodeURIComponent('亮照')}`,
    );
    expect(at(list.body, 'total')).toBe(0);
    const byName = await call(
      null,
      'GET',
      `/api/public/items?department=${DEPT_A}&q=${encodeURIComponent('修订')}`,
    );
    expect(at(byName.body, 'total')).toBe(1);
    expect(at(byName.body, 'items', 0)).not.toHaveProperty('published');
    expect(at(await call(null, 'GET', `/api/public/items?department=${DEPT_B}`), 'body', 'total')).toBe(0);
    const detail = await call(null, 'GET', `/api/public/items/${id}`);
    expect(detail.body).toMatchObject({ version: 3, guideline: { whatToCheck: '亮照经营' } });
    expect(detail.body).not.toHaveProperty('changeNote');
    await call('admin_a', 'PUT', `/api/items/${id}/published`, { published: false });
    expect((await call(null, 'GET', `/api/public/items/${id}`)).status).toBe(404);
  });

  it('audits every change', async () => {
    const rows = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'inspection_item' AND entity_id = ${id} ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    expect(rows.map((r) => r.action)).toEqual([
      'item.created',
      'item.revised',
      'item.revised',
      'item.published',
      'item.unpublished',
    ]);
  });

  it('takes the default cap from the region setting (system admin), nearest region first', async () => {
    expectError(
      await call('admin_a', 'PUT', '/api/item-settings/ratio-cap', {
        regionCode: '500112',
        defaultRatioCap: '5%',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('sys', 'PUT', '/api/item-settings/ratio-cap', {
        regionCode: '500112',
        defaultRatioCap: '0',
      }),
      400,
      'VALIDATION',
    );
    const put = await call('sys', 'PUT', '/api/item-settings/ratio-cap', {
      regionCode: '500000',
      defaultRatioCap: '8%',
    });
    expect(put.body).toEqual({ regionCode: '500000', defaultRatioCap: '0.08' });
    await call('sys', 'PUT', '/api/item-settings/ratio-cap', { regionCode: '500112', defaultRatioCap: '5%' });
    expect((await call('admin_a', 'GET', '/api/item-settings/ratio-cap')).body).toEqual({
      departmentCode: DEPT_A,
      defaultRatioCap: '0.05',
      scope: '500112',
    });
    expect((await call('admin_b', 'GET', '/api/item-settings/ratio-cap')).body).toEqual({
      departmentCode: DEPT_B,
      defaultRatioCap: '0.08',
      scope: '500000',
    });
    const r = await call('admin_a', 'POST', '/api/items', { ...item, code: 'D1' });
    expect(at(r.body, 'ratioCap')).toBe('0.05');
  });

  it('exports the filtered list as csv with the template headers, neutralising formulas', async () => {
    await call('admin_a', 'POST', '/api/items', { ...item, code: 'F1', name: '=HYPERLINK("x")' });
    const r = await call('admin_a', 'GET', '/api/items/export?format=csv');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('.csv');
    const lines = r.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('部门,事项编码,事项名称,事项类别,抽查比例上限,检查方式,法律依据,对象类型');
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true);
    expect(
      lines.some((l) => l.startsWith(`${DEPT_A},SX001,营业执照规范使用情况的检查（修订）,一般,5%,实地核查,`)),
    ).toBe(true);
    const x = await call('admin_a', 'GET', '/api/items/export');
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
    expectError(await call('admin_b', 'GET', `/api/items/export?department=${DEPT_A}`), 403, 'FORBIDDEN');
  });
});
