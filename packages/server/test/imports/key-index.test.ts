/** The import's duplicate check in flat memory answers exactly as a Map of strings would. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/contexts/platform/sheets/key-index';

describe('KeyIndex', () => {
  it('property: the first row of each key, as a Map would say, through every growth', () => {
    const key = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '9', '华', '𠀀', '-'), maxLength: 6 }),
      fc.nat({ max: 3000 }).map((n) => `91500112MA${String(n).padStart(7, '0')}X`),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const index = new KeyIndex();
        const model = new Map<string, number>();
        keys.forEach((k, i) => {
          const row = i + 2;
          expect(index.firstOrAdd(k, row)).toBe(model.get(k));
          if (!model.has(k)) {
            model.set(k, row);
          }
        });
        expect(index.size).toBe(model.size);
      }),
      { numRuns: 60 },
    );
  });

  it('tells apart keys that share a hash slot and keys of different lengths', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 50_000; i++) {
      expect(index.firstOrAdd(`k${i}`, i)).toBeUndefined();
    }
    expect(index.firstOrAdd('k49999', 1)).toBe(49_999);
    expect(index.firstOrAdd('k4999', 1)).toBe(4999);
    expect(index.firstOrAdd('k', 7)).toBeUndefined();
    expect(index.firstOrAdd('', 8)).toBeUndefined();
    expect(index.firstOrAdd('', 9)).toBe(8);
    expect(index.size).toBe(50_002);
  });
});
