/** Route matrix entries: plans, tasks and draws. */
import type { MatrixEntry } from './types';

export const WORKFLOW: Readonly<Record<string, MatrixEntry>> = {
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
  'GET /api/tasks/:id/draw-progress': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/tasks/T-2026-9999/draw-progress' },
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
  'POST /api/draws/:id/abandon-requests': {
    who: ['dept_admin'],
    sample: { url: '/api/draws/D-2026-9999-1/abandon-requests', payload: { reason: '矩阵测试作废' } },
  },
  'GET /api/abandon-requests': {
    who: ['system_admin', 'dept_admin', 'leader', 'auditor'],
    sample: { url: '/api/abandon-requests?status=pending' },
  },
  'POST /api/abandon-requests/:id/decision': {
    who: ['leader'],
    sample: {
      url: '/api/abandon-requests/999999/decision',
      payload: { decision: 'reject', comment: '矩阵' },
    },
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
};
