/** Route matrix entries: the target library: targets, claims, imports and exports. */
import { probe, type MatrixEntry } from './types';
import { DEPT_B } from '../support/fixtures';

export const TARGETS: Readonly<Record<string, MatrixEntry>> = {
  // ── targets, claims, imports and exports (issue 3) ──
  'GET /api/targets': {
    who: 'session',
    sample: { url: `/api/targets?q=${encodeURIComponent('华为')}&page=1` },
    crossDepartment: probe('admin_a', `/api/targets?claimedBy=${DEPT_B}`),
  },
  'GET /api/targets/export': {
    who: 'session',
    sample: { url: '/api/targets/export?format=csv' },
    crossDepartment: probe('admin_a', `/api/targets/export?format=csv&claimedBy=${DEPT_B}`),
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
};
