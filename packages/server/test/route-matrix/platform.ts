/** Route matrix entries: sessions, organisation, users, audit, calendar and the log. */
import { probe, type MatrixEntry } from './types';
import { DEPT_B, DEPT_C } from '../support/fixtures';

export const PLATFORM: Readonly<Record<string, MatrixEntry>> = {
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
    crossDepartment: probe('admin_a', `/api/users?department=${DEPT_B}`),
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
    crossDepartment: probe('admin_a', `/api/audit?department=${DEPT_B}`),
  },
  'GET /api/audit/export': {
    who: ['auditor', 'system_admin', 'dept_admin', 'leader'],
    sample: { url: '/api/audit/export?format=csv' },
    crossDepartment: probe('admin_a', `/api/audit/export?format=csv&department=${DEPT_B}`),
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
  'GET /api/public/freshness': { who: 'public', sample: { url: '/api/public/freshness' } },
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
};
