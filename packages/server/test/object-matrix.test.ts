/**
 * The object-level access matrix (issue 10), beside the route matrix. Generated, not written
 * out: every OpenAPI operation that names a department-, region- or target-owned resource (a
 * target path, a department/region/division query, or such a body field) must have a probe
 * here; each probe runs for every role × department relation (own, other of the same region,
 * other region, region above) × resource (own region's, other region's), and the exact status
 * comes from core's policy. A 400 or 404 never counts as "allowed"; a 2xx in a forbidden cell fails.
 */
import {
  allows,
  jurisdictionOf,
  listDivision,
  maskPersonName,
  regionContains,
  type PolicyActor,
  type Role,
} from '@openssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import {
  LS_REGION,
  LS_SCJG,
  loadObjectFixtures,
  MATRIX_ACTORS,
  MATRIX_TARGETS,
  matrixTargetId,
  rawOf,
  type MatrixActor,
} from './support/object-fixtures';
import { DEPT_A } from './support/fixtures';
import { multipartFile } from './support/multipart';
import { ELSEWHERE, touchesOwnedResource, type OpenApiOperation } from './support/object-coverage';

/** The resource a cell works on: one of each kind per region. */
interface Res {
  readonly owner: 'own region' | 'other region';
  readonly targetId: string;
  readonly divisionCode: string;
  readonly legalRep: string;
  readonly departmentCode: string;
}
const RESOURCES: readonly Res[] = MATRIX_TARGETS.map((t) => ({
  owner: t.owner,
  targetId: matrixTargetId(t.code),
  divisionCode: t.divisionCode,
  legalRep: t.legalRep,
  departmentCode: t.divisionCode === LS_REGION ? LS_SCJG : DEPT_A,
}));

interface Req {
  readonly url: string;
  readonly payload?: Record<string, unknown> | Buffer;
  readonly headers?: Record<string, string>;
}
interface Probe {
  /** The OpenAPI operation ('PUT /api/targets/{id}'); several probes may share one. */
  readonly op: string;
  readonly variant?: string;
  /** Build the request of a cell (`n` makes created keys unique). */
  request(res: Res, n: number, t: TestApp): Promise<Req> | Req;
  /** The status when the route's role gate lets the actor in: 2xx or 403, from the policy. */
  expect(a: PolicyActor, res: Res): number;
  /** Checks of an allowed reply's body. */
  check?(a: PolicyActor, res: Res, body: string): void;
}

const target = (res: Res) => ({ kind: 'target', divisionCode: res.divisionCode }) as const;
const dept = (res: Res) => ({ kind: 'department', departmentCode: res.departmentCode }) as const;
const region = (res: Res) => ({ kind: 'region', regionCode: res.divisionCode }) as const;
const yes = (allowed: boolean, status = 200): number => (allowed ? status : 403);
const inspectorOnly = (a: PolicyActor): boolean => a.roles.every((r) => r === 'inspector');
const enc = encodeURIComponent;

/** Every legal representative in a reply is masked exactly when the policy hides personal data. */
function checkMasking(a: PolicyActor, body: string): void {
  for (const t of MATRIX_TARGETS) {
    const shown = allows(a, 'target.personal', { kind: 'target', divisionCode: t.divisionCode });
    if (body.includes(t.code)) {
      expect(body.includes(t.legalRep), `${t.legalRep} shown`).toBe(shown);
      if (!shown) {
        expect(body).toContain(maskPersonName(t.legalRep));
      }
    }
  }
}

/** A list reply never holds a target outside the jurisdiction. */
function checkJurisdiction(a: PolicyActor, body: string): void {
  for (const t of MATRIX_TARGETS) {
    if (!regionContains(jurisdictionOf(a), t.divisionCode)) {
      expect(body, `${t.code} outside the jurisdiction`).not.toContain(t.code);
    }
  }
  checkMasking(a, body);
}

const listExpect = (a: PolicyActor, res: Res): number => yes(listDivision(a, res.divisionCode).ok);

