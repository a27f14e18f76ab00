// USCC (GB 32100-2015): the real code, precise reasons, and properties over generated codes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completeUscc, isUscc, USCC_CHARSET, usccCheckChar, validateUscc } from '../../src/reference/uscc';

const charArb = fc.constantFrom(...USCC_CHARSET);
const first17Arb = fc.array(charArb, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('usccCheckChar', () => {
  it('computes the check character of a real code', () => {
    expect(usccCheckChar('91440300708461136')).toBe('T');
  });
  it('maps 31 to 0 and rejects bad input', () => {
    // Σ = 0 → 31 − 0 = 31 → '0'
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(usccCheckChar('9144030070846113')).toBeUndefined();
    expect(usccCheckChar('9144030070846113I')).toBeUndefined();
  });
});

describe('validateUscc', () => {
  it('accepts a real code and trims spaces', () => {
    const r = validateUscc(' 91440300708461136T ');
    expect(r).toEqual({ ok: true, value: '91440300708461136T' });
    expect(isUscc('91440300708461136T')).toBe(true);
    expect(isUscc(' 91440300708461136T')).toBe(false);
  });
  it('names the expected check character', () => {
    const r = validateUscc('91440300708461136X', { row: 37, field: '统一社会信用代码' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual({
        row: 37,
        field: '统一社会信用代码',
        value: '91440300708461136X',
        messageZh: '校验位错误：应为 T',
        messageEn: 'bad check character, expected T',
      });
    }
  });
  it('reports the length', () => {
    const r = validateUscc('9144030070846113');
    expect(!r.ok && r.error.messageEn).toBe('length must be 18 characters, got 16');
    expect(!r.ok && r.error.messageZh).toBe('长度应为 18 位，实际为 16 位');
    const e = validateUscc('');
    expect(!e.ok && e.error.messageZh).toBe('统一社会信用代码为空');
  });
  it('reports a bad character with its position', () => {
    const r = validateUscc('9144030070846I136T');
    expect(!r.ok && r.error.messageEn).toBe("bad character 'I' at position 14");
    expect(!r.ok && r.error.messageZh).toBe('第 14 位字符「I」不合法');
    const lower = validateUscc('91440300708461136t');
    expect(!lower.ok && lower.error.messageEn).toBe("bad character 't' at position 18 (must be upper case)");
    const cjk = validateUscc('9144030070846113统T');
    expect(!cjk.ok && cjk.error.messageZh).toBe('第 17 位字符「统」不合法');
  });
  it('completeUscc builds valid codes', () => {
    expect(completeUscc('91440300708461136')).toBe('91440300708461136T');
    expect(completeUscc('short')).toBeUndefined();
  });
});

describe('properties', () => {
  it('every generated code validates', () => {
    fc.assert(
      fc.property(first17Arb, (f) => {
        const code = `${f}${usccCheckChar(f) ?? ''}`;
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
  });
  it('any single-character change is caught', () => {
    fc.assert(
      fc.property(first17Arb, fc.nat(17), fc.nat(29), (f, pos, shift) => {
        const code = `${f}${usccCheckChar(f) ?? ''}`;
        const old = USCC_CHARSET.indexOf(code.charAt(pos));
        const replacement = USCC_CHARSET.charAt((old + 1 + shift) % 31); // never the same char
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(changed).not.toBe(code);
        expect(validateUscc(changed).ok).toBe(false);
      }),
    );
  });
});
