/**
 * An in-process app on a fresh database of either engine, with a clock tests can move,
 * and helpers to log in as a fixture user.
 */
import { expect } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database, Engine } from '../../src/db/client';
import { freshDatabase } from '../../src/db/test-databases';
import { buildApp, type App } from '../../src/app';
import { loadFixtures, PASSWORD } from './fixtures';

export interface TestApp {
  readonly app: App;
  readonly database: Database;
  /** Move the clock forward. */
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

/** Build a test app on a fresh database with the fixture organisation. */
export async function testApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase(engine);
  await loadFixtures(database);
  let t = new Date('2026-11-20T02:00:00.000Z').getTime();
  // tests call far more often than people do: the anonymous limit is tested with its own setting
  const config = loadConfig({
    SSJ_LOGIN_RATE_PER_MINUTE: '1000',
    SSJ_ANON_RATE_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp({ database, config, clock: () => new Date(t), webDist: null });
  await app.ready();
  return {
    app,
    database,
    advance(ms) {
      t += ms;
    },
    now: () => new Date(t),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface LoggedIn {
  readonly cookie: string;
  readonly csrf: string;
  readonly headers: Record<string, string>;
}

/** Log in and return the cookie and CSRF header to send. */
export async function loginAs(app: App, username: string, password = PASSWORD): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = res.cookies.find((c) => c.name === 'ssj_sid');
  if (setCookie === undefined) {
    throw new Error('no session cookie');
  }
  const body: unknown = res.json();
  const csrf =
    typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string'
      ? body.csrfToken
      : '';
  const cookie = `ssj_sid=${setCookie.value}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** Fixture users' sessions by username, shared by a test file's cases. */
export class Sessions {
  private readonly byUser = new Map<string, LoggedIn>();

  /** The session of `username`; a test that never logged it in has a bug. */
  readonly who = (username: string): LoggedIn => {
    const s = this.byUser.get(username);
    if (s === undefined) {
      throw new Error(`not logged in: ${username}`);
    }
    return s;
  };

  /** Log these users in (again after a test moved the clock past their sessions). */
  async login(app: App, usernames: readonly string[]): Promise<void> {
    for (const u of usernames) {
      this.byUser.set(u, await loginAs(app, u));
    }
  }
}
