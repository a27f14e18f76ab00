// Credit-risk tiers (issue 6): external tiers import kept apart from computed ones; the usage rate.
import { DEFAULT_RISK_MODEL } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tierOf } from '../../src/db/scope-sql';
import { stratumWhere } from '../../src/db/scope-sql';
import { queryOne, queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { importJobViewSchema, waitForJob } from '../../src/contexts/library/import.service';
import { scoreTargets } from '../../src/contexts/risk/risk-scoring.service';
import { targetRiskViewSchema, usageSchema } from '../../src/contexts/risk/risk.service';
import { csvBytes } from '../imports/helpers';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A, DEPT_B, DEPT_C } from '../support/fixtures';
import { multipartFile } from '../support/multipart';
import { insertRiskTargets, riskUscc, TIER_CSV_HEADER, usageTask } from '../support/risk-fixtures';

const T1 = riskUscc(1);
const T2 = riskUscc(2);
const T3 = riskUscc(3);
const T4 = riskUscc(4);
const T6 = riskUscc(6, '500103');
const T7 = riskUscc(7);
const BAD = `${T1.slice(0, 17)}${T1.endsWith('0') ? '1' : '0'}`;

describe.each(ENGINES)('external tiers and usage rate on %s', (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  const as: Record<string, LoggedIn> = {};
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await loginAs(t.app, 'admin_a');
    for (const u of ['sys', 'auditor', 'admin_b']) {
      as[u] = await loginAs(t.app, u);
    }
    await insertRiskTargets(t.database, [
      { id: T1, facts: { abnormalListed: true, penalties3y: 2 } },
      { id: T2 },
      { id: T3 },
      { id: T4 },
      { id: T6, division: '500103' },
    ]);
    await scoreTargets(t.database.db, { region: 'all', asOf: '2026-11-20', runId: null, at: t.now() });
    // T7 arrives after scoring: it has no computed tier
    await insertRiskTargets(t.database, [{ id: T7 }]);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  const rows = [
    TIER_CSV_HEADER,
    [T1, '', 'A', '2026-10-31', '全国企业信用风险分类（月度）'],
    [T2, '', '低风险', '2026/10/31', ''],
    [BAD, '', 'B', '2026-10-31', ''],
    [T3, '', 'E', '2026-10-31', ''],
    [T4, '', 'B', '2027-01-01', ''],
    [riskUscc(99), '', 'B', '2026-10-31', ''],
    [T6, '', 'B', '2026-10-31', ''],
    [T1, '', 'D', '2026-10-31', ''],
    ['', '', 'B', '2026-10-31', ''],
    [T7, '', 'C', '2026-09-30', ''],
  ];
  async function importTiers(mode: string) {
    const m = multipartFile('tiers.csv', csvBytes(rows));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports?kind=tiers&mode=${mode}`,
      headers: { ...admin.headers, ...m.headers },
      payload: m.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const jobId = z.object({ jobId: z.string() }).parse(res.json()).jobId;
    await waitForJob(t.database, jobId);
    return importJobViewSchema.parse((await get(admin, `/api/imports/jobs/${jobId}`)).json());
  }
  const importedCount = async () =>
    (
      await queryOne(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM target_imported_tiers`,
        z.object({ n: z.number() }),
      )
    )?.n;

  it('offers a template with the Chinese headers', async () => {
    const res = await get(admin, '/api/imports/templates/tiers');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheet');
  });

  it('validates every row and writes nothing all-or-nothing when one is bad', async () => {
    const job = await importTiers('all-or-nothing');
    expect(job).toMatchObject({
      kind: 'tiers',
      status: 'rejected',
      counts: { rows: 10, accepted: 3, rejected: 7, written: false },
    });
    const byRow = new Map(job.issues.map((i) => [i.row, i]));
    expect(byRow.get(4)).toMatchObject({
      column: '统一社会信用代码',
      messageZh: expect.stringContaining('校验位错误') as unknown,
    });
    expect(byRow.get(5)).toMatchObject({ column: '信用风险等级', value: 'E' });
    expect(byRow.get(6)).toMatchObject({ column: '评定日期', messageZh: '评定日期不能晚于今天' });
    expect(byRow.get(7)?.messageZh).toBe('检查对象名录库中没有该对象');
    expect(byRow.get(8)?.messageZh).toContain('不在本辖区');
    expect(byRow.get(9)?.messageZh).toContain('与第 2 行重复');
    expect(byRow.get(10)?.messageZh).toBe('统一社会信用代码与对象编码至少填写一项');
    expect(await importedCount()).toBe(0);
  });

  it('writes the valid rows valid-only, keeping computed and imported tiers apart, each with its date', async () => {
    const job = await importTiers('valid-only');
    expect(job).toMatchObject({ status: 'done', counts: { accepted: 3, added: 3, written: true } });
    expect(await importedCount()).toBe(3);
    const t1 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T1}`)).json());
    expect(t1.computed).toMatchObject({ tier: 'D', score: '50.00' });
    expect(t1.imported).toMatchObject({
      tier: 'A',
      ratedOn: '2026-10-31',
      source: '全国企业信用风险分类（月度）',
    });
    // the region shows computed tiers first (default), so the effective tier stays computed
    expect(t1.effective).toEqual({ tier: 'D', source: 'computed', date: '2026-11-20' });
    const t2 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T2}`)).json());
    expect(t2.imported).toMatchObject({ tier: 'A', source: '外部导入' });
    // T7 has no computed tier: the imported one is effective, dated with its rating date
    const t7 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T7}`)).json());
    expect(t7).toMatchObject({
      computed: null,
      effective: { tier: 'C', source: 'imported', date: '2026-09-30' },
    });
    // a task's frame picks either source
    const pick = await queryOne(
      t.database.db,
      sql`SELECT ${tierOf('computed')} AS c, ${tierOf('imported')} AS i, ${tierOf(null)} AS e FROM targets t WHERE t.id = ${T1}`,
      z.object({ c: z.string(), i: z.string(), e: z.string() }),
    );
    expect(pick).toEqual({ c: 'D', i: 'A', e: 'D' });
    // a stratum reads the task's source: T1 is computed D / imported A, T2 A / A, T7 none / C
    const members = async (tiers: string[], source: 'computed' | 'imported' | null) =>
      (
        await queryRows(
          t.database.db,
          sql`SELECT t.id FROM targets t WHERE t.id IN (${T1}, ${T2}, ${T7}) AND ${stratumWhere({ tiers: tiers as never }, source)} ORDER BY t.id`,
          z.object({ id: z.string() }),
        )
      ).map((r) => r.id);
    expect(await members(['A'], 'imported')).toEqual([T1, T2].sort());
    expect(await members(['A'], 'computed')).toEqual([T2]);
    expect(await members(['D'], 'computed')).toEqual([T1]);
    expect(await members(['unrated'], 'computed')).toEqual([T7]);
    expect(await members(['unrated'], 'imported')).toEqual([]);
    expect(await members(['C'], null)).toEqual([T7]);
  });

  it('switches the effective tier to imported ones when the region prefers them; computed scores stay', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/risk/model',
      headers: admin.headers,
      payload: { regionCode: '500112', config: { ...DEFAULT_RISK_MODEL, effectiveSource: 'imported' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    await scoreTargets(t.database.db, { region: '500112', asOf: '2026-11-21', runId: null, at: t.now() });
    const t1 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T1}`)).json());
    expect(t1.effective).toEqual({ tier: 'A', source: 'imported', date: '2026-10-31' });
    expect(t1.computed).toMatchObject({ tier: 'D', asOf: '2026-11-21' });
    const t3 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T3}`)).json());
    expect(t3.effective).toMatchObject({ tier: 'A', source: 'computed' });
  });

  it('computes the usage rate per department against hand-built tasks', async () => {
    const tiered = [
      { name: '高风险', tiers: ['D'], ratio: '0.3', min: 0, max: null },
      { name: '其他', tiers: ['A', 'B', 'C', 'unrated'], ratio: '0.03', min: 0, max: null },
    ];
    const flat = [{ name: '全部', tiers: null, ratio: '0.05', min: 0, max: null }];
    await usageTask(t.database, DEPT_A, '2026-03-01', tiered);
    await usageTask(t.database, DEPT_A, '2026-05-01', flat, 'imported');
    await usageTask(t.database, DEPT_A, '2026-06-01', flat);
    await usageTask(t.database, DEPT_A, '2025-06-01', tiered);
    await usageTask(t.database, DEPT_B, '2026-06-01', [
      { name: '未分级', tiers: ['unrated'], ratio: '0.05', min: 0, max: null },
    ]);

    const all = usageSchema.parse(
      (await get(as['auditor'] ?? admin, '/api/risk/usage?region=all&year=2026')).json(),
    );
    const dept = new Map(all.departments.map((d) => [d.departmentCode, d]));
    expect(dept.get(DEPT_A)).toMatchObject({
      tasks: 3,
      tieredTasks: 2,
      rate: { part: 2, whole: 3, percent: 66.7 },
    });
    expect(dept.get(DEPT_B)).toMatchObject({ tasks: 1, tieredTasks: 0, rate: { percent: 0 } });
    expect(dept.get(DEPT_C)).toMatchObject({ tasks: 0, rate: { percent: null } });
    expect(all.tasks).toEqual({ part: 2, whole: 4, percent: 50 });
    expect(all.departmentsUsing).toEqual({ part: 1, whole: 2, percent: 50 });
    expect(all.goalPercent).toBe(80);

    const mine = usageSchema.parse((await get(admin, '/api/risk/usage')).json());
    expect(mine.departments.map((d) => d.departmentCode).sort()).toEqual([DEPT_C, DEPT_A].sort());
    expect(mine.tasks).toEqual({ part: 3, whole: 4, percent: 75 });
    expect((await get(as['admin_b'] ?? admin, '/api/risk/usage?region=500112')).statusCode).toBe(403);
  });

  it('audits the import', async () => {
    const audits = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    expect(audits.map((a) => a.action)).toContain('import.tiers');
  });
});
