/**
 * `ssj users bootstrap`: --help, the first system administrator with a one-time password that must
 * be changed, and a refusal the second time. On a fresh PostgreSQL database cloned from the migrated
 * test template (a PGlite data dir would spend most of the test migrating).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@openssj/server';
import { openPostgres, migrationsFingerprint, freshDatabase, testDatabaseUrl } from '@openssj/server/bench';
import { ssj } from './draw-helpers';

const ARGS = ['users', 'bootstrap', '--region', '500000', '--region-name', '重庆市'];

describe('ssj users bootstrap', () => {
  const name = `ssj_cli_users_${randomBytes(4).toString('hex')}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  const admin = (): pg.Client => new pg.Client({ connectionString: testDatabaseUrl() });

  beforeAll(async () => {
    // makes sure the migrated template exists
    await (await freshDatabase('postgres')).close();
    const a = admin();
    await a.connect();
    await a.query(`CREATE DATABASE ${name} TEMPLATE ssj_tmpl_${migrationsFingerprint()}`);
    await a.end();
  });
  afterAll(async () => {
    const a = admin();
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });

  it('answers --help with the usage and exit 0', async () => {
    const r = await ssj(['users', 'bootstrap', '--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: ssj users bootstrap');
    expect(r.stdout).toContain('--region CODE');
  });

  it('names a missing option and exits 2', async () => {
    const r = await ssj(ARGS, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('departmentName');
  });

  it('creates the first system administrator once, with a password that must be changed', async () => {
    const r = await ssj([...ARGS, '--department-name', '重庆市市场监督管理局'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const password = /one-time password[^:]*: (\S+)/.exec(r.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const again = await ssj(
      [...ARGS, '--department-name', '重庆市市场监督管理局', '--username', 'root2'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有系统管理员');

    const database = await openPostgres(env.DATABASE_URL);
    const app = await buildApp({ database, config: loadConfig({}), clock: () => new Date(), webDist: null });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sysadmin', password },
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json<{ user: { roles: string[]; mustChangePassword: boolean } }>().user).toMatchObject({
        roles: ['system_admin'],
        mustChangePassword: true,
      });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
