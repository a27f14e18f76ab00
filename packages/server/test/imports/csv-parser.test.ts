/** The streaming CSV parser: quotes, doubled quotes, line breaks in fields, CRLF/CR/LF, any chunking. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from '../../src/contexts/platform/sheets/csv-parser';
import { csvLine } from '../../src/contexts/platform/sheets/sheet-writer';

describe('CsvParser', () => {
  it('parses quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\nh,,\n"",x')).toEqual([
      ['a', 'b,c', 'd "e"', 'f\r\ng'],
      ['h', '', ''],
      ['', 'x'],
    ]);
    expect(parseCsv('a\rb\n')).toEqual([['a'], ['b']]);
  });

  it('property: any table survives csvLine and any chunking', () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', '华', ',', '"', '\n', '\r', ' ', 'x') })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, step) => {
          const text = rows.map((r) => csvLine(r)).join('');
          const out: string[][] = [];
          const p = new CsvParser();
          for (let i = 0; i < text.length; i += step) {
            p.push(text.slice(i, i + step), out);
          }
          p.push('', out, true);
          expect(out).toEqual(rows);
        },
      ),
    );
  });
});
