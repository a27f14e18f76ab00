/**
 * Recording a visit (issue 5), on both engines: who may open it, draft saves with version
 * conflicts, per-department items on a joint visit, the submission checks, idempotent submit.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import {
  call,
  ITEM_A,
  ITEM_C,
  loadInspectionWorld,
  recordCompleteVisit,
  TINY_PNG,
  TINY_PNG_SHA256,
  type InspectionWorld,
  recordJointItem,
} from '../support/inspection-fixtures';

describe.each(ENGINES)('inspections on %s', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  const sessions = new Sessions();
  const who = sessions.who;
  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await sessions.login(t.app, ['insp_a', 'insp_a2', 'insp_c', 'insp_x', 'admin_a', 'admin_b', 'leader_a']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists an inspector’s visits with address, map link, task and items', async () => {
    const r = await call<{
      items: {
        id: string;
        today: boolean;
        mapUrl: string | null;
        items: string[];
        task: { title: string };
      }[];
    }>(t.app, who('insp_a'), 'GET', '/api/inspections/mine');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => i.id).sort()).toEqual([w.visit, w.joint].sort());
    const first = r.body.items.find((i) => i.id === w.visit);
    expect(first?.today).toBe(true); // the test clock is 2026-11-20 and the visit is planned for that day
    expect(first?.mapUrl).toMatch(/^https:\/\/uri\.amap\.com\/search\?keyword=/);
    expect(first?.items).toEqual(['民办机构登记检查', '营业执照检查']);
    expect(first?.task.title).toBe('营业执照与登记联合抽查');
  });

  it('refuses a visit to an inspector who is not on its team (403), and to another department (403); 404 for unknown', async () => {
    expect((await call(t.app, who('insp_x'), 'GET', `/api/inspections/${w.visit}`)).status).toBe(403);
    expect((await call(t.app, who('admin_b'), 'GET', `/api/inspections/${w.visit}`)).status).toBe(403);
    expect((await call(t.app, who('admin_a'), 'GET', `/api/inspections/${w.visit}`)).status).toBe(200);
    expect(
      (await call(t.app, who('insp_a'), 'GET', '/api/inspections/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);
    const v = await call(t.app, who('insp_x'), 'GET', `/api/inspections/${w.other}`);
    expect(v.status).toBe(200);
    // insp_a cannot record a visit it is not assigned to (inspect an unassigned target)
    const save = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.other}/draft`, {
      version: v.body.version,
      results: [],
    });
    expect(save.status).toBe(403);
    expect(save.body.error?.code).toBe('FORBIDDEN');
  });

  it('rejects a stale save with 409 and the server copy; never overwrites', async () => {
    const v = await call(
      t.app,
      who('insp_a'),
      'GET',
      `/api/inspections/${w.other}`.replace(w.other, w.visit),
    );
    const v1 = v.body.version;
    const a = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: v1,
      results: [{ itemId: ITEM_A, category: '未发现问题', answers: { licensed: true } }],
    });
    expect(a.status).toBe(200);
    expect(a.body.version).toBe(v1 + 1);
    expect(a.body.status).toBe('in_progress');
    // a second phone still holds v1 and saves something else
    const b = await call(t.app, who('insp_a2'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: v1,
      results: [{ itemId: ITEM_A, category: '其他', categoryNote: '另有情况', answers: {} }],
    });
    expect(b.status).toBe(409);
    expect(b.body.error?.code).toBe('CONFLICT');
    expect(b.body.error?.details?.server?.version).toBe(v1 + 1);
    expect(b.body.error?.details?.server?.results?.[0]?.category).toBe('未发现问题');
    // the same save retried after a lost reply is not a conflict
    const again = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: v1,
      results: [{ itemId: ITEM_A, category: '未发现问题', answers: { licensed: true } }],
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(v1 + 1);
  });

  it('rejects answers of the wrong type, items of another department and unknown items', async () => {
    const v = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.joint}`);
    const bad = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: null, answers: { licensed: 'yes' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.issues?.[0]?.field).toBe(`${ITEM_A}.licensed`);
    const other = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_C, category: '未发现问题', answers: {} }],
    });
    expect(other.status).toBe(403);
    const badCategory = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: '没问题', answers: {} }],
    });
    expect(badCategory.status).toBe(400);
  });

  it('joint visit: each department records its own items; the 联合总表 shows both', async () => {
    let v = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.joint}`);
    v = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: '发现问题待后续处理', answers: { licensed: false } }],
    });
    expect(v.status).toBe(200);
    v = await call(t.app, who('insp_c'), 'PUT', `/api/inspections/${w.joint}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_C, category: '未发现问题', answers: { registered: true } }],
    });
    expect(v.status).toBe(200);
    expect(v.body.jointSummary?.map((j) => j.recorded)).toEqual([1, 1]);
  });

  it('cannot submit an incomplete record: categories, 其他 text, photos, confirmations, signature', async () => {
    let v = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.visit}`);
    v = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: v.body.version,
      results: [{ itemId: ITEM_A, category: '其他', categoryNote: '', answers: {} }],
    });
    expect(v.status).toBe(200);
    const sub = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/submit`, {
      version: v.body.version,
    });
    expect(sub.status).toBe(400);
    const fields = (sub.body.error?.details?.issues ?? []).map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        `${ITEM_A}.categoryNote`,
        `${ITEM_A}.licensed`,
        `${ITEM_A}.scene`,
        `${ITEM_C}.category`,
        'confirmations',
        'businessSignature',
      ]),
    );
  });

  it('needs every law-enforcement inspector’s own confirmation (experts excluded); a change clears them', async () => {
    const version = await recordCompleteVisit(t.app, who('insp_a'), who('insp_a2'), w.visit);
    let v = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.visit}`);
    expect(v.body.confirmations?.map((c) => c.inspectorId).sort()).toEqual(['YB-001', 'YB-002']);
    // the joint item is still missing → submit fails only on it
    const sub = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/submit`, { version });
    expect(sub.status).toBe(400);
    expect((sub.body.error?.details?.issues ?? []).map((i) => i.field)).toEqual([`${ITEM_C}.category`]);
    v = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version,
      results: [{ itemId: ITEM_A, category: '发现问题已责令改正', answers: { licensed: true } }],
    });
    expect(v.body.confirmations).toEqual([]);
  });

  it('photos: a retried upload is a no-op; another department’s item is refused', async () => {
    const id = crypto.randomUUID();
    const body = {
      id,
      itemId: ITEM_A,
      fieldKey: 'scene',
      image: TINY_PNG,
      sha256: TINY_PNG_SHA256,
      takenAt: '2026-11-20T03:00:00.000Z',
      lat: null,
      lng: null,
    };
    const a = await call<{ created: boolean }>(
      t.app,
      who('insp_a'),
      'POST',
      `/api/inspections/${w.visit}/photos`,
      body,
    );
    const b = await call<{ created: boolean }>(
      t.app,
      who('insp_a'),
      'POST',
      `/api/inspections/${w.visit}/photos`,
      body,
    );
    expect([a.status, a.body.created, b.status, b.body.created]).toEqual([201, true, 201, false]);
    const img = await t.app.inject({
      method: 'GET',
      url: `/api/inspections/${w.visit}/photos/${id}`,
      headers: who('leader_a').headers,
    });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    const c = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/photos`, {
      ...body,
      id: crypto.randomUUID(),
      itemId: ITEM_C,
    });
    expect(c.status).toBe(403);
    expect((await call(t.app, null, 'GET', `/api/inspections/${w.visit}/photos/${id}`)).status).toBe(401);
  });

  it('submits once; a double submit changes nothing twice and writes one audit row', async () => {
    const ins = await call(t.app, who('insp_a'), 'GET', `/api/inspections/${w.visit}`);
    let v = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: ins.body.version,
      results: [{ itemId: ITEM_A, category: '未发现问题', answers: { licensed: true } }],
    });
    // the DEPT_C item of a DEPT_A-only team: a DEPT_A inspector cannot record it, so the lead department's visit keeps it open
    expect(v.status).toBe(200);
    // the DEPT_C item of this DEPT_A-only team is recorded as a joint team would
    await recordJointItem(t.database, w.visit, t.now());
    v = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/confirm`, {
      version: v.body.version,
    });
    v = await call(t.app, who('insp_a2'), 'POST', `/api/inspections/${w.visit}/confirm`, {
      version: v.body.version,
    });
    expect(v.status).toBe(200);
    const version = v.body.version;
    const first = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/submit`, { version });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.status).toBe('submitted');
    const second = await call(t.app, who('insp_a'), 'POST', `/api/inspections/${w.visit}/submit`, {
      version,
    });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(first.body.version);
    const audits = await queryRows(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'inspection.submitted' and entity_id = ${w.visit}`,
      z.object({ n: z.number() }),
    );
    expect(audits).toEqual([{ n: 1 }]);
    // no more edits once submitted
    const late = await call(t.app, who('insp_a'), 'PUT', `/api/inspections/${w.visit}/draft`, {
      version: first.body.version,
      results: [],
    });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('INVALID_STATE');
  });
});
