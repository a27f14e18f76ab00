/**
 * A teammate confirms on the recording phone (issue 11 part 3), on both engines: with their own
 * password (no session replaced; wrong passwords count toward the lockout), or with a one-time
 * code a leader issued (single use, wrong tries limited); every confirmation audited with both names.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/db/sql';
import { ENGINES } from '../../src/db/test-databases';
import { Sessions, testApp, type TestApp } from '../support/app';
import { PASSWORD } from '../support/fixtures';
import { call, loadInspectionWorld, type InspectionWorld } from '../support/inspection-fixtures';

interface Confirmed {
  version: number;
  confirmations: { inspectorId: string; via?: string; device?: string; userId: string }[];
  error?: { code: string; message: string };
}

describe.each(ENGINES)('teammate confirmation on one phone (%s)', (engine) => {
  let t: TestApp;
  let w: InspectionWorld;
  const sessions = new Sessions();
  const who = sessions.who;
  beforeAll(async () => {
    t = await testApp(engine);
    w = await loadInspectionWorld(t.database);
    await sessions.login(t.app, ['insp_a', 'leader_a', 'admin_b']);
  });
  afterAll(async () => {
    await t.close();
  });
  const version = async (id: string) =>
    (await call<Confirmed>(t.app, who('insp_a'), 'GET', `/api/inspections/${id}`)).body.version;
  const audits = (action: string) =>
    queryRows(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE action = ${action} ORDER BY seq`,
      z.object({ after: z.record(z.string(), z.unknown()) }),
    );

  it('confirms with the teammate’s own password without touching the phone’s session', async () => {
    const url = `/api/inspections/${w.visit}/confirm-on-device`;
    const body = (password: string, username = 'insp_a2') => ({ method: 'password', username, password });
    const wrong = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.visit),
      ...body('not-the-password'),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('BAD_CREDENTIALS');
    // someone not on this team, and the phone's own account, are refused
    const stranger = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.visit),
      ...body(PASSWORD, 'insp_x'),
    });
    expect(stranger.status).toBe(403);
    const self = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.visit),
      ...body(PASSWORD, 'insp_a'),
    });
    expect(self.status).toBe(400);

    const ok = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.visit),
      ...body(PASSWORD),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.confirmations).toEqual([
      expect.objectContaining({ inspectorId: 'YB-002', via: 'password', device: 'insp_a' }),
    ]);
    // the phone still belongs to insp_a, and the failed try counted against insp_a2
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: who('insp_a').headers });
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain('"username":"insp_a"');
    expect((await audits('auth.login_failed')).map((a) => a.after['username'])).toContain('insp_a2');
    const [row] = await audits('inspection.confirmed_on_device');
    expect(row?.after).toMatchObject({
      inspectors: ['YB-002'],
      method: 'password',
      teammate: 'insp_a2',
      device: 'insp_a',
    });
  });

  it('confirms with a one-time code issued by a leader of the task: single use, limited tries, never audited in clear', async () => {
    const url = `/api/inspections/${w.joint}/confirm-on-device`;
    const codes = `/api/inspections/${w.joint}/confirmation-codes`;
    expect((await call(t.app, who('insp_a'), 'POST', codes, { inspectorId: 'MZ-001' })).status).toBe(403);
    expect((await call(t.app, who('admin_b'), 'POST', codes, { inspectorId: 'MZ-001' })).status).toBe(403);
    expect((await call(t.app, who('leader_a'), 'POST', codes, { inspectorId: 'EXP-IN1' })).status).toBe(403);
    const issued = await call<{ code: string; expiresAt: string; name: string }>(
      t.app,
      who('leader_a'),
      'POST',
      codes,
      { inspectorId: 'MZ-001' },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^\d{6}$/);
    expect(issued.body.name).toBe('陈民政');
    const wrongCode = issued.body.code === '000000' ? '111111' : '000000';
    const bad = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.joint),
      method: 'code',
      inspectorId: 'MZ-001',
      code: wrongCode,
    });
    expect(bad.status).toBe(400);
    const good = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.joint),
      method: 'code',
      inspectorId: 'MZ-001',
      code: issued.body.code,
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.confirmations).toEqual([
      expect.objectContaining({ inspectorId: 'MZ-001', via: 'code', device: 'insp_a', userId: '' }),
    ]);
    const again = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.joint),
      method: 'code',
      inspectorId: 'MZ-001',
      code: issued.body.code,
    });
    expect(again.status).toBe(400); // used
    const trail = JSON.stringify(await audits('inspection.confirmation_code_issued'));
    expect(trail).toContain('MZ-001');
    expect(trail).not.toContain(issued.body.code);

    // five wrong tries spend a code
    const next = await call<{ code: string }>(t.app, who('leader_a'), 'POST', codes, {
      inspectorId: 'MZ-001',
    });
    const miss = next.body.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await call(t.app, who('insp_a'), 'POST', url, {
        version: await version(w.joint),
        method: 'code',
        inspectorId: 'MZ-001',
        code: miss,
      });
      expect(r.status).toBe(400);
    }
    const late = await call<Confirmed>(t.app, who('insp_a'), 'POST', url, {
      version: await version(w.joint),
      method: 'code',
      inspectorId: 'MZ-001',
      code: next.body.code,
    });
    expect(late.status).toBe(400);
    expect(late.body.error?.message).toContain('错误次数过多');
  });
});