const PROBES: readonly Probe[] = [
  {
    op: 'GET /api/targets/{id}',
    request: (res) => ({ url: `/api/targets/${enc(res.targetId)}` }),
    expect: (a, res) => yes(allows(a, 'target.read', target(res))),
    check: (a, _res, body) => checkMasking(a, body),
  },
  {
    op: 'PUT /api/targets/{id}',
    variant: 'master data',
    request: async (res, n, t) => ({
      url: `/api/targets/${enc(res.targetId)}`,
      payload: { ...(await rawOf(t.database, res.targetId)), name: `矩阵改名 ${n}` },
    }),
    expect: (a, res) => yes(allows(a, 'target.write', target(res))),
  },
  {
    op: 'PUT /api/targets/{id}',
    variant: 'tags only',
    request: async (res, n, t) => ({
      url: `/api/targets/${enc(res.targetId)}`,
      payload: { ...(await rawOf(t.database, res.targetId)), tags: `矩阵标签${n}` },
    }),
    expect: (a, res) => yes(allows(a, 'target.tag', target(res))),
  },
  {
    op: 'POST /api/targets/{id}/status',
    request: async (res, _n, t) => ({
      url: `/api/targets/${enc(res.targetId)}/status`,
      payload: {
        status: (await rawOf(t.database, res.targetId))['status'] === '在营' ? '注销' : '在营',
        effectiveDate: '2026-11-19',
      },
    }),
    expect: (a, res) => yes(allows(a, 'target.write', target(res))),
  },
  {
    op: 'POST /api/targets',
    request: (res, n) => ({
      url: '/api/targets',
      payload: { type: '产品', code: `OMC-${n}`, name: `矩阵新增 ${n}`, divisionCode: res.divisionCode },
    }),
    expect: (a, res) => yes(allows(a, 'target.write', target(res)), 201),
  },
  {
    op: 'POST /api/targets/claims',
    request: (res) => ({ url: '/api/targets/claims', payload: { action: 'claim', ids: [res.targetId] } }),
    expect: (a, res) => yes(allows(a, 'target.claim', target(res))),
  },
  {
    op: 'POST /api/targets/claims/upload',
    request: (res) => {
      const file = multipartFile('认领名单.csv', Buffer.from(`对象编码\n${res.targetId}\n`), 'text/csv');
      return { url: '/api/targets/claims/upload?action=claim', payload: file.payload, headers: file.headers };
    },
    expect: (a, res) => yes(allows(a, 'target.claim', target(res))),
  },
  {
    op: 'POST /api/items',
    request: (res, n) => ({
      url: '/api/items',
      payload: {
        departmentCode: res.departmentCode,
        code: `OM${n}`,
        name: `矩阵事项 ${n}`,
        priority: 'general',
        legalBasis: '《条例》',
        method: 'onsite',
      },
    }),
    expect: (a, res) => yes(allows(a, 'department.write', dept(res)), 201),
  },
  {
    op: 'POST /api/alert-sources',
    request: (res, n) => ({
      url: '/api/alert-sources',
      payload: {
        id: `om-src-${n}`,
        name: `矩阵预警来源 ${n}`,
        kind: 'kitchen',
        departmentCode: res.departmentCode,
      },
    }),
    expect: (a, res) => yes(allows(a, 'department.write', dept(res)), 201),
  },
  {
    op: 'POST /api/inspectors',
    request: (res, n) => ({
      url: '/api/inspectors',
      payload: {
        badgeNo: `OM-${n}`,
        name: `矩阵检查员${n}`,
        departmentCode: res.departmentCode,
        regionCode: res.divisionCode,
      },
    }),
    expect: (a, res) => yes(allows(a, 'department.write', dept(res)), 201),
  },
  {
    op: 'GET /api/public/items',
    request: (res) => ({ url: `/api/public/items?department=${res.departmentCode}` }),
    expect: () => 200, // the published item list is public (一公开)
  },
  {
    op: 'DELETE /api/appeal-terms',
    request: (res) => ({ url: `/api/appeal-terms?region=${res.divisionCode}` }),
    expect: (a, res) => yes(allows(a, 'region.write', region(res))),
  },
  {
    op: 'DELETE /api/evaluation/criteria',
    request: (res) => ({ url: `/api/evaluation/criteria?region=${res.divisionCode}` }),
    expect: (a, res) => yes(allows(a, 'region.write', region(res))),
  },
  {
    op: 'GET /api/targets',
    request: (res) => ({ url: `/api/targets?division=${res.divisionCode}&pageSize=200` }),
    expect: listExpect,
    check: (a, _res, body) => checkJurisdiction(a, body),
  },
  {
    op: 'GET /api/targets',
    variant: 'no filter',
    request: () => ({ url: '/api/targets?pageSize=200' }),
    expect: () => 200,
    check: (a, _res, body) => checkJurisdiction(a, body),
  },
  {
    op: 'GET /api/targets',
    variant: 'claimed by',
    request: (res) => ({ url: `/api/targets?claimedBy=${res.departmentCode}` }),
    expect: (a, res) => yes(allows(a, 'department.read', dept(res))),
  },
  {
    op: 'GET /api/targets/export',
    request: (res) => ({ url: `/api/targets/export?format=csv&division=${res.divisionCode}` }),
    expect: listExpect,
    check: (a, _res, body) => checkJurisdiction(a, body),
  },
  {
    op: 'GET /api/targets/export',
    variant: 'no filter (issue 10 repro)',
    request: () => ({ url: '/api/targets/export?format=csv' }),
    expect: () => 200,
    check: (a, _res, body) => checkJurisdiction(a, body),
  },
  ...(
    ['GET /api/items', 'GET /api/items/export', 'GET /api/item-settings/ratio-cap', 'GET /api/users'] as const
  ).map((op): Probe => ({
    op,
    request: (res) => ({ url: `${op.slice(4)}?department=${res.departmentCode}` }),
    expect: (a, res) => yes(allows(a, 'department.read', dept(res))),
  })),
  ...(['GET /api/inspectors', 'GET /api/inspectors/export', 'GET /api/recusals'] as const).map(
    (op): Probe => ({
      op,
      request: (res) => ({ url: `${op.slice(4)}?department=${res.departmentCode}` }),
      // an inspector sees their own record (declarations) whatever the filter (issue 3)
      expect: (a, res) => yes(inspectorOnly(a) || allows(a, 'department.read', dept(res))),
    }),
  ),
  ...(
    [
      'GET /api/risk/model',
      'GET /api/risk/runs',
      'GET /api/risk/distribution',
      'GET /api/evaluation/criteria',
      'GET /api/appeal-terms',
      'GET /api/cross-region/fallback',
      'GET /api/risk/usage',
      'GET /api/evaluation/report',
      'GET /api/evaluation/export',
      'GET /api/dashboard/metrics',
      'GET /api/dashboard/fairness',
      'GET /api/dashboard/records',
    ] as const
  ).map((op): Probe => ({
    op,
    request: (res) => ({
      url: `${op.slice(4)}?region=${res.divisionCode}&year=2026${op.endsWith('records') ? '&kind=inspections' : ''}`,
    }),
    expect: (a, res) => yes(allows(a, 'region.read', region(res))),
  })),
];

