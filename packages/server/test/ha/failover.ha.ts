/**
 * Issue 17 §2, `npm run test:ha` (a minute; not in `npm test`): a pg_auto_failover formation on
 * loopback, the server's database layer connected through the multi-host URL with
 * target_session_attrs=read-write, a stream of writes, and the primary killed in the middle of it.
 * Every acknowledged write must be on the promoted standby (synchronous replication), and the API
 * must answer 200 or 503 throughout, never 500.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openPostgres } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { queryRows } from '../../src/db/sql';
import { hasPgAutoctl, makeFormation } from '../support/pg-auto-failover';

const log = (line: string): void => {
  process.stdout.write(`[ha] ${line}\n`);
};

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('automatic failover with pg_auto_failover (issue 17 §2)', () => {
  it('loses no acknowledged write when the primary dies during a stream of writes', async () => {
    expect(
      hasPgAutoctl,
      'install postgresql-15-auto-failover (apt-get install -y postgresql-15-auto-failover)',
    ).toBe(true);
    const t0 = performance.now();
    const f = await makeFormation(log);
    log(`formation ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${f.uri}`);
    try {
      const database = await openPostgres(f.uri, { poolSize: 4, log });
      await migrate(database);
      await database.db.execute(
        sql`CREATE TABLE ha_writes (n int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
      );
      const app = await buildApp({
        database,
        config: loadConfig({ SSJ_ANON_RATE_PER_MINUTE: '100000' }),
        clock: () => new Date(),
        webDist: null,
        logger: false,
      });
      await app.ready();

      const acked: number[] = [];
      const statuses = new Map<number, number>();
      let errors = 0;
      let next = 0;
      let crashAt = 0;
      let firstFailure = 0;
      let firstAckAfterCrash = 0;
      let stop = false;
      const writer = async (): Promise<void> => {
        while (!stop) {
          const n = ++next;
          try {
            await database.db.execute(sql`INSERT INTO ha_writes (n) VALUES (${n})`);
            acked.push(n);
            if (firstFailure > 0 && firstAckAfterCrash === 0) {
              firstAckAfterCrash = performance.now(); // the first write acknowledged by the new primary
            }
          } catch {
            if (crashAt > 0 && firstFailure === 0) {
              firstFailure = performance.now();
            }
            errors++;
            await sleep(100);
          }
        }
      };
      const prober = async (): Promise<void> => {
        while (!stop) {
          const res = await app.inject({ method: 'GET', url: '/api/health' });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          await sleep(50);
        }
      };
      const running = [writer(), writer(), prober()];
      while (acked.length < 200) {
        await sleep(20);
      }
      const before = acked.length;
      crashAt = performance.now();
      f.crash('node_1');
      log(`primary node_1 killed after ${before} acknowledged writes`);
      const deadline = Date.now() + 120_000;
      while ((firstAckAfterCrash === 0 || acked.length < before + 200) && Date.now() < deadline) {
        await sleep(50);
      }
      stop = true;
      await Promise.all(running);
      const recoverySeconds = firstAckAfterCrash === 0 ? null : (firstAckAfterCrash - crashAt) / 1000;
      expect(recoverySeconds, 'writes never resumed after the failover').not.toBeNull();

      const rows = await queryRows(database.db, sql`SELECT n FROM ha_writes`, z.object({ n: z.number() }));
      const present = new Set(rows.map((r) => r.n));
      const lost = acked.filter((n) => !present.has(n));
      const state = f.state();
      log(
        `writes failing ${((firstFailure - crashAt) / 1000).toFixed(1)} s after the kill, recovered ${recoverySeconds?.toFixed(1)} s after it; acknowledged ${acked.length}, failed attempts ${errors}, ` +
          `acknowledged but lost ${lost.length}; /api/health answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
          `state ${state.map((n) => `${n.nodename}=${n.current_group_state}`).join(' ')}`,
      );
      expect(lost).toEqual([]);
      expect(acked.length).toBeGreaterThanOrEqual(before + 200);
      expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(state.find((n) => n.nodename === 'node_2')?.current_group_state).toMatch(/primary/);
      await app.close();
      await database.close();
    } finally {
      f.destroy();
    }
  });
});
