/** Route matrix entries: credit-risk tiers. */
import { probe, type MatrixEntry } from './types';

export const RISK: Readonly<Record<string, MatrixEntry>> = {
  // ── credit-risk tiers (issue 6) ──
  'GET /api/risk/model': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/model?region=500112' },
    crossDepartment: probe('admin_b', '/api/risk/model?region=500112'),
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
    crossDepartment: probe('admin_b', '/api/risk/runs?region=500112'),
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
    crossDepartment: probe('admin_b', '/api/risk/distribution?region=500112'),
  },
  'GET /api/risk/usage': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk/usage?region=500112&year=2026' },
    crossDepartment: probe('admin_b', '/api/risk/usage?region=500112&year=2026'),
  },
  // ── risk alerts (issue 16) ──
  'POST /api/risk-alerts/intake': {
    // partners sign each request with their source key instead of a session
    who: 'signed',
    sample: {
      url: '/api/risk-alerts/intake',
      payload: { type: 'rodent', occurredAt: '2026-11-20T01:00:00Z', uscc: '91440300708461136T' },
    },
  },
  'GET /api/risk-alerts': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk-alerts' },
  },
  'GET /api/risk-alerts/summary': {
    who: ['dept_admin', 'leader', 'auditor', 'system_admin'],
    sample: { url: '/api/risk-alerts/summary' },
  },
  'POST /api/risk-alerts/:id/triage': {
    who: ['dept_admin', 'leader', 'system_admin'],
    sample: {
      url: '/api/risk-alerts/00000000-0000-4000-8000-000000000000/triage',
      payload: { action: 'verify' },
    },
  },
  'POST /api/alert-sources': {
    who: ['dept_admin', 'system_admin'],
    sample: {
      url: '/api/alert-sources',
      payload: { id: 'matrix-src', name: '矩阵', kind: 'kitchen', departmentCode: '500112-SCJG' },
    },
    crossDepartment: {
      as: 'admin_b',
      sample: {
        url: '/api/alert-sources',
        payload: { id: 'matrix-src-b', name: '矩阵', kind: 'kitchen', departmentCode: '500112-SCJG' },
      },
      status: 403,
    },
  },
  'POST /api/alert-sources/:id/rotate-key': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/alert-sources/nope/rotate-key' },
  },
  'PUT /api/alert-sources/:id/active': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/alert-sources/nope/active', payload: { active: false } },
  },
};
