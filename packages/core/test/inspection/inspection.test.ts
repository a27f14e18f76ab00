/** Result categories, transitions, submission checks and follow-up suggestions (issue 5). */
import { describe, expect, it } from 'vitest';
import {
  checkSubmission,
  FOLLOW_UP_KINDS,
  followUpKindSchema,
  INSPECTION_STATUSES,
  inspectionTransition,
  isEditable,
  isUnderWay,
  isProblemCategory,
  needsAbnormalList,
  publicationCountdown,
  RESULT_CATEGORIES,
  resultCategorySchema,
  suggestFollowUps,
  summaryCategory,
  type VisitItem,
} from '../../src/inspection';
import { isoDate, type HolidayTable } from '../../src/calendar';
import { resultCategoryField } from '../../src/library';

const NO_TABLE: HolidayTable = [];
// 2026 National Day: Oct 1–7 off, Sept 20 and Oct 10 make-up working days (State Council notice)
const T2026: HolidayTable = [
  {
    year: 2026,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-20', '2026-10-10'],
  },
];

describe('result categories', () => {
  it('are exactly the eleven of domain.md', () => {
    expect(RESULT_CATEGORIES).toHaveLength(11);
    expect(resultCategorySchema.safeParse('未发现问题').success).toBe(true);
    expect(resultCategorySchema.safeParse('没问题').success).toBe(false);
    expect(followUpKindSchema.options).toEqual([...FOLLOW_UP_KINDS]);
  });
  it('know which go to the abnormal list and which are problems', () => {
    expect(needsAbnormalList('通过登记的住所（经营场所）无法联系')).toBe(true);
    expect(needsAbnormalList('公示信息隐瞒真实情况、弄虚作假')).toBe(true);
    expect(needsAbnormalList('发现问题已责令改正')).toBe(false);
    expect(isProblemCategory('未发现问题')).toBe(false);
    expect(isProblemCategory('不配合检查情节严重')).toBe(true);
    expect(summaryCategory(['未发现问题', '发现问题待后续处理'])).toBe('发现问题待后续处理');
    expect(summaryCategory([])).toBeNull();
  });
});

describe('transitions', () => {
  it('allow the workflow and refuse shortcuts', () => {
    expect(inspectionTransition('assigned', 'record')).toEqual({ ok: true, value: 'in_progress' });
    expect(inspectionTransition('returned', 'record')).toEqual({ ok: true, value: 'returned' });
    expect(inspectionTransition('in_progress', 'submit')).toEqual({ ok: true, value: 'submitted' });
    expect(inspectionTransition('submitted', 'return')).toEqual({ ok: true, value: 'returned' });
    expect(inspectionTransition('approved', 'publish')).toEqual({ ok: true, value: 'published' });
    const unreviewed = inspectionTransition('submitted', 'publish');
    expect(unreviewed.ok ? null : unreviewed.error.code).toBe('INVALID_STATE');
    expect(inspectionTransition('assigned', 'submit').ok).toBe(false);
    expect(inspectionTransition('published', 'record').ok).toBe(false);
    expect(inspectionTransition('cancelled', 'record').ok).toBe(false);
  });

  it('name the visits under way: those a record may start from', () => {
    expect(INSPECTION_STATUSES.filter(isUnderWay)).toEqual(['assigned', 'in_progress', 'returned']);
    for (const s of INSPECTION_STATUSES) {
      expect(isUnderWay(s), s).toBe(inspectionTransition(s, 'record').ok);
      expect(isEditable(s), s).toBe(isUnderWay(s));
    }
    expect(isUnderWay('no-such-status')).toBe(false);
  });
});

