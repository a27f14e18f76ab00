/**
 * Issue 17 §5: Prometheus metrics at /metrics, for this machine or a bearer token only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './support/app';

const TOKEN = 'metrics-token-0123456789';
let local: TestApp;
let tokened: TestApp;

beforeAll(async () => {
  local = await testApp('postgres');
  tokened = await testApp('pglite', { SSJ_METRICS_TOKEN: TOKEN });
});
afterAll(async () => {
  await local.close();
  await tokened.close();
});

describe('/metrics (issue 17 §5)', () => {
  it('counts requests by route pattern and status, and reports the pool, jobs and draws', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await local.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    }
    await local.app.inject({ method: 'GET', url: '/api/public/items/00000000-0000-4000-8000-000000000000' });
    const res = await local.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('ssj_http_requests_total{method="GET",route="/api/health",status="200"} 3');
    // the pattern, not the id: one series however many ids are asked for
    expect(text).toContain('route="/api/public/items/:id",status="404"} 1');
    expect(text).toMatch(
      /ssj_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/health"\} \d/,
    );
    expect(text).toMatch(/ssj_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toContain('ssj_draw_operations_running{operation="run"} 0');
    expect(text).toContain('# TYPE ssj_import_jobs gauge');
    expect(text).toContain('ssj_replica_lag_seconds{source="primary"} 0');
    expect(text).toContain('ssj_process_cpu_seconds_total');
  });

  it('refuses callers from elsewhere without a token', async () => {
    const res = await local.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('ssj_');
  });

  it('with SSJ_METRICS_TOKEN, answers the bearer of the token only, wherever it calls from', async () => {
    const anon = await tokened.app.inject({ method: 'GET', url: '/metrics' });
    expect(anon.statusCode).toBe(403);
    const wrong = await tokened.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN.replace('0', '1')}` },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await tokened.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('ssj_db_pool_connections{state="total"} 1');
  });
});
