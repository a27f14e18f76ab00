/** Target validation (issue 3): keys by type, every field rule, tags and tiers; a property test. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeUscc, parseRiskTier, splitTags, validateTarget, type TargetRaw } from '../../src';

const blank: TargetRaw = {
  uscc: '',
  code: '',
  name: '',
  type: '',
  divisionCode: '',
  address: '',
  industryCode: '',
  legalRep: '',
  status: '',
  supervisingUnit: '',
  riskTier: '',
  tags: '',
};
const uscc = completeUscc('91500112MA5U7AB12') ?? '';
const company: TargetRaw = { ...blank, uscc, name: '重庆示例有限公司', type: '企业', divisionCode: '500112' };

function fields(raw: TargetRaw): string[] {
  const r = validateTarget(raw, 7);
  return r.ok ? [] : r.error.map((i) => i.field);
}

describe('validateTarget', () => {
  it('accepts a company and normalises industry, tier and tags', () => {
    const r = validateTarget({
      ...company,
      industryCode: 'F5211',
      riskTier: '高风险',
      tags: '风险预警；食品,食品;  ',
    });
    expect(r.ok && r.value).toMatchObject({
      id: uscc,
      uscc,
      industryCode: '5211',
      riskTier: 'D',
      tags: ['风险预警', '食品'],
      status: '在营',
    });
  });

  it('keys other types by <type>:<code>, with or without the prefix', () => {
    const a = validateTarget({
      ...blank,
      code: '批次-2026-001',
      name: '月饼',
      type: '产品',
      divisionCode: '500112',
    });
    const b = validateTarget({
      ...blank,
      code: '产品:批次-2026-001',
      name: '月饼',
      type: '产品',
      divisionCode: '500112',
    });
    expect(a.ok && a.value.id).toBe('产品:批次-2026-001');
    expect(b.ok && b.value.id).toBe('产品:批次-2026-001');
    expect(fields({ ...blank, code: '项目:x', name: 'x', type: '产品', divisionCode: '500112' })).toEqual([
      'code',
    ]);
  });

  it('reports every problem of a row at once, with the row number', () => {
    const r = validateTarget(
      {
        ...blank,
        uscc: 'bad',
        type: '公司',
        divisionCode: '999999',
        industryCode: 'Z99',
        status: '停业',
        riskTier: 'E',
        name: '',
      },
      7,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((i) => i.field).sort()).toEqual(
        ['divisionCode', 'industryCode', 'name', 'riskTier', 'status', 'type', 'uscc'].sort(),
      );
      expect(r.error.every((i) => i.row === 7 && i.messageZh !== '' && i.messageEn !== '')).toBe(true);
    }
  });

  it('needs exactly one of uscc and code, and the right one for the type', () => {
    expect(fields({ ...company, code: '产品:1' })).toEqual(['code']);
    expect(fields({ ...company, uscc: '' })).toEqual(['uscc']);
    expect(fields({ ...company, type: '产品' })).toEqual(['type']);
    expect(fields({ ...blank, code: 'x-1', name: 'x', type: '企业', divisionCode: '500112' })).toEqual([
      'code',
    ]);
    expect(fields({ ...company, type: '其他组织' })).toEqual([]);
  });

  it('limits lengths and tag counts', () => {
    expect(fields({ ...company, name: '名'.repeat(201) })).toEqual(['name']);
    expect(fields({ ...company, address: '址'.repeat(301) })).toEqual(['address']);
    expect(fields({ ...company, tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(';') })).toEqual([
      'tags',
    ]);
    expect(fields({ ...company, tags: '标'.repeat(31) })).toEqual(['tags']);
    expect(fields({ ...company, name: 'a\u0007b' })).toEqual(['name']);
  });

  it('splits tags and parses tiers', () => {
    expect(splitTags('a；b;c,d，a')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseRiskTier('b')).toBe('B');
    expect(parseRiskTier('较高风险')).toBe('C');
    expect(parseRiskTier('E')).toBeUndefined();
  });

  it('property: any valid USCC with a valid row is accepted and keyed by itself', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 8, maxLength: 8 }), (tail) => {
        const code = completeUscc(`915001120${tail.join('')}`);
        if (code === undefined) {
          return;
        }
        const r = validateTarget({ ...company, uscc: code });
        expect(r.ok && r.value.id).toBe(code);
      }),
    );
  });
});
