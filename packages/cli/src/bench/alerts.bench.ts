/**
 * Risk-alert intake bench (issue 16 part 1): the real server on 127.0.0.1 over a scratch
 * PostgreSQL database with N targets, and a partner that offers a steady rate of signed alerts
 * (HMAC-SHA256 made here with node's crypto, as a partner would) for a number of seconds, one in
 * 50 sent twice with the same Idempotency-Key. At the end every acknowledged alert must be stored
 * exactly once: "lost" counts acknowledged alerts missing from the table, and "stored twice"
 * counts repeats that made a second row. Latency percentiles are over acknowledged requests.
 */
import { createHmac } from 'node:crypto';
import process from 'node:process';
import { completeUscc } from '@openssj/core';
import { buildApp, loadConfig, migrate, openPostgres, queryOne, queryRows } from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { loadAverage, withDb } from './bench-db';

export interface AlertsBenchOptions {
  readonly databaseUrl: string;
  /** Alerts per second offered (default 200). */
  readonly rate?: number;
  /** Seconds of sustained load (default 60). */
  readonly seconds?: number;
  /** Targets in the library, matched by USCC (default 10 000). */
  readonly targets?: number;
  readonly log?: (line: string) => void;
}

const SOURCE = 'bench-kitchen';
const SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const TYPES = ['no_mask', 'no_hat', 'uncovered_bin', 'rodent'] as const;
/** One alert in this many is sent a second time with the same key (a partner's retry). */
const RETRY_EVERY = 50;

function uscc(i: number): string {
  return completeUscc(`91500112MA${String(i).padStart(7, '0')}`) ?? '';
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** Run the intake bench and print its figures. */
export async function benchAlerts(opts: AlertsBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const rate = opts.rate ?? 200;
  const seconds = opts.seconds ?? 60;
  const n = opts.targets ?? 10_000;
  const dbName = `ssj_bench_alerts_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const database = await openPostgres(withDb(opts.databaseUrl, dbName), { poolSize: 10 });
  const app = await buildApp({
    database,
    config: loadConfig({ SSJ_ANON_RATE_PER_MINUTE: '100000' }),
    clock: () => new Date(),
    webDist: null,
  });
  try {
    await migrate(database);
    const db = database.db;
    await db.execute(
      sql`INSERT INTO regions (code, name, full_name, level, parent_code) VALUES ('500000', '重庆市', '重庆市', 'province', NULL)`,
    );
    await db.execute(
      sql`INSERT INTO departments (code, name, short_name, region_code) VALUES ('500000-SCJG', '重庆市市场监督管理局', '市场监管', '500000')`,
    );
    const codes = Array.from({ length: n }, (_, i) => uscc(i + 1));
    for (let i = 0; i < n; i += 5000) {
      const chunk = codes.slice(i, i + 5000);
      await db.execute(sql`INSERT INTO targets (id, uscc, type, name, division_code)
        SELECT u, u, '企业', '餐饮店 ' || u, '500112' FROM unnest(${`{${chunk.join(',')}}`}::text[]) u`);
    }
    await db.execute(sql`INSERT INTO alert_sources (id, name, kind, department_code, secret)
      VALUES (${SOURCE}, '压测明厨亮灶', 'kitchen', '500000-SCJG', ${SECRET})`);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    log(
      `风险预警接收 bench / risk-alert intake — PostgreSQL, ${n.toLocaleString('en-US')} targets; ${rate} signed alerts/s offered for ${seconds} s, one in ${RETRY_EVERY} sent twice · load ${loadAverage()}`,
    );

    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const acked = new Set<string>();
    let sent = 0;
    let duplicatesAcked = 0;
    const send = async (key: string, body: string): Promise<void> => {
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
      const t0 = performance.now();
      sent += 1;
      try {
        const res = await fetch(`${base}/api/risk-alerts/intake`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-ssj-source': SOURCE,
            'x-ssj-timestamp': ts,
            'x-ssj-signature': sig,
            'idempotency-key': key,
          },
          body,
        });
        const reply = (await res.json()) as { duplicate?: boolean };
        statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
        if (res.status === 201) {
          latencies.push(performance.now() - t0);
          acked.add(key);
          duplicatesAcked += reply.duplicate === true ? 1 : 0;
        }
      } catch (e) {
        const k = e instanceof Error ? e.message : 'error';
        statuses.set(k, (statuses.get(k) ?? 0) + 1);
      }
    };

    const total = rate * seconds;
    const inflight = new Set<Promise<void>>();
    const started = performance.now();
    let next = 0;
    while (next < total) {
      // open loop: send what is due by now, whatever the replies are doing
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      for (; next < due; next++) {
        const key = `bench-${process.pid}-${next}`;
        const body = JSON.stringify({
          type: TYPES[next % TYPES.length],
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          uscc: codes[next % codes.length],
          location: '后厨',
        });
        const copies = next % RETRY_EVERY === 0 ? 2 : 1;
        for (let c = 0; c < copies; c++) {
          const p = send(key, body).finally(() => inflight.delete(p));
          inflight.add(p);
        }
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(inflight);
    const wall = (performance.now() - started) / 1000;
    const stored = await queryOne(
      db,
      sql`SELECT count(*)::int AS rows, count(DISTINCT idempotency_key)::int AS keys,
                 count(*) FILTER (WHERE target_id IS NOT NULL)::int AS matched FROM risk_alerts`,
      z.object({ rows: z.number(), keys: z.number(), matched: z.number() }),
    );
    const keys = await queryRows(
      db,
      sql`SELECT idempotency_key FROM risk_alerts`,
      z.object({ idempotency_key: z.string() }),
    );
    const inTable = new Set(keys.map((r) => r.idempotency_key));
    const lost = [...acked].filter((k) => !inTable.has(k)).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    const unique = total;
    log(
      `  offered ${unique.toLocaleString('en-US')} alerts (+${Math.ceil(total / RETRY_EVERY)} retries) in ${wall.toFixed(1)} s: ${(sent / wall).toFixed(0)} requests/s sent`,
    );
    log(`  replies: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(' ')}`);
    log(
      `  acknowledged ${acked.size.toLocaleString('en-US')} distinct alerts (${duplicatesAcked} retries answered as duplicates); stored ${stored?.rows ?? 0} rows, ${stored?.keys ?? 0} keys, ${stored?.matched ?? 0} matched to a target`,
    );
    log(
      `  latency (acknowledged): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
    );
    const twice = (stored?.rows ?? 0) - (stored?.keys ?? 0);
    const held = acked.size === unique && lost === 0 && twice === 0;
    log(
      `  lost ${lost}, stored twice ${twice}; goal ${rate}/s for ${seconds} s with 0 lost: ${held && unique / wall >= rate * 0.98 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await app.close();
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}
