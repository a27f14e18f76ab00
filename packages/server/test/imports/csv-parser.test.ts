/**
 * The streaming CSV parser: quotes, doubled quotes, line breaks in fields, CRLF/CR/LF, any chunking;
 * and the encoding detection, whatever the chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from '../../src/contexts/platform/sheets/csv-parser';
import { csvLine } from '../../src/contexts/platform/sheets/sheet-writer';
import {
  detectEncoding,
  utf8Boundary,
  type ImportSource,
} from '../../src/contexts/platform/sheets/sheet-reader';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';

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

describe('encoding detection', () => {
  const chunked = (bytes: Buffer, cuts: readonly number[]): ImportSource => ({
    fileName: 'x.csv',
    open: () => {
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const parts = [0, ...at, bytes.length]
        .slice(1)
        .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
      return Readable.from(parts.filter((p) => p.length > 0));
    },
  });
  const text = fc.string({ unit: fc.constantFrom('a', '华', '𠀀', '餐', ',', '\n', '1') });

  it('property: UTF-8 cut anywhere is UTF-8, and Chinese in GBK is not', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (s, cuts) => {
        const utf8 = Buffer.from(s, 'utf8');
        expect(await detectEncoding(chunked(utf8, cuts))).toBe('utf-8');
        if (/[华餐]/.test(s)) {
          expect(await detectEncoding(chunked(iconv.encode(s.replace(/𠀀/g, ''), 'gbk'), cuts))).toBe(
            'gb18030',
          );
        }
      }),
    );
  });

  it('finds where a cut sequence starts', () => {
    const b = Buffer.from('a华', 'utf8'); // 61 e5 8d 8e
    expect(utf8Boundary(b)).toBe(4);
    expect(utf8Boundary(b.subarray(0, 3))).toBe(1);
    expect(utf8Boundary(b.subarray(0, 2))).toBe(1);
    expect(utf8Boundary(Buffer.from('𠀀', 'utf8').subarray(0, 3))).toBe(0);
  });
});
