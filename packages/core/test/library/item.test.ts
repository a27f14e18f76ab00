// Item rules: cap ⇔ general, canonical caps, methods, priorities, industries, legal references.
import { describe, expect, it } from 'vitest';
import {
  checkEffectiveFrom,
  extractLegalRefs,
  itemContentInputSchema,
  newItemSchema,
  parseMethod,
  parsePriority,
  validateItemContent,
  type ItemContentInput,
} from '../../src/library';

const base: ItemContentInput = {
  name: '营业执照公示情况的检查',
  priority: 'general',
  legalBasis: '《企业信息公示暂行条例》第十四条',
  method: 'onsite',
};
const rules = { defaultRatioCap: '0.1' };

describe('validateItemContent', () => {
  it('gives a general item without a cap the default cap, and a default guideline', () => {
    const r = validateItemContent(base, rules);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.ratioCap).toBe('0.1');
      expect(r.value.legalRefs).toEqual(['《企业信息公示暂行条例》第十四条']);
      expect(r.value.guideline.form.some((f) => f.key === 'result')).toBe(true);
      expect(r.value.targetTypes).toEqual([]);
    }
  });

  it('normalises the cap', () => {
    const r = validateItemContent({ ...base, ratioCap: '5%' }, rules);
    expect(r.ok && r.value.ratioCap).toBe('0.05');
  });

  it('requires a cap on general items when there is no valid default', () => {
    const r = validateItemContent({ ...base, ratioCap: null }, { defaultRatioCap: '', row: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]).toMatchObject({ row: 7, field: 'ratioCap', messageZh: '一般事项须设抽查比例上限' });
    }
  });

  it('rejects a cap on a key item, and a bad cap on a general one', () => {
    const k = validateItemContent({ ...base, priority: 'key', ratioCap: '10%' }, rules);
    expect(!k.ok && k.error[0]?.messageEn).toBe('key items have no ratio cap');
    const key = validateItemContent({ ...base, priority: 'key' }, rules);
    expect(key.ok && key.value.ratioCap).toBe(null);
    expect(validateItemContent({ ...base, ratioCap: '150%' }, rules).ok).toBe(false);
  });

  it('normalises industries (with or without the section letter) and rejects unknown ones', () => {
    const r = validateItemContent({ ...base, industries: ['H6210', '62', 'F'] }, rules);
    expect(r.ok && r.value.industries).toEqual(['6210', '62', 'F']);
    const bad = validateItemContent({ ...base, industries: ['9999'] }, rules);
    expect(!bad.ok && bad.error[0]?.field).toBe('industries');
  });

  it('reports every problem at once', () => {
    const r = validateItemContent(
      { ...base, name: '名'.repeat(101), ratioCap: 'x', industries: ['0000'] },
      { ...rules, row: 2 },
    );
    expect(!r.ok && r.error.map((e) => e.field).sort()).toEqual(['industries', 'name', 'ratioCap']);
  });
});

describe('schemas and cell parsers', () => {
  it('bounds field lengths and the department code shape', () => {
    expect(itemContentInputSchema.safeParse({ ...base, legalBasis: 'x'.repeat(2001) }).success).toBe(false);
    expect(newItemSchema.safeParse({ ...base, departmentCode: '500112-SCJG', code: 'SX001' }).success).toBe(
      true,
    );
    expect(newItemSchema.safeParse({ ...base, departmentCode: 'SCJG', code: 'SX001' }).success).toBe(false);
    expect(newItemSchema.safeParse({ ...base, departmentCode: '500112-SCJG', code: 'SX 001' }).success).toBe(
      false,
    );
    expect(
      newItemSchema.safeParse({ ...base, departmentCode: '500112-SCJG', code: 'S'.repeat(41) }).success,
    ).toBe(false);
    expect(
      newItemSchema.safeParse({ ...base, departmentCode: '500112-SCJG', code: 'A', method: 'phone' }).success,
    ).toBe(false);
    expect(
      newItemSchema.safeParse({
        ...base,
        departmentCode: '500112-SCJG',
        code: 'A',
        effectiveFrom: '2026-02-30',
      }).success,
    ).toBe(false);
  });

  it('reads 事项类别 and 检查方式', () => {
    expect(parsePriority('重点', { field: 'priority' })).toEqual({ ok: true, value: 'key' });
    expect(parsePriority('一般事项', { field: 'priority' })).toEqual({ ok: true, value: 'general' });
    expect(parsePriority('普通', { field: 'priority' }).ok).toBe(false);
    expect(parseMethod('书面检查', { field: 'method' })).toEqual({ ok: true, value: 'document' });
    expect(parseMethod('实地核查', { field: 'method' })).toEqual({ ok: true, value: 'onsite' });
    expect(parseMethod('网络监测', { field: 'method' })).toEqual({ ok: true, value: 'online' });
    const bad = parseMethod('电话抽查', { field: 'method', row: 9 });
    expect(!bad.ok && bad.error).toMatchObject({ row: 9, field: 'method', value: '电话抽查' });
  });

  it('extracts article references', () => {
    expect(
      extractLegalRefs(
        '依据《中华人民共和国食品安全法》第一百一十条、第一百二十六条和《企业信息公示暂行条例》的规定',
      ),
    ).toEqual(['《中华人民共和国食品安全法》第一百一十条、第一百二十六条', '《企业信息公示暂行条例》']);
    expect(extractLegalRefs('无')).toEqual([]);
  });

  it('keeps effective dates in order', () => {
    expect(checkEffectiveFrom('2026-01-01', '2026-03-01').ok).toBe(false);
    expect(checkEffectiveFrom('2026-03-01', '2026-03-01').ok).toBe(true);
  });
});
