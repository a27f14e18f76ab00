/** Route matrix entries: inspections, review, publication and follow-up. */
import { probe, type MatrixEntry } from './types';

export const INSPECTION: Readonly<Record<string, MatrixEntry>> = {
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
  'PUT /api/inspections/:id/method': {
    who: ['inspector'],
    sample: {
      url: '/api/inspections/00000000-0000-4000-8000-000000000000/method',
      payload: { version: 1, method: 'document', remoteEvidence: '审查了营业执照和进货台账' },
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
        sha256: '4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6',
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
  // ── objections and credit repair (issue 16 part 2) ──
  'POST /api/public/appeals/lookup': {
    who: 'public',
    sample: {
      url: '/api/public/appeals/lookup',
      payload: { uscc: '91500112MA5U7IN011', noticeCode: 'ABCDEF0123' },
    },
  },
  'POST /api/public/appeals': {
    who: 'public',
    sample: {
      url: '/api/public/appeals',
      payload: {
        uscc: '91500112MA5U7IN011',
        noticeCode: 'ABCDEF0123',
        kind: 'objection',
        text: '检查结果记载有误，请予更正。',
        contact: '王经理 13800000000',
      },
    },
  },
  'GET /api/appeals': {
    who: ['leader', 'dept_admin', 'auditor', 'system_admin'],
    sample: { url: '/api/appeals' },
  },
  'GET /api/appeals/:id': {
    who: ['leader', 'dept_admin', 'auditor', 'system_admin'],
    sample: { url: '/api/appeals/00000000-0000-4000-8000-000000000000' },
  },
  'GET /api/appeals/:id/attachments/:fileId': {
    who: ['leader', 'dept_admin', 'auditor', 'system_admin'],
    sample: {
      url: '/api/appeals/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000',
    },
  },
  'POST /api/appeals/:id/decision': {
    who: ['leader'],
    sample: {
      url: '/api/appeals/00000000-0000-4000-8000-000000000000/decision',
      payload: { decision: 'upheld', reason: '维持原结果' },
    },
  },
  'GET /api/appeal-terms': {
    who: ['leader', 'dept_admin', 'auditor', 'system_admin'],
    sample: { url: '/api/appeal-terms?region=500112' },
    crossDepartment: probe('admin_b', '/api/appeal-terms?region=500112'),
  },
  'PUT /api/appeal-terms': {
    who: ['dept_admin', 'system_admin'],
    sample: {
      url: '/api/appeal-terms',
      payload: { regionCode: '500112', config: { objectionWorkingDays: 15, decisionWorkingDays: 10 } },
    },
    crossDepartment: {
      as: 'admin_c',
      sample: {
        url: '/api/appeal-terms',
        payload: { regionCode: '500112', config: { objectionWorkingDays: 15, decisionWorkingDays: 10 } },
      },
      status: 403,
    },
  },
  'DELETE /api/appeal-terms': {
    who: ['dept_admin', 'system_admin'],
    sample: { url: '/api/appeal-terms?region=500112' },
    crossDepartment: probe('admin_c', '/api/appeal-terms?region=500112'),
  },
};
