// Spreadsheet cell parsers: lists, yes/no, dates, integers, lengths.
import { describe, expect, it } from 'vitest';
import { checkLength, parseDateCell, parseIntCell, parseYesNo, splitList } from '../../src/library';

const at = { field: 'x', row: 3 };

describe('cells', () => {
  it('splits lists on Chinese and ASCII separators, trims and de-duplicates', () => {
    expect(splitList('企业、个体工商户，企业; 产品\n项目 ')).toEqual(['企业', '个体工商户', '产品', '项目']);
    expect(splitList('  ')).toEqual([]);
  });

  it('reads yes/no', () => {
    expect(parseYesNo('是', at)).toEqual({ ok: true, value: true });
    expect(parseYesNo('Y', at)).toEqual({ ok: true, value: true });
    expect(parseYesNo('', at)).toEqual({ ok: true, value: false });
    expect(parseYesNo('否', at)).toEqual({ ok: true, value: false });
    expect(parseYesNo('也许', at).ok).toBe(false);
  });

  it('reads dates in the usual spellings and rejects impossible ones', () => {
    for (const s of ['2027-12-31', '2027/12/31', '2027.12.31', '20271231', '2027年12月31日', '2027-1-5']) {
      expect(parseDateCell(s, at).ok, s).toBe(true);
    }
    expect(parseDateCell('2027/1/5', at)).toEqual({ ok: true, value: '2027-01-05' });
    for (const s of ['2027-02-30', '31/12/2027', 'next year', '2027-13-01']) {
      const r = parseDateCell(s, at);
      expect(r.ok, s).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ row: 3, field: 'x', value: s });
      }
    }
  });

  it('reads bounded integers', () => {
    expect(parseIntCell(' 12 ', at, 1, 999)).toEqual({ ok: true, value: 12 });
    expect(parseIntCell('0', at, 1, 999).ok).toBe(false);
    expect(parseIntCell('1000', at, 1, 999).ok).toBe(false);
    expect(parseIntCell('1.5', at, 1, 999).ok).toBe(false);
    expect(parseIntCell('-3', at, 1, 999).ok).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkLength('𠮷'.repeat(3), at, 3).ok).toBe(true);
    expect(checkLength('𠮷'.repeat(4), at, 3).ok).toBe(false);
    expect(checkLength('  ', at, 3, 1).ok).toBe(false);
  });
});
