import { describe, expect, it } from 'vitest';
import { freshnessMessage } from '../src/components/data-freshness';
import { translate } from '../src/i18n/translate';

describe('portal data freshness (issue 17 §1)', () => {
  it('calls the primary and a caught-up replica live', () => {
    expect(freshnessMessage({ source: 'primary', lagSeconds: 0 }).key).toBe('portal.freshness.live');
    expect(freshnessMessage({ source: 'replica', lagSeconds: 0.4 }).key).toBe('portal.freshness.live');
  });

  it('states a lagging replica’s age in whole seconds, in both languages', () => {
    const m = freshnessMessage({ source: 'replica', lagSeconds: 3.6 });
    expect(m).toEqual({ key: 'portal.freshness.behind', n: 4 });
    expect(translate('zh-CN', m.key, { n: m.n })).toBe('数据约 4 秒前同步（只读副本）');
    expect(translate('en', m.key, { n: m.n })).toContain('4 s ago');
  });
});
