/**
 * Issue 10's reproductions on both engines: a market-regulation admin of 邻水 (511623-SCJG)
 * may not rewrite, deregister, create or import targets of 渝北 (500112); an inspector of
 * 511623 exports only its own region with legal representatives masked; and an edit by a
 * keeper of another department shows in the owning department's audit view, with the hash
 * chain still verifying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findTarget } from '../src/contexts/library/target.repo';
import { ENGINES } from '../src/db/test-databases';
import { importJobViewSchema, waitForJob } from '../src/contexts/library/import.service';
import { companyRow, csvBytes, TEMPLATE_HEADER } from './imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { DEPT_A } from './support/fixtures';
import { multipartFile } from './support/multipart';
import { loadObjectFixtures, matrixTargetId, rawOf } from './support/object-fixtures';

const YB_TARGET = matrixTargetId('OM-500112');
const LS_TARGET = matrixTargetId('OM-511623');
const url = (id: string) => `/api/targets/${encodeURIComponent(id)}`;

describe.each(ENGINES)('target access (issue 10) on %s', (engine) => {
  let t: TestApp;
  let lsAdmin: LoggedIn;
  let lsInspector: LoggedIn;
  let cityAdmin: LoggedIn;
  let ybAdmin: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    await loadObjectFixtures(t.database, t.now());
    // om_<role>_<i>: 0 = 500112-SCJG, 2 = 511623-SCJG, 3 = 500000-SCJG (support/object-fixtures.ts)
    lsAdmin = await loginAs(t.app, 'om_dept_admin_2');
    lsInspector = await loginAs(t.app, 'om_inspector_2');
    cityAdmin = await loginAs(t.app, 'om_dept_admin_3');
    ybAdmin = await loginAs(t.app, 'om_dept_admin_0');
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (who: LoggedIn, method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
    t.app.inject({ method, url: path, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  const nameOf = async (id: string) => (await findTarget(t.database.db, id))?.name;

  it("refuses another region's admin a rename of a 500112 target, and writes nothing", async () => {
    const before = await nameOf(YB_TARGET);
    const res = await send(lsAdmin, 'PUT', url(YB_TARGET), {
      ...(await rawOf(t.database, YB_TARGET)),
      name: '伪造的名称',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('500112') as unknown,
    });
    expect(await nameOf(YB_TARGET)).toBe(before);
    // the keeper of its own region may
    const own = await send(lsAdmin, 'PUT', url(LS_TARGET), {
      ...(await rawOf(t.database, LS_TARGET)),
      name: '邻水改名',
    });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('refuses a status change (注销) and a move of a target into another region', async () => {
    const res = await send(lsAdmin, 'POST', `${url(YB_TARGET)}/status`, {
      status: '注销',
      effectiveDate: '2026-11-19',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect((await findTarget(t.database.db, YB_TARGET))?.status).toBe('在营');
    const move = await send(lsAdmin, 'PUT', url(LS_TARGET), {
      ...(await rawOf(t.database, LS_TARGET)),
      divisionCode: '500112',
    });
    expect(move.statusCode, move.body).toBe(403);
  });

  it('refuses creating a target in another region, by form or by import', async () => {
    const res = await send(lsAdmin, 'POST', '/api/targets', {
      type: '产品',
      code: 'LS-FORGED',
      name: '伪造对象',
      divisionCode: '500112',
    });
    expect(res.statusCode, res.body).toBe(403);
    const m = multipartFile('对象.csv', csvBytes([TEMPLATE_HEADER, companyRow(901)]));
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=targets',
      headers: { ...lsAdmin.headers, ...m.headers },
      payload: m.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const jobId = z.object({ jobId: z.string() }).parse(up.json()).jobId;
    await waitForJob(t.database, jobId);
    const job = importJobViewSchema.parse((await send(lsAdmin, 'GET', `/api/imports/jobs/${jobId}`)).json());
    expect(job.counts).toMatchObject({ added: 0, written: false });
    expect(job.issues[0]).toMatchObject({ row: 2, column: '行政区划代码' });
    expect(job.issues[0]?.messageZh).toContain('500112');
  });

  it("exports to an inspector of 511623 only its region's targets, legal representatives masked", async () => {
    const res = await send(lsInspector, 'GET', '/api/targets/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('OM-511623');
    expect(res.body).not.toContain('OM-500112');
    expect(res.body).toContain('欧阳某某');
    expect(res.body).not.toContain('欧阳修');
    const other = await send(lsInspector, 'GET', '/api/targets/export?format=csv&division=500112');
    expect(other.statusCode).toBe(403);
    // the region's keeper sees the name in full
    const keeper = await send(lsAdmin, 'GET', '/api/targets?pageSize=200');
    expect(keeper.body).toContain('欧阳修');
    expect(keeper.body).not.toContain('OM-500112');
  });

  it("files an edit under the owning department too, so the owner's audit view shows it", async () => {
    const res = await send(cityAdmin, 'PUT', url(YB_TARGET), {
      ...(await rawOf(t.database, YB_TARGET)),
      address: '市局更正的地址 9 号',
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = await send(ybAdmin, 'GET', `/api/audit?entityId=${encodeURIComponent(YB_TARGET)}`);
    expect(view.statusCode).toBe(200);
    const rows = view.json<{ items: { action: string; departmentCode: string; ownerDepartment: string }[] }>()
      .items;
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'target.updated',
        departmentCode: '500000-SCJG',
        ownerDepartment: DEPT_A,
      }),
    );
    const auditor = await loginAs(t.app, 'auditor');
    const verify = await send(auditor, 'GET', '/api/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
