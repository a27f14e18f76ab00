// Inspector rules: officers need a badge, experts have none; regions, dates, qualifications, capacity.
import { describe, expect, it } from 'vitest';
import {
  countsAsOfficer,
  inspectorInputSchema,
  nextExpertId,
  pairQualifications,
  validateInspector,
  type InspectorInput,
} from '../../src/library';

const officer: InspectorInput = {
  badgeNo: '50011220260001',
  name: '张三',
  departmentCode: '500112-SCJG',
  regionCode: '500112',
  qualifications: [{ type: '行政执法证', expiresOn: '2028-12-31' }],
};

describe('validateInspector', () => {
  it('accepts an officer with a badge and an expert without one', () => {
    const o = validateInspector(officer);
    expect(o.ok && o.value).toMatchObject({
      badgeNo: '50011220260001',
      expert: false,
      active: true,
      capacity: null,
    });
    const e = validateInspector({ ...officer, badgeNo: null, expert: true });
    expect(e.ok && e.value.badgeNo).toBe(null);
  });

  it('rejects an officer without a badge, an expert with one, and an expert id as a badge', () => {
    const noBadge = validateInspector({ ...officer, badgeNo: '' }, 5);
    expect(!noBadge.ok && noBadge.error[0]).toMatchObject({
      row: 5,
      field: 'badgeNo',
      messageEn: 'law-enforcement officers need a badge number',
    });
    expect(validateInspector({ ...officer, expert: true }).ok).toBe(false);
    expect(validateInspector({ ...officer, badgeNo: 'EXP-0001' }).ok).toBe(false);
    expect(validateInspector({ ...officer, badgeNo: 'A B' }).ok).toBe(false);
  });

  it('rejects unknown regions, reversed dates and a repeated qualification', () => {
    const r = validateInspector({
      ...officer,
      regionCode: '500199',
      activeFrom: '2026-05-01',
      activeTo: '2026-01-01',
      qualifications: [
        { type: '行政执法证', expiresOn: '2028-12-31' },
        { type: '行政执法证', expiresOn: '2029-12-31' },
      ],
    });
    expect(!r.ok && r.error.map((e) => e.field).sort()).toEqual(['activeTo', 'qualifications', 'regionCode']);
  });

  it('bounds capacity and dates in the schema', () => {
    expect(inspectorInputSchema.safeParse({ ...officer, capacity: 0 }).success).toBe(false);
    expect(inspectorInputSchema.safeParse({ ...officer, capacity: 1000 }).success).toBe(false);
    expect(inspectorInputSchema.safeParse({ ...officer, capacity: 2.5 }).success).toBe(false);
    expect(inspectorInputSchema.safeParse({ ...officer, capacity: 30 }).success).toBe(true);
    expect(
      inspectorInputSchema.safeParse({ ...officer, qualifications: [{ type: 'x', expiresOn: '2028-02-30' }] })
        .success,
    ).toBe(false);
    expect(inspectorInputSchema.safeParse({ ...officer, name: '名'.repeat(51) }).success).toBe(false);
  });
});

describe('helpers', () => {
  it('numbers experts', () => {
    expect(nextExpertId([])).toBe('EXP-0001');
    expect(nextExpertId(['EXP-0009', '5001', 'EXP-0002'])).toBe('EXP-0010');
  });

  it('pairs qualification cells', () => {
    const at = { field: 'qualifications', row: 2 };
    expect(pairQualifications(['A', 'B'], ['2027-01-01', '2028-01-01'], at)).toEqual({
      ok: true,
      value: [
        { type: 'A', expiresOn: '2027-01-01' },
        { type: 'B', expiresOn: '2028-01-01' },
      ],
    });
    expect(pairQualifications(['A', 'B'], ['2027-01-01'], at).ok).toBe(true);
    expect(pairQualifications(['A', 'B', 'C'], ['2027-01-01', '2028-01-01'], at).ok).toBe(false);
    expect(pairQualifications([], ['2027-01-01'], at).ok).toBe(false);
  });

  it('experts and lapsed qualifications never count as officers', () => {
    const q = [{ type: '行政执法证', expiresOn: '2026-06-30' }];
    expect(countsAsOfficer({ expert: false, active: true, qualifications: q }, '2026-06-30')).toBe(true);
    expect(countsAsOfficer({ expert: false, active: true, qualifications: q }, '2026-07-01')).toBe(false);
    expect(countsAsOfficer({ expert: true, active: true, qualifications: q }, '2026-01-01')).toBe(false);
    expect(countsAsOfficer({ expert: false, active: false, qualifications: q }, '2026-01-01')).toBe(false);
  });
});
