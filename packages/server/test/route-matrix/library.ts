/** Route matrix entries: items, guidelines, inspectors and recusals. */
import { probe, type MatrixEntry } from './types';
import { DEPT_B } from '../support/fixtures';

export const LIBRARY: Readonly<Record<string, MatrixEntry>> = {
  // ── items, guidelines, inspectors, recusals (issue 3) ──
  'GET /api/items': {
    who: 'session',
    sample: { url: '/api/items' },
    crossDepartment: probe('admin_b', '/api/items?department=500112-SCJG'),
  },
  'GET /api/items/export': {
    who: 'session',
    sample: { url: '/api/items/export?format=csv' },
    crossDepartment: probe('admin_b', '/api/items/export?department=500112-SCJG'),
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
    crossDepartment: probe('admin_b', '/api/item-settings/ratio-cap?department=500112-SCJG'),
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
    crossDepartment: probe('admin_a', `/api/inspectors?department=${DEPT_B}`),
  },
  'GET /api/inspectors/certificate-alerts': {
    who: ['dept_admin', 'system_admin', 'auditor', 'leader'],
    sample: { url: '/api/inspectors/certificate-alerts' },
  },
  'GET /api/inspectors/export': {
    who: ['dept_admin', 'system_admin', 'auditor', 'leader'],
    sample: { url: '/api/inspectors/export?format=csv' },
    crossDepartment: probe('admin_a', `/api/inspectors/export?department=${DEPT_B}`),
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
    crossDepartment: probe('admin_a', `/api/recusals?department=${DEPT_B}`),
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
};
