/**
 * Risk-alert intake (issue 16 part 1), on both engines: sources and their keys, the signed
 * intake (signature, replay window, idempotency, fields named in 400s), matching by USCC, the
 * triage queue scoped by department, the audit trail, and the riskAlerts indicator with its
 * time to live.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signAlert } from '../../src/contexts/risk';
import { scoreTargets } from '../../src/contexts/risk/risk-scoring.service';
import { targetRiskViewSchema } from '../../src/contexts/risk/risk.service';
import { verifyAuditChain } from '../../src/contexts/platform/audit/audit-verify';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { DEPT_A } from '../support/fixtures';
import { insertRiskTargets, riskUscc } from '../support/risk-fixtures';

const KNOWN = riskUscc(11);
const UNKNOWN = riskUscc(12);

interface Reply {
  id?: string;
  duplicate?: boolean;
  targetId?: string | null;
  expiresAt?: string;
  status?: string;
  active?: boolean;
  error?: { code: string; details?: { issues?: { field: string }[]; header?: string } };
}

describe.each(ENGINES)('risk-alert intake on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, LoggedIn> = {};
  let secret = '';
  const who = (u: string): LoggedIn => {
    const x = as[u];
    if (x === undefined) {
      throw new Error(u);
    }
    return x;
  };
  const send = async (
    u: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
  ) => {
    const r = await t.app.inject({
      method,
      url,
      headers: who(u).headers,
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: r.statusCode, body: r.json<Reply & Record<string, unknown>>() };
  };
  const nowSecs = () => String(Math.floor(t.now().getTime() / 1000));
  /** POST an alert as a partner would; `over` replaces any header or the signature. */
  const intake = async (body: unknown, key: string, over: Record<string, string | undefined> = {}) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = over['x-ssj-timestamp'] ?? nowSecs();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-ssj-source': 'mclz-a',
      'x-ssj-timestamp': ts,
      'x-ssj-signature': signAlert(secret, ts, raw),
      'idempotency-key': key,
    };
    for (const [k, v] of Object.entries(over)) {
      if (v === undefined) {
        delete headers[k];
      } else {
        headers[k] = v;
      }
    }
    const r = await t.app.inject({ method: 'POST', url: '/api/risk-alerts/intake', headers, payload: raw });
    return { status: r.statusCode, body: r.json<Reply>() };
  };
  const rodent = (uscc: string, at = '2026-11-20T01:30:00Z') => ({
    type: 'rodent',
    occurredAt: at,
    uscc,
    location: '后厨',
    detail: 'AI 识别到老鼠',
  });
  const stored = async () =>
    queryRows(
      t.database.db,
      sql`SELECT idempotency_key, target_id, status FROM risk_alerts ORDER BY idempotency_key`,
      z.object({ idempotency_key: z.string(), target_id: z.string().nullable(), status: z.string() }),
    );

  beforeAll(async () => {
    t = await testApp(engine);
    for (const u of ['sys', 'admin_a', 'leader_a', 'insp_a', 'auditor', 'admin_b']) {
      as[u] = await loginAs(t.app, u);
    }
    await insertRiskTargets(t.database, [{ id: KNOWN, industryCode: '6210' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a source in the admin’s own department only; the key is shown once', async () => {
    const body = { id: 'mclz-a', name: '长宁明厨亮灶', kind: 'kitchen', departmentCode: DEPT_A };
    expect((await send('admin_b', 'POST', '/api/alert-sources', body)).status).toBe(403);
    expect((await send('insp_a', 'POST', '/api/alert-sources', body)).status).toBe(403);
    const made = await send('admin_a', 'POST', '/api/alert-sources', body);
    expect(made.status).toBe(201);
    secret = String(made.body['secret']);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await send('admin_a', 'POST', '/api/alert-sources', body)).status).toBe(409);
    const bad = await send('admin_a', 'POST', '/api/alert-sources', { ...body, id: 'A B' });
    expect(bad.status).toBe(400);
    const summary = await send('admin_a', 'GET', '/api/risk-alerts/summary');
    expect(JSON.stringify(summary.body)).not.toContain(secret);
  });

  it('stores a signed alert once, matched to its target by USCC, and audits it', async () => {
    const first = await intake(rodent(KNOWN), 'cam-1/0001');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, targetId: KNOWN, status: 'new' });
    // rodents count for 90 days after they were seen
    expect(first.body.expiresAt).toBe('2027-02-18T01:30:00.000Z');
    const again = await intake(rodent(KNOWN), 'cam-1/0001');
    expect([again.status, again.body.duplicate, again.body.id]).toEqual([201, true, first.body.id]);
    const other = await intake(rodent(KNOWN, '2026-11-20T01:31:00Z'), 'cam-1/0001');
    expect([other.status, other.body.error?.code]).toEqual([409, 'CONFLICT']);
    const unmatched = await intake(rodent(UNKNOWN), 'cam-1/0002');
    expect([unmatched.status, unmatched.body.targetId]).toEqual([201, null]);
    expect(await stored()).toEqual([
      { idempotency_key: 'cam-1/0001', target_id: KNOWN, status: 'new' },
      { idempotency_key: 'cam-1/0002', target_id: null, status: 'new' },
    ]);
    const audited = await queryRows(
      t.database.db,
      sql`SELECT entity_id, department_code FROM audit_log WHERE action = 'risk_alert.received' ORDER BY seq`,
      z.object({ entity_id: z.string(), department_code: z.string() }),
    );
    expect(audited).toEqual([
      { entity_id: first.body.id, department_code: DEPT_A },
      { entity_id: unmatched.body.id, department_code: DEPT_A },
    ]);
  });

  it('refuses a wrong signature, a tampered body, an old timestamp and an unknown source (401)', async () => {
    const cases: [string, Record<string, string | undefined>][] = [
      ['signature', { 'x-ssj-signature': 'ab'.repeat(32) }],
      ['no signature', { 'x-ssj-signature': undefined }],
      ['old', { 'x-ssj-timestamp': String(Number(nowSecs()) - 301) }],
      ['future', { 'x-ssj-timestamp': String(Number(nowSecs()) + 301) }],
      ['source', { 'x-ssj-source': 'nobody' }],
    ];
    for (const [name, over] of cases) {
      const r = await intake(rodent(KNOWN), `bad-${name}`, over);
      expect([name, r.status, r.body.error?.code]).toEqual([name, 401, 'UNAUTHENTICATED']);
    }
    // signed over one body, sent with another
    const ts = nowSecs();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/risk-alerts/intake',
      headers: {
        'content-type': 'application/json',
        'x-ssj-source': 'mclz-a',
        'x-ssj-timestamp': ts,
        'x-ssj-signature': signAlert(secret, ts, JSON.stringify(rodent(KNOWN))),
        'idempotency-key': 'tampered',
      },
      payload: JSON.stringify(rodent(UNKNOWN)),
    });
    expect(r.statusCode).toBe(401);
    expect((await stored()).map((a) => a.idempotency_key)).toEqual(['cam-1/0001', 'cam-1/0002']);
  });

  it('names the field of a bad alert (400) and stores nothing', async () => {
    const fields = async (body: unknown, key = 'k-bad', over: Record<string, string | undefined> = {}) => {
      const r = await intake(body, key, over);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      return r.body.error?.details?.issues?.map((i) => i.field) ?? r.body.error?.code;
    };
    const wrongCheck = `${KNOWN.slice(0, 17)}${KNOWN.endsWith('0') ? '1' : '0'}`;
    expect(await fields({ ...rodent(KNOWN), uscc: wrongCheck })).toEqual(['uscc']);
    expect(await fields({ ...rodent(KNOWN), type: 'ebike_in_car' })).toEqual(['type']);
    expect(await fields({ type: 'rodent', occurredAt: '2026-11-20T01:00:00Z' })).toEqual(['uscc']);
    expect(await fields(rodent(KNOWN), 'k', { 'idempotency-key': undefined })).toEqual(['Idempotency-Key']);
    expect(await fields('{"type":')).toBeDefined();
    expect((await stored()).length).toBe(2);
  });

  it('takes a burst at once in one batch: repeats stored once, a reused key refused, the audit chain intact', async () => {
    const burst = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => intake(rodent(UNKNOWN), `burst-${i}`)),
      intake(rodent(UNKNOWN), 'burst-0'),
      intake(rodent(UNKNOWN, '2026-11-20T01:00:00Z'), 'burst-1'),
    ]);
    expect(burst.map((r) => r.status)).toEqual([...Array<number>(13).fill(201), 409]);
    expect(burst.filter((r) => r.body.duplicate === true)).toHaveLength(1);
    expect(burst[12]?.body.id).toBe(burst[0]?.body.id);
    expect((await stored()).filter((a) => a.idempotency_key.startsWith('burst-'))).toHaveLength(12);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    await t.database.db.execute(sql`DELETE FROM risk_alerts WHERE idempotency_key LIKE 'burst-%'`);
  });

  it('refuses alerts from a source that is switched off, and takes them again when on', async () => {
    expect((await send('admin_a', 'PUT', '/api/alert-sources/mclz-a/active', { active: false })).status).toBe(
      200,
    );
    expect((await intake(rodent(KNOWN), 'off-1')).status).toBe(401);
    expect((await send('admin_a', 'PUT', '/api/alert-sources/mclz-a/active', { active: true })).status).toBe(
      200,
    );
    expect((await intake(rodent(KNOWN), 'off-1')).status).toBe(201);
  });

  it('shows the queue to the source’s department and oversight, and counts per source and day', async () => {
    const mine = await send('admin_a', 'GET', '/api/risk-alerts?status=new');
    expect(mine.body['total']).toBe(3);
    expect((await send('auditor', 'GET', '/api/risk-alerts')).body['total']).toBe(3);
    expect((await send('admin_b', 'GET', '/api/risk-alerts')).body['total']).toBe(0);
    expect((await send('insp_a', 'GET', '/api/risk-alerts')).status).toBe(403);
    const s = await send('leader_a', 'GET', '/api/risk-alerts/summary?days=7');
    const sources = s.body['sources'] as { id: string; counts: { new: number } }[];
    expect(sources.map((x) => [x.id, x.counts.new])).toEqual([['mclz-a', 3]]);
    expect(s.body['daily']).toEqual([{ day: '2026-11-20', sourceId: 'mclz-a', count: 3 }]);
    expect((s.body['days'] as string[]).at(-1)).toBe('2026-11-20');
  });

  it('triages once, with a reason to dismiss, audited; another department cannot', async () => {
    const items = (await send('admin_a', 'GET', '/api/risk-alerts?status=new')).body['items'] as {
      id: string;
      targetId: string | null;
    }[];
    const [a, b] = items.filter((i) => i.targetId === KNOWN);
    if (a === undefined || b === undefined) {
      throw new Error('two alerts expected');
    }
    expect(
      (await send('admin_b', 'POST', `/api/risk-alerts/${a.id}/triage`, { action: 'verify' })).status,
    ).toBe(404);
    const noReason = await send('leader_a', 'POST', `/api/risk-alerts/${a.id}/triage`, { action: 'dismiss' });
    expect(noReason.body.error?.details?.issues?.map((i) => i.field)).toEqual(['reason']);
    const ok = await send('leader_a', 'POST', `/api/risk-alerts/${a.id}/triage`, {
      action: 'dismiss',
      reason: '误报',
    });
    expect([ok.status, ok.body.status, ok.body.active]).toEqual([200, 'dismissed', false]);
    const twice = await send('leader_a', 'POST', `/api/risk-alerts/${a.id}/triage`, { action: 'verify' });
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'INVALID_STATE']);
    expect(
      (await send('admin_a', 'POST', `/api/risk-alerts/${b.id}/triage`, { action: 'verify' })).body.status,
    ).toBe('verified');
    const audited = await queryRows(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'risk_alert' AND action <> 'risk_alert.received' ORDER BY seq`,
      z.object({ action: z.string() }),
    );
    expect(audited.map((r) => r.action)).toEqual(['risk_alert.dismissed', 'risk_alert.verified']);
  });

  it('scores alerts in force as the riskAlerts indicator and shows them on the target until they expire', async () => {
    const score = async (asOf: string) => {
      await scoreTargets(t.database.db, { region: 'all', asOf, runId: null, at: t.now() });
      const v = targetRiskViewSchema.parse((await send('admin_a', 'GET', `/api/risk/targets/${KNOWN}`)).body);
      return { part: v.computed?.contributions.find((c) => c.indicator === 'riskAlerts'), alerts: v.alerts };
    };
    const mask = { type: 'no_mask', occurredAt: '2026-11-19T10:00:00Z', uscc: KNOWN };
    expect((await intake(mask, 'cam-1/0003')).body.expiresAt).toBe('2026-12-19T10:00:00.000Z');
    // KNOWN now has a dismissed rodent alert, a verified one and a new no-mask one: 2 in force × 5 points
    const now = await score('2026-11-20');
    expect(now.part).toMatchObject({ value: 2, units: 2, points: '10.00', detailZh: '2 条' });
    expect(now.alerts.map((a) => a.status).sort()).toEqual(['new', 'verified']);
    // the target library shows the same count as a 风险预警 prompt
    const listed = async () =>
      z
        .object({ items: z.array(z.object({ id: z.string(), alertsInForce: z.number() })) })
        .parse((await send('admin_a', 'GET', `/api/targets?q=${KNOWN}`)).body)
        .items.find((x) => x.id === KNOWN)?.alertsInForce;
    expect(await listed()).toBe(2);
    const later = await score('2027-02-19');
    expect(later.part).toMatchObject({ units: 0, points: '0.00' });
    t.advance(91 * 86_400_000);
    as['admin_a'] = await loginAs(t.app, 'admin_a'); // the old session has expired
    expect((await score('2027-02-19')).alerts).toEqual([]);
    expect(await listed()).toBe(0);
  });
});
