// The demo data set: determinism, counts, and every code valid against the reference tables.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  isValidDivisionCode,
  isWithinDivision,
  lookupDivision,
  lookupIndustry,
  validateTargetKey,
  validateUscc,
} from '@openssj/core';
import { randomPassword } from '../../src/demo/demo-accounts';
import { DEMO_ACCOUNTS, generateDemo, RESULT_CATEGORIES, type DemoData } from '../../src/demo';

let demo: DemoData;
let again: DemoData;

// Generated twice: once for determinism, and the faster run is the timing (the first
// includes JIT warm-up, which a loaded CI machine can stretch).
beforeAll(() => {
  demo = generateDemo();
  again = generateDemo();
});

describe('generateDemo', () => {
  it('generates 50,000 targets', () => {
    expect(demo.targets).toHaveLength(50_000);
  });

  it('is deterministic: same seed, same data; another seed, other data', () => {
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemo('another-seed', { targetCount: 2000 });
    expect(other.targets.slice(0, 100).map((t) => t.id)).not.toEqual(
      demo.targets.slice(0, 100).map((t) => t.id),
    );
    expect(other.inspectors.map((i) => i.name)).not.toEqual(demo.inspectors.map((i) => i.name));
    // sections have their own streams: fewer targets leave the inspectors as they were
    const small = generateDemo(undefined, { targetCount: 2000 });
    expect(small.inspectors).toEqual(demo.inspectors);
    expect(small.targets).toEqual(demo.targets.slice(0, 2000));
  });

  it('has the counts of issue 2', () => {
    expect(demo.regions.filter((r) => r.parentCode === '500000')).toHaveLength(8);
    expect(demo.departments.length).toBeGreaterThanOrEqual(20);
    expect(demo.items.length).toBeGreaterThanOrEqual(280);
    expect(demo.items.length).toBeLessThanOrEqual(340);
    expect(demo.inspectors).toHaveLength(400);
    expect(demo.recusals.length).toBeGreaterThanOrEqual(24);
    for (const type of ['企业', '个体工商户', '农民专业合作社', '其他组织', '产品', '项目', '行为']) {
      expect(demo.targets.some((t) => t.type === type)).toBe(true);
    }
  });
});

