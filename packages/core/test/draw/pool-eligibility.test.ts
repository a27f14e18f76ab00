// Pool eligibility (issue 11): the 行政执法证 on every day of the window, the experts' own rule,
// and the library's 30-day warning.
import { describe, expect, it } from 'vitest';
import {
  certificateStatus,
  expertAssignmentExclusion,
  isoDate,
  officerPoolExclusion,
  teamMemberExclusion,
  type PoolCandidate,
} from '../../src';

const window = { start: isoDate('2026-12-01'), end: isoDate('2026-12-31') };
const officer = (over: Partial<PoolCandidate> = {}): PoolCandidate => ({
  expert: false,
  active: true,
  activeFrom: null,
  activeTo: null,
  qualifications: [{ type: '行政执法证', expiresOn: '2028-01-01' }],
  ...over,
});
const cert = (expiresOn: string) => [{ type: '行政执法证', expiresOn }];

describe('officerPoolExclusion', () => {
  it('admits an officer whose certificate covers the whole window, the last day included', () => {
    expect(officerPoolExclusion(officer(), window)).toBeNull();
    expect(officerPoolExclusion(officer({ qualifications: cert('2026-12-31') }), window)).toBeNull();
  });
  it('excludes an expired certificate, and one that lapses inside the window', () => {
    expect(officerPoolExclusion(officer({ qualifications: cert('2026-03-22') }), window)).toEqual({
      code: 'CERT_EXPIRED',
      expiresOn: '2026-03-22',
    });
    expect(officerPoolExclusion(officer({ qualifications: cert('2026-12-30') }), window)).toEqual({
      code: 'CERT_EXPIRES_IN_WINDOW',
      expiresOn: '2026-12-30',
    });
  });
  it('reads the latest 行政执法证 and ignores other qualifications', () => {
    const quals = [
      ...cert('2025-01-01'),
      ...cert('2027-05-01'),
      { type: '食品检查员', expiresOn: '2020-01-01' },
    ];
    expect(officerPoolExclusion(officer({ qualifications: quals }), window)).toBeNull();
    const other = [{ type: '食品检查员', expiresOn: '2030-01-01' }, ...cert('2026-01-01')];
    expect(officerPoolExclusion(officer({ qualifications: other }), window)?.code).toBe('CERT_EXPIRED');
  });
  it('admits an officer without a recorded expiry (the badge is the certificate)', () => {
    expect(officerPoolExclusion(officer({ qualifications: [] }), window)).toBeNull();
  });
  it('excludes inactive officers and those whose active dates miss the window', () => {
    expect(officerPoolExclusion(officer({ active: false }), window)?.code).toBe('INACTIVE');
    expect(officerPoolExclusion(officer({ activeTo: '2026-11-30' }), window)?.code).toBe('INACTIVE');
    expect(officerPoolExclusion(officer({ activeFrom: '2027-01-01' }), window)?.code).toBe('INACTIVE');
    expect(officerPoolExclusion(officer({ activeTo: '2026-12-01' }), window)).toBeNull();
  });
});

describe('experts', () => {
  const expert = (quals: PoolCandidate['qualifications']) => officer({ expert: true, qualifications: quals });
  it('need no 执法证, only a qualification valid through the window when one is recorded', () => {
    expect(expertAssignmentExclusion(expert([]), window)).toBeNull();
    expect(
      expertAssignmentExclusion(expert([{ type: '高级工程师', expiresOn: '2027-01-01' }]), window),
    ).toBeNull();
    expect(
      teamMemberExclusion(
        expert([
          { type: '高级工程师', expiresOn: '2026-06-30' },
          { type: '执业药师', expiresOn: '2026-09-30' },
        ]),
        window,
      ),
    ).toEqual({ code: 'EXPERT_QUALIFICATION_EXPIRED', expiresOn: '2026-09-30' });
    expect(teamMemberExclusion({ ...expert([]), active: false }, window)?.code).toBe('INACTIVE');
  });
});

describe('certificateStatus', () => {
  const today = isoDate('2026-11-20');
  it('warns 30 days ahead and counts the days left', () => {
    expect(certificateStatus(officer({ qualifications: cert('2026-12-20') }), today)).toEqual({
      state: 'expiring',
      expiresOn: '2026-12-20',
      daysLeft: 30,
    });
    expect(certificateStatus(officer({ qualifications: cert('2026-12-21') }), today).state).toBe('valid');
    expect(certificateStatus(officer({ qualifications: cert('2026-11-20') }), today).state).toBe('expiring');
    expect(certificateStatus(officer({ qualifications: cert('2026-11-19') }), today)).toMatchObject({
      state: 'expired',
      daysLeft: -1,
    });
    expect(certificateStatus(officer({ qualifications: [] }), today).state).toBe('unrecorded');
    expect(certificateStatus(officer({ expert: true }), today).state).toBe('notRequired');
  });
});