describe('checkSubmission', () => {
  const item: VisitItem = {
    itemId: 'i1',
    name: '执照',
    departmentCode: 'D',
    form: [
      resultCategoryField(),
      { key: 'ok', label: '合规', kind: 'yesNo', required: true, photoRequired: true },
      { key: 'pic', label: '照片', kind: 'photo', required: false, photoRequired: false },
    ],
  };
  const base = {
    items: [item],
    photoKeys: new Set(['i1|ok']),
    team: [
      { id: 'A', departmentCode: 'D' },
      { id: 'B', departmentCode: 'D' },
      { id: 'C', departmentCode: 'D' },
    ],
    confirmations: [{ inspectorId: 'A' }, { inspectorId: 'B' }],
    signature: { kind: 'refused' as const, reason: '拒签', at: '2026-11-20T00:00:00Z' },
  };
  it('passes a complete record', () => {
    expect(
      checkSubmission({
        ...base,
        results: [{ itemId: 'i1', category: '未发现问题', categoryNote: null, answers: { ok: true } }],
      }).ok,
    ).toBe(true);
  });
  it('lists every gap', () => {
    const r = checkSubmission({
      ...base,
      photoKeys: new Set(),
      confirmations: [{ inspectorId: 'A' }],
      signature: null,
      results: [{ itemId: 'i1', category: '其他', categoryNote: ' ', answers: {} }],
    });
    expect(r.ok ? [] : (r.error.issues ?? []).map((i) => i.field)).toEqual([
      'i1.categoryNote',
      'i1.ok',
      'i1.ok',
      'confirmations',
      'businessSignature',
    ]);
  });
  it('needs two confirmations, and one of each department with items', () => {
    const results = [
      { itemId: 'i1', category: '未发现问题' as const, categoryNote: null, answers: { ok: true } },
    ];
    const joint = checkSubmission({
      ...base,
      results,
      team: [
        { id: 'A', departmentCode: 'E' },
        { id: 'B', departmentCode: 'E' },
        { id: 'C', departmentCode: 'D' },
      ],
    });
    expect(joint.ok ? [] : (joint.error.issues ?? []).map((i) => i.value)).toEqual(['D']);
  });
  it('needs a category for every item', () => {
    const r = checkSubmission({ ...base, results: [] });
    expect(r.ok ? [] : (r.error.issues ?? []).map((i) => i.field)).toEqual(['i1.category']);
  });
});

describe('deadlines', () => {
  it('counts 20 working days around National Day with make-up days', () => {
    expect(publicationCountdown(isoDate('2026-09-30'), isoDate('2026-09-30'), T2026, false)).toEqual({
      deadline: '2026-11-03',
      provisional: false,
      workingDaysLeft: 20,
      overdue: false,
    });
  });
  it('is provisional without a table and flags overdue', () => {
    const c = publicationCountdown(isoDate('2027-03-31'), isoDate('2027-05-06'), NO_TABLE, false);
    expect(c).toMatchObject({ deadline: '2027-04-28', provisional: true, overdue: true });
    expect(c.workingDaysLeft).toBeLessThan(0);
    expect(publicationCountdown(isoDate('2027-03-31'), isoDate('2027-05-06'), NO_TABLE, true).overdue).toBe(
      false,
    );
  });
  it('suggests the abnormal list 10 working days after the finding', () => {
    expect(suggestFollowUps('通过登记的住所（经营场所）无法联系', isoDate('2026-09-28'), T2026)).toEqual([
      expect.objectContaining({ kind: 'abnormal_list', deadline: '2026-10-16', provisional: false }),
    ]);
    expect(
      suggestFollowUps('公示信息隐瞒真实情况、弄虚作假', isoDate('2027-01-04'), NO_TABLE)[0],
    ).toMatchObject({ deadline: '2027-01-18', provisional: true });
    expect(suggestFollowUps('未发现问题', isoDate('2026-09-28'), T2026)).toEqual([]);
    expect(suggestFollowUps('发现问题已责令改正', isoDate('2026-09-28'), T2026)[0]?.kind).toBe(
      'correction_order',
    );
  });
  it('gives the suggested correction order a default deadline of 15 working days (issue 11)', () => {
    expect(suggestFollowUps('发现问题待后续处理', isoDate('2027-01-04'), NO_TABLE)[0]).toMatchObject({
      kind: 'correction_order',
      deadline: '2027-01-25',
      provisional: true,
    });
    // 2026: the National Day holiday does not count (without it, three weeks: 2026-10-19)
    const d = suggestFollowUps('未按规定公示应当公示的信息', isoDate('2026-09-28'), T2026)[0]?.deadline ?? '';
    expect(d > '2026-10-19').toBe(true);
  });
});
