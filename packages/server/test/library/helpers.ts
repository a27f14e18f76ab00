/**
 * Helpers for the item and inspector library tests: JSON calls as a fixture user, a target
 * row for recusals, and an inspector badge on a user account.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import { exec } from '../../src/db/sql';
import { loginAs, type LoggedIn, type TestApp } from '../support/app';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly headers: Record<string, unknown>;
}

/** A caller bound to a test app: `as(user)` logs in once and remembers the session. */
export function caller(t: () => TestApp) {
  const sessions = new Map<string, LoggedIn>();
  return async (
    user: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: unknown,
  ): Promise<Reply> => {
    let who: LoggedIn | undefined;
    if (user !== null) {
      who = sessions.get(user) ?? (await loginAs(t().app, user));
      sessions.set(user, who);
    }
    const res = await t().app.inject({
      method,
      url,
      ...(who === undefined ? {} : { headers: who.headers }),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    let body: unknown = null;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = null;
    }
    return { status: res.statusCode, body, text: res.body, headers: res.headers };
  };
}

/** Read a path of a JSON body (tests only; fails loudly when absent). */
export function at(body: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = body;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') {
      throw new Error(`no ${path.join('.')} in ${JSON.stringify(body)}`);
    }
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** Expect an error reply with this status and code. */
export function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).toBe(status);
  expect(at(r.body, 'error', 'code')).toBe(code);
}

/** Insert a bare target (the target library is another module's; recusals only need the row). */
export async function insertTarget(db: Db, id: string, name: string): Promise<void> {
  await exec(
    db,
    sql`INSERT INTO targets (id, type, name, division_code) VALUES (${id}, '产品', ${name}, '500112')`,
  );
}

/** Link a user account to an inspector badge. */
export async function setBadge(db: Db, username: string, badge: string): Promise<void> {
  await exec(db, sql`UPDATE users SET inspector_badge = ${badge} WHERE username = ${username}`);
}
