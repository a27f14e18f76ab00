// API error handling: parsing the server's `{ error: {...} }`, the login messages, and the CSRF/401 middleware.
import { afterEach, describe, expect, it } from 'vitest';
import { api, isSessionExpiry, needsCsrf, setCsrfToken } from '../src/api/client';
import {
  ApiError,
  HTTP_ERROR,
  NETWORK_ERROR,
  apiErrorFromResponse,
  lockedUntil,
  unwrap,
} from '../src/api/errors';
import { loginErrorMessage } from '../src/api/login-errors';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const errorBody = (code: string, details?: unknown) => ({
  error: {
    code,
    message: `中文消息 ${code}`,
    messageEn: `English message ${code}`,
    ...(details === undefined ? {} : { details }),
  },
});

describe('apiErrorFromResponse', () => {
  it('keeps code, both messages and details of a server error', () => {
    const err = apiErrorFromResponse(
      new Response(null, { status: 423 }),
      errorBody('LOCKED', { lockedUntil: '2026-05-01T08:30:00Z' }),
    );
    expect(err.status).toBe(423);
    expect(err.code).toBe('LOCKED');
    expect(err.messageIn('zh-CN')).toBe('中文消息 LOCKED');
    expect(err.messageIn('en')).toBe('English message LOCKED');
    expect(lockedUntil(err)).toBe('2026-05-01T08:30:00Z');
  });

  it('turns a non-JSON reply (a proxy page) into a generic HTTP error in both languages', () => {
    const err = apiErrorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502 }),
      '<html>Bad gateway</html>',
    );
    expect(err.code).toBe(HTTP_ERROR);
    expect(err.messageIn('zh-CN')).toContain('502');
    expect(err.messageIn('en')).toContain('502');
  });

  it('reads Retry-After seconds', () => {
    const err = apiErrorFromResponse(
      new Response(null, { status: 429, headers: { 'retry-after': '30' } }),
      errorBody('RATE_LIMITED'),
    );
    expect(err.retryAfterSeconds).toBe(30);
  });
});

describe('loginErrorMessage', () => {
  const make = (status: number, code: string, details?: unknown, retryAfterSeconds?: number) =>
    new ApiError({
      status,
      code,
      messageZh: '服务器消息',
      messageEn: 'server message',
      details,
      retryAfterSeconds: retryAfterSeconds ?? null,
    });

  it('says clearly what went wrong, in the chosen language', () => {
    expect(loginErrorMessage(make(401, 'BAD_CREDENTIALS'), 'zh-CN')).toBe('用户名或密码错误。');
    expect(loginErrorMessage(make(401, 'BAD_CREDENTIALS'), 'en')).toBe('Wrong username or password.');
    expect(loginErrorMessage(make(429, 'RATE_LIMITED', undefined, 42), 'zh-CN')).toBe(
      '登录尝试过于频繁，请 42 秒后再试。',
    );
    expect(loginErrorMessage(make(429, 'RATE_LIMITED'), 'en')).toBe(
      'Too many login attempts. Try again later.',
    );
    expect(loginErrorMessage(make(400, 'VALIDATION'), 'en')).toBe('server message');
    expect(loginErrorMessage(new TypeError('Failed to fetch'), 'zh-CN')).toContain('网络');
  });

  it('gives the local time a locked account opens again', () => {
    // a local wall-clock time, so the test holds in any time zone
    const until = new Date(2026, 4, 1, 8, 30).toISOString();
    expect(loginErrorMessage(make(423, 'LOCKED', { lockedUntil: until }), 'zh-CN')).toBe(
      '连续登录失败次数过多，账号已锁定，请于 2026-05-01 08:30 后再试。',
    );
    expect(loginErrorMessage(make(423, 'LOCKED', { lockedUntil: 'soon' }), 'zh-CN')).toContain('稍后再试');
    expect(loginErrorMessage(make(423, 'LOCKED'), 'en')).toContain('Try again later');
  });
});

describe('client middleware', () => {
  afterEach(() => setCsrfToken(null));

  it('sends the CSRF token on writes only', async () => {
    const seen: Request[] = [];
    const fetch = (input: Request) => {
      seen.push(input);
      return Promise.resolve(jsonResponse(200, { ok: true }));
    };
    setCsrfToken('tok-1');
    await api.POST('/api/auth/logout', { baseUrl: 'http://localhost', fetch });
    await api.GET('/api/auth/me', { baseUrl: 'http://localhost', fetch });
    expect(seen.map((r) => [r.method, r.headers.get('x-csrf-token'), r.credentials])).toEqual([
      ['POST', 'tok-1', 'include'],
      ['GET', null, 'include'],
    ]);
    expect(needsCsrf('delete')).toBe(true);
    expect(needsCsrf('HEAD')).toBe(false);
  });

  it('treats a 401 as an expired session except on the auth endpoints', () => {
    expect(isSessionExpiry(401, '/api/plans/{id}')).toBe(true);
    expect(isSessionExpiry(403, '/api/plans/{id}')).toBe(false);
    expect(isSessionExpiry(401, '/api/auth/me')).toBe(false);
    expect(isSessionExpiry(401, '/api/auth/login')).toBe(false);
    // a wrong current password on the change-password page is an answer, not a lost session
    expect(isSessionExpiry(401, '/api/auth/password')).toBe(false);
  });

  it('unwraps data, and throws ApiError for error replies and network failures', async () => {
    const ok = await unwrap(
      api.GET('/api/auth/me', {
        baseUrl: 'http://localhost',
        fetch: () => Promise.resolve(jsonResponse(200, { user: null, csrfToken: 't' })),
      }),
    );
    expect(ok.csrfToken).toBe('t');
    await expect(
      unwrap(
        api.POST('/api/auth/login', {
          baseUrl: 'http://localhost',
          body: { username: 'a', password: 'b' },
          fetch: () => Promise.resolve(jsonResponse(401, errorBody('BAD_CREDENTIALS'))),
        }),
      ),
    ).rejects.toMatchObject({ status: 401, code: 'BAD_CREDENTIALS' });
    await expect(
      unwrap(
        api.GET('/api/auth/me', {
          baseUrl: 'http://localhost',
          fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        }),
      ),
    ).rejects.toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });
});