describe('organisation', () => {
  it('uses real division codes and names, with 渝北 and the cross-border 邻水', () => {
    for (const r of demo.regions) {
      expect(lookupDivision(r.code)?.name).toBe(r.name);
    }
    expect(demo.regions.find((r) => r.code === '500112')?.fullName).toBe('重庆市渝北区');
    expect(demo.regions.find((r) => r.code === '511623')).toMatchObject({
      name: '邻水县',
      parentCode: '511600',
    });
    expect(demo.regions.find((r) => r.code === '511600')).toMatchObject({
      name: '广安市',
      parentCode: '510000',
    });
  });
  it('gives departments codes that carry their region', () => {
    const codes = new Set(demo.departments.map((d) => d.code));
    expect(codes.size).toBe(demo.departments.length);
    for (const d of demo.departments) {
      expect(d.code.startsWith(`${d.regionCode}-`)).toBe(true);
      expect(demo.regions.some((r) => r.code === d.regionCode)).toBe(true);
    }
    for (const c of [
      '500112-SCJG',
      '500112-XF',
      '500112-STHJ',
      '500112-WJ',
      '500112-JW',
      '500112-MZ',
      '511623-SCJG',
    ]) {
      expect(codes.has(c)).toBe(true);
    }
    expect(demo.departments.find((d) => d.code === '500112-SCJG')?.name).toBe('渝北区市场监督管理局');
  });
  it('gives units codes under their department', () => {
    expect(demo.units.find((u) => u.code === '500112-SCJG-S01')?.name).toBe('两路市场监管所');
    for (const u of demo.units) {
      expect(u.code.startsWith(`${u.departmentCode}-`)).toBe(true);
    }
  });
  it('has accounts for every role, sharing one random password that meets the policy', () => {
    const passwords = new Set(Array.from({ length: 20 }, () => randomPassword()));
    expect(passwords.size).toBe(20);
    const roles = new Set(demo.users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(['auditor', 'dept_admin', 'inspector', 'leader', 'system_admin']);
    const by = new Map(demo.users.map((u) => [u.username, u]));
    expect(by.get('admin')?.departmentCode).toBe('500112-SCJG');
    expect(by.get('mz_admin')).toMatchObject({ departmentCode: '500112-MZ', roles: ['dept_admin'] });
    expect(by.get('ls_admin')).toMatchObject({ departmentCode: '511623-SCJG', roles: ['dept_admin'] });
    expect(by.get('sysadmin')?.departmentCode).toBe('500000-SCJG');
    for (const u of demo.users) {
      for (const p of passwords) {
        expect(checkPasswordPolicy(p, u.username).ok, p).toBe(true);
      }
      if (u.roles.includes('inspector')) {
        const i = demo.inspectors.find((x) => x.badgeNumber === u.inspectorBadge);
        expect(i).toMatchObject({ departmentCode: u.departmentCode, active: true, name: u.displayName });
      }
    }
    expect(DEMO_ACCOUNTS.accounts.map((a) => a.username)).toEqual(demo.users.map((u) => u.username));
  });
});

describe('items', () => {
  it('are coded per department with caps, methods and guidelines', () => {
    expect(new Set(demo.items.map((i) => i.code)).size).toBe(demo.items.length);
    for (const i of demo.items) {
      expect(i.code.startsWith(`${i.departmentCode}-SX`)).toBe(true);
      expect(i.ratioCap === null).toBe(i.priority === 'key');
      expect(i.legalBasis.articles.length).toBeGreaterThan(0);
      expect(i.targetTypes.length).toBeGreaterThan(0);
      for (const code of i.industries) {
        expect(lookupIndustry(code), code).toBeDefined();
      }
      const result = i.guideline.form.find((f) => f.key === 'result');
      expect(result?.options).toEqual(RESULT_CATEGORIES);
    }
    expect(demo.items.some((i) => i.ratioCap === 0.05)).toBe(true);
    expect(new Set(demo.items.map((i) => i.method))).toEqual(new Set(['document', 'onsite', 'online']));
    const kinds = new Set(demo.items.flatMap((i) => i.guideline.form.map((f) => f.kind)));
    expect(kinds).toEqual(new Set(['yesNo', 'number', 'text', 'photo', 'choice']));
    expect(demo.items.some((i) => i.guideline.form.some((f) => f.kind === 'yesNo' && f.photoRequired))).toBe(
      true,
    );
  });
});

describe('targets', () => {
  // One expect per rule, not per target: 50,000 expect calls alone take seconds.
  it('carry valid keys: USCC for market entities, <type>:<code> otherwise', () => {
    const bad = demo.targets.filter((t) => {
      if (!validateTargetKey(t.type, t.id).ok) {
        return true;
      }
      if (t.uscc === null) {
        return t.id !== t.code;
      }
      const v = validateUscc(t.uscc);
      // GB 32100: positions 3–8 carry the division code
      return !v.ok || t.id !== t.uscc || t.uscc.slice(2, 8) !== t.divisionCode;
    });
    expect(bad).toEqual([]);
    expect(new Set(demo.targets.map((t) => t.id)).size).toBe(demo.targets.length);
  });
  it('use real division and industry codes, and units of their district', () => {
    const units = new Map(demo.units.map((u) => [u.code, u]));
    const badDivision = demo.targets.filter((t) => !isValidDivisionCode(t.divisionCode));
    const badIndustry = demo.targets.filter(
      (t) => t.industryCode !== null && lookupIndustry(t.industryCode)?.level !== 4,
    );
    const badUnit = demo.targets.filter((t) => {
      const unit = units.get(t.supervisingUnitCode);
      return (
        unit?.regionCode !== t.divisionCode ||
        !t.address.startsWith(lookupDivision(t.divisionCode)?.fullName ?? '?') ||
        !t.address.includes(unit.area[0] ?? '?')
      );
    });
    expect(badDivision).toEqual([]);
    expect(badIndustry.map((t) => t.industryCode)).toEqual([]);
    expect(badUnit).toEqual([]);
  });
  it('look like a real library: statuses, tiers, tags, names', () => {
    const share = (f: (t: DemoData['targets'][number]) => boolean): number =>
      demo.targets.filter(f).length / demo.targets.length;
    expect(share((t) => t.status === '在营')).toBeGreaterThan(0.85);
    for (const s of ['注销', '吊销', '撤销', '迁出']) {
      expect(demo.targets.some((t) => t.status === s)).toBe(true);
    }
    for (const tier of ['A', 'B', 'C', 'D']) {
      expect(demo.targets.some((t) => t.creditTier === tier)).toBe(true);
    }
    expect(share((t) => t.creditTierSource === 'imported')).toBeGreaterThan(0.1);
    expect(demo.targets.some((t) => t.tags.includes('风险预警'))).toBe(true);
    expect(share((t) => t.divisionCode === '500112')).toBeGreaterThan(0.25);
    expect(demo.targets.some((t) => t.divisionCode === '511623')).toBe(true);
    expect(demo.targets.some((t) => /^重庆渝北.+有限公司$/.test(t.name))).toBe(true);
    expect(demo.targets.every((t) => t.registeredOn <= t.statusDate)).toBe(true);
  });
});

describe('inspectors and recusals', () => {
  it('have badges in their region or expert library ids', () => {
    const ids = new Set(demo.inspectors.map((i) => i.id));
    expect(ids.size).toBe(400);
    for (const i of demo.inspectors) {
      if (i.expert) {
        expect(i.badgeNumber).toBeNull();
        expect(i.id).toMatch(/^EXP-\d{4}$/);
      } else {
        expect(i.badgeNumber).toMatch(new RegExp(`^${i.regionCode}\\d{5}$`));
        expect(i.unitCode === null || i.unitCode.startsWith(i.departmentCode)).toBe(true);
      }
      expect(i.qualifications.length).toBeGreaterThan(0);
      expect(i.capacityPerTask).toBeGreaterThan(0);
    }
    expect(demo.inspectors.find((i) => i.departmentCode === '500112-SCJG')?.badgeNumber).toBe('50011220001');
    expect(demo.inspectors.some((i) => !i.active && i.activeUntil !== null)).toBe(true);
  });
  it('recusals name existing inspectors and targets of the same region', () => {
    const inspectors = new Map(demo.inspectors.map((i) => [i.id, i]));
    const targets = new Map(demo.targets.map((t) => [t.id, t]));
    const users = new Set(demo.users.map((u) => u.username));
    for (const r of demo.recusals) {
      const i = inspectors.get(r.inspectorId);
      const t = targets.get(r.targetId);
      expect(i && t && isWithinDivision(t.divisionCode, i.regionCode)).toBe(true);
      expect(r.text.length).toBeGreaterThan(0);
      expect(users.has(r.declaredBy)).toBe(true);
    }
    expect(new Set(demo.recusals.map((r) => r.kind))).toEqual(new Set(['kinship', 'economic', 'other']));
  });
});
