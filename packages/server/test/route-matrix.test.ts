/**
 * The role × route × department matrix (issue 2). Every API route must have an entry here:
 * a new route without one fails the first test. Each entry says who may call the route, a
 * sample request, and, where data belongs to a department, a probe from another department.
 */
import type { Role } from '@openssj/core';
import { ROLES } from '@openssj/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../src/db/test-databases';
import type { Access } from '../src/contexts/platform/http/route';
import { loginAs, testApp, type LoggedIn, type TestApp } from './support/app';
import { DEPT_B, DEPT_C } from './support/fixtures';

type Who = 'public' | 'session' | readonly Role[];

interface Sample {
  readonly url: string;
  readonly payload?: unknown;
  /** Ends the session it runs in (logout): use a session of its own. */
  readonly endsSession?: true;
}

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

interface MatrixEntry {
  readonly who: Who;
  readonly sample: Sample;
  /** A request by `as` (a fixture user) for another department's data, and the status it must get. */
  readonly crossDepartment?: { readonly as: string; readonly sample: Sample; readonly status: 403 | 404 };
}

const ALL_STAFF: readonly Role[] = ROLES;

export const MATRIX: Readonly<Record<string, MatrixEntry>> = {
  'POST /api/auth/login': {
    who: 'public',
    sample: { url: '/api/auth/login', payload: { username: 'ghost', password: 'x' } },
  },
  'GET /api/auth/me': { who: 'public', sample: { url: '/api/auth/me' } },
  'POST /api/auth/logout': { who: 'session', sample: { url: '/api/auth/logout', endsSession: true } },
  'POST /api/auth/password': {
    who: 'session',
    sample: { url: '/api/auth/password', payload: { currentPassword: 'wrong', newPassword: 'x' } },
  },
  'GET /api/org': { who: 'session', sample: { url: '/api/org' } },
  'POST /api/departments': {
    who: ['system_admin'],
    sample: {
      url: '/api/departments',
      payload: {
        code: '500112-WJ',
        name: '渝北区卫生健康委员会',
        shortName: '渝北卫健',
        regionCode: '500112',
      },
    },
  },
  'GET /api/users': {
    who: ['system_admin', 'dept_admin', 'auditor', 'leader'],
    sample: { url: '/api/users' },
    crossDepartment: { as: 'admin_a', sample: { url: `/api/users?department=${DEPT_B}` }, status: 403 },
  },
  'POST /api/users': {
    who: ['system_admin'],
    sample: {
      url: '/api/users',
      payload: {
        username: 'newbie',
        displayName: '新人',
        departmentCode: '500112-SCJG',
        roles: ['inspector'],
        password: 'Newbie#2026x',
      },
    },
  },
  'PATCH /api/users/:id': {
    who: ['system_admin'],
    sample: { url: '/api/users/00000000-0000-4000-8000-000000000000', payload: { displayName: 'x' } },
  },
  // ── administration pages (issue 11) ──
  'POST /api/users/:id/reset-password': {
    who: ['system_admin'],
    sample: { url: '/api/users/00000000-0000-4000-8000-000000000000/reset-password' },
  },
  'GET /api/users/import/template': { who: ['system_admin'], sample: { url: '/api/users/import/template' } },
  'POST /api/users/import': {
    who: ['system_admin'],
    sample: { url: '/api/users/import?dryRun=true', payload: {} },
  },
  'POST /api/regions': {
    who: ['system_admin'],
    sample: { url: '/api/regions', payload: { code: '500113' } },
  },
  'PATCH /api/departments/:code': {
    who: ['system_admin'],
    sample: { url: `/api/departments/${DEPT_C}`, payload: { shortName: '渝北民政' } },
  },
  'POST /api/units': {
    who: ['system_admin', 'dept_admin'],
    sample: {
      url: '/api/units',
      payload: { code: '500112-SCJG-S77', name: '矩阵市场监管所', departmentCode: '500112-SCJG' },
    },
    crossDepartment: {
      as: 'admin_b',
      sample: {
        url: '/api/units',
        payload: { code: '500112-SCJG-S78', name: '越权市场监管所', departmentCode: '500112-SCJG' },
      },
      status: 403,
    },
  },
  'PATCH /api/units/:code': {
    who: ['system_admin', 'dept_admin'],
    sample: { url: '/api/units/500112-SCJG-S01', payload: { name: '两路市场监管所' } },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/units/500112-SCJG-S01', payload: { name: '越权改名' } },
      status: 403,
    },
  },
  'GET /api/audit': {
    who: ['auditor', 'system_admin', 'dept_admin', 'leader'],
    sample: { url: '/api/audit' },
    crossDepartment: { as: 'admin_a', sample: { url: `/api/audit?department=${DEPT_B}` }, status: 403 },
  },
  'GET /api/audit/export': {
    who: ['auditor', 'system_admin', 'dept_admin', 'leader'],
    sample: { url: '/api/audit/export?format=csv' },
    crossDepartment: {
      as: 'admin_a',
      sample: { url: `/api/audit/export?format=csv&department=${DEPT_B}` },
      status: 403,
    },
  },
  'GET /api/audit/verify': { who: ['auditor', 'system_admin'], sample: { url: '/api/audit/verify' } },
  'GET /api/holidays': { who: 'session', sample: { url: '/api/holidays?year=2027' } },
  'PUT /api/holidays': {
    who: ['system_admin'],
    sample: {
      url: '/api/holidays',
      payload: { days: [{ day: '2027-10-01', kind: 'holiday', name: '国庆节' }] },
    },
  },
  'DELETE /api/holidays/:day': { who: ['system_admin'], sample: { url: '/api/holidays/2027-10-02' } },
  'GET /api/health': { who: 'public', sample: { url: '/api/health' } },
  'GET /api/public/overview': { who: 'public', sample: { url: '/api/public/overview' } },
  'GET /api/public/departments': { who: 'public', sample: { url: '/api/public/departments' } },
  'GET /api/public/log/sth': { who: 'public', sample: { url: '/api/public/log/sth' } },
  'GET /api/public/log/sths': { who: 'public', sample: { url: '/api/public/log/sths?from=0&limit=10' } },
  'GET /api/public/log/entries': { who: 'public', sample: { url: '/api/public/log/entries?start=0&end=9' } },
  'GET /api/public/log/proof-by-hash': {
    who: 'public',
    sample: { url: `/api/public/log/proof-by-hash?hash=${'0'.repeat(64)}` },
  },
  'GET /api/public/log/consistency': {
    who: 'public',
    sample: { url: '/api/public/log/consistency?first=0&second=0' },
  },
  'GET /api/public/log/draws/:drawId': { who: 'public', sample: { url: '/api/public/log/draws/D-none' } },
  'GET /api/public/log/tasks/:taskId': { who: 'public', sample: { url: '/api/public/log/tasks/T-none' } },
  'POST /api/log/sign': { who: ['system_admin'], sample: { url: '/api/log/sign' } },
  // ── targets, claims, imports and exports (issue 3) ──
  'GET /api/targets': {
    who: 'session',
    sample: { url: `/api/targets?q=${encodeURIComponent('华为')}&page=1` },
    crossDepartment: { as: 'admin_a', sample: { url: `/api/targets?claimedBy=${DEPT_B}` }, status: 403 },
  },
  'GET /api/targets/export': {
    who: 'session',
    sample: { url: '/api/targets/export?format=csv' },
    crossDepartment: {
      as: 'admin_a',
      sample: { url: `/api/targets/export?format=csv&claimedBy=${DEPT_B}` },
      status: 403,
    },
  },
  'GET /api/targets/:id': { who: 'session', sample: { url: '/api/targets/91500112MA5U7XX47L' } },
  'POST /api/targets': {
    who: ['system_admin', 'dept_admin'],
    sample: {
      url: '/api/targets',
      payload: {
        uscc: '91500112MA5U7AB12J',
        name: '重庆矩阵测试有限公司',
        type: '企业',
        divisionCode: '500112',
      },
    },
  },
  'PUT /api/targets/:id': {
    who: ['system_admin', 'dept_admin'],
    sample: {
      url: '/api/targets/91500112MA5U7XX47L',
      payload: { uscc: '91500112MA5U7XX47L', name: '改名', type: '企业', divisionCode: '500112' },
    },
  },
  'POST /api/targets/:id/status': {
    who: ['system_admin', 'dept_admin'],
    sample: {
      url: '/api/targets/91500112MA5U7XX47L/status',
      payload: { status: '注销', effectiveDate: '2026-11-01' },
    },
  },
  'POST /api/targets/claims': {
    who: ['system_admin', 'dept_admin'],
    sample: { url: '/api/targets/claims', payload: { action: 'claim', ids: ['91500112MA5U7XX47L'] } },
    crossDepartment: {
      as: 'admin_a',
      sample: {
        url: '/api/targets/claims',
        payload: { action: 'claim', departmentCode: DEPT_B, ids: ['91500112MA5U7XX47L'] },
      },
      status: 403,
    },
  },
  'POST /api/targets/claims/upload': {
    who: ['system_admin', 'dept_admin'],
    sample: { url: '/api/targets/claims/upload?action=claim', payload: {} },
  },
  'GET /api/imports/templates/:kind': { who: 'session', sample: { url: '/api/imports/templates/targets' } },
  'POST /api/imports': {
    who: ['system_admin', 'dept_admin'],
    sample: { url: '/api/imports?kind=targets', payload: {} },
  },
  'GET /api/imports/jobs/:id': {
    who: ['system_admin', 'dept_admin', 'auditor'],
    sample: { url: '/api/imports/jobs/00000000-0000-4000-8000-000000000000' },
  },
  'POST /api/imports/jobs/:id/cancel': {
    who: ['system_admin', 'dept_admin'],
    sample: { url: '/api/imports/jobs/00000000-0000-4000-8000-000000000000/cancel' },
  },
  'GET /api/imports/jobs/:id/report': {
    who: ['system_admin', 'dept_admin', 'auditor'],
    sample: { url: '/api/imports/jobs/00000000-0000-4000-8000-000000000000/report' },
  },
  // ── items, guidelines, inspectors, recusals (issue 3) ──
  'GET /api/items': {
    who: 'session',
    sample: { url: '/api/items' },
    crossDepartment: { as: 'admin_b', sample: { url: '/api/items?department=500112-SCJG' }, status: 403 },
  },
  'GET /api/items/export': {
    who: 'session',
    sample: { url: '/api/items/export?format=csv' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/items/export?department=500112-SCJG' },
      status: 403,
    },
  },
  'POST /api/items': {
    who: ['dept_admin'],
    sample: {
      url: '/api/items',
      payload: {
        departmentCode: '500112-SCJG',
        code: 'M1',
        name: '矩阵事项',
        priority: 'general',
        legalBasis: '《条例》',
        method: 'onsite',
      },
    },
    crossDepartment: {
      as: 'admin_b',
      sample: {
        url: '/api/items',
        payload: {
          departmentCode: '500112-SCJG',
          code: 'M2',
          name: '矩阵事项',
          priority: 'general',
          legalBasis: '《条例》',
          method: 'onsite',
        },
      },
      status: 403,
    },
  },
  'GET /api/items/:id': {
    who: 'session',
    sample: { url: '/api/items/00000000-0000-4000-8000-000000000000' },
  },
  'PATCH /api/items/:id': {
    who: ['dept_admin'],
    sample: { url: '/api/items/00000000-0000-4000-8000-000000000000', payload: { name: 'x' } },
  },
  'GET /api/items/:id/versions': {
    who: 'session',
    sample: { url: '/api/items/00000000-0000-4000-8000-000000000000/versions' },
  },
  'GET /api/items/:id/versions/:version': {
    who: 'session',
    sample: { url: '/api/items/00000000-0000-4000-8000-000000000000/versions/1' },
  },
  'PUT /api/items/:id/published': {
    who: ['dept_admin'],
    sample: {
      url: '/api/items/00000000-0000-4000-8000-000000000000/published',
      payload: { published: true },
    },
  },
  'GET /api/item-settings/ratio-cap': {
    who: 'session',
    sample: { url: '/api/item-settings/ratio-cap' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/item-settings/ratio-cap?department=500112-SCJG' },
      status: 403,
    },
  },
  'PUT /api/item-settings/ratio-cap': {
    who: ['system_admin'],
    sample: {
      url: '/api/item-settings/ratio-cap',
      payload: { regionCode: '500112', defaultRatioCap: '10%' },
    },
  },
  'GET /api/public/items': { who: 'public', sample: { url: '/api/public/items?q=检查' } },
  'GET /api/public/items/:id': {
    who: 'public',
    sample: { url: '/api/public/items/00000000-0000-4000-8000-000000000000' },
  },
  'GET /api/inspectors': {
    who: 'session',
    sample: { url: '/api/inspectors' },
    crossDepartment: { as: 'admin_a', sample: { url: `/api/inspectors?department=${DEPT_B}` }, status: 403 },
  },
  'GET /api/inspectors/certificate-alerts': {
    who: ['dept_admin', 'system_admin', 'auditor', 'leader'],
    sample: { url: '/api/inspectors/certificate-alerts' },
  },
  'GET /api/inspectors/export': {
    who: ['dept_admin', 'system_admin', 'auditor', 'leader'],
    sample: { url: '/api/inspectors/export?format=csv' },
    crossDepartment: {
      as: 'admin_a',
      sample: { url: `/api/inspectors/export?department=${DEPT_B}` },
      status: 403,
    },
  },
  'POST /api/inspectors': {
    who: ['dept_admin', 'system_admin'],
    sample: {
      url: '/api/inspectors',
      payload: {
        badgeNo: null,
        expert: true,
        name: '矩阵专家',
        departmentCode: '500112-SCJG',
        regionCode: '500112',
      },
    },
    crossDepartment: {
      as: 'admin_b',
      sample: {
        url: '/api/inspectors',
        payload: { badgeNo: 'M-1', name: '矩阵', departmentCode: '500112-SCJG', regionCode: '500112' },
      },
      status: 403,
    },
  },
  'GET /api/inspectors/:id': { who: 'session', sample: { url: '/api/inspectors/NOPE-1' } },
  'PATCH /api/inspectors/:id': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/inspectors/NOPE-1', payload: { name: 'x' } },
  },
  'GET /api/recusals': {
    who: 'session',
    sample: { url: '/api/recusals' },
    crossDepartment: { as: 'admin_a', sample: { url: `/api/recusals?department=${DEPT_B}` }, status: 403 },
  },
  'POST /api/recusals': {
    who: ['inspector', 'dept_admin', 'system_admin'],
    sample: {
      url: '/api/recusals',
      payload: { inspectorId: 'NOPE-1', targetId: '产品:x', kind: 'other', reason: '矩阵' },
    },
  },
  'POST /api/recusals/:id/withdraw': {
    who: ['inspector', 'dept_admin', 'system_admin'],
    sample: { url: '/api/recusals/00000000-0000-4000-8000-000000000000/withdraw' },
  },
  // ── inspections, review, publication, follow-up (issue 5) ──
  'GET /api/inspections/mine': { who: ['inspector'], sample: { url: '/api/inspections/mine' } },
  'GET /api/inspections': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/inspections?status=submitted' },
  },
  'GET /api/inspections/:id': {
    who: 'session',
    sample: { url: '/api/inspections/00000000-0000-4000-8000-000000000000' },
  },
  'PUT /api/inspections/:id/draft': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/draft',
      payload: { version: 1, results: [] },
    },
  },
  'POST /api/inspections/:id/confirm': {
    who: ['inspector'],
    sample: { url: '/api/inspections/00000000-0000-4000-8000-000000000000/confirm', payload: { version: 1 } },
  },
  'POST /api/inspections/:id/confirm-on-device': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/confirm-on-device',
      payload: { version: 1, method: 'code', inspectorId: 'X', code: '123456' },
    },
  },
  'POST /api/inspections/:id/confirmation-codes': {
    who: ['leader', 'dept_admin'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/confirmation-codes',
      payload: { inspectorId: 'X' },
    },
  },
  'PUT /api/inspections/:id/signature': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/signature',
      payload: { version: 1, signature: { kind: 'refused', reason: '拒签', at: '2026-11-20T02:00:00.000Z' } },
    },
  },
  'POST /api/inspections/:id/submit': {
    who: ['inspector'],
    sample: { url: '/api/inspections/00000000-0000-4000-8000-000000000000/submit', payload: { version: 1 } },
  },
  'POST /api/inspections/:id/photos': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/photos',
      payload: {
        id: '00000000-0000-4000-8000-000000000000',
        image: 'data:image/png;base64,iVBORw0KGgo=',
        takenAt: '2026-11-20T02:00:00.000Z',
      },
    },
  },
  'GET /api/inspections/:id/photos/:photoId': {
    who: 'session',
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/photos/00000000-0000-4000-8000-000000000000',
    },
  },
  'DELETE /api/inspections/:id/photos/:photoId': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/photos/00000000-0000-4000-8000-000000000000',
    },
  },
  'POST /api/inspections/:id/review': {
    who: ['leader'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/review',
      payload: { version: 1, decision: 'approve' },
    },
  },
  'POST /api/inspections/:id/publish': {
    who: ['system_admin', 'dept_admin', 'leader'],
    sample: { url: '/api/inspections/00000000-0000-4000-8000-000000000000/publish', payload: { version: 1 } },
  },
  'POST /api/publication/tasks/:taskId/publish': {
    who: ['system_admin', 'dept_admin', 'leader'],
    sample: { url: '/api/publication/tasks/T-NONE/publish' },
  },
  'GET /api/publication/deadlines': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/publication/deadlines?overdue=true' },
  },
  'GET /api/publication/export': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/publication/export?format=csv' },
  },
  'GET /api/holidays/coverage': { who: 'session', sample: { url: '/api/holidays/coverage' } },
  'GET /api/follow-ups': { who: 'session', sample: { url: '/api/follow-ups?overdue=true' } },
  'POST /api/inspections/:id/follow-ups': {
    who: ['dept_admin', 'leader', 'inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/follow-ups',
      payload: { kind: 'case_referral', detail: '移交案件查处' },
    },
  },
  'POST /api/follow-ups/:id/close': {
    who: ['system_admin', 'dept_admin', 'leader'],
    sample: {
      url: '/api/follow-ups/00000000-0000-4000-8000-000000000000/close',
      payload: { note: '已办结' },
    },
  },
  'GET /api/public/results': {
    who: 'public',
    sample: { url: `/api/public/results?q=${encodeURIComponent('测试')}` },
  },
  'GET /api/public/results/:id': {
    who: 'public',
    sample: { url: '/api/public/results/00000000-0000-4000-8000-000000000000' },
  },
  // ── plans, tasks, draws (issue 5) ──
  'GET /api/plans': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/plans?year=2026' },
  },
  'POST /api/plans': {
    who: ['dept_admin'],
    sample: { url: '/api/plans', payload: { year: 2026, title: '矩阵测试计划' } },
  },
  'GET /api/plans/city': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/plans/city?year=2026' },
  },
  'GET /api/plans/:id': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/plans/00000000-0000-4000-8000-000000000000' },
  },
  'PATCH /api/plans/:id': {
    who: ['dept_admin'],
    sample: { url: '/api/plans/00000000-0000-4000-8000-000000000000', payload: { title: '改名' } },
  },
  'POST /api/plans/:id/actions': {
    who: ['dept_admin', 'leader'],
    sample: { url: '/api/plans/00000000-0000-4000-8000-000000000000/actions', payload: { action: 'submit' } },
  },
  'POST /api/plans/:id/scheme': {
    who: ['dept_admin'],
    sample: {
      url: '/api/plans/00000000-0000-4000-8000-000000000000/scheme',
      payload: {
        titlePrefix: 'x',
        itemIds: ['00000000-0000-4000-8000-000000000000'],
        scope: {},
        grouping: 'joint',
        strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
        windowStart: '2026-12-01',
        windowEnd: '2026-12-31',
      },
    },
  },
  'POST /api/plans/:id/tasks': {
    who: ['dept_admin'],
    sample: {
      url: '/api/plans/00000000-0000-4000-8000-000000000000/tasks',
      payload: {
        title: 'x',
        itemIds: ['00000000-0000-4000-8000-000000000000'],
        scope: {},
        strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
        windowStart: '2026-12-01',
        windowEnd: '2026-12-31',
      },
    },
  },
  'GET /api/tasks/scope-options': {
    who: ['dept_admin', 'leader'],
    sample: { url: '/api/tasks/scope-options' },
  },
  'POST /api/tasks/frame-estimate': {
    who: ['dept_admin', 'leader'],
    sample: {
      url: '/api/tasks/frame-estimate',
      payload: {
        year: 2026,
        scope: { divisions: ['500112'] },
        strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
      },
    },
  },
  'GET /api/tasks': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/tasks?year=2026' },
  },
  'GET /api/tasks/:id': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/tasks/T-2026-9999' },
  },
  'PUT /api/tasks/:id': {
    who: ['dept_admin'],
    sample: {
      url: '/api/tasks/T-2026-9999',
      payload: {
        title: 'x',
        itemIds: ['00000000-0000-4000-8000-000000000000'],
        scope: {},
        strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
        windowStart: '2026-12-01',
        windowEnd: '2026-12-31',
      },
    },
  },
  'DELETE /api/tasks/:id': { who: ['dept_admin'], sample: { url: '/api/tasks/T-2026-9999' } },
  'POST /api/tasks/:id/participation': {
    who: ['dept_admin', 'leader'],
    sample: { url: '/api/tasks/T-2026-9999/participation', payload: { accept: true } },
  },
  'POST /api/tasks/:id/draws': {
    who: ['dept_admin'],
    sample: { url: '/api/tasks/T-2026-9999/draws', payload: {} },
  },
  'GET /api/draws/:id': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/draws/D-2026-9999-1' },
  },
  'POST /api/draws/:id/commit': {
    who: ['dept_admin'],
    sample: { url: '/api/draws/D-2026-9999-1/commit', payload: { seedSource: 'dice' } },
  },
  'POST /api/draws/:id/run': {
    who: ['dept_admin'],
    sample: { url: '/api/draws/D-2026-9999-1/run', payload: { seed: '01234567890123456789' } },
  },
  'POST /api/draws/:id/abandon': {
    who: ['dept_admin'],
    sample: { url: '/api/draws/D-2026-9999-1/abandon', payload: { reason: '矩阵测试作废' } },
  },
  'POST /api/draws/:id/overrides': {
    who: ['dept_admin'],
    sample: {
      url: '/api/draws/D-2026-9999-1/overrides',
      payload: { target: 'x', inspectors: ['y'], reason: '矩阵测试委派' },
    },
  },
  'GET /api/draws/:id/notices/:targetId': {
    who: 'session',
    sample: { url: '/api/draws/D-2026-9999-1/notices/91500112MA5U7XX47L' },
  },
  'GET /api/public/plans': { who: 'public', sample: { url: '/api/public/plans?year=2026' } },
  'GET /api/public/draws': { who: 'public', sample: { url: '/api/public/draws?page=1' } },
  'GET /api/public/draws/:id': { who: 'public', sample: { url: '/api/public/draws/D-2026-9999-1' } },
  'GET /api/public/draws/:id/record': {
    who: 'public',
    sample: { url: '/api/public/draws/D-2026-9999-1/record' },
  },
  'GET /api/public/draws/:id/frames/:stratum': {
    who: 'public',
    sample: { url: '/api/public/draws/D-2026-9999-1/frames/all' },
  },
  // ── credit-risk tiers (issue 6) ──
  'GET /api/risk/model': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/model?region=500112' },
    crossDepartment: { as: 'admin_b', sample: { url: '/api/risk/model?region=500112' }, status: 403 },
  },
  'PUT /api/risk/model': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/risk/model', payload: { regionCode: '500112', config: {} } },
    crossDepartment: {
      as: 'admin_c',
      sample: { url: '/api/risk/model', payload: { regionCode: '500112', config: {} } },
      status: 403,
    },
  },
  'POST /api/risk/runs': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/risk/runs', payload: { regionCode: '500112' } },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/risk/runs', payload: { regionCode: '500112' } },
      status: 403,
    },
  },
  'GET /api/risk/runs': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/runs?region=500112' },
    crossDepartment: { as: 'admin_b', sample: { url: '/api/risk/runs?region=500112' }, status: 403 },
  },
  'GET /api/risk/runs/:id': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/runs/00000000-0000-4000-8000-000000000000' },
  },
  'POST /api/risk/runs/:id/cancel': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/risk/runs/00000000-0000-4000-8000-000000000000/cancel' },
  },
  'GET /api/risk/targets/:id': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin', 'inspector'],
    sample: { url: '/api/risk/targets/NOPE-1' },
  },
  'GET /api/risk/distribution': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/distribution?region=500112' },
    crossDepartment: { as: 'admin_b', sample: { url: '/api/risk/distribution?region=500112' }, status: 403 },
  },
  'GET /api/risk/usage': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/usage?region=500112&year=2026' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/risk/usage?region=500112&year=2026' },
      status: 403,
    },
  },
  // ── joint, cross-region, dashboards, evaluation (issue 6) ──
  'GET /api/dashboard/metrics': {
    who: ['leader', 'auditor', 'system_admin'],
    sample: { url: '/api/dashboard/metrics?year=2026' },
  },
  'GET /api/dashboard/records': {
    who: ['leader', 'auditor', 'system_admin'],
    sample: { url: '/api/dashboard/records?year=2026&kind=inspections' },
  },
  'GET /api/workbench/todos': { who: 'session', sample: { url: '/api/workbench/todos' } },
  'GET /api/dashboard/fairness': {
    who: ['leader', 'auditor', 'system_admin'],
    sample: { url: '/api/dashboard/fairness?year=2026' },
  },
  'GET /api/joint/suggestions': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/joint/suggestions?year=2026' },
  },
  'GET /api/joint/proposals': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/joint/proposals?year=2026' },
  },
  'POST /api/joint/proposals': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/joint/proposals', payload: { taskIds: ['T-2026-9998', 'T-2026-9999'] } },
  },
  'POST /api/joint/proposals/:id/respond': {
    who: ['dept_admin'],
    sample: {
      url: '/api/joint/proposals/00000000-0000-4000-8000-000000000000/respond',
      payload: { accept: true },
    },
  },
  'GET /api/cross-region/fallback': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/cross-region/fallback?region=500112' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/cross-region/fallback?region=500112' },
      status: 403,
    },
  },
  'GET /api/cross-region/fallbacks': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/cross-region/fallbacks' },
  },
  'PUT /api/cross-region/fallback': {
    who: ['system_admin'],
    sample: { url: '/api/cross-region/fallback', payload: { regionCode: '500112', adjacent: ['500103'] } },
  },
  'GET /api/evaluation/criteria': {
    who: ['leader', 'auditor', 'system_admin', 'dept_admin'],
    sample: { url: '/api/evaluation/criteria?region=500112' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/evaluation/criteria?region=500112' },
      status: 403,
    },
  },
  'PUT /api/evaluation/criteria': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/evaluation/criteria', payload: { regionCode: '500112', config: {} } },
    crossDepartment: {
      as: 'admin_c',
      sample: { url: '/api/evaluation/criteria', payload: { regionCode: '500112', config: {} } },
      status: 403,
    },
  },
  'DELETE /api/evaluation/criteria': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/evaluation/criteria?region=500112' },
    crossDepartment: {
      as: 'admin_c',
      sample: { url: '/api/evaluation/criteria?region=500112' },
      status: 403,
    },
  },
  'GET /api/evaluation/report': {
    who: ['leader', 'auditor', 'system_admin', 'dept_admin'],
    sample: { url: '/api/evaluation/report?region=500112&year=2026' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/evaluation/report?region=500112&year=2026' },
      status: 403,
    },
  },
  'GET /api/evaluation/export': {
    who: ['leader', 'auditor', 'system_admin', 'dept_admin'],
    sample: { url: '/api/evaluation/export?region=500112&year=2026' },
    crossDepartment: {
      as: 'admin_b',
      sample: { url: '/api/evaluation/export?region=500112&year=2026' },
      status: 403,
    },
  },
};

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
