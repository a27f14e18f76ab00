/**
 * Target library routes on both engines: search by a Chinese 2-character substring through
 * the gram index, single entry with validation, dated status change, claims and their
 * department scoping, and export with formula injection neutralised.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { searchTargetsSql } from '../../src/contexts/library/target.repo';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { runImport } from '../../src/contexts/platform/sheets/import-runner';
import { bufferSource } from '../../src/contexts/platform/sheets/sheet-reader';
import { targetImportSpec } from '../../src/contexts/library/imports/target.import';
import { cliContext, companyRow, csvBytes, TEMPLATE_HEADER, uscc, loadXlsx } from '../imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B } from '../support/fixtures';
import { multipartFile } from '../support/multipart';

const pageSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), claimedByMe: z.boolean() })),
  total: z.number(),
});

describe.each(ENGINES)('target routes on %s', (engine) => {
  let t: TestApp;
  let adminA: LoggedIn;
  let adminB: LoggedIn;
  let insp: LoggedIn;
  let sys: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    const rows = [
      companyRow(1, '重庆华为技术服务有限公司'),
      companyRow(2, '渝北区华夏为民超市'),
      companyRow(3, '=HYPERLINK("http://evil")'),
      companyRow(4, '重庆为华商贸有限公司'),
      ...Array.from({ length: 40 }, (_, i) => companyRow(100 + i)),
    ];
    const r = await runImport(
      t.database.db,
      targetImportSpec,
      bufferSource('seed.csv', csvBytes([TEMPLATE_HEADER, ...rows])),
      { mode: 'all-or-nothing', dryRun: false, ctx: cliContext() },
    );
    expect(r.ok && r.value.added).toBe(44);
    adminA = await loginAs(t.app, 'admin_a');
    adminB = await loginAs(t.app, 'admin_b');
    insp = await loginAs(t.app, 'insp_a');
    sys = await loginAs(t.app, 'sys');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = async (who: LoggedIn, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  it('finds a 2-character Chinese substring (华为) and only real substrings', async () => {
    const res = await get(insp, `/api/targets?q=${encodeURIComponent('华为')}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = pageSchema.parse(res.json());
    expect(body.items.map((i) => i.name)).toEqual(['重庆华为技术服务有限公司']);
    const one = pageSchema.parse((await get(insp, `/api/targets?q=${encodeURIComponent('为')}`)).json());
    expect(one.total).toBe(3);
  });

  it('the name search uses the gram index', async () => {
    await t.database.db.execute(sql`SET enable_seqscan = off`);
    const plan = await queryRows(
      t.database.db,
      sql`EXPLAIN ${searchTargetsSql({ q: '华为' }, 20, 0).count}`,
      z.object({ 'QUERY PLAN': z.string() }),
    );
    await t.database.db.execute(sql`SET enable_seqscan = on`);
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('targets_name_grams_idx');
  });

  it('filters by USCC, division prefix, industry section, tier, tag and status; paginates', async () => {
    const byUscc = pageSchema.parse((await get(insp, `/api/targets?uscc=${uscc(2)}`)).json());
    expect(byUscc.items.map((i) => i.id)).toEqual([uscc(2)]);
    const combo = pageSchema.parse(
      (
        await get(
          insp,
          `/api/targets?division=500000&industry=F&tier=B&tag=${encodeURIComponent('风险预警')}&status=${encodeURIComponent('在营')}&pageSize=10&page=2`,
        )
      ).json(),
    );
    expect(combo.total).toBe(44);
    expect(combo.items).toHaveLength(10);
    const none = pageSchema.parse((await get(sys, '/api/targets?division=110000')).json());
    expect(none.total).toBe(0);
    // issue 10: lists stay in the actor's jurisdiction; a region wholly outside it is refused
    expect((await get(insp, '/api/targets?division=110000')).statusCode).toBe(403);
  });

  it('creates a target with validation messages, and edits it', async () => {
    // a system admin keeps every region, so the invalid region is a validation error, not a refusal
    const bad = await post(sys, '/api/targets', {
      uscc: '91500112MA5U7XX47A',
      name: '',
      type: '企业',
      divisionCode: '509999',
    });
    expect(bad.statusCode).toBe(400);
    const fields = z
      .object({
        error: z.object({ details: z.object({ issues: z.array(z.object({ field: z.string() })) }) }),
      })
      .parse(bad.json());
    expect(fields.error.details.issues.map((i) => i.field).sort()).toEqual(['divisionCode', 'name', 'uscc']);
    const ok = await post(adminA, '/api/targets', {
      code: '批次-2026-001',
      name: '示例月饼',
      type: '产品',
      divisionCode: '500112',
      tags: '节令食品',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = encodeURIComponent('产品:批次-2026-001');
    const dup = await post(adminA, '/api/targets', {
      code: '产品:批次-2026-001',
      name: 'x',
      type: '产品',
      divisionCode: '500112',
    });
    expect(dup.statusCode).toBe(409);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/targets/${id}`,
      headers: adminA.headers,
      payload: { code: '产品:批次-2026-001', name: '示例月饼（改）', type: '产品', divisionCode: '500112' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(z.object({ name: z.string() }).parse(edit.json()).name).toBe('示例月饼（改）');
    const denied = await post(insp, '/api/targets', {
      code: 'x',
      name: 'x',
      type: '产品',
      divisionCode: '500112',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('dates a status change and shows it in the detail', async () => {
    const res = await post(adminA, `/api/targets/${uscc(4)}/status`, {
      status: '注销',
      effectiveDate: '2026-10-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    const again = await post(adminA, `/api/targets/${uscc(4)}/status`, {
      status: '注销',
      effectiveDate: '2026-10-31',
    });
    expect(again.statusCode).toBe(409);
    const d = z
      .object({
        status: z.string(),
        statusDate: z.string(),
        statusHistory: z.array(z.object({ status: z.string(), effectiveDate: z.string() })),
      })
      .parse((await get(insp, `/api/targets/${uscc(4)}`)).json());
    expect(d.status).toBe('注销');
    expect(d.statusDate).toBe('2026-10-31');
    expect(d.statusHistory[0]).toMatchObject({ status: '注销', effectiveDate: '2026-10-31' });
  });

  it('claims by ids and by filter for the own department only; claims are department data', async () => {
    const byIds = await post(adminA, '/api/targets/claims', { action: 'claim', ids: [uscc(1), uscc(2)] });
    expect(byIds.statusCode, byIds.body).toBe(200);
    expect(byIds.json()).toEqual({ affected: 2 });
    // issue 10: a claim by filter stays in the claimant's region (500103 holds none of these)
    const outside = await post(adminB, '/api/targets/claims', { action: 'claim', filter: { q: '华' } });
    expect(outside.json()).toEqual({ affected: 0 });
    const byIdsOutside = await post(adminB, '/api/targets/claims', { action: 'claim', ids: [uscc(3)] });
    expect(byIdsOutside.statusCode).toBe(403);
    const byFilter = await post(sys, '/api/targets/claims', {
      action: 'claim',
      departmentCode: DEPT_B,
      filter: { q: '华' },
    });
    expect(byFilter.json()).toEqual({ affected: 3 });
    const other = await post(adminA, '/api/targets/claims', {
      action: 'claim',
      departmentCode: DEPT_B,
      ids: [uscc(3)],
    });
    expect(other.statusCode).toBe(403);
    const mine = pageSchema.parse((await get(adminA, `/api/targets?claimedBy=${DEPT_A}`)).json());
    expect(mine.items.map((i) => i.id).sort()).toEqual([uscc(1), uscc(2)].sort());
    expect(mine.items.every((i) => i.claimedByMe)).toBe(true);
    expect((await get(adminA, `/api/targets?claimedBy=${DEPT_B}`)).statusCode).toBe(403);
    const detail = z.object({ claims: z.array(z.object({ departmentCode: z.string() })) });
    expect(
      detail.parse((await get(adminA, `/api/targets/${uscc(1)}`)).json()).claims.map((c) => c.departmentCode),
    ).toEqual([DEPT_A]);
    expect(
      detail.parse((await get(sys, `/api/targets/${uscc(1)}`)).json()).claims.map((c) => c.departmentCode),
    ).toEqual([DEPT_B, DEPT_A]);
    const un = await post(adminA, '/api/targets/claims', { action: 'unclaim', ids: [uscc(1)] });
    expect(un.json()).toEqual({ affected: 1 });
    const empty = await post(adminA, '/api/targets/claims', { action: 'claim', filter: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('claims by an uploaded list and reports unknown ids', async () => {
    const file = multipartFile(
      'list.csv',
      csvBytes([['统一社会信用代码'], [uscc(100)], [uscc(101)], [uscc(999)]]),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/targets/claims/upload?action=claim',
      headers: { ...adminA.headers, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ affected: 2, listed: 3, notFound: 1, notFoundSample: [uscc(999)] });
  });

  it('exports csv and xlsx with the template headers and neutralised formulas', async () => {
    const csv = await get(insp, `/api/targets/export?format=csv&q=${encodeURIComponent('HYPERLINK')}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(TEMPLATE_HEADER.join(','));
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const x = await get(insp, '/api/targets/export?format=xlsx');
    expect(x.statusCode).toBe(200);
    const wb = await loadXlsx(x.rawPayload);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(3).value).toBe('名称');
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) {
        names.push(row.getCell(3).text);
      }
    });
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    expect(names).toHaveLength(45);
  });
});