function roleGate(t: TestApp, op: string, role: Role): boolean {
  const [method, path = ''] = op.split(' ');
  const url = path.replace(/\{(\w+)\}/g, ':$1');
  const route = t.app.ssjRoutes.find((r) => r.method === method && r.url === url);
  const access = route?.access;
  if (access === undefined) {
    throw new Error(`no route for ${op}`);
  }
  return access.kind !== 'roles' || access.roles.includes(role);
}

describe.each(ENGINES)('object-level matrix on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<string, LoggedIn>();
  let operations: string[] = [];
  beforeAll(async () => {
    t = await testApp(engine);
    await loadObjectFixtures(t.database, t.now());
    for (const a of MATRIX_ACTORS) {
      sessions.set(a.username, await loginAs(t.app, a.username));
    }
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, OpenApiOperation>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => touchesOwnedResource(path, op))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('probes every operation of the OpenAPI document that touches an owned resource', () => {
    expect(operations.length).toBeGreaterThan(10);
    const probed = new Set([...PROBES.map((p) => p.op), ...Object.keys(ELSEWHERE)]);
    expect(
      operations.filter((o) => !probed.has(o)),
      'owned-resource operations without a probe',
    ).toEqual([]);
  });

  let n = 0;
  for (const probe of PROBES) {
    const name = probe.variant === undefined ? probe.op : `${probe.op} (${probe.variant})`;
    it(`${name}: every role × department × region × resource gets the policy's status`, async () => {
      const [method = 'GET'] = probe.op.split(' ');
      const failures: string[] = [];
      for (const a of MATRIX_ACTORS) {
        for (const res of RESOURCES) {
          const req = await probe.request(res, n++, t);
          const expected = roleGate(t, probe.op, a.role) ? probe.expect(a.policy, res) : 403;
          const reply = await t.app.inject({
            method: method as 'GET',
            url: req.url,
            headers: { ...(sessions.get(a.username) as LoggedIn).headers, ...req.headers },
            ...(req.payload === undefined ? {} : { payload: req.payload }),
          });
          if (reply.statusCode !== expected) {
            failures.push(cellName(a, res, `${reply.statusCode} ≠ ${expected}: ${reply.body.slice(0, 160)}`));
          } else if (expected < 300 && probe.check !== undefined) {
            try {
              probe.check(a.policy, res, reply.body);
            } catch (e) {
              failures.push(cellName(a, res, e instanceof Error ? e.message : String(e)));
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

function cellName(a: MatrixActor, res: Res, what: string): string {
  return `${a.role} · ${a.relation} · ${res.owner} target: ${what}`;
}

/** The matrix size, for the report: cells = probes × actors × resources. */
export const OBJECT_MATRIX_CELLS = PROBES.length * MATRIX_ACTORS.length * RESOURCES.length;
