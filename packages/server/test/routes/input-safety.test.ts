/**
 * No 500 on odd input, and every 500 is logged (issue 10 §3): NUL bytes and lone surrogates
 * are a 400 naming the field, Fastify's own errors use the one error shape, and a bug is
 * written to the log with the request id the reply carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ENGINES, freshDatabase } from '../../src/db/test-databases';
import { buildApp } from '../../src/app';
import { importJobViewSchema, waitForJob } from '../../src/contexts/library/import.service';
import { companyRow, csvBytes, TEMPLATE_HEADER } from '../imports/helpers';
import { caller, expectError, insertTarget, setBadge } from '../library/helpers';
import { multipartFile } from '../support/multipart';
import { loginAs, testApp, type LoggedIn, type TestApp } from '../support/app';
import { loadFixtures } from '../support/fixtures';

interface ErrorReply {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly messageEn: string;
    readonly details?: { readonly issues?: readonly { field: string }[]; readonly requestId?: string };
  };
}

function fieldsOf(body: ErrorReply): string[] {
  return (body.error.details?.issues ?? []).map((i) => i.field);
}

describe.each(ENGINES)('input safety on %s', (engine) => {
  let t: TestApp;
  let sys: LoggedIn;
  const call = caller(() => t);
  beforeAll(async () => {
    t = await testApp(engine);
    sys = await loginAs(t.app, 'sys');
    await insertTarget(t.database.db, '产品:批次-2026-001', '示例批次');
    await setBadge(t.database.db, 'insp_a', '50011220260002');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The reply must be a 400 VALIDATION naming `field`, in Chinese and English. */
  function expectFieldError(res: { statusCode: number; body: string }, field: string): void {
    expect(res.statusCode, res.body).toBe(400);
    const body = JSON.parse(res.body) as ErrorReply;
    expect(body.error.code).toBe('VALIDATION');
    expect(fieldsOf(body)).toContain(field);
    expect(body.error.message).toContain(field);
    expect(body.error.messageEn).toContain(field);
  }

  it('refuses a NUL byte in a public query string', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/results?q=%00' });
    expectFieldError(res, 'q');
    expect(res.body).toContain('NUL');
  });

  it('refuses a NUL byte and a lone surrogate in a login', async () => {
    for (const username of ['a\u0000', 'a\ud800', '\udc00b']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'x' },
      });
      expectFieldError(res, 'username');
    }
    // A well-formed pair (an emoji) is ordinary text: a wrong login, not a 400.
    const pair = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a😀', password: 'x' },
    });
    expect(pair.statusCode).toBe(401);
  });

  it('refuses a NUL byte in a recusal reason, naming the nested field', async () => {
    const r = await call('insp_a', 'POST', '/api/recusals', {
      inspectorId: '50011220260002',
      targetId: '产品:批次-2026-001',
      kind: 'kinship',
      reason: '配偶\u0000任负责人',
    });
    expectError(r, 400, 'VALIDATION');
    expect(r.text).toContain('reason');
  });

  it('refuses a NUL byte in a path parameter and in an object key', async () => {
    expectFieldError(
      await t.app.inject({ method: 'GET', url: '/api/targets/%00', headers: sys.headers }),
      'id',
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/holidays',
      headers: sys.headers,
      payload: { days: [{ day: '2027-10-01', kind: 'holiday', name: '国庆\u0000' }] },
    });
    expectFieldError(res, 'days.0.name');
  });

  it('answers PATCH /api/users/{id} with {} by a 400, not a 500', async () => {
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: sys.headers });
    const id = users
      .json<{ items: { id: string; username: string }[] }>()
      .items.find((u) => u.username === 'insp_a')?.id;
    expect(id).toBeDefined();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id ?? ''}`,
      headers: sys.headers,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorReply>().error.message).toContain('至少');
  });

  it('answers DELETE /api/holidays/0000-02-29 by a 400 naming the day', async () => {
    expectFieldError(
      await t.app.inject({ method: 'DELETE', url: '/api/holidays/0000-02-29', headers: sys.headers }),
      'day',
    );
  });

  it("puts Fastify's own errors in the one error shape", async () => {
    const cases = [
      { status: 400, code: 'VALIDATION', req: { method: 'GET' as const, url: '/api/targets/%' } },
      {
        status: 414,
        code: 'URI_TOO_LONG',
        req: { method: 'GET' as const, url: `/api/targets/${'x'.repeat(300)}` },
      },
      {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        req: {
          method: 'POST' as const,
          url: '/api/targets',
          headers: { ...sys.headers, 'content-type': 'text/xml' },
          payload: '<a/>',
        },
      },
      {
        status: 400,
        code: 'VALIDATION',
        req: {
          method: 'POST' as const,
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"username":',
        },
      },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ headers: sys.headers, ...c.req });
      expect(res.statusCode, res.body).toBe(c.status);
      const body = res.json<ErrorReply>();
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.messageEn.length).toBeGreaterThan(5);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refuses a NUL in an import cell by row and column, and stores an upload name without it', async () => {
    const admin = await loginAs(t.app, 'admin_a');
    const bad = companyRow(1).map((c, i) => (i === 2 ? `${c}\u0000x` : c));
    const m = multipartFile('名单\u0000.csv', csvBytes([TEMPLATE_HEADER, companyRow(2), bad]));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=targets',
      headers: { ...admin.headers, ...m.headers },
      payload: m.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const jobId = res.json<{ jobId: string }>().jobId;
    await waitForJob(t.database, jobId);
    const job = importJobViewSchema.parse(
      (
        await t.app.inject({ method: 'GET', url: `/api/imports/jobs/${jobId}`, headers: admin.headers })
      ).json(),
    );
    expect(job.fileName).toBe('名单\\0.csv');
    expect(job.status).toBe('rejected');
    expect(job.issues).toHaveLength(1);
    expect(job.issues[0]).toMatchObject({ row: 3, column: '名称' });
    expect(job.issues[0]?.messageZh).toContain('空字符');
  });

  it('documents nullable enums with null among their values', () => {
    const doc = t.app.swagger();
    expect(JSON.stringify(doc)).toContain('"enum":["computed","imported",null]');
    const missing: unknown[] = [];
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) {
        return;
      }
      if ('nullable' in node && node.nullable === true && 'enum' in node && Array.isArray(node.enum)) {
        if (!node.enum.includes(null)) {
          missing.push(node);
        }
      }
      Object.values(node).forEach(walk);
    };
    walk(doc);
    expect(missing).toEqual([]);
  });
});

describe('every 5xx is logged', () => {
  it('writes a structured line with the request id the reply carries, without SSJ_HTTP_LOG', async () => {
    const lines: string[] = [];
    const database = await freshDatabase('pglite');
    await loadFixtures(database);
    const app = await buildApp({
      database,
      config: loadConfig({ SSJ_LOGIN_RATE_PER_MINUTE: '1000' }),
      clock: () => new Date('2026-11-20T02:00:00.000Z'),
      webDist: null,
      logStream: { write: (line) => lines.push(line) },
    });
    await app.ready();
    try {
      const ok = await app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      expect(lines, 'no request log below error level by default').toEqual([]);
      // A bug: the database is gone under the running app.
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/api/public/overview' });
      expect(res.statusCode).toBe(500);
      const body = res.json<ErrorReply>();
      expect(body.error.code).toBe('INTERNAL');
      const id = res.headers['x-request-id'];
      expect(typeof id).toBe('string');
      expect(body.error.details?.requestId).toBe(id);
      expect(body.error.message).toContain(String(id));
      const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const line = logged.find((l) => l['reqId'] === id);
      expect(line, lines.join('\n')).toBeDefined();
      expect(line?.['level']).toBe(50);
      const loggedError = line?.['err'];
      expect(typeof loggedError === 'object' && loggedError !== null && 'stack' in loggedError).toBe(true);
      expect(String(line?.['url'])).toBe('/api/public/overview');
    } finally {
      await app.close();
    }
  });
});
