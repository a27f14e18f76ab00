/**
 * Objections and credit repair (issue 16 part 2), on both engines: the business finds its
 * published result by USCC and notice code, files with attachments (all or nothing), the
 * portal shows 异议处理中 and then the outcome, the reviewing leader decides (corrections change
 * the result), an approved repair stops the finding counting in the risk score from its date,
 * and every step is audited.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { noticeCodeOf } from '../../src/contexts/draw/draw-view.repo';
import { scoreTargets } from '../../src/contexts/risk/risk-scoring.service';
import { inspections, inspectionResults, targetRiskScores } from '../../src/db/schema';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import {
  call,
  DRAW_ID,
  ITEM_A,
  loadInspectionWorld,
  TINY_PNG,
  USCC_1,
  type InspectionWorld,
  submitCompleteVisit,
} from '../support/inspection-fixtures';

interface AppealCase {
  inspectionId: string;
  objectionLastDay: string;
  may: Record<'objection' | 'credit_repair', { allowed: boolean; reasonZh: string | null }>;
  appeals: { id: string; kind: string; status: string; dueOn: string }[];
  results: { itemName: string; category: string | null }[];
}

describe.each(ENGINES)('objections and credit repair on %s', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  let code = '';
  const sessions = new Sessions();
  const who = sessions.who;
  const key = () => ({ uscc: USCC_1, noticeCode: code });
  const lookup = async () => call<AppealCase>(t.app, null, 'POST', '/api/public/appeals/lookup', key());
  const file = async (body: Record<string, unknown>) =>
    call<{
      id: string;
      status: string;
      dueOn: string;
      error?: { code: string; details?: { issues?: { field: string }[] } };
    }>(t.app, null, 'POST', '/api/public/appeals', { ...key(), contact: '王经理 13800000000', ...body });
  const appealCount = async () =>
    (
      await queryRows(
        t.database.db,
        sql`select count(*)::int as n from result_appeals`,
        z.object({ n: z.number() }),
      )
    )[0]?.n;
  const audited = async (action: string) =>
    (
      await queryRows(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = ${action}`,
        z.object({ n: z.number() }),
      )
    )[0]?.n;
  const portalLine = async (id: string) =>
    (await call<{ appeal: { zh: string } | null }>(t.app, null, 'GET', `/api/public/results/${id}`)).body
      .appeal?.zh ?? null;

  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await sessions.login(t.app, ['insp_a', 'insp_a2', 'admin_a', 'admin_b', 'leader_a', 'auditor']);
    // visit 1 finds a problem, is approved by leader_a and published by admin_a
    const version = await submitCompleteVisit(
      t,
      who('insp_a'),
      who('insp_a2'),
      w.visit,
      '发现问题已责令改正',
    );
    const rev = await call(t.app, who('leader_a'), 'POST', `/api/inspections/${w.visit}/review`, {
      version,
      decision: 'approve',
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(200);
    const pub = await call(t.app, who('admin_a'), 'POST', `/api/inspections/${w.visit}/publish`, {
      version: rev.body.version,
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const [row] = await t.database.db
      .select({ code: inspections.noticeCode })
      .from(inspections)
      .where(eq(inspections.id, w.visit));
    code = row?.code ?? '';
    expect(code).toMatch(/^[0-9A-F]{10}$/);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the result only with the right USCC and notice code, and says what may be filed', async () => {
    const wrong = await call(t.app, null, 'POST', '/api/public/appeals/lookup', {
      uscc: USCC_1,
      noticeCode: code === 'AAAAAAAAAA' ? 'BBBBBBBBBB' : 'AAAAAAAAAA',
    });
    expect(wrong.status).toBe(404);
    const bad = await call(t.app, null, 'POST', '/api/public/appeals/lookup', {
      uscc: USCC_1,
      noticeCode: 'x',
    });
    expect(bad.status).toBe(400);
    const c = await lookup();
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.inspectionId).toBe(w.visit);
    expect(c.body.may.objection.allowed).toBe(true);
    expect(c.body.may.credit_repair.allowed).toBe(true);
    // published 2026-11-20 (Fri): 15 working days later
    expect(c.body.objectionLastDay).toBe('2026-12-11');
    expect(c.body.results.map((r) => r.category)).toContain('发现问题已责令改正');
    // the notice the staff print carries the code (the fixture's draw id is not of the route's shape)
    expect(await noticeCodeOf(t.database.db, DRAW_ID, USCC_1)).toBe(code);
  });

  it('refuses a file that is not what it claims, and writes nothing', async () => {
    const pdfAsPng = `data:image/png;base64,${Buffer.from('%PDF-1.4 not a png').toString('base64')}`;
    const r = await file({
      kind: 'credit_repair',
      text: '我单位已按责令改正通知完成整改，申请信用修复。',
      attachments: [{ fileName: '整改报告.png', dataUrl: pdfAsPng }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.details?.issues?.[0]?.field).toBe('attachments[0].dataUrl');
    expect(await appealCount()).toBe(0);
  });

  it('repairs credit: the leader approves from a date, and the finding stops counting from then', async () => {
    const f = await file({
      kind: 'credit_repair',
      text: '我单位已按责令改正通知完成整改，申请信用修复。',
      attachments: [{ fileName: '整改照片.png', dataUrl: TINY_PNG }],
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body.status).toBe('pending');
    expect(await portalLine(w.visit)).toBe('信用修复申请处理中');
    // while it is pending nothing else is filed
    expect((await lookup()).body.may.objection.allowed).toBe(false);

    const mine = await call<{ items: { id: string; assignedTo: string | null }[] }>(
      t.app,
      who('leader_a'),
      'GET',
      '/api/appeals?mine=true&status=pending',
    );
    expect(mine.body.items.map((x) => [x.id, x.assignedTo])).toEqual([[f.body.id, 'leader_a']]);
    // another department sees nothing of it
    expect((await call<{ total: number }>(t.app, who('admin_b'), 'GET', '/api/appeals')).body.total).toBe(0);
    expect((await call(t.app, who('admin_b'), 'GET', `/api/appeals/${f.body.id}`)).status).toBe(404);
    const detail = await call<{ attachments: { id: string; sha256: string }[]; canDecide: boolean }>(
      t.app,
      who('leader_a'),
      'GET',
      `/api/appeals/${f.body.id}`,
    );
    expect(detail.body.canDecide).toBe(true);
    const att = detail.body.attachments[0];
    const dl = await t.app.inject({
      method: 'GET',
      url: `/api/appeals/${f.body.id}/attachments/${att?.id ?? ''}`,
      headers: who('leader_a').headers,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');

    // a department admin may not decide (role); a decision of the wrong kind names its field
    expect(
      (
        await call(t.app, who('admin_a'), 'POST', `/api/appeals/${f.body.id}/decision`, {
          decision: 'approved',
          reason: '整改到位',
          effectiveFrom: '2026-11-25',
        })
      ).status,
    ).toBe(403);
    const wrongKind = await call<{ error?: { details?: { issues?: { field: string }[] } } }>(
      t.app,
      who('leader_a'),
      'POST',
      `/api/appeals/${f.body.id}/decision`,
      { decision: 'upheld', reason: '维持' },
    );
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error?.details?.issues?.[0]?.field).toBe('decision');

    const score = async (asOf: string) => {
      await scoreTargets(t.database.db, { region: '500112', asOf, runId: null, at: t.now() });
      const [s] = await t.database.db
        .select({ indicators: targetRiskScores.indicators })
        .from(targetRiskScores)
        .where(eq(targetRiskScores.targetId, USCC_1));
      return (s?.indicators as Record<string, number[]> | undefined)?.['inspectionProblems']?.[0] ?? 0;
    };
    expect(await score('2026-11-30')).toBe(1);
    const ok = await call<{ status: string }>(
      t.app,
      who('leader_a'),
      'POST',
      `/api/appeals/${f.body.id}/decision`,
      {
        decision: 'approved',
        reason: '整改到位，准予信用修复',
        effectiveFrom: '2026-11-25',
      },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(await score('2026-11-24')).toBe(1);
    expect(await score('2026-11-30')).toBe(0);
    expect(await portalLine(w.visit)).toContain('已信用修复');
    // decided once only
    const again = await call(t.app, who('leader_a'), 'POST', `/api/appeals/${f.body.id}/decision`, {
      decision: 'rejected',
      reason: '重复',
    });
    expect(again.status).toBe(409);
    expect(await audited('appeal.filed')).toBe(1);
    expect(await audited('appeal.approved')).toBe(1);
  });

  it('takes one objection, shows 异议处理中, and a correction changes the published result', async () => {
    t.advance(60_000);
    const f = await file({ kind: 'objection', text: '检查当日我单位已取得许可证，结果记载有误，请予更正。' });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(await portalLine(w.visit)).toBe('异议处理中');
    const twice = await file({ kind: 'objection', text: '再次提出异议，请尽快处理我单位的异议。' });
    expect(twice.status).toBe(409);
    const done = await call<{ status: string; corrections: { before: string; after: string }[] }>(
      t.app,
      who('leader_a'),
      'POST',
      `/api/appeals/${f.body.id}/decision`,
      {
        decision: 'corrected',
        reason: '经核实许可证有效，更正为未发现问题',
        corrections: [{ itemId: ITEM_A, category: '未发现问题' }],
      },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.corrections).toEqual([
      expect.objectContaining({ before: '发现问题已责令改正', after: '未发现问题' }),
    ]);
    const [r] = await t.database.db
      .select({ category: inspectionResults.category })
      .from(inspectionResults)
      .where(eq(inspectionResults.itemId, ITEM_A));
    expect(r?.category).toBe('未发现问题');
    expect(await portalLine(w.visit)).toBe('异议已处理：结果已更正');
    const list = await call<{ items: { id: string; appeal: string | null }[] }>(
      t.app,
      null,
      'GET',
      `/api/public/results?q=${USCC_1}`,
    );
    expect(list.body.items.find((x) => x.id === w.visit)?.appeal).toBe('异议已处理：结果已更正');
    // the business's history stays with staff; auditors read it too
    const hist = await call<{ history: { kind: string; status: string }[] }>(
      t.app,
      who('auditor'),
      'GET',
      `/api/appeals/${f.body.id}`,
    );
    expect(hist.body.history.map((h) => `${h.kind}:${h.status}`).sort()).toEqual([
      'credit_repair:approved',
      'objection:corrected',
    ]);
    expect(await audited('appeal.corrected')).toBe(1);
  });

  it('closes the objection window after the configured working days, set per region', async () => {
    const put = await call(t.app, who('admin_a'), 'PUT', '/api/appeal-terms', {
      regionCode: '500112',
      config: { objectionWorkingDays: 1, decisionWorkingDays: 5 },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await call(t.app, who('leader_a'), 'GET', '/api/appeal-terms?region=500112')).body).toMatchObject(
      {
        source: '500112',
        config: { objectionWorkingDays: 1 },
      },
    );
    // a fresh result: drop the appeals so only the window decides
    await t.database.db.execute(sql`delete from appeal_attachments`);
    await t.database.db.execute(sql`delete from result_appeals`);
    t.advance(5 * 86_400_000);
    const c = await lookup();
    expect(c.body.objectionLastDay).toBe('2026-11-23');
    expect(c.body.may.objection).toMatchObject({ allowed: false });
    expect(c.body.may.objection.reasonZh).toContain('2026-11-23');
    const late = await file({ kind: 'objection', text: '逾期提出的异议也请受理，谢谢。' });
    expect(late.status).toBe(409);
    expect(await appealCount()).toBe(0);
  });
});
