// Issue 10 §2 and §4, each reproduction as a test: parallel logins against the lockout, the login
// check before any body is read, body limits, anonymous rate limits, security headers, the Secure
// cookie, and the forced password change of accounts whose password an administrator chose.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../src/db/sql';
import { loadConfig } from '../src/config';
import { ENGINES, freshDatabase } from '../src/db/test-databases';
import { buildApp } from '../src/app';
import { bootstrapSystemAdmin } from '../src/contexts/platform/bootstrap.service';
import { loginAs, testApp, type TestApp } from './support/app';
import { PASSWORD } from './support/fixtures';

const errorOf = (body: string): { code: string; details?: Record<string, unknown> | undefined } =>
  z
    .object({ error: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()).optional() }) })
    .parse(JSON.parse(body)).error;

describe.each(ENGINES)('security on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('14 parallel logins (13 wrong, then the right one) check at most 5 passwords and end locked', async () => {
    const attempts = [...Array.from({ length: 13 }, () => 'Wrong#pass2026'), PASSWORD];
    const replies = await Promise.all(
      attempts.map((password) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin_c', password },
        }),
      ),
    );
    const statuses = replies.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 401 || s === 423 || s === 200)).toBe(true);
    // the right password came after 13 wrong ones: it must not open a session
    expect(replies[13]?.statusCode, replies[13]?.body).toBe(423);
    // a checked password leaves an audit row (failed, locked or success); at most 5 were checked
    const checked = await queryOne(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log
          WHERE action IN ('auth.login_failed', 'auth.locked', 'auth.login')
            AND after->>'username' = 'admin_c'`,
      z.object({ n: z.number() }),
    );
    expect(checked?.n).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin_c', password: PASSWORD },
    });
    expect(after.statusCode).toBe(423);
    t.advance(16 * 60_000);
    await loginAs(t.app, 'admin_c');
  });

  it('an administrator-made account must change its password before anything else', async () => {
    const sys = await loginAs(t.app, 'sys');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: sys.headers,
      payload: {
        username: 'newbie',
        displayName: '新同事',
        departmentCode: '500112-SCJG',
        roles: ['inspector'],
        password: 'Initial#2026x',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const userId = z.object({ id: z.string() }).parse(created.json()).id;

    const s = await loginAs(t.app, 'newbie', 'Initial#2026x');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/org', headers: s.headers });
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked.body).details?.['reason']).toBe('PASSWORD_CHANGE_REQUIRED');
    // the same password again is not a change
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: 'Initial#2026x', newPassword: 'Initial#2026x' },
    });
    expect(same.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: 'Initial#2026x', newPassword: 'MyOwn#pass2026' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const s2 = await loginAs(t.app, 'newbie', 'MyOwn#pass2026');
    const me2 = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s2.headers });
    expect(me2.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/org', headers: s2.headers })).statusCode).toBe(
      200,
    );

    // a reset by the administrator forces a change again
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      headers: sys.headers,
      payload: { password: 'Reset#pass2026' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const s3 = await loginAs(t.app, 'newbie', 'Reset#pass2026');
    expect((await t.app.inject({ method: 'GET', url: '/api/org', headers: s3.headers })).statusCode).toBe(
      403,
    );
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s3.headers });
    expect(out.statusCode).toBe(200);
  });

  it('bootstraps the first system administrator only on a deployment without one', async () => {
    const input = {
      username: 'root',
      displayName: '管理员',
      regionCode: '500000',
      regionName: '重庆市',
      departmentCode: '500000-SCJG',
      departmentName: '重庆市市场监督管理局',
    };
    const refused = await bootstrapSystemAdmin(
      { database: t.database, config: loadConfig({}), clock: () => t.now() },
      input,
    );
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    const empty = await freshDatabase(engine);
    try {
      const deps = { database: empty, config: loadConfig({}), clock: () => t.now() };
      const made = await bootstrapSystemAdmin(deps, {
        ...input,
        regionCode: '510000',
        departmentCode: '510000-SCJG',
      });
      expect(made.ok).toBe(true);
      const password = made.ok ? made.value.oneTimePassword : '';
      const app = await buildApp({ ...deps, webDist: null });
      const s = await loginAs(app, 'root', password);
      const blocked = await app.inject({ method: 'GET', url: '/api/users', headers: s.headers });
      expect(errorOf(blocked.body).details?.['reason']).toBe('PASSWORD_CHANGE_REQUIRED');
      await app.close();
    } finally {
      await empty.close();
    }
  });

  it('checks the login before reading the body: anonymous callers get 401, never field errors', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/targets',
      payload: { uscc: 'x', name: 1 },
    });
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad.body).code).toBe('UNAUTHENTICATED');
    expect(bad.body).not.toContain('issues');
    // 45 MB, anonymous: refused before a byte is parsed
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: { 'content-type': 'application/json' },
      payload: `{"name":"${'x'.repeat(45 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(401);
  });

  it('limits JSON bodies to 1 MB, except where a route takes more (photos)', async () => {
    const s = await loginAs(t.app, 'admin_a');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: { ...s.headers, 'content-type': 'application/json' },
      payload: `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big.body).code).toBe('PAYLOAD_TOO_LARGE');
    const insp = await loginAs(t.app, 'insp_a');
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/photos',
      headers: { ...insp.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        id: '00000000-0000-4000-8000-000000000001',
        image: `data:image/jpeg;base64,${'A'.repeat(3 * 1024 * 1024)}`,
        takenAt: '2026-11-20T02:00:00Z',
        sha256: '0'.repeat(64),
      }),
    });
    // read, validated and refused for the unknown inspection: not "too large"
    expect(photo.statusCode, photo.body).toBe(404);
  });

  it('sends the security headers: CSP, frame and type options', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.json()).toMatchObject({ ok: true, demo: false });
  });

  it('sets a cookie without Secure over plain http, and ignores X-Forwarded-Proto from an untrusted peer', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { username: 'leader_a', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'ssj_sid')?.secure).toBeUndefined();
    }
  });
});

describe('security settings (pglite)', () => {
  const apps: TestApp[] = [];
  const open = async (env: Record<string, string>): Promise<TestApp> => {
    const a = await testApp('pglite', env);
    apps.push(a);
    return a;
  };
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  it('marks the cookie Secure behind a trusted TLS proxy, or when SSJ_PUBLIC_URL is https', async () => {
    const proxied = await open({ SSJ_TRUST_PROXY: 'true' });
    const viaTls = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'leader_a', password: PASSWORD },
    });
    expect(viaTls.cookies.find((c) => c.name === 'ssj_sid')?.secure).toBe(true);
    const plain = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader_a', password: PASSWORD },
    });
    expect(plain.cookies.find((c) => c.name === 'ssj_sid')?.secure).toBeUndefined();

    const pub = await open({ SSJ_PUBLIC_URL: 'https://ssj.example.gov.cn' });
    const res = await pub.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader_a', password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'ssj_sid')?.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('rate-limits anonymous API calls per IP, but not signed-in staff', async () => {
    const a = await open({ SSJ_ANON_RATE_PER_MINUTE: '5' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await a.app.inject({ method: 'GET', url: '/api/public/overview' })).statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const s = await loginAs(a.app, 'leader_a');
    for (let i = 0; i < 8; i++) {
      expect((await a.app.inject({ method: 'GET', url: '/api/org', headers: s.headers })).statusCode).toBe(
        200,
      );
    }
  });
});
