/**
 * The authorization policy (issue 10): unit cases for each rule and fast-check properties
 * tying the rules together (keepers are admins of a containing region, lists never leave the
 * jurisdiction, oversight reads but never writes another department's data).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allows,
  can,
  divisionPrefix,
  isLibraryKeeper,
  jurisdictionOf,
  listDivision,
  regionContains,
  ROLES,
  type PolicyActor,
  type Role,
} from '../../src';

const actor = (roles: Role[], departmentCode: string): PolicyActor => ({
  roles,
  departmentCode,
  regionCode: departmentCode.slice(0, 6),
});
const target = (divisionCode: string) => ({ kind: 'target', divisionCode }) as const;

const LS_ADMIN = actor(['dept_admin'], '511623-SCJG');
const YB_ADMIN = actor(['dept_admin'], '500112-SCJG');
const YB_MZ = actor(['dept_admin'], '500112-MZ');
const CITY_ADMIN = actor(['dept_admin'], '500000-SCJG');
const SYS = actor(['system_admin'], '500000-SCJG');
const AUDITOR = actor(['auditor'], '500000-SCJG');
const LS_INSPECTOR = actor(['inspector'], '511623-SCJG');

describe('regions', () => {
  it('takes the code prefix a division covers', () => {
    expect(divisionPrefix('500000')).toBe('50');
    expect(divisionPrefix('500100')).toBe('5001');
    expect(divisionPrefix('500112')).toBe('500112');
  });
  it('contains its own districts only', () => {
    expect(regionContains('500000', '500112')).toBe(true);
    expect(regionContains('500112', '500112')).toBe(true);
    expect(regionContains('500112', '500103')).toBe(false);
    expect(regionContains('511623', '500112')).toBe(false);
    expect(regionContains('all', '511623')).toBe(true);
    expect(regionContains('500000', 'all')).toBe(false);
  });
});

describe('targets', () => {
  it('lets only the keeper of the target region write its master data (issue 10 repro)', () => {
    expect(allows(LS_ADMIN, 'target.write', target('500112'))).toBe(false);
    expect(allows(LS_ADMIN, 'target.write', target('511623'))).toBe(true);
    expect(allows(YB_ADMIN, 'target.write', target('500112'))).toBe(true);
    expect(allows(YB_MZ, 'target.write', target('500112'))).toBe(false);
    expect(allows(CITY_ADMIN, 'target.write', target('500112'))).toBe(true);
    expect(allows(SYS, 'target.write', target('511623'))).toBe(true);
    expect(allows(AUDITOR, 'target.write', target('500112'))).toBe(false);
  });
  it('says why it refuses, in both languages', () => {
    const r = can(LS_ADMIN, 'target.write', target('500112'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FORBIDDEN');
      expect(r.error.messageZh).toContain('500112');
      expect(r.error.messageEn).toContain('market-regulation admin');
    }
  });
  it('lets other departments of the region tag and claim, and anyone on staff read', () => {
    expect(allows(YB_MZ, 'target.tag', target('500112'))).toBe(true);
    expect(allows(YB_MZ, 'target.claim', target('500112'))).toBe(true);
    expect(allows(YB_MZ, 'target.claim', target('511623'))).toBe(false);
    expect(allows(LS_INSPECTOR, 'target.read', target('500112'))).toBe(true);
  });
  it('lists only the jurisdiction, and shows personal data to admins of the region', () => {
    expect(allows(LS_INSPECTOR, 'target.list', target('500112'))).toBe(false);
    expect(allows(LS_INSPECTOR, 'target.list', target('511623'))).toBe(true);
    expect(allows(AUDITOR, 'target.list', target('511623'))).toBe(true);
    expect(allows(LS_INSPECTOR, 'target.personal', target('511623'))).toBe(false);
    expect(allows(AUDITOR, 'target.personal', target('511623'))).toBe(false);
    expect(allows(LS_ADMIN, 'target.personal', target('511623'))).toBe(true);
    expect(allows(LS_ADMIN, 'target.personal', target('500112'))).toBe(false);
  });
  it('narrows a list filter to the jurisdiction', () => {
    expect(listDivision(LS_INSPECTOR, undefined)).toEqual({ ok: true, value: '511623' });
    expect(listDivision(LS_INSPECTOR, '51')).toEqual({ ok: true, value: '511623' });
    expect(listDivision(CITY_ADMIN, '500112')).toEqual({ ok: true, value: '500112' });
    expect(listDivision(AUDITOR, undefined)).toEqual({ ok: true, value: undefined });
    const r = listDivision(LS_INSPECTOR, '500112');
    expect(r.ok ? 'allowed' : r.error.code).toBe('FORBIDDEN');
  });
});

describe('departments, regions, inspections', () => {
  it('reads its own, joined and (for oversight) every department; writes its own', () => {
    const dept = { kind: 'department', departmentCode: '500103-SCJG' } as const;
    expect(allows(YB_ADMIN, 'department.read', dept)).toBe(false);
    expect(allows(YB_ADMIN, 'department.read', { ...dept, joined: ['500112-SCJG'] })).toBe(true);
    expect(allows(AUDITOR, 'department.read', dept)).toBe(true);
    expect(allows(AUDITOR, 'department.write', dept)).toBe(false);
    expect(allows(SYS, 'department.write', dept)).toBe(true);
  });
  it('changes region settings only as that region’s SCJG admin or above', () => {
    const region = (regionCode: string) => ({ kind: 'region', regionCode }) as const;
    expect(allows(YB_ADMIN, 'region.write', region('500112'))).toBe(true);
    expect(allows(YB_MZ, 'region.write', region('500112'))).toBe(false);
    expect(allows(YB_ADMIN, 'region.write', region('all'))).toBe(false);
    expect(allows(YB_ADMIN, 'region.read', region('500103'))).toBe(false);
    expect(allows(AUDITOR, 'region.read', region('500103'))).toBe(true);
  });
  it('lets the team read, a leader of the side review, and the publisher publish', () => {
    const visit = {
      kind: 'inspection',
      handling: ['500112-SCJG'],
      publishers: ['500112-SCJG'],
      onTeam: false,
    } as const;
    const insp = actor(['inspector'], '500112-SCJG');
    expect(allows(insp, 'inspection.read', visit)).toBe(false);
    expect(allows(insp, 'inspection.read', { ...visit, onTeam: true })).toBe(true);
    expect(allows(insp, 'inspection.follow_up', visit)).toBe(false);
    expect(allows(actor(['leader'], '500112-SCJG'), 'inspection.review', visit)).toBe(true);
    expect(allows(actor(['leader'], '500112-MZ'), 'inspection.review', visit)).toBe(false);
    expect(allows(YB_ADMIN, 'inspection.publish', visit)).toBe(true);
    expect(allows(LS_ADMIN, 'inspection.publish', visit)).toBe(false);
  });
});

const districts = ['500112', '500103', '511623', '500000', '510000', '110105'];
const kinds = ['SCJG', 'MZ', 'XF'];
const actorArb = fc
  .record({
    roles: fc.subarray([...ROLES], { minLength: 1 }),
    region: fc.constantFrom(...districts),
    kind: fc.constantFrom(...kinds),
  })
  .map(({ roles, region, kind }) => actor(roles, `${region}-${kind}`));
const divisionArb = fc.constantFrom(...districts.filter((d) => !d.endsWith('0000')), '500113', '511602');

describe('policy properties', () => {
  it('a target writer is a system admin or an SCJG admin whose region contains the target', () => {
    fc.assert(
      fc.property(actorArb, divisionArb, (a, d) => {
        const w = allows(a, 'target.write', target(d));
        expect(w).toBe(isLibraryKeeper(a, d));
        if (w && !a.roles.includes('system_admin')) {
          expect(a.departmentCode.endsWith('-SCJG')).toBe(true);
          expect(regionContains(a.regionCode, d)).toBe(true);
        }
      }),
    );
  });
  it('whatever may be written, tagged or seen unmasked may also be listed', () => {
    fc.assert(
      fc.property(actorArb, divisionArb, (a, d) => {
        for (const act of ['target.write', 'target.tag', 'target.personal', 'target.claim'] as const) {
          if (allows(a, act, target(d))) {
            expect(allows(a, 'target.list', target(d))).toBe(true);
          }
        }
      }),
    );
  });
  it('a narrowed list filter never leaves the jurisdiction', () => {
    fc.assert(
      fc.property(
        actorArb,
        fc.option(fc.constantFrom('50', '5001', '51', '500112', '511623', '11')),
        (a, q) => {
          const r = listDivision(a, q ?? undefined);
          if (r.ok && r.value !== undefined) {
            expect(regionContains(jurisdictionOf(a), r.value.padEnd(6, '0'))).toBe(true);
          }
          if (r.ok && r.value === undefined) {
            expect(jurisdictionOf(a)).toBe('all');
          }
        },
      ),
    );
  });
  it('only a system admin writes another department’s data; nobody without a role is granted anything', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom('500112-SCJG', '500103-MZ', '511623-SCJG'), (a, dep) => {
        const w = allows(a, 'department.write', { kind: 'department', departmentCode: dep });
        expect(w).toBe(a.departmentCode === dep || a.roles.includes('system_admin'));
        const none: PolicyActor = { ...a, roles: [] };
        for (const action of ACTIONS.filter((x) => x.startsWith('target.') && x !== 'target.read')) {
          expect(allows(none, action as 'target.write', target(a.regionCode))).toBe(action === 'target.list');
        }
      }),
    );
  });
});
