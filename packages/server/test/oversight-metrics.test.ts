/**
 * Dashboards, drill-down, fairness and evaluation (issue 6) on the hand-countable world of
 * metrics-fixtures.ts, on both engines. Worked figures:
 * - 渝北 2026: tasks TJ, TA, TC (3), joint TJ → 1/3; visits alone 2×2 + 1×1 = 5, made 3;
 *   problem 1 of 3 inspections with results; items A1, A2, C1 of A1, A2, C1, C2 inspected → 3/4;
 *   on time: TJ yes, TA overdue → 1/2; follow-ups 1 of 2 closed; workload MP-1 3, MP-2 2, MP-3 1.
 * - fairness: MX-1 p [½, ½] drawn 2 → stat 2, p ¼; MX-2 drawn 1 → 0; MX-3, MX-4 [½] drawn 0 → 1 each;
 *   Σ = 4 on 4 df → p = 3e⁻².
 * - evaluation (default criteria): DEPT_A 15 + 20 + 15 + 10 + 7.5 + 0 = 67.5; DEPT_C (no follow-ups)
 *   (0 + 10 + 15 + 20 + 0) ÷ 85 = 52.94.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { DEPT_A, DEPT_C } from './support/fixtures';
import { loadMetricsWorld } from './support/metrics-fixtures';

describe.each(ENGINES)('oversight metrics (%s)', (engine) => {
  let t: TestApp;
  let leader: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    await loadMetricsWorld(t.database);
    leader = await loginAs(t.app, 'leader_a');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });
  const get = async (url: string, who: LoggedIn = leader) => {
    const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('totals and departments of the region', async () => {
    const d = (await get('/api/dashboard/metrics?year=2026')).json<{
      totals: Record<string, unknown> & { visits: Record<string, number>; workload: Record<string, number> };
      departments: {
        code: string;
        tasks: number;
        jointTasks: number;
        inspections: number;
        visitsAlone: number;
        coverage: number | null;
        followUpClosure: number | null;
      }[];
      months: { month: string; inspections: number }[];
    }>();
    expect(d.totals['tasks']).toBe(3);
    expect(d.totals['jointTasks']).toBe(1);
    expect(d.totals['jointShare']).toBeCloseTo(1 / 3, 10);
    expect(d.totals['inspections']).toBe(3);
    expect(d.totals.visits).toMatchObject({ alone: 5, made: 3, saved: 2 });
    expect(d.totals['problemRate']).toBeCloseTo(1 / 3, 10);
    expect(d.totals['coverage']).toBeCloseTo(3 / 4, 10);
    expect(d.totals['onTimePublication']).toBeCloseTo(1 / 2, 10);
    expect(d.totals['followUpClosure']).toBeCloseTo(1 / 2, 10);
    expect(d.totals.workload['inspectors']).toBe(3);
    expect(d.totals.workload['gini']).toBeCloseTo(2 / 9, 10);
    expect(d.totals.workload['cv']).toBeCloseTo(Math.sqrt(2 / 3) / 2, 10);
    const a = d.departments.find((x) => x.code === DEPT_A);
    const c = d.departments.find((x) => x.code === DEPT_C);
    expect(a).toMatchObject({
      tasks: 2,
      jointTasks: 1,
      inspections: 3,
      visitsAlone: 5,
      coverage: 1,
      followUpClosure: 0.5,
    });
    expect(c).toMatchObject({
      tasks: 2,
      jointTasks: 1,
      inspections: 2,
      visitsAlone: 4,
      coverage: 0.5,
      followUpClosure: null,
    });
    expect(d.months).toEqual([
      { month: '2026-03', inspections: 2, withProblem: 1 },
      { month: '2026-05', inspections: 1, withProblem: 0 },
    ]);
  });

  it('filters by department and quarter', async () => {
    const c = (await get(`/api/dashboard/metrics?year=2026&department=${DEPT_C}`)).json<{
      totals: { tasks: number; inspections: number };
    }>();
    expect(c.totals).toMatchObject({ tasks: 2, inspections: 2 });
    const q2 = (await get('/api/dashboard/metrics?year=2026&quarter=2')).json<{
      totals: { tasks: number; inspections: number };
    }>();
    expect(q2.totals).toMatchObject({ tasks: 2, inspections: 1 });
  });

  it('drills down to the records, paginated', async () => {
    const p = (await get('/api/dashboard/records?year=2026&kind=inspections&problem=true')).json<{
      total: number;
      items: Record<string, string | null>[];
    }>();
    expect(p.total).toBe(1);
    expect(p.items[0]?.['target_id']).toBe('MX-1');
    const page2 = (await get('/api/dashboard/records?year=2026&kind=inspections&pageSize=2&page=2')).json<{
      total: number;
      items: unknown[];
    }>();
    expect(page2.items).toHaveLength(1);
    const joint = (await get('/api/dashboard/records?year=2026&kind=tasks&joint=true')).json<{
      total: number;
      items: Record<string, string | null>[];
    }>();
    expect(joint.items.map((i) => i['id'])).toEqual(['TJ']);
    const open = (await get('/api/dashboard/records?year=2026&kind=followUps&closed=false')).json<{
      total: number;
    }>();
    expect(open.total).toBe(1);
    const byInspector = (await get('/api/dashboard/records?year=2026&kind=inspections&inspector=MP-3')).json<{
      total: number;
    }>();
    expect(byInspector.total).toBe(1);
    // by category (TJ/MX-1 recorded 发现问题已责令改正 and 未发现问题), with the categories shown
    const byCategory = (
      await get(
        `/api/dashboard/records?year=2026&kind=inspections&category=${encodeURIComponent('未发现问题')}`,
      )
    ).json<{ total: number; items: Record<string, string | null>[] }>();
    const mx1 = byCategory.items.find((i) => i['task_id'] === 'TJ' && i['target_id'] === 'MX-1');
    expect(mx1?.['categories']).toBe('发现问题已责令改正；未发现问题');
    expect(page2.total).toBe(3);
    const tasks = (await get('/api/dashboard/records?year=2026&kind=tasks')).json<{
      items: Record<string, string | null>[];
    }>();
    expect(tasks.items.find((i) => i['id'] === 'TJ')?.['inspections']).toBe('2');
  });

  it('another region is refused to a district leader', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/dashboard/metrics?year=2026&region=500103',
      headers: leader.headers,
    });
    expect(res.statusCode).toBe(403);
  });

  it('fairness statistics', async () => {
    const f = (await get('/api/dashboard/fairness?year=2026&alpha=0.2')).json<{
      draws: number;
      targets: { inFrames: number; statistic: number; df: number; pValue: number; flagged: number };
      targetOutliers: { targetId: string; observed: number; expected: number; pValue: number }[];
      pairs: { repeated: number; flagged: number };
    }>();
    expect(f.draws).toBe(2);
    expect(f.targets).toMatchObject({ inFrames: 4, df: 4, flagged: 0 });
    expect(f.targets.statistic).toBeCloseTo(4, 10);
    expect(f.targets.pValue).toBeCloseTo(3 * Math.exp(-2), 10);
    expect(f.pairs).toEqual({ repeated: 2, flagged: 0 });
    const loose = (await get('/api/dashboard/fairness?year=2026&alpha=0.2')).json<{
      targetOutliers: unknown[];
    }>();
    expect(loose.targetOutliers).toHaveLength(0); // p = ¼ is not below 0.2
  });

  it('evaluation report, criteria and xlsx export', async () => {
    const r = (await get('/api/evaluation/report?year=2026')).json<{
      rows: { departmentCode: string; total: number | null; rank: number | null }[];
    }>();
    expect(r.rows.find((x) => x.departmentCode === DEPT_A)).toMatchObject({ total: 67.5, rank: 1 });
    expect(r.rows.find((x) => x.departmentCode === DEPT_C)?.total).toBeCloseTo(52.94, 2);
    const admin = await loginAs(t.app, 'admin_a');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/evaluation/criteria',
      headers: admin.headers,
      payload: {
        regionCode: '500112',
        config: {
          criteria: [
            { key: 'coverage', weight: 50 },
            { key: 'followUpClosure', weight: 50 },
          ],
        },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const r2 = (await get('/api/evaluation/report?year=2026')).json<{
      rows: { departmentCode: string; total: number | null }[];
    }>();
    expect(r2.rows.find((x) => x.departmentCode === DEPT_A)?.total).toBe(75);
    expect(r2.rows.find((x) => x.departmentCode === DEPT_C)?.total).toBe(50);
    const audits = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=evaluation.criteria',
      headers: (await loginAs(t.app, 'auditor')).headers,
    });
    expect(audits.body).toContain('evaluation.criteria');
    const x = await t.app.inject({
      method: 'GET',
      url: '/api/evaluation/export?year=2026',
      headers: leader.headers,
    });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
