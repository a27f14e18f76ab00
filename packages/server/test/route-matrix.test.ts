/**
 * The role × route × department matrix (issue 2). Every API route must have an entry, in
 * route-matrix/ (one file per context): a new route without one fails the first test. Each entry
 * says who may call the route, a sample request, and, where data belongs to a department, a probe
 * from another department.
 */
import type { Role } from '@openssj/core';
import { ROLES } from '@openssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import type { Access } from '../src/contexts/platform/http/route';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import type { MatrixEntry, Sample, Who } from './route-matrix/types';
import { PLATFORM } from './route-matrix/platform';
import { TARGETS } from './route-matrix/targets';
import { LIBRARY } from './route-matrix/library';
import { INSPECTION } from './route-matrix/inspection';
import { WORKFLOW } from './route-matrix/workflow';
import { RISK } from './route-matrix/risk';
import { OVERSIGHT } from './route-matrix/oversight';

/** Error codes that mean the access check refused the call. */
const ACCESS_CODES = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CSRF'];

function errorCode(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const e: unknown = parsed.error;
      if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') {
        return e.code;
      }
    }
    return null;
  } catch {
    return null;
  }
}

const ALL_STAFF: readonly Role[] = ROLES;

/** The entries, one file per context under route-matrix/. */
const SECTIONS = [PLATFORM, TARGETS, LIBRARY, INSPECTION, WORKFLOW, RISK, OVERSIGHT];
export const MATRIX: Readonly<Record<string, MatrixEntry>> = Object.assign({}, ...SECTIONS) as Record<
  string,
  MatrixEntry
>;

/** One fixture user per role. */
const USER_OF_ROLE: Readonly<Record<Role, string>> = {
  system_admin: 'sys',
  dept_admin: 'admin_a',
  leader: 'leader_a',
  inspector: 'insp_a',
  auditor: 'auditor',
};

function sameAccess(declared: Access | undefined, who: Who): boolean {
  if (declared === undefined) {
    return false;
  }
  if (who === 'public' || who === 'session') {
    return declared.kind === who;
  }
  if (who === 'signed') {
    return declared.kind === 'public';
  }
  return declared.kind === 'roles' && [...declared.roles].sort().join() === [...who].sort().join();
}

describe.each(ENGINES)('route matrix on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<string, LoggedIn>();
  beforeAll(async () => {
    t = await testApp(engine);
    for (const u of [...Object.values(USER_OF_ROLE)]) {
      sessions.set(u, await loginAs(t.app, u));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('names each route in one section only', () => {
    const total = SECTIONS.reduce((n, section) => n + Object.keys(section).length, 0);
    expect(Object.keys(MATRIX)).toHaveLength(total);
  });

  it('has an entry for every API route, declaring the same access as the route', () => {
    const apiRoutes = t.app.ssjRoutes.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(apiRoutes.length).toBeGreaterThan(10);
    const keys = new Set(apiRoutes.map((r) => `${r.method} ${r.url}`));
    const missing = [...keys].filter((k) => MATRIX[k] === undefined);
    expect(missing, 'routes without a matrix entry').toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !keys.has(k));
    expect(stale, 'matrix entries without a route').toEqual([]);
    for (const r of apiRoutes) {
      const entry = MATRIX[`${r.method} ${r.url}`];
      expect(entry !== undefined && sameAccess(r.access, entry.who), `${r.method} ${r.url} access`).toBe(
        true,
      );
    }
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    const [method = 'GET'] = key.split(' ');
    const send = async (sample: Sample, who: LoggedIn | null) =>
      t.app.inject({
        method: method as 'GET',
        url: sample.url,
        ...(who === null ? {} : { headers: who.headers }),
        ...(sample.payload === undefined ? {} : { payload: sample.payload as Record<string, unknown> }),
      });

    it(`${key}: anonymous callers ${entry.who === 'public' ? 'may call it' : 'get 401'}`, async () => {
      const res = await send(entry.sample, null);
      if (entry.who === 'public') {
        expect(['FORBIDDEN', 'CSRF', 'SESSION_EXPIRED'], res.body).not.toContain(errorCode(res.body));
        expect(res.statusCode).toBeLessThan(500);
      } else {
        expect(res.statusCode).toBe(401);
      }
    });

    for (const role of ALL_STAFF) {
      if (entry.who === 'signed') {
        it(`${key}: ${role}'s session is not a signature (401)`, async () => {
          const res = await send(entry.sample, sessions.get(USER_OF_ROLE[role]) ?? null);
          expect([res.statusCode, errorCode(res.body)]).toEqual([401, 'UNAUTHENTICATED']);
        });
        continue;
      }
      const allowed = entry.who === 'public' || entry.who === 'session' || entry.who.includes(role);
      it(`${key}: ${role} ${allowed ? 'is allowed' : 'gets 403'}`, async () => {
        const who =
          entry.sample.endsSession === true
            ? await loginAs(t.app, USER_OF_ROLE[role])
            : (sessions.get(USER_OF_ROLE[role]) ?? null);
        const res = await send(entry.sample, who);
        if (allowed) {
          expect(ACCESS_CODES, res.body).not.toContain(errorCode(res.body));
          expect(res.statusCode).toBeLessThan(500);
        } else {
          expect(res.statusCode).toBe(403);
          expect(res.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
        }
      });
    }

    const cross = entry.crossDepartment;
    if (cross !== undefined) {
      it(`${key}: another department's data is refused`, async () => {
        const who = sessions.get(cross.as) ?? (await loginAs(t.app, cross.as));
        const res = await send(cross.sample, who);
        expect(res.statusCode).toBe(cross.status);
      });
    }
  }
});
