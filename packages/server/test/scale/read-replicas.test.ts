/**
 * Issue 17 §1: a primary and a streaming replica (pg_basebackup -R) on loopback, made by the
 * test. Replica-read routes answer from the replica and never write; a write on the primary
 * shows on the replica; a replica past the lag bound, or stopped, sends reads back to the primary
 * without an error.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openPostgres, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { loadFixtures } from '../support/fixtures';
import { loginAs, type LoggedIn } from '../support/app';
import { makePrimary, type Cluster, type ClusterSet } from '../support/pg-clusters';

let set: ClusterSet;
let replica: Cluster;
let database: Database;
let app: App;
let leader: LoggedIn;

/** Check the replicas until `pred` holds of the read choice (a replica replays within ms). */
async function until(pred: (source: string, lag: number) => boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await database.reads?.check();
    const f = database.reads?.choose().freshness;
    if (f !== undefined && pred(f.source, f.lagSeconds)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the replica never reached the expected state');
}

async function departments(): Promise<{ source: string; codes: string[]; status: number }> {
  const res = await app.inject({ method: 'GET', url: '/api/public/departments' });
  const body = res.json<{ items?: { code: string }[] }>();
  return {
    status: res.statusCode,
    source: String(res.headers['x-ssj-data-source'] ?? ''),
    codes: (body.items ?? []).map((d) => d.code),
  };
}

function addDepartment(code: string): void {
  set.primary.psql(
    `INSERT INTO departments (code, name, short_name, region_code) VALUES ('${code}', '测试局', '测试', '500112')`,
  );
}

beforeAll(async () => {
  set = await makePrimary();
  database = await openPostgres(set.primary.url(), {
    readUrls: [],
    poolSize: 4,
  });
  await migrate(database);
  await loadFixtures(database);
  await database.close();
  replica = await set.addReplica();
  database = await openPostgres(set.primary.url(), {
    readUrls: [replica.url()],
    maxLagSeconds: 1,
    checkEveryMs: 0,
  });
  app = await buildApp({
    database,
    config: loadConfig({ SSJ_ANON_RATE_PER_MINUTE: '100000' }),
    clock: () => new Date(),
    webDist: null,
  });
  await app.ready();
  leader = await loginAs(app, 'leader_a');
  await until((source) => source === 'replica');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  set?.destroy();
});

describe('read replicas (issue 17 §1)', () => {
  it('serves every replica-read route from the replica, and none of them writes', async () => {
    const routes = app.ssjRoutes.filter((r) => r.readsFrom === 'replica');
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/api/public/results', '/api/public/draws', '/api/dashboard/metrics']),
    );
    for (const r of routes) {
      const id = r.url.startsWith('/api/public/draws/') ? 'D-2026-0001-1' : randomUUID();
      const query = r.url.startsWith('/api/dashboard/') ? '?year=2026&kind=inspections' : '';
      const url = `${r.url.replace(/:stratum/g, 'S1').replace(/:[a-zA-Z]+/g, id)}${query}`;
      const res = await app.inject({ method: 'GET', url, headers: leader.headers });
      // a write inside a read-only replica transaction would fail with a 500
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
      expect(`${url} ${String(res.headers['x-ssj-data-source'] ?? 'no source')}`).toMatch(
        / replica; lag=[0-9.]+$/,
      );
    }
    // a route not marked for the replica stays on the primary: no header
    const own = await app.inject({ method: 'GET', url: '/api/auth/me', headers: leader.headers });
    expect(own.statusCode).toBe(200);
    expect(own.headers['x-ssj-data-source']).toBeUndefined();
  });

  it('shows a write on the primary once the replica has replayed it', async () => {
    addDepartment('RR-0001');
    let seen = await departments();
    for (let i = 0; i < 100 && !seen.codes.includes('RR-0001'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await departments();
    }
    expect(seen.codes).toContain('RR-0001');
    expect(seen.source).toMatch(/^replica/);
    const fresh = await app.inject({ method: 'GET', url: '/api/public/freshness' });
    expect(fresh.json()).toMatchObject({ source: 'replica', replicas: 1, usable: 1 });
  });

  it('really reads from the replica: a row the paused replica has not replayed is not in the answer', async () => {
    // a second server that tolerates any lag, so the paused replica stays chosen
    const patient = await openPostgres(set.primary.url(), {
      readUrls: [replica.url()],
      maxLagSeconds: 3600,
      checkEveryMs: 0,
    });
    const app2 = await buildApp({
      database: patient,
      config: loadConfig({ SSJ_ANON_RATE_PER_MINUTE: '100000' }),
      clock: () => new Date(),
      webDist: null,
    });
    try {
      replica.psql('SELECT pg_wal_replay_pause()');
      addDepartment('RR-0009');
      await patient.reads?.check();
      const res = await app2.inject({ method: 'GET', url: '/api/public/departments' });
      expect(res.headers['x-ssj-data-source']).toMatch(/^replica/);
      const codes = res.json<{ items: { code: string }[] }>().items.map((d) => d.code);
      expect(codes).toContain('RR-0001');
      expect(codes).not.toContain('RR-0009'); // the handler's queries ran on the replica
      // while the primary has it
      expect(set.primary.psql("SELECT count(*) FROM departments WHERE code = 'RR-0009'")).toBe('1');
    } finally {
      replica.psql('SELECT pg_wal_replay_resume()');
      await app2.close();
      await patient.close();
    }
    await until((source, lag) => source === 'replica' && lag === 0);
  });

  it('reads from the primary while the replica lags past the bound, and back once it catches up', async () => {
    replica.psql('SELECT pg_wal_replay_pause()');
    await new Promise((r) => setTimeout(r, 1200)); // the last replayed commit is now > 1 s old
    addDepartment('RR-0002');
    await until((source) => source === 'primary');
    const lagging = await departments();
    expect(lagging.source).toMatch(/^primary/);
    expect(lagging.codes).toContain('RR-0002'); // the primary has it; the paused replica has not
    expect(replica.psql("SELECT count(*) FROM departments WHERE code = 'RR-0002'")).toBe('0');
    replica.psql('SELECT pg_wal_replay_resume()');
    await until((source, lag) => source === 'replica' && lag === 0);
    expect((await departments()).codes).toContain('RR-0002');
  });

  it('sends reads back to the primary without an error when the replica stops, and returns to it', async () => {
    replica.stop('immediate');
    // no check has run yet: the first queries find the replica gone and retry on the primary
    for (let i = 0; i < 10; i++) {
      const d = await departments();
      expect(d.status).toBe(200);
      expect(d.codes).toContain('RR-0002');
    }
    expect((await departments()).source).toMatch(/^primary/);
    await database.reads?.check();
    const fresh = await app.inject({ method: 'GET', url: '/api/public/freshness' });
    expect(fresh.json()).toMatchObject({ source: 'primary', replicas: 1, usable: 0 });
    replica.start();
    await until((source) => source === 'replica');
    expect((await departments()).source).toMatch(/^replica/);
  });
});
