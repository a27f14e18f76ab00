import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import { loginAs, testApp, type TestApp } from './support/app';
import { PASSWORD } from './support/fixtures';

describe.each(ENGINES)('auth on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with an HttpOnly SameSite=Strict cookie and returns the user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin_a', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'ssj_sid');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Strict');
    const body = res.json<{ user: { roles: string[]; department: { code: string; name: string } } }>();
    expect(body.user.roles).toEqual(['dept_admin']);
    expect(body.user.department).toMatchObject({ code: '500112-SCJG', name: '渝北区市场监督管理局' });
  });

  it('rejects a wrong password with a clear 401 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader_a', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'BAD_CREDENTIALS',
        message: '用户名或密码错误',
        messageEn: 'wrong username or password',
      },
    });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('BAD_CREDENTIALS');
  });

  it('locks an account after 5 failures for 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin_c', password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin_c', password: 'wrong' },
    });
    expect(fifth.statusCode).toBe(423);
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin_c', password: PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(
      locked.json<{ error: { code: string; details: { lockedUntil: string } } }>().error.details.lockedUntil,
    ).toBe(new Date(t.now().getTime() + 15 * 60_000).toISOString());
    t.advance(15 * 60_000 + 1000);
    await loginAs(t.app, 'admin_c');
  });

  it('requires a session, and ends it after 30 idle minutes', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
    const s = await loginAs(t.app, 'sys');
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: s.headers })).statusCode).toBe(
      200,
    );
    t.advance(31 * 60_000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/users', headers: s.headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ error: { code: string } }>().error.code).toBe('SESSION_EXPIRED');
  });

  it('refuses a state change without the CSRF token', async () => {
    const s = await loginAs(t.app, 'sys');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/holidays',
      headers: { cookie: s.cookie },
      payload: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CSRF');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/holidays',
      headers: s.headers,
      payload: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION');
    expect(res.body).not.toContain('at ');
  });

  it('answers a missing field with the field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('password');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
  });

  it('enforces the password policy on a password change, and logs out after a change', async () => {
    const s = await loginAs(t.app, 'insp_a');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ error: { code: string } }>().error.code).toBe('PASSWORD_POLICY');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'New#Passw0rd!' },
    });
    expect(good.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
    await loginAs(t.app, 'insp_a', 'New#Passw0rd!');
  });

  it('rate-limits logins per IP', async () => {
    const limited = await testApp(engine, { SSJ_LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ghost', password: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
