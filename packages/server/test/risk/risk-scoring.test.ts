// Credit-risk tiers (issue 6): model config per region, batch scoring with explanations, scoping.
import { DEFAULT_RISK_MODEL } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { riskModelViewSchema } from '../../src/contexts/risk/risk-config.service';
import { riskRunDone, riskRunViewSchema } from '../../src/contexts/risk/risk-run.service';
import { scoreTargets } from '../../src/contexts/risk/risk-scoring.service';
import { distributionSchema, targetRiskViewSchema } from '../../src/contexts/risk/risk.service';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { insertRiskTargets, reviewedInspection, riskUscc } from '../support/risk-fixtures';

const T1 = riskUscc(1);
const T2 = riskUscc(2);
const T3 = riskUscc(3);
const T4 = riskUscc(4);
const T5 = riskUscc(5);
const T6 = riskUscc(6, '500103');

describe.each(ENGINES)('credit-risk scoring on %s', (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  const as: Record<string, LoggedIn> = {};
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await loginAs(t.app, 'admin_a');
    for (const u of ['sys', 'leader_a', 'auditor', 'admin_b', 'admin_c', 'insp_a']) {
      as[u] = await loginAs(t.app, u);
    }
    await insertRiskTargets(t.database, [
      // abnormal list 30 + two penalties 20 = 50 → D
      { id: T1, facts: { abnormalListed: true, penalties3y: 2 } },
      // food manufacturing (high: 2 × 6 = 12) + registered 1 full year ago ((3 − 1) × 3 = 6) = 18 → B
      { id: T2, industryCode: '1431', facts: { registeredOn: '2025-06-01' } },
      // one reviewed inspection with a problem in the last 3 years 8 + 风险预警 15 + overdue report 10 = 33 → C
      { id: T3, tags: ['风险预警', '食品经营'], facts: { annualReportOverdue: true } },
      // nothing: 0 → A
      { id: T4, industryCode: '7211' },
      // deregistered: not scored
      { id: T5, status: '注销', facts: { abnormalListed: true } },
      // another district
      { id: T6, division: '500103', facts: { abnormalListed: true } },
    ]);
    await reviewedInspection(t.database, T3, '2025-05-01', ['发现问题已责令改正', '未发现问题']);
    await reviewedInspection(t.database, T3, '2026-03-01', [
      '未发现问题',
      '未发现开展本次抽查涉及的经营活动',
    ]);
    await reviewedInspection(t.database, T3, '2026-04-01', ['发现问题待后续处理'], 'submitted');
    await reviewedInspection(t.database, T3, '2022-01-10', ['发现问题已责令改正']);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  const send = async (who: LoggedIn, method: 'PUT' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('shows the default model until a region sets its own, and refuses bad configs with 400 and the field', async () => {
    const first = riskModelViewSchema.parse((await get(admin, '/api/risk/model')).json());
    expect(first).toMatchObject({
      regionCode: '500112',
      sourceScope: 'default',
      inherited: true,
      version: 0,
      canEdit: true,
    });
    expect(first.config).toEqual(DEFAULT_RISK_MODEL);
    const leader = riskModelViewSchema.parse((await get(as['leader_a'] ?? admin, '/api/risk/model')).json());
    expect(leader.canEdit).toBe(false);

    const bad = await send(admin, 'PUT', '/api/risk/model', {
      regionCode: '500112',
      config: { ...DEFAULT_RISK_MODEL, cutoffs: { B: 30, C: 20, D: 40 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{
        error: { code: string; message: string; messageEn: string; details: { issues: { field: string }[] } };
      }>().error,
    ).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('B < C < D') as unknown,
      details: { issues: [{ field: 'cutoffs' }] },
    });
    const neg = await send(admin, 'PUT', '/api/risk/model', {
      regionCode: '500112',
      config: { ...DEFAULT_RISK_MODEL, weights: { ...DEFAULT_RISK_MODEL.weights, complaints: -2 } },
    });
    expect(neg.statusCode).toBe(400);
  });

  it('lets only a market-regulation admin of the region (or a system admin) change the model; the change is audited', async () => {
    const cfg = { ...DEFAULT_RISK_MODEL, weights: { ...DEFAULT_RISK_MODEL.weights, complaints: 2.5 } };
    expect(
      (await send(as['admin_c'] ?? admin, 'PUT', '/api/risk/model', { regionCode: '500112', config: cfg }))
        .statusCode,
    ).toBe(403); // 民政局 admin
    expect(
      (await send(as['admin_b'] ?? admin, 'PUT', '/api/risk/model', { regionCode: '500112', config: cfg }))
        .statusCode,
    ).toBe(403); // 渝中 admin
    expect((await send(admin, 'PUT', '/api/risk/model', { regionCode: 'all', config: cfg })).statusCode).toBe(
      403,
    );
    const put = await send(admin, 'PUT', '/api/risk/model', { regionCode: '500112', config: cfg });
    expect(put.statusCode, put.body).toBe(200);
    expect(riskModelViewSchema.parse(put.json())).toMatchObject({
      sourceScope: '500112',
      inherited: false,
      version: 1,
      modelVersion: '500112@v1',
      updatedBy: 'admin_a',
    });
    // back to the defaults (version 2), so the hand-computed scores below hold
    const back = riskModelViewSchema.parse(
      (
        await send(admin, 'PUT', '/api/risk/model', { regionCode: '500112', config: DEFAULT_RISK_MODEL })
      ).json(),
    );
    expect(back.version).toBe(2);
    const audits = await queryRows(
      t.database.db,
      sql`SELECT action, actor_name FROM audit_log WHERE entity_type = 'risk_model' ORDER BY seq`,
      z.object({ action: z.string(), actor_name: z.string().nullable() }),
    );
    expect(audits).toEqual([
      { action: 'risk.model.update', actor_name: 'admin_a' },
      { action: 'risk.model.update', actor_name: 'admin_a' },
    ]);
    // 渝中 inherits nothing from 渝北
    const other = riskModelViewSchema.parse(
      (await get(as['sys'] ?? admin, '/api/risk/model?region=500103')).json(),
    );
    expect(other.sourceScope).toBe('default');
  });

  it('scores the region in a background run with progress, writing tiers, scores and explanations', async () => {
    const start = await send(admin, 'POST', '/api/risk/runs', { regionCode: '500112' });
    expect(start.statusCode, start.body).toBe(201);
    const run = riskRunViewSchema.parse(start.json());
    expect(run).toMatchObject({ scope: '500112', total: 4, asOf: '2026-11-20' });
    await riskRunDone(t.database, run.id);
    const done = riskRunViewSchema.parse(
      (await get(as['leader_a'] ?? admin, `/api/risk/runs/${run.id}`)).json(),
    );
    expect(done).toMatchObject({
      status: 'done',
      processed: 4,
      total: 4,
      fraction: 1,
      counts: { A: 1, B: 1, C: 1, D: 1 },
    });

    const tiers = await queryRows(
      t.database.db,
      sql`SELECT id, risk_tier, tier_source, tier_date::text AS d FROM targets ORDER BY id`,
      z.object({
        id: z.string(),
        risk_tier: z.string().nullable(),
        tier_source: z.string().nullable(),
        d: z.string().nullable(),
      }),
    );
    const tierOf = new Map(tiers.map((r) => [r.id, r]));
    expect(tierOf.get(T1)).toMatchObject({ risk_tier: 'D', tier_source: 'computed', d: '2026-11-20' });
    expect(tierOf.get(T2)?.risk_tier).toBe('B');
    expect(tierOf.get(T3)?.risk_tier).toBe('C');
    expect(tierOf.get(T4)?.risk_tier).toBe('A');
    expect(tierOf.get(T5)?.risk_tier).toBeNull();
    expect(tierOf.get(T6)?.risk_tier).toBeNull();

    const why = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T1}`)).json());
    expect(why.effective).toEqual({ tier: 'D', source: 'computed', date: '2026-11-20' });
    expect(why.computed).toMatchObject({
      score: '50.00',
      tier: 'D',
      modelVersion: '500112@v2',
      asOf: '2026-11-20',
    });
    const parts = new Map(why.computed?.contributions.map((c) => [c.indicator, c]));
    expect(parts.get('abnormalList')).toMatchObject({
      value: 1,
      points: '30.00',
      labelZh: '列入经营异常名录',
    });
    expect(parts.get('penalties')).toMatchObject({ value: 2, units: 2, points: '20.00' });
    expect(parts.get('complaints')?.points).toBe('0.00');
    expect(why.imported).toBeNull();

    const c3 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T3}`)).json()).computed;
    // only the approved 2025 inspection counts: 2026-03 found nothing, 2026-04 is not reviewed, 2022 is outside 3 years
    expect(c3?.contributions.find((c) => c.indicator === 'inspectionProblems')).toMatchObject({
      value: 1,
      points: '8.00',
    });
    expect(c3).toMatchObject({ score: '33.00', tier: 'C' });
    const c2 = targetRiskViewSchema.parse((await get(admin, `/api/risk/targets/${T2}`)).json()).computed;
    expect(c2).toMatchObject({ score: '18.00', tier: 'B' });

    const audits = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'risk_run' AND entity_id = ${run.id} ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    expect(audits.map((a) => a.action)).toEqual(['risk.run.start', 'risk.run.finish']);
    const list = z
      .object({ items: z.array(riskRunViewSchema) })
      .parse((await get(admin, '/api/risk/runs')).json());
    expect(list.items[0]?.id).toBe(run.id);
  });

  it('counts the distribution per source, and keeps regions apart', async () => {
    const d = distributionSchema.parse((await get(admin, '/api/risk/distribution')).json());
    expect(d).toMatchObject({
      regionCode: '500112',
      total: 4,
      effective: { A: 1, B: 1, C: 1, D: 1, unrated: 0 },
      computed: { A: 1, B: 1, C: 1, D: 1, unrated: 0 },
      imported: { unrated: 4 },
    });
    expect((await get(admin, '/api/risk/distribution?region=500103')).statusCode).toBe(403);
    expect((await get(as['leader_a'] ?? admin, '/api/risk/distribution?region=500103')).statusCode).toBe(403);
    expect((await get(as['admin_b'] ?? admin, `/api/risk/targets/${T1}`)).statusCode).toBe(403);
    expect((await get(as['insp_a'] ?? admin, `/api/risk/targets/${T1}`)).statusCode).toBe(200);
    const all = distributionSchema.parse(
      (await get(as['auditor'] ?? admin, '/api/risk/distribution?region=all')).json(),
    );
    expect(all.total).toBe(5);
    expect(all.computed.unrated).toBe(1);
  });

  it('refuses a second run over an overlapping region while one runs, and cancelling a finished run', async () => {
    const runs = z
      .object({ items: z.array(riskRunViewSchema) })
      .parse((await get(admin, '/api/risk/runs')).json());
    const id = runs.items[0]?.id ?? '';
    const cancel = await send(admin, 'POST', `/api/risk/runs/${id}/cancel`);
    expect(cancel.statusCode).toBe(409);
    expect(
      (await send(as['admin_b'] ?? admin, 'POST', '/api/risk/runs', { regionCode: '500112' })).statusCode,
    ).toBe(403);
    expect((await send(admin, 'POST', '/api/risk/runs', { regionCode: 'all' })).statusCode).toBe(403);
    const a = riskRunViewSchema.parse(
      (await send(as['sys'] ?? admin, 'POST', '/api/risk/runs', { regionCode: 'all' })).json(),
    );
    const b = await send(admin, 'POST', '/api/risk/runs', { regionCode: '500112' });
    expect([201, 409]).toContain(b.statusCode); // 409 while the nationwide run still runs
    await riskRunDone(t.database, a.id);
    const bRun = riskRunViewSchema.safeParse(b.json());
    if (bRun.success) {
      await riskRunDone(t.database, bRun.data.id);
    }
  });

  it('stops between batches when cancelled, keeping the batches written', async () => {
    const controller = new AbortController();
    const out = await scoreTargets(t.database.db, {
      region: 'all',
      asOf: '2026-11-20',
      runId: null,
      at: t.now(),
      batchSize: 2,
      writers: 1,
      signal: controller.signal,
      onBatch: async () => {
        controller.abort();
        await Promise.resolve();
      },
    });
    expect(out).toMatchObject({ processed: 2, cancelled: true });
    // with two writers, the batch already in flight is finished too: at most two batches
    const two = new AbortController();
    const seen: number[] = [];
    const overlapped = await scoreTargets(t.database.db, {
      region: 'all',
      asOf: '2026-11-20',
      runId: null,
      at: t.now(),
      batchSize: 2,
      writers: 2,
      signal: two.signal,
      onBatch: async (_tx, n) => {
        seen.push(n);
        two.abort();
        await Promise.resolve();
      },
    });
    expect(overlapped.cancelled).toBe(true);
    expect([2, 4]).toContain(overlapped.processed);
    expect(seen.at(-1)).toBe(overlapped.processed);
    const none = await scoreTargets(t.database.db, {
      region: 'all',
      asOf: '2026-11-20',
      runId: null,
      at: t.now(),
      signal: AbortSignal.abort(),
    });
    expect(none).toMatchObject({ processed: 0, cancelled: true });
  });
});
