/** Objections and credit repair (issue 16 part 2): who may file what and when, what a decision needs, what counts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, type IsoDate } from '../../src/calendar';
import {
  APPEAL_DECISIONS,
  APPEAL_KINDS,
  appealDecisionInputSchema,
  appealDueOn,
  checkAppealDecision,
  checkAppealFiling,
  DECISIONS_OF,
  DEFAULT_APPEAL_TERMS,
  findingCounts,
  objectionLastDay,
  publicAppealLine,
  type AppealOnRecord,
  type FilingFacts,
} from '../../src/inspection';
import { OFFICIAL_2025_2026 } from '../calendar/fixtures';

const d = (s: string) => s as IsoDate;
const table = OFFICIAL_2025_2026;
const ITEM = '11111111-1111-4111-8111-111111111111';
const OTHER_ITEM = '22222222-2222-4222-8222-222222222222';

function facts(over: Partial<FilingFacts> = {}): FilingFacts {
  return {
    publishedOn: d('2026-09-25'),
    today: d('2026-09-28'),
    categories: ['发现问题已责令改正'],
    onRecord: [],
    ...over,
  };
}

describe('the objection window', () => {
  it('counts working days from publication, so the National Day week does not eat the window', () => {
    // published Fri 25 Sep 2026: 15 working days run past 1–7 Oct (holidays) and the make-up days
    const last = objectionLastDay(d('2026-09-25'), DEFAULT_APPEAL_TERMS, table);
    expect(last).toEqual(addWorkingDays(d('2026-09-25'), 15, table));
    expect(last.date > '2026-10-15').toBe(true);
    expect(checkAppealFiling('objection', facts({ today: last.date }), DEFAULT_APPEAL_TERMS, table).ok).toBe(
      true,
    );
    const late = checkAppealFiling(
      'objection',
      facts({
        today: d(`${last.date.slice(0, 8)}${String(Number(last.date.slice(8)) + 1).padStart(2, '0')}`),
      }),
      DEFAULT_APPEAL_TERMS,
      table,
    );
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('INVALID_STATE');
      expect(late.error.messageZh).toContain(last.date);
      expect(late.error.details).toEqual({ lastDay: last.date });
    }
  });

  it('follows the configured number of days', () => {
    const short = { objectionWorkingDays: 1, decisionWorkingDays: 1 };
    expect(checkAppealFiling('objection', facts({ today: d('2026-09-28') }), short, table).ok).toBe(true);
    expect(checkAppealFiling('objection', facts({ today: d('2026-09-29') }), short, table).ok).toBe(false);
    expect(appealDueOn(d('2026-09-30'), short, table).date).toBe('2026-10-08');
  });
});

describe('checkAppealFiling', () => {
  const rec = (kind: AppealOnRecord['kind'], status: AppealOnRecord['status']): AppealOnRecord => ({
    kind,
    status,
  });

  it('allows one objection per result, and nothing while another appeal is pending', () => {
    expect(
      checkAppealFiling(
        'objection',
        facts({ onRecord: [rec('objection', 'upheld')] }),
        DEFAULT_APPEAL_TERMS,
        table,
      ).ok,
    ).toBe(false);
    for (const kind of APPEAL_KINDS) {
      const r = checkAppealFiling(
        kind,
        facts({ onRecord: [rec('credit_repair', 'pending')] }),
        DEFAULT_APPEAL_TERMS,
        table,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.messageZh).toContain('处理中');
      }
    }
  });

  it('repairs only an adverse result, once approved never again, after a rejection again', () => {
    expect(
      checkAppealFiling('credit_repair', facts({ categories: ['未发现问题'] }), DEFAULT_APPEAL_TERMS, table)
        .ok,
    ).toBe(false);
    expect(checkAppealFiling('credit_repair', facts(), DEFAULT_APPEAL_TERMS, table).ok).toBe(true);
    expect(
      checkAppealFiling(
        'credit_repair',
        facts({ onRecord: [rec('credit_repair', 'approved')] }),
        DEFAULT_APPEAL_TERMS,
        table,
      ).ok,
    ).toBe(false);
    expect(
      checkAppealFiling(
        'credit_repair',
        facts({ onRecord: [rec('credit_repair', 'rejected')] }),
        DEFAULT_APPEAL_TERMS,
        table,
      ).ok,
    ).toBe(true);
    // a repair is not bound to the objection window
    expect(
      checkAppealFiling('credit_repair', facts({ today: d('2027-06-01') }), DEFAULT_APPEAL_TERMS, table).ok,
    ).toBe(true);
  });
});

describe('checkAppealDecision', () => {
  const items = new Set([ITEM, OTHER_ITEM]);
  const input = (o: Record<string, unknown>) =>
    appealDecisionInputSchema.parse({ reason: '经复核，情况属实', ...o });

  it('accepts exactly the decisions of each kind', () => {
    for (const kind of APPEAL_KINDS) {
      for (const decision of APPEAL_DECISIONS) {
        const body = input({
          decision,
          corrections: decision === 'corrected' ? [{ itemId: ITEM, category: '未发现问题' }] : [],
          effectiveFrom: decision === 'approved' ? '2026-10-01' : null,
        });
        expect(checkAppealDecision({ kind, status: 'pending' }, body, items).ok).toBe(
          DECISIONS_OF[kind].includes(decision),
        );
      }
    }
  });

  it('needs corrections for a correction, a start date for an approval, and a pending appeal', () => {
    const fails = (kind: 'objection' | 'credit_repair', o: Record<string, unknown>, field: string) => {
      const r = checkAppealDecision({ kind, status: 'pending' }, input(o), items);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.issues?.[0]?.field).toBe(field);
      }
    };
    fails('objection', { decision: 'corrected' }, 'corrections');
    fails(
      'objection',
      {
        decision: 'corrected',
        corrections: [{ itemId: '33333333-3333-4333-8333-333333333333', category: '未发现问题' }],
      },
      'corrections[0].itemId',
    );
    fails(
      'objection',
      {
        decision: 'corrected',
        corrections: [
          { itemId: ITEM, category: '未发现问题' },
          { itemId: ITEM, category: '其他', note: 'x' },
        ],
      },
      'corrections[1].itemId',
    );
    fails(
      'objection',
      { decision: 'corrected', corrections: [{ itemId: ITEM, category: '其他' }] },
      'corrections[0].note',
    );
    fails(
      'objection',
      { decision: 'upheld', corrections: [{ itemId: ITEM, category: '未发现问题' }] },
      'corrections',
    );
    fails('credit_repair', { decision: 'approved' }, 'effectiveFrom');
    fails('credit_repair', { decision: 'rejected', effectiveFrom: '2026-10-01' }, 'effectiveFrom');
    const done = checkAppealDecision(
      { kind: 'objection', status: 'upheld' },
      input({ decision: 'withdrawn' }),
      items,
    );
    expect(!done.ok && done.error.code).toBe('INVALID_STATE');
    expect(appealDecisionInputSchema.safeParse({ decision: 'upheld', reason: ' ' }).success).toBe(false);
  });
});

describe('findingCounts', () => {
  it('stops counting once withdrawn, or from the day a repair takes effect', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        (a, b) => {
          const from = a.toISOString().slice(0, 10);
          const asOf = b.toISOString().slice(0, 10);
          expect(findingCounts([{ status: 'approved', effectiveFrom: from }], asOf)).toBe(asOf < from);
          expect(findingCounts([{ status: 'withdrawn', effectiveFrom: null }], asOf)).toBe(false);
          expect(
            findingCounts(
              [
                { status: 'rejected', effectiveFrom: null },
                { status: 'upheld', effectiveFrom: null },
              ],
              asOf,
            ),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('publicAppealLine', () => {
  it('says 异议处理中 while pending and the outcome after', () => {
    expect(publicAppealLine(null)).toBeNull();
    expect(publicAppealLine({ kind: 'objection', status: 'pending', effectiveFrom: null })?.zh).toBe(
      '异议处理中',
    );
    expect(publicAppealLine({ kind: 'objection', status: 'corrected', effectiveFrom: null })?.zh).toBe(
      '异议已处理：结果已更正',
    );
    expect(
      publicAppealLine({ kind: 'credit_repair', status: 'approved', effectiveFrom: '2026-10-09' })?.zh,
    ).toContain('2026-10-09');
  });
});
