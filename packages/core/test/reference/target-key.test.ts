// Target keys: USCC for market entities, `<type>:<code>` for the other types.
import { describe, expect, it } from 'vitest';
import {
  isMarketEntityType,
  makeTargetCode,
  splitTargetCode,
  TARGET_TYPES,
  validateTargetCode,
  validateTargetKey,
} from '../../src/reference/target-key';

describe('validateTargetCode', () => {
  it('accepts the examples of issue 3', () => {
    for (const s of ['产品:批次-2026-001', '项目:渝北-0042', '行为:夜间施工-17', '其他组织:ORG-1']) {
      expect(validateTargetCode(s)).toEqual({ ok: true, value: s });
    }
  });
  it('rejects a missing colon, unknown type, market types and bad codes', () => {
    const msg = (s: string): string => {
      const r = validateTargetCode(s);
      return r.ok ? 'ok' : r.error.messageEn;
    };
    expect(msg('产品-001')).toBe("code must be '<type>:<code>', e.g. 产品:批次-2026-001");
    expect(msg('商品:001')).toBe("unknown target type '商品'");
    expect(msg('企业:001')).toContain('identified by its uscc');
    expect(msg('产品:')).toBe('code must be 1–64 characters, got 0');
    expect(msg(`产品:${'x'.repeat(65)}`)).toBe('code must be 1–64 characters, got 65');
    expect(msg('产品:批次 1')).toBe('code must not contain whitespace, colons or control characters');
    expect(msg('产品:a:b')).toBe('code must not contain whitespace, colons or control characters');
  });
  it('splits and builds', () => {
    const r = makeTargetCode('项目', '渝北-0042');
    expect(r.ok && splitTargetCode(r.value)).toEqual({ type: '项目', code: '渝北-0042' });
  });
});

describe('validateTargetKey', () => {
  it('needs a USCC for market entities', () => {
    expect(validateTargetKey('企业', '91440300708461136T').ok).toBe(true);
    const r = validateTargetKey('个体工商户', '产品:1', { row: 3 });
    expect(!r.ok && r.error.row).toBe(3);
    expect(!r.ok && r.error.field).toBe('uscc');
  });
  it('needs the same type in the code', () => {
    expect(validateTargetKey('产品', '产品:A-1').ok).toBe(true);
    const r = validateTargetKey('产品', '项目:A-1');
    expect(!r.ok && r.error.messageZh).toBe('对象编码的类型「项目」与对象类型「产品」不一致');
  });
  it('lets 其他组织 carry either form', () => {
    expect(validateTargetKey('其他组织', '91440300708461136T').ok).toBe(true);
    expect(validateTargetKey('其他组织', '其他组织:协会-9').ok).toBe(true);
  });
  it('knows the seven types', () => {
    expect(TARGET_TYPES).toHaveLength(7);
    expect(TARGET_TYPES.filter(isMarketEntityType)).toEqual(['企业', '个体工商户', '农民专业合作社']);
  });
});
