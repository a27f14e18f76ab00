/** Route matrix entries: joint work, cross-region, dashboards and evaluation. */
import { probe, type MatrixEntry } from './types';

export const OVERSIGHT: Readonly<Record<string, MatrixEntry>> = {
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
    crossDepartment: probe('admin_b', '/api/cross-region/fallback?region=500112'),
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
    crossDepartment: probe('admin_b', '/api/evaluation/criteria?region=500112'),
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
    crossDepartment: probe('admin_c', '/api/evaluation/criteria?region=500112'),
  },
  'GET /api/evaluation/report': {
    who: ['leader', 'auditor', 'system_admin', 'dept_admin'],
    sample: { url: '/api/evaluation/report?region=500112&year=2026' },
    crossDepartment: probe('admin_b', '/api/evaluation/report?region=500112&year=2026'),
  },
  'GET /api/evaluation/export': {
    who: ['leader', 'auditor', 'system_admin', 'dept_admin'],
    sample: { url: '/api/evaluation/export?region=500112&year=2026' },
    crossDepartment: probe('admin_b', '/api/evaluation/export?region=500112&year=2026'),
  },
};
