/**
 * Prometheus metrics at GET /metrics (issue 17 §5): requests and latencies by route pattern and
 * status, the database pools, replica lag, and what the contexts report (import jobs, draw
 * operations), plus Node's own process metrics, all prefixed `ssj_`.
 *
 * Who may read them: with SSJ_METRICS_TOKEN set, a caller sending `Authorization: Bearer <token>`;
 * without it, only this machine (127.0.0.1 or ::1, after the trusted proxy's X-Forwarded-For).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import { driverOf } from '../../../db/driver';
import type { ServiceDeps } from '../context';

/** A gauge a context fills at each scrape. */
export interface MetricSource {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  collect(deps: ServiceDeps): Promise<readonly { labels: Record<string, string>; value: number }[]>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) {
    return LOOPBACK.has(request.ip);
  }
  const given = Buffer.from(request.headers.authorization ?? '');
  const want = Buffer.from(`Bearer ${token}`);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** The pool's connections (PostgreSQL), or the single embedded connection (PGlite). */
function poolState(deps: ServiceDeps): Record<'total' | 'idle' | 'waiting', number> {
  const d = driverOf(deps.database.db);
  if ('pool' in d) {
    return { total: d.pool.totalCount, idle: d.pool.idleCount, waiting: d.pool.waitingCount };
  }
  return { total: 1, idle: 0, waiting: 0 };
}

let processRegistry: client.Registry | undefined;

/** Node's process metrics, collected once per process however many apps it builds (tests build hundreds). */
function processMetrics(): client.Registry {
  if (processRegistry === undefined) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry, prefix: 'ssj_' });
  }
  return processRegistry;
}

/** Register /metrics and the request hooks that feed it. */
export function registerMetrics(
  app: FastifyInstance,
  deps: ServiceDeps,
  sources: readonly MetricSource[],
): void {
  const registry = new client.Registry();
  const requests = new client.Counter({
    name: 'ssj_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'ssj_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new client.Gauge({
    name: 'ssj_db_pool_connections',
    help: 'Primary database connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      for (const [state, n] of Object.entries(poolState(deps))) {
        this.set({ state }, n);
      }
    },
  });
  new client.Gauge({
    name: 'ssj_replica_lag_seconds',
    help: 'Lag of the read replica chosen now (0 when reads go to the primary)',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      const f = deps.database.reads?.choose().freshness;
      this.set({ source: f?.source ?? 'primary' }, f?.lagSeconds ?? 0);
    },
  });
  for (const s of sources) {
    new client.Gauge({
      name: s.name,
      help: s.help,
      labelNames: [...s.labelNames],
      registers: [registry],
      async collect() {
        this.reset();
        for (const v of await s.collect(deps)) {
          this.set(v.labels, v.value);
        }
      },
    });
  }

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics') {
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    }
    done();
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request, deps.config.SSJ_METRICS_TOKEN)) {
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send('forbidden: /metrics is for this machine or a bearer token\n');
    }
    const both = client.Registry.merge([processMetrics(), registry]);
    return reply.type(registry.contentType).send(await both.metrics());
  });
}
