/**
 * The two region settings behind the console's 系统设置 screen (issue 6): adjacent regions as each
 * other's fallback pool (symmetric, one audit row per region changed, the overview list), and the
 * evaluation criteria (field-level Chinese refusals, reset to the inherited criteria).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRegions } from '../src/contexts/platform/org.repo';
import { ENGINES } from '../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';

interface Fallback {
  regionCode: string;
  adjacent: string[];
}

describe.each(ENGINES)('region settings (%s)', (engine) => {
  let t: TestApp;
  let sys: LoggedIn;
  let admin: LoggedIn;
  let auditor: LoggedIn;
  beforeAll(async () => {
    t = await testApp(engine);
    await insertRegions(t.database.db, [
      { code: '510000', name: '四川省', fullName: '四川省', level: 'province', parentCode: null },
      {
        code: '511623',
        name: '邻水县',
        fullName: '四川省广安市邻水县',
        level: 'district',
        parentCode: '510000',
      },
    ]);
    sys = await loginAs(t.app, 'sys');
    admin = await loginAs(t.app, 'admin_a');
    auditor = await loginAs(t.app, 'auditor');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });
  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, who: LoggedIn, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
  const fallbackOf = async (region: string, who: LoggedIn = sys): Promise<string[]> => {
    const res = await call('GET', `/api/cross-region/fallback?region=${region}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Fallback>().adjacent;
  };

  it('sets adjacent regions both ways, lists them, and audits every region changed', async () => {
    const put = await call('PUT', '/api/cross-region/fallback', sys, {
      regionCode: '500112',
      adjacent: ['511623', '500103'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<Fallback>().adjacent).toEqual(['500103', '511623']);
    expect(await fallbackOf('511623')).toEqual(['500112']);
    expect(await fallbackOf('500103')).toEqual(['500112']);
    // a dept admin of 500112 reads its own region
    expect(await fallbackOf('500112', admin)).toEqual(['500103', '511623']);

    const list = await call('GET', '/api/cross-region/fallbacks', auditor);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: Fallback[] }>().items).toEqual([
      { regionCode: '500103', adjacent: ['500112'] },
      { regionCode: '500112', adjacent: ['500103', '511623'] },
      { regionCode: '511623', adjacent: ['500112'] },
    ]);
    // a dept admin sees only the regions it may read
    const own = await call('GET', '/api/cross-region/fallbacks', admin);
    expect(own.json<{ items: Fallback[] }>().items.map((i) => i.regionCode)).toEqual(['500112']);

    // dropping 500103 takes 500112 out of 500103's pool too
    const drop = await call('PUT', '/api/cross-region/fallback', sys, {
      regionCode: '500112',
      adjacent: ['511623'],
    });
    expect(drop.statusCode, drop.body).toBe(200);
    expect(await fallbackOf('500103')).toEqual([]);
    expect(await fallbackOf('511623')).toEqual(['500112']);
    const after = await call('GET', '/api/cross-region/fallbacks', sys);
    expect(after.json<{ items: Fallback[] }>().items.map((i) => i.regionCode)).toEqual(['500112', '511623']);

    const audits = await call('GET', '/api/audit?action=cross_region.fallback&pageSize=20', auditor);
    const rows = audits.json<{ items: { entityId: string; before: unknown; after: unknown }[] }>().items;
    const of = (id: string) => rows.filter((r) => r.entityId === `${id}/adjacentRegions`);
    expect(of('500112')).toHaveLength(2);
    expect(of('511623')).toHaveLength(1); // added once, untouched by the second change
    expect(of('500103').map((r) => [r.before, r.after])).toEqual(
      expect.arrayContaining([
        [[], ['500112']],
        [['500112'], []],
      ]),
    );
  });

  it('refuses unknown or self-referencing regions, and anyone but a system admin', async () => {
    const unknown = await call('PUT', '/api/cross-region/fallback', sys, {
      regionCode: '500112',
      adjacent: ['999999'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toBe('未知或重复的行政区划：999999');
    const self = await call('PUT', '/api/cross-region/fallback', sys, {
      regionCode: '500112',
      adjacent: ['500112'],
    });
    expect(self.statusCode).toBe(400);
    const byAdmin = await call('PUT', '/api/cross-region/fallback', admin, {
      regionCode: '500112',
      adjacent: [],
    });
    expect(byAdmin.statusCode).toBe(403);
    expect(await fallbackOf('500112')).toEqual(['511623']);
  });

  it('refuses bad criteria with a Chinese message per field', async () => {
    const bad = await call('PUT', '/api/evaluation/criteria', admin, {
      regionCode: '500112',
      config: {
        criteria: [
          { key: 'coverage', weight: 60, target: 1 },
          { key: 'jointShare', weight: 150, target: 0.22 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    const e = bad.json<{
      error: { message: string; details: { issues: { field: string; messageZh: string }[] } };
    }>().error;
    expect(e.message).toBe('考核指标配置无效');
    expect(e.details.issues).toEqual([
      expect.objectContaining({
        field: 'criteria.1.weight',
        messageZh: '第 2 项「联合抽查占比」的权重须为 0 到 100 之间的数',
      }),
    ]);
    const zero = await call('PUT', '/api/evaluation/criteria', admin, {
      regionCode: '500112',
      config: { criteria: [{ key: 'coverage', weight: 0 }] },
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('权重合计须大于 0');
  });

  it('sets criteria of a region and resets them to the inherited ones, audited', async () => {
    const set = await call('PUT', '/api/evaluation/criteria', admin, {
      regionCode: '500112',
      config: { criteria: [{ key: 'coverage', weight: 100, target: 0.9 }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      regionCode: '500112',
      source: '500112',
      canEdit: true,
      config: { criteria: [{ key: 'coverage', weight: 100, target: 0.9 }] },
    });
    // the city sets its own; the district keeps its own until reset
    const city = await call('PUT', '/api/evaluation/criteria', sys, {
      regionCode: '500000',
      config: { criteria: [{ key: 'jointShare', weight: 100, target: 0.22 }] },
    });
    expect(city.statusCode, city.body).toBe(200);
    const leaderView = await call(
      'GET',
      '/api/evaluation/criteria?region=500112',
      await loginAs(t.app, 'leader_a'),
    );
    expect(leaderView.json()).toMatchObject({ source: '500112', canEdit: false });

    const byOther = await call(
      'DELETE',
      '/api/evaluation/criteria?region=500112',
      await loginAs(t.app, 'admin_c'),
    );
    expect(byOther.statusCode).toBe(403);
    const reset = await call('DELETE', '/api/evaluation/criteria?region=500112', admin);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({
      source: '500000',
      config: { criteria: [{ key: 'jointShare', weight: 100, target: 0.22 }] },
    });
    // a second reset changes nothing and writes no audit row
    expect((await call('DELETE', '/api/evaluation/criteria?region=500112', admin)).statusCode).toBe(200);
    const audits = await call('GET', '/api/audit?action=evaluation.criteria.reset', auditor);
    const rows = audits.json<{ items: { entityId: string; after: unknown }[] }>().items;
    expect(rows).toEqual([expect.objectContaining({ entityId: '500112/evaluationCriteria', after: null })]);
    const reportOf = await call('GET', '/api/evaluation/report?region=500112&year=2026', admin);
    expect(reportOf.json<{ config: { criteria: { key: string }[] } }>().config.criteria).toEqual([
      { key: 'jointShare', weight: 100, target: 0.22 },
    ]);
  });
});
