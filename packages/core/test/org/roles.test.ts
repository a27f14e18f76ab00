import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../src/org/roles';

describe('password policy', () => {
  it('accepts a strong password', () => {
    expect(checkPasswordPolicy('Kx7#policy2026', 'admin').ok).toBe(true);
  });
  it.each([
    ['Short1!', 'at least 10'],
    ['alllowercase1', 'three of'],
    ['Admin@12345x', 'username'],
    ['A1!' + 'x'.repeat(130), 'at most 128'],
  ])('rejects %s', (pw, why) => {
    const r = checkPasswordPolicy(pw, 'admin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.messageEn).toContain(why);
      expect(r.error.field).toBe('password');
    }
  });
});
