// Credit-risk facts import (issue 6) through the HTTP API: template, xlsx and GBK csv, dry run,
// all-or-nothing on a bad row, region rule, then a scoring run that picks the new facts up.
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryOne, queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { importJobViewSchema, waitForJob } from '../../src/contexts/library/import.service';
import { riskRunDone, riskRunViewSchema } from '../../src/contexts/risk/risk-run.service';
import { scoreTargets } from '../../src/contexts/risk/risk-scoring.service';
import { targetRiskViewSchema } from '../../src/contexts/risk/risk.service';
import { csvBytes, loadXlsx, xlsxBytes } from '../imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { multipartFile } from '../support/multipart';
import { insertRiskTargets, riskUscc } from '../support/risk-fixtures';

const HEADER = [
  '统一社会信用代码',
  '对象编码',
  '成立日期',
  '是否列入经营异常名录',
  '近三年行政处罚次数',
  '近一年投诉举报次数',
  '年报是否逾期',
  '数据日期',
];
const T1 = riskUscc(1);
const T2 = riskUscc(2);
const T3 = riskUscc(3);
const YUZHONG = riskUscc(6, '500103');

const factsRow = z.object({
  target_id: z.string(),
  registered_on: z.string().nullable(),
  abnormal_listed: z.boolean(),
  penalties_3y: z.number(),
  complaints_12m: z.number(),
  annual_report_overdue: z.boolean(),
  data_date: z.string().nullable(),
});

describe.each(ENGINES)('risk facts import through the API on %s', (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await loginAs(t.app, 'admin_a');
    await insertRiskTargets(t.database, [
      { id: T1 },
      { id: T2, facts: { abnormalListed: true, penalties3y: 3 } },
      { id: T3 },
      { id: YUZHONG, division: '500103' },
    ]);
    await scoreTargets(t.database.db, { region: 'all', asOf: '2026-11-20', runId: null, at: t.now() });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  async function upload(who: LoggedIn, name: string, bytes: Buffer, query = '') {
    const m = multipartFile(name, bytes);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports?kind=risk-facts${query}`,
      headers: { ...who.headers, ...m.headers },
      payload: m.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const jobId = z.object({ jobId: z.string() }).parse(res.json()).jobId;
    await waitForJob(t.database, jobId);
    return importJobViewSchema.parse((await get(who, `/api/imports/jobs/${jobId}`)).json());
  }
  const facts = async () =>
    new Map(
      (
        await queryRows(
          t.database.db,
          sql`SELECT target_id, registered_on::text AS registered_on, abnormal_listed, penalties_3y, complaints_12m,
                annual_report_overdue, data_date::text AS data_date FROM target_risk_facts`,
          factsRow,
        )
      ).map((r) => [r.target_id, r]),
    );
  const effectiveTier = async (id: string) =>
    (
      await queryOne(
        t.database.db,
        sql`SELECT risk_tier FROM targets WHERE id = ${id}`,
        z.object({ risk_tier: z.string().nullable() }),
      )
    )?.risk_tier;

  // T1: listed, 2 penalties, overdue, registered a year ago; T2: cleared; T3 (GBK file): overdue, 5 complaints
  const goodXlsx = () =>
    xlsxBytes([
      HEADER,
      [T1, '', '2025-06-01', '是', '2', '', 'Y', '2026-10-31'],
      ['', T2, '', '否', '0', '', '', ''],
    ]);
  const goodGbk = () => csvBytes([HEADER, [T3, '', '', '', '', '5', '是', '2026-11-01']], 'gbk');

  it('offers a template with the Chinese headers and notes on blank cells', async () => {
    const res = await get(admin, '/api/imports/templates/risk-facts');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = await loadXlsx(res.rawPayload);
    const head = wb.worksheets[0]?.getRow(1).values;
    expect(Array.isArray(head) ? head.slice(1) : head).toEqual(HEADER);
    const notes: string[] = [];
    wb.getWorksheet('说明')?.eachRow((r) => notes.push(r.getCell(1).text));
    expect(notes.some((n) => n.includes('空白单元格表示「不修改」'))).toBe(true);
  });

  it('a dry run validates and counts but writes nothing', async () => {
    const before = await facts();
    const job = await upload(admin, 'facts.xlsx', await goodXlsx(), '&dryRun=true');
    expect(job).toMatchObject({
      kind: 'risk-facts',
      status: 'done',
      dryRun: true,
      counts: { rows: 2, accepted: 2, added: 1, updated: 1, written: false },
    });
    expect(await facts()).toEqual(before);
  });

  it('writes nothing when one row is bad, naming its row and column (GBK csv)', async () => {
    // written by hand: the test CSV writer would neutralise '-1' as a formula
    const text = [HEADER, [T3, '', '', '', '', '5', '是', ''], [T1, '', '', '', '-1', '', '', '']]
      .map((r) => `${r.join(',')}\r\n`)
      .join('');
    const bytes = iconv.encode(text, 'gbk');
    const job = await upload(admin, 'facts-gbk.csv', bytes);
    expect(job).toMatchObject({
      status: 'rejected',
      counts: { rows: 2, accepted: 1, rejected: 1, written: false },
    });
    expect(job.issues).toEqual([
      {
        row: 3,
        column: '近三年行政处罚次数',
        columnEn: 'Administrative penalties (3 years)',
        value: '-1',
        messageZh: '「近三年行政处罚次数」不能为负数',
        messageEn: 'Administrative penalties (3 years) cannot be negative',
      },
    ]);
    expect((await facts()).has(T3)).toBe(false);
  });

  it('rejects unknown targets and targets outside the importer’s region; other departments may not import', async () => {
    const bytes = await xlsxBytes([
      HEADER,
      [T1, '', '', '是', '', '', '', ''],
      [riskUscc(99), '', '', '是', '', '', '', ''],
      ['', '产品:无此批次', '', '是', '', '', '', ''],
      [YUZHONG, '', '', '是', '', '', '', ''],
    ]);
    const job = await upload(admin, 'facts.xlsx', bytes);
    expect(job.status).toBe('rejected');
    expect(job.issues.map((i) => [i.row, i.column, i.messageZh])).toEqual([
      [3, '统一社会信用代码', '检查对象名录库中没有该对象'],
      [4, '对象编码', '检查对象名录库中没有该对象'],
      [5, '统一社会信用代码', expect.stringContaining('500103 不在本辖区') as unknown],
    ]);
    const mz = await upload(await loginAs(t.app, 'admin_c'), 'facts.xlsx', await goodXlsx());
    expect(mz.status).toBe('rejected');
    expect(mz.issues[0]?.messageZh).toContain('无权导入该对象的信用风险信息');
    expect((await facts()).get(T1)).toBeUndefined();
  });

  it('imports xlsx and GBK csv, keeping facts left blank, and a scoring run changes the tiers', async () => {
    expect([await effectiveTier(T1), await effectiveTier(T2), await effectiveTier(T3)]).toEqual([
      'A',
      'D',
      'A',
    ]);
    const x = await upload(admin, 'facts.xlsx', await goodXlsx());
    expect(x).toMatchObject({
      status: 'done',
      counts: { added: 1, updated: 1, unchanged: 0, written: true },
    });
    const c = await upload(admin, 'facts-gbk.csv', goodGbk());
    expect(c).toMatchObject({ status: 'done', counts: { added: 1, written: true } });
    const again = await upload(admin, 'facts.xlsx', await goodXlsx());
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 });

    const f = await facts();
    expect(f.get(T1)).toEqual({
      target_id: T1,
      registered_on: '2025-06-01',
      abnormal_listed: true,
      penalties_3y: 2,
      complaints_12m: 0,
      annual_report_overdue: true,
      data_date: '2026-10-31',
    });
    expect(f.get(T2)).toMatchObject({ abnormal_listed: false, penalties_3y: 0, data_date: null });
    expect(f.get(T3)).toMatchObject({ complaints_12m: 5, annual_report_overdue: true, penalties_3y: 0 });
    // facts count from the next scoring run, not before
    expect(await effectiveTier(T1)).toBe('A');

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/risk/runs',
      headers: admin.headers,
      payload: { regionCode: '500112' },
    });
    expect(start.statusCode, start.body).toBe(201);
    await riskRunDone(t.database, riskRunViewSchema.parse(start.json()).id);

    const view = async (id: string) =>
      targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${id}`)).json());
    const v1 = await view(T1);
    // 30 (listed) + 2 × 10 (penalties) + (3 − 1) × 3 (registered one full year ago) + 10 (overdue)
    expect(v1.computed).toMatchObject({ tier: 'D', score: '66.00' });
    expect(
      Object.fromEntries(
        (v1.computed?.contributions ?? []).filter((k) => k.units > 0).map((k) => [k.indicator, k.units]),
      ),
    ).toEqual({ abnormalList: 1, penalties: 2, newRegistration: 2, annualReportOverdue: 1 });
    expect(v1.effective).toMatchObject({ tier: 'D', source: 'computed' });
    expect((await view(T2)).computed).toMatchObject({ tier: 'A', score: '0.00' });
    // 5 complaints × 2 + 10 (overdue) = 20: tier B
    expect((await view(T3)).computed).toMatchObject({ tier: 'B', score: '20.00' });
  });

  it('audits the imports and the dry run', async () => {
    const audits = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    const actions = audits.map((a) => a.action);
    expect(actions.filter((a) => a === 'import.risk-facts')).toHaveLength(3);
    expect(actions).toContain('import.dry-run');
    expect(actions.filter((a) => a === 'import.rejected')).toHaveLength(3);
  });
});
